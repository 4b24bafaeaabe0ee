import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { AppEnv } from '../env.ts';
import { openApiDocument } from '../openapi.ts';

type Document = ReturnType<typeof openApiDocument>;
type Operation = { summary?: string; security?: unknown; parameters?: { name: string; in: string; required: boolean }[]; requestBody?: { content: { 'application/json': { schema: unknown } } }; responses?: Record<string, { description: string; content?: { 'application/json': { schema: unknown } } }> };

/**
 * `/openapi.json` and `/docs`. The page is rendered here from the same document, with no
 * script from a CDN, so it works offline and under a strict CSP (its one `<style>` carries the
 * request's nonce).
 */
export function docsRoutes(document: () => Document) {
  return new Hono<AppEnv>()
    .get('/openapi.json', (c) => c.json(document()))
    .get('/docs', (c) => {
      const doc = document();
      const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Operation })),
      );
      const json = (value: unknown) => JSON.stringify(value, null, 2);
      return c.html(html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.info.title} API</title>
<style nonce="${c.get('secureHeadersNonce') ?? ''}">
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: #1c2430; }
  h1 { margin-top: 0 } details { border: 1px solid #d5dbe3; border-radius: 8px; margin: .5rem 0; padding: .25rem .75rem; }
  summary { cursor: pointer; padding: .35rem 0; } summary:focus-visible { outline: 2px solid #2456d6; outline-offset: 2px; }
  .m { display: inline-block; min-width: 4.2rem; font: 600 12px ui-monospace, monospace; text-transform: uppercase; }
  .get { color: #1b7a3a } .post { color: #2456d6 } .put, .patch { color: #9a5b00 } .delete { color: #b3261e }
  code, pre { font-family: ui-monospace, monospace; font-size: 13px; } pre { background: #f4f6f9; padding: .75rem; overflow: auto; border-radius: 6px; }
</style>
</head>
<body>
<h1>${doc.info.title} API <small>${doc.info.version}</small></h1>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a>. Authenticated routes take <code>Authorization: Bearer &lt;token&gt;</code>. Every error has the shape:</p>
<pre>${json(doc.components.schemas.Error)}</pre>
${operations.map(
  ({ path, method, op }) => html`<details>
  <summary><span class="m ${method}">${method}</span> <code>${path}</code> — ${op.summary ?? ''}${op.security ? '' : raw(' <em>(no token)</em>')}</summary>
  ${op.parameters?.length ? html`<p>Parameters: ${op.parameters.map((p) => html`<code>${p.name}</code> (${p.in}${p.required ? ', required' : ''}) `)}</p>` : ''}
  ${op.requestBody ? html`<p>Request body:</p><pre>${json(op.requestBody.content['application/json'].schema)}</pre>` : ''}
  <p>Responses:</p>
  <ul>${Object.entries(op.responses ?? {}).map(([status, r]) => html`<li><code>${status}</code> ${r.description}</li>`)}</ul>
</details>`,
)}
</body>
</html>`);
    });
}

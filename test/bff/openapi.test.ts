import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, json } from './harness.ts';

const t = await createTestApp();

// The documentation routes describe the API; they are not part of it.
const undocumented = new Set(['GET /openapi.json', 'GET /docs']);

/** Every method + path the app answers, in OpenAPI's path syntax; middleware (`use`) is not a route. */
function appRoutes(): string[] {
  const routes = new Set<string>();
  for (const route of t.app.routes) {
    if (route.method === 'ALL') continue;
    const key = `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`;
    if (!undocumented.has(key)) routes.add(key);
  }
  return [...routes].sort();
}

test('/openapi.json lists every route of the app, and no route the app lacks', async () => {
  const res = await t.request('/openapi.json');
  assert.equal(res.status, 200);
  const document = await json(res);
  assert.match(document.openapi, /^3\./);
  const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>)
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
  const routes = appRoutes();
  assert.ok(routes.includes('POST /api/sessions') && routes.includes('GET /healthz'), 'the routes are read from the app');
  assert.deepEqual(documented, routes);
});

test('every documented operation has a summary and responses; authenticated ones declare bearer security and 401', async () => {
  const document = await json(await t.request('/openapi.json'));
  assert.equal(document.components.securitySchemes.bearer.scheme, 'bearer');
  assert.equal(document.components.securitySchemes.apiKey.scheme, 'bearer');
  // any: the operations are read as the JSON they are, and asserted field by field.
  for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
    for (const [method, op] of Object.entries(methods)) {
      const name = `${method.toUpperCase()} ${path}`;
      assert.equal(typeof op.summary, 'string', `${name} has a summary`);
      assert.ok(Object.keys(op.responses ?? {}).length > 0, `${name} has responses`);
      if (op.security) assert.ok(op.responses['401'], `${name} documents 401`);
    }
  }
  assert.equal(document.paths['/api/sessions'].post.security, undefined, 'signing in needs no token');
  assert.deepEqual(document.paths['/api/me'].get.security, [{ bearer: [] }]);
  assert.deepEqual(document.paths['/api/embed-sessions'].post.security, [{ apiKey: [] }], 'the one route that takes an API key says so');
});

test('POST /api/sessions documents a JSON body with email and password required', async () => {
  const document = await json(await t.request('/openapi.json'));
  const op = document.paths['/api/sessions']?.post;
  assert.ok(op, 'POST /api/sessions is documented');
  assert.equal(op.requestBody.required, true);
  const schema = op.requestBody.content['application/json'].schema;
  assert.equal(schema.type, 'object');
  assert.deepEqual([...schema.required].sort(), ['email', 'password']);
  assert.equal(schema.properties.email.type, 'string');
  assert.equal(schema.properties.password.type, 'string');
  assert.ok(op.responses['201'].content['application/json'].schema.properties.token, 'the 201 response documents the token');
  assert.deepEqual(op.responses['422'].content['application/json'].schema, { $ref: '#/components/schemas/Error' });
  assert.deepEqual(document.components.schemas.Error.required, ['error']);
});

test('/docs answers an HTML page that lists the routes', async () => {
  const res = await t.request('/docs');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
  const page = await res.text();
  assert.match(page, /^<!doctype html>/i);
  assert.ok(page.includes('/api/sessions'));
  assert.ok(page.includes('/api/me/password'));
  assert.ok(page.includes('href="/openapi.json"'));
});

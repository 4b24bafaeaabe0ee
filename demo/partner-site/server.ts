/**
 * The demo's second origin: a partner's own website with its own tiny backend, the way a real
 * partner embeds partnerkit. Its backend holds an API key (never sent to the browser) and mints a
 * short-lived embed session for the signed-in visitor through `POST /api/embed-sessions`; its
 * pages load `partnerkit.js` from the BFF's origin and talk to the BFF across origins.
 *
 * "Signed in" is played by a visitor chooser on the page: a real site would take the visitor
 * from its own login instead, and only ever mint tokens for that person.
 */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { listen } from '../../bff/listen.ts';
import { provisionPartnerSite, type Provisioned } from './provision.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

const read = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
// Read once: the site serves them on every request.
const pages = { 'index.html': read('index.html'), 'signup.html': read('signup.html'), 'site.css': read('site.css'), 'site.js': read('site.js') };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface PartnerSite {
  url: string;
  close(): Promise<void>;
}

/** Starts the site on `port` (0: any free one) and provisions the demo partner for it; null without a demo partner. */
export async function startPartnerSite(options: { db: Db; bffUrl: string; host: string; port: number }): Promise<PartnerSite | null> {
  let site: Provisioned | null = null;
  let receiver: WebhookReceiver | null = null;
  const app = createPartnerSiteApp(options.bffUrl, () => site, () => receiver);
  const { url, close } = await listen(app.fetch, { port: options.port, hostname: options.host });
  site = await provisionPartnerSite(options.db, url);
  if (!site) {
    await close();
    return null;
  }
  receiver = await startWebhookReceiver(url, adminCall(options.bffUrl, embedSessionFor(options.bffUrl, site)));
  return { url, close };
}

const tokenRequestSchema = z.object({ email: z.email() });

/** Mints an embed session with the site's API key, as the site's backend does for a visitor. */
const embedSessionFor = (bffUrl: string, site: Provisioned | null) => (email: string) =>
  fetch(`${bffUrl}/api/embed-sessions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${site?.apiKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, ttlMinutes: 15 }),
  });

/** Calls the BFF as the partner's admin, on the site's backend (never from a browser). */
function adminCall(bffUrl: string, embedSession: (email: string) => Promise<Response>) {
  let token: Promise<string> | undefined;
  return async <T>(path: string, init: RequestInit = {}) => {
    token ??= embedSession(demoAdminEmail).then(async (r) => ((await r.json()) as { token: string }).token);
    const res = await fetch(`${bffUrl}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${await token}`, 'Content-Type': 'application/json' },
    });
    return { status: res.status, body: (res.status === 204 ? null : await res.json()) as T };
  };
}

const demoAdminEmail = 'admin@northwind.example';

function createPartnerSiteApp(bffUrl: string, site: () => Provisioned | null, receiver: () => WebhookReceiver | null) {
  const render = (name: 'index.html' | 'signup.html') => {
    const current = site();
    const visitors = (current?.visitors ?? [])
      .map((v) => `<option value="${escapeHtml(v.email)}">${escapeHtml(v.displayName)} (${escapeHtml(v.email)})</option>`)
      .join('');
    return pages[name]
      .replaceAll('%BFF%', escapeHtml(bffUrl))
      .replaceAll('%PARTNER%', escapeHtml(current?.partnerName ?? ''))
      .replace('%VISITORS%', visitors);
  };

  const embedSession = (email: string) => embedSessionFor(bffUrl, site())(email);

  let trialCode: string | undefined;

  return new Hono()
    // A strict policy, as a partner's own site would have: scripts from itself and the BFF only.
    .use(
      secureHeaders({
        crossOriginResourcePolicy: false,
        contentSecurityPolicy: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", new URL(bffUrl).origin],
          connectSrc: ["'self'", new URL(bffUrl).origin],
          imgSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
        },
      }),
    )
    .get('/', (c) => c.html(render('index.html')))
    .get('/signup', (c) => c.html(render('signup.html')))
    .get('/site.css', (c) => c.body(pages['site.css'], 200, { 'Content-Type': 'text/css; charset=utf-8' }))
    .get('/site.js', (c) => c.body(pages['site.js'], 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
    .post('/embed-token', async (c) => {
      const parsed = tokenRequestSchema.safeParse(await c.req.json().catch(() => null));
      if (!parsed.success) return c.json({ error: { code: 'validation_failed', message: 'Send { email }.', details: [] } }, 422);
      const answer = await embedSession(parsed.data.email);
      // The BFF's answer as is: { token, expiresAt }, or its error shape.
      return c.body(await answer.text(), answer.status as 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    })
    .get('/trial', async (c) => {
      // The site's "Start a free trial" button: a trial invitation the partner made in the portal
      // (here made once by the site's backend on the admin's behalf).
      trialCode ??= await findOrCreateTrial(adminCall(bffUrl, embedSession));
      return c.redirect(`/signup?offer=${encodeURIComponent(trialCode)}`);
    })
    // The partner's own systems hearing about changes (issue 14): signed deliveries from the BFF.
    .post('/webhooks', async (c) => {
      const status = receiver()?.receive(await c.req.text(), Object.fromEntries(c.req.raw.headers)) ?? 400;
      return c.body(null, status as 204);
    })
    .get('/webhook-events', (c) =>
      c.json(receiver()?.state() ?? { receiving: false, note: 'Starting…', events: [] }, 200, { 'Cache-Control': 'no-store' }),
    );
}

async function findOrCreateTrial(admin: ReturnType<typeof adminCall>): Promise<string> {
  const call = async <T>(path: string, init: RequestInit = {}) => {
    const { status, body } = await admin<T>(path, init);
    if (status >= 300) throw new Error(`${path}: ${status}`);
    return body;
  };
  const { items } = await call<{ items: { code: string; name: string | null }[] }>('/api/offers?kind=trial&status=active&limit=100');
  const existing = items.find((o) => o.name === 'Website trial');
  if (existing) return existing.code;
  const catalog = await call<{ items: { id: string }[] }>('/api/catalog');
  const offer = await call<{ code: string }>('/api/offers', {
    method: 'POST',
    body: JSON.stringify({ kind: 'trial', serviceId: catalog.items[0]!.id, name: 'Website trial', delegatedAdmin: 'limited' }),
  });
  return offer.code;
}

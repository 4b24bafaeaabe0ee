/**
 * PostgreSQL out of reach and back, played by a TCP proxy between the BFF and the test server
 * (the shared server itself is never stopped). Runs in the PostgreSQL pass only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createDatabase, type Database } from '../../db/database.ts';
import { companies, services, users } from '../../db/schema.ts';
import { assertErrorShape, createTestApp, json, uniqueEmail, uniqueSuffix, type TestApp } from './harness.ts';
import { documentedOperations, plausible } from './openapi-samples.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';

const serverUrl = process.env.PK_TEST_DATABASE_URL;

/** Bodies that pass validation where the plausible one would not, so the route reaches the database. */
const bodies: Record<string, unknown> = {
  'POST /api/embed-sessions': { email: 'someone@partnerkit.test' },
};

async function waitUntilReady(t: TestApp, withinMs: number) {
  const until = Date.now() + withinMs;
  for (;;) {
    const res = await t.request('/readyz');
    if (res.status === 200) return;
    if (Date.now() > until) assert.fail(`not ready again within ${withinMs} ms (last: ${res.status})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('PostgreSQL out of reach', { skip: !serverUrl && 'runs in the PostgreSQL pass (DATABASE_URL)' }, () => {
  let proxy: TcpProxy;
  let database: Database;
  let t: TestApp;
  /** The same database, reached directly, to see what a cut-off request left behind. */
  let direct: TestApp;

  before(async () => {
    const url = new URL(serverUrl!);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = proxy.address;
    database = await createDatabase({ url: url.href, poolSize: 4 });
    t = await createTestApp({ database });
    direct = await createTestApp();
  });
  after(async () => {
    await t?.close();
    await proxy?.close();
  });

  test('every API route answers 503 database_unavailable within 2 s, /healthz stays up, and the same process serves again', async (ctx) => {
    const { admin } = await t.createPartner();
    const { token } = await t.signIn(admin.email, admin.password);
    const operations = documentedOperations(await json(await t.request('/openapi.json'))).filter((op) => op.path.startsWith('/api/'));
    assert.ok(operations.length > 30);

    proxy.cut();
    const slowest = { ms: 0, route: '' };
    for (const op of operations) {
      const route = `${op.method} ${op.path}`;
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'code' ? 'A'.repeat(27) : crypto.randomUUID()));
      const headers: Record<string, string> = { 'Idempotency-Key': `outage-${uniqueSuffix()}` };
      if (op.apiKey) headers.Authorization = `Bearer pk_live_${'A'.repeat(43)}`;
      const body = bodies[route] ?? (op.body ? plausible(op.body) : undefined);
      const started = performance.now();
      const res = await t.request(path, { method: op.method, token: op.apiKey ? undefined : token, headers, body });
      const ms = performance.now() - started;
      if (ms > slowest.ms) Object.assign(slowest, { ms, route });
      await assertErrorShape(res, 503, 'database_unavailable').catch((error: Error) => assert.fail(`${route}: ${error.message}`));
      assert.ok(ms < 2000, `${route} answered after ${Math.round(ms)} ms`);
    }
    ctx.diagnostic(`${operations.length} routes answered 503 while the database was cut off; slowest ${Math.round(slowest.ms)} ms (${slowest.route})`);
    await assertErrorShape(await t.request('/readyz'), 503, 'database_unavailable');
    assert.equal((await t.request('/healthz')).status, 200);

    proxy.restore();
    await waitUntilReady(t, 5000);
    const me = await t.request('/api/me', { token });
    assert.equal(me.status, 200, 'the session made before the outage works again, without a restart');
  });

  test('a redemption cut off mid-transaction leaves nothing behind, and its retry then redeems once', async () => {
    const { admin } = await t.createPartner();
    const { token } = await t.signIn(admin.email, admin.password);
    const [service] = await direct.db
      .insert(services)
      .values({ sku: `CUT-${uniqueSuffix()}`, name: 'Cut-off mail', description: 'Mailboxes', trialDays: 30, priceMinor: 500, currency: 'USD', maxLicenses: 100 })
      .returning();
    const offer = await json(await t.request('/api/offers', { method: 'POST', token, body: { kind: 'trial', serviceId: service!.id } }));
    const name = `Cut Off ${uniqueSuffix()}`;
    const email = uniqueEmail('cut');
    const redeem = () =>
      t.request(`/api/public/offers/${offer.code}/redemptions`, {
        method: 'POST',
        headers: { 'Idempotency-Key': `cut-${name}` },
        body: { company: { name }, admin: { email, displayName: 'Cut Off', password: 'a-good-password-7' }, acceptDelegatedAdmin: false },
      });

    // The company, its admin and the trial are written; the link to the partner never arrives.
    const cut = proxy.cutOn('insert into "partner_customers"');
    const first = await redeem();
    await cut;
    await assertErrorShape(first, 503, 'database_unavailable');
    proxy.restore();
    await waitUntilReady(t, 5000);

    const left = async () => ({
      companies: (await direct.db.select({ n: sql<number>`count(*)::int` }).from(companies).where(eq(companies.name, name)))[0]!.n,
      users: (await direct.db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(sql`lower(${users.email})`, email)))[0]!.n,
    });
    assert.deepEqual(await left(), { companies: 0, users: 0 }, 'nothing of the cut-off redemption exists');

    // The key's claim outlived its request (the database was gone when it would be released):
    // a retry waits, then takes it over once the claim counts as abandoned.
    await assertErrorShape(await redeem(), 409, 'request_in_progress');
    t.clock.advance(61_000);
    assert.equal((await redeem()).status, 201);
    assert.equal((await redeem()).status, 201, 'a replay');
    assert.deepEqual(await left(), { companies: 1, users: 1 });
  });
});

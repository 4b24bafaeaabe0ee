/**
 * Webhooks end to end (issue 14): endpoints through the API, events recorded in a transaction,
 * the pg-boss workers fanning them out and delivering them to a real HTTP receiver on
 * 127.0.0.1 that verifies every message with `standardwebhooks`, retries on the queue's own
 * schedule, the SSRF rules at registration and at send time, secret rotation, and endpoints
 * turned off after 3 days of failures.
 *
 * Tests that need a moved clock call `attemptDelivery` themselves with the time they want, on
 * deliveries no job knows of, and a retry schedule of hours, so the running workers never race them.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { events, webhookAttempts, webhookDeliveries, webhookEndpoints } from '../../db/schema.ts';
import { loadConfig, type Config } from '../../bff/config.ts';
import { recordEvent } from '../../bff/domain/events.ts';
import { queues } from '../../db/job-queue.ts';
import { startWorkers, type Workers } from '../../bff/jobs/workers.ts';
import { attemptDelivery, messageBody, retryDelaySeconds, webhookId } from '../../bff/webhooks/delivery.ts';
import { decryptSecret, encryptSecret, generateSigningSecret, keyFileName, secretKey } from '../../bff/webhooks/secrets.ts';
import { sendMessage } from '../../bff/webhooks/send.ts';
import { refusedAddress, safeLookup } from '../../bff/webhooks/ssrf.ts';
import { partnerUser, signedIn } from './fixtures-customers.ts';
import { assertErrorShape, createTestApp, json, openOwnTestDatabase } from './harness.ts';

// A database of its own: on a shared one, the fan-out jobs of the files running beside this one
// (thousands of events) would queue ahead of this file's and delay its deliveries.
const t = await createTestApp({ database: await openOwnTestDatabase(), config: { webhooksAllowHttpLoopback: true, webhookRetryDelaysSeconds: [1, 1, 1] } });
const day = 86_400_000;

// The workers' clock is the test clock moving on in real time too: while the test clock is not
// moved, messages carry the real time, which `Webhook.verify` checks within 5 minutes.
const started = Date.now();
const workerClock = () => new Date(t.clock.now().getTime() + (Date.now() - started));
let workers: Workers;
before(async () => {
  // Not the time-events worker: another file tests that one on the same database, with its own clock.
  workers = await startWorkers({ database: t.database, config: t.config, clock: workerClock }, [queues.fanOut, queues.deliver]);
});
after(async () => {
  await workers.stop();
  for (const r of receivers) await r.close();
  await t.close();
});

/** For attempts a test makes itself: a failure's retry waits an hour, long after the test. */
const slowRetries: Config = { ...t.config, webhookRetryDelaysSeconds: [3600, 3600, 3600] };

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Which of the receiver's secrets verify the message. */
  verifiedBy: string[];
}

/**
 * Does `secret` sign this message? `Webhook.verify` when the timestamp is near the real time;
 * for a message from a moved clock (which verify refuses as too old or too new), the same HMAC
 * compared by hand over the header's timestamp.
 */
function verifies(secret: string, body: string, headers: IncomingHttpHeaders): boolean {
  const h = { 'webhook-id': String(headers['webhook-id']), 'webhook-timestamp': String(headers['webhook-timestamp']), 'webhook-signature': String(headers['webhook-signature']) };
  if (Math.abs(Number(h['webhook-timestamp']) - Date.now() / 1000) < 240) {
    try {
      new Webhook(secret).verify(body, h);
      return true;
    } catch {
      return false;
    }
  }
  const expected = new Webhook(secret).sign(h['webhook-id'], new Date(Number(h['webhook-timestamp']) * 1000), body);
  return h['webhook-signature'].split(' ').includes(expected);
}

interface Receiver {
  url: string;
  received: Received[];
  /** Secrets the receiver accepts. */
  secrets: string[];
  close(): Promise<void>;
}
const receivers: Receiver[] = [];

type Answer = { status: number; body?: string; headers?: Record<string, string> } | 'hang';

/** A receiver on 127.0.0.1 that answers each request as `answer` says (by its number, from 0). */
async function receiver(answer: (n: number, r: Received) => Answer = () => ({ status: 204 })): Promise<Receiver> {
  const received: Received[] = [];
  const self: Receiver = { url: '', received, secrets: [], close: async () => {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const r: Received = { path: req.url ?? '', headers: req.headers, body, verifiedBy: self.secrets.filter((s) => verifies(s, body, req.headers)) };
      received.push(r);
      const a = answer(received.length - 1, r);
      if (a === 'hang') return;
      res.writeHead(a.status, a.headers).end(a.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  self.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  self.close = () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  receivers.push(self);
  return self;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function partnerAdmin() {
  const company = await t.createCompany({ kind: 'partner' });
  const admin = await partnerUser(t, company.id, 'full', ['global_admin']);
  return { company, admin, token: admin.token };
}

async function register(token: string, body: Record<string, unknown>) {
  const res = await t.request('/api/webhook-endpoints', { method: 'POST', token, body });
  const created = await json(res);
  assert.equal(res.status, 201, JSON.stringify(created));
  return created as { endpoint: { id: string; url: string }; secret: string };
}

/** A partner with an endpoint at a fresh receiver that accepts its secret. */
async function subscribed(answer?: Parameters<typeof receiver>[0], body: Record<string, unknown> = {}) {
  const p = await partnerAdmin();
  const r = await receiver(answer);
  const { endpoint, secret } = await register(p.token, { url: r.url, ...body });
  r.secrets.push(secret);
  return { ...p, receiver: r, endpoint, secret };
}

async function recordCommitted(partnerId: string, data: Record<string, unknown> = { customerId: randomUUID() }) {
  return t.db.transaction(async (tx) => (await recordEvent(tx, { partnerId, type: 'customer.created', data }, t.clock.now()))!);
}

async function deliveries(token: string, endpointId: string, query = '') {
  const res = await t.request(`/api/webhook-endpoints/${endpointId}/deliveries${query}`, { token });
  assert.equal(res.status, 200);
  return json(res);
}

/** An event and a delivery of it written directly: no job knows of them, the test attempts them. */
async function unqueuedDelivery(partnerId: string, endpointId: string) {
  const [event] = await t.db.insert(events).values({ partnerId, type: 'customer.created', data: { n: 1 }, createdAt: t.clock.now() }).returning();
  const [delivery] = await t.db.insert(webhookDeliveries).values({ endpointId, eventId: event!.id, createdAt: t.clock.now() }).returning();
  return { event: event!, delivery: delivery! };
}

async function endpointRow(id: string) {
  const [row] = await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row!;
}

describe('delivery through the workers', () => {
  test('a committed event reaches the endpoints that take its type, signed, with the Standard Webhooks headers', async () => {
    const s = await subscribed();
    const filtered = await receiver();
    const other = await register(s.token, { url: filtered.url, eventTypes: ['offer.revoked'] });
    filtered.secrets.push(other.secret);
    const eventId = await recordCommitted(s.company.id, { customerId: 'c-1', name: 'Contoso' });

    const [message] = await waitFor('the message', () => s.receiver.received.length > 0 && s.receiver.received);
    assert.equal(message!.headers['webhook-id'], `msg_${eventId}`);
    assert.match(String(message!.headers['webhook-timestamp']), /^\d{10}$/);
    assert.match(String(message!.headers['webhook-signature']), /^v1,[A-Za-z0-9+/]+=*$/);
    assert.equal(message!.headers['content-type'], 'application/json');
    assert.deepEqual(message!.verifiedBy, [s.secret], 'the receiver verifies it with its secret');
    const body = JSON.parse(message!.body);
    const [event] = await t.db.select().from(events).where(eq(events.id, eventId));
    assert.deepEqual(body, { type: 'customer.created', timestamp: event!.createdAt.toISOString(), data: { customerId: 'c-1', name: 'Contoso' } });

    const page = await waitFor('the delivery to succeed', async () => {
      const p = await deliveries(s.token, s.endpoint.id);
      return p.items[0]?.status === 'succeeded' && p;
    });
    const [d] = page.items;
    assert.equal(d.webhookId, `msg_${eventId}`);
    assert.deepEqual(d.event, { id: eventId, type: 'customer.created', createdAt: event!.createdAt.toISOString() });
    assert.equal(d.attempts, 1);
    assert.equal(d.lastStatusCode, 204);
    assert.equal(d.attemptLog.length, 1);
    assert.equal(d.attemptLog[0].statusCode, 204);
    assert.equal(d.attemptLog[0].error, null);
    assert.equal(page.nextCursor, null);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(filtered.received.length, 0, 'an endpoint for other types gets nothing');
    assert.equal(s.receiver.received.length, 1, 'sent once');
  });

  test('a receiver failing 3 times gets it again with the same webhook-id; the attempt log shows 4 attempts and 4 KB of each answer', async () => {
    const big = 'x'.repeat(100_000);
    const s = await subscribed((n) => (n < 3 ? { status: 500, body: big } : { status: 200, body: 'ok' }));
    const eventId = await recordCommitted(s.company.id);
    const d = await waitFor('the fourth attempt to succeed', async () => {
      const p = await deliveries(s.token, s.endpoint.id);
      return p.items[0]?.status === 'succeeded' && p.items[0];
    });
    assert.equal(s.receiver.received.length, 4);
    assert.deepEqual(new Set(s.receiver.received.map((r) => r.headers['webhook-id'])), new Set([`msg_${eventId}`]));
    assert.ok(s.receiver.received.every((r) => r.verifiedBy.length === 1), 'every attempt verifies');
    assert.equal(d.attempts, 4);
    assert.deepEqual(d.attemptLog.map((a: { attempt: number }) => a.attempt), [4, 3, 2, 1], 'latest first');
    assert.deepEqual(d.attemptLog.map((a: { statusCode: number }) => a.statusCode), [200, 500, 500, 500]);
    assert.equal(d.attemptLog[0].responseExcerpt, 'ok');
    for (const failed of d.attemptLog.slice(1)) {
      assert.equal(failed.responseExcerpt.length, 4096, 'at most 4 KB of the answer is kept');
      assert.equal(failed.error, 'HTTP 500');
    }
    // The queue held each retry back for about a second (1 s ± 20 %).
    const times = d.attemptLog.map((a: { at: string }) => new Date(a.at).getTime()).reverse();
    for (let i = 1; i < times.length; i++) assert.ok(times[i] - times[i - 1] >= 700, `retry ${i} came after ${times[i] - times[i - 1]} ms`);
    assert.equal((await endpointRow(s.endpoint.id)).failingSince, null, 'the success cleared failing_since');
  });

  test('after the last retry the delivery has failed; the endpoint stays on and counts as failing', async () => {
    const s = await subscribed(() => ({ status: 503 }));
    await recordCommitted(s.company.id);
    const d = await waitFor('the delivery to fail', async () => {
      const p = await deliveries(s.token, s.endpoint.id);
      return p.items[0]?.status === 'failed' && p.items[0];
    });
    assert.equal(d.attempts, 4, 'the first attempt and 3 retries');
    assert.equal(d.nextAttemptAt, null);
    assert.equal(s.receiver.received.length, 4);
    const row = await endpointRow(s.endpoint.id);
    assert.equal(row.enabled, true);
    assert.ok(row.failingSince);
  });

  test('an event rolled back with its change delivers nothing', async () => {
    const s = await subscribed();
    await assert.rejects(
      t.db.transaction(async (tx) => {
        await recordEvent(tx, { partnerId: s.company.id, type: 'customer.created', data: {} }, t.clock.now());
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(s.receiver.received.length, 0);
    assert.equal((await t.db.select().from(events).where(eq(events.partnerId, s.company.id))).length, 0);
    assert.equal((await deliveries(s.token, s.endpoint.id)).items.length, 0);
  });

  test('a 302 is not followed: the attempt fails and the Location is never requested', async () => {
    const s = await subscribed((n, r) => (r.path === '/hook' ? { status: 302, headers: { location: '/elsewhere' } } : { status: 200 }));
    await recordCommitted(s.company.id);
    const d = await waitFor('a first attempt', async () => (await deliveries(s.token, s.endpoint.id)).items[0]?.attemptLog[0]);
    assert.equal(d.statusCode, 302);
    assert.match(d.error, /Redirect \(302\) not followed/);
    assert.ok(s.receiver.received.every((r) => r.path === '/hook'), 'nothing asked for /elsewhere');
  });

  test('replay sends a delivery again with the same webhook-id; the test ping goes to that endpoint only', async () => {
    const s = await subscribed();
    const second = await receiver();
    second.secrets.push((await register(s.token, { url: second.url })).secret);
    const eventId = await recordCommitted(s.company.id);
    const first = await waitFor('the delivery', async () => {
      const p = await deliveries(s.token, s.endpoint.id);
      return p.items[0]?.status === 'succeeded' && p.items[0];
    });
    await waitFor('the second endpoint', () => second.received.length === 1);

    const replay = await t.request(`/api/webhook-endpoints/${s.endpoint.id}/deliveries/${first.id}/replay`, { method: 'POST', token: s.token });
    const replayed = await json(replay);
    assert.equal(replay.status, 202);
    assert.equal(replayed.id, first.id);
    assert.equal(replayed.status, 'pending');
    await waitFor('the replay', () => s.receiver.received.length === 2);
    assert.equal(s.receiver.received[1]!.headers['webhook-id'], `msg_${eventId}`);
    assert.equal(s.receiver.received[1]!.verifiedBy.length, 1);
    const again = await waitFor('the replay to succeed', async () => {
      const p = await deliveries(s.token, s.endpoint.id);
      return p.items[0]?.status === 'succeeded' && p.items[0].attempts === 2 && p.items[0];
    });
    assert.deepEqual(again.attemptLog.map((a: { attempt: number }) => a.attempt), [2, 1]);

    const ping = await t.request(`/api/webhook-endpoints/${s.endpoint.id}/test`, { method: 'POST', token: s.token });
    const pinged = await json(ping);
    assert.equal(ping.status, 202);
    assert.equal(pinged.event.type, 'ping');
    assert.equal(pinged.status, 'pending');
    assert.equal(pinged.webhookId, `msg_${pinged.event.id}`);
    await waitFor('the ping', () => s.receiver.received.length === 3);
    const message = s.receiver.received[2]!;
    assert.equal(message.verifiedBy.length, 1);
    assert.deepEqual(JSON.parse(message.body).data, { endpointId: s.endpoint.id });
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(second.received.length, 1, 'the ping went to the tested endpoint only');
    assert.equal(s.receiver.received.length, 3, 'the fan-out of the ping event added nothing');
    const listed = await deliveries(s.token, s.endpoint.id);
    assert.deepEqual(listed.items.map((d: { event: { type: string } }) => d.event.type).sort(), ['customer.created', 'ping']);
  });

  test('a job run twice sends once: the attempt is claimed before sending', async () => {
    const p = await partnerAdmin();
    const r = await receiver();
    const { endpoint } = await register(p.token, { url: r.url });
    const { delivery } = await unqueuedDelivery(p.company.id, endpoint.id);
    const outcomes = await Promise.all([1, 2].map(() => attemptDelivery(t.db, slowRetries, { deliveryId: delivery.id }, t.clock.now())));
    assert.deepEqual(outcomes.sort(), ['skipped', 'succeeded']);
    assert.equal(r.received.length, 1);
    assert.equal(await attemptDelivery(t.db, slowRetries, { deliveryId: delivery.id }, t.clock.now()), 'skipped', 'and again later');
    const attempts = await t.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, delivery.id));
    assert.equal(attempts.length, 1);
  });

  test('a claim whose attempt was never recorded (the worker died while sending) lapses after 2 minutes', async () => {
    const p = await partnerAdmin();
    const r = await receiver();
    const { endpoint } = await register(p.token, { url: r.url });
    const { delivery } = await unqueuedDelivery(p.company.id, endpoint.id);
    const claimedAt = t.clock.now();
    await t.db.update(webhookDeliveries).set({ attempts: 1, lastAttemptAt: claimedAt }).where(eq(webhookDeliveries.id, delivery.id));
    const job = { deliveryId: delivery.id, attempt: 1 };
    assert.equal(await attemptDelivery(t.db, slowRetries, job, new Date(claimedAt.getTime() + 60_000)), 'skipped', 'it may still be sending');
    assert.equal(r.received.length, 0);
    assert.equal(await attemptDelivery(t.db, slowRetries, job, new Date(claimedAt.getTime() + 150_000)), 'succeeded', 'the job run again makes the attempt');
    assert.equal(r.received.length, 1);
    const attempts = await t.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, delivery.id));
    assert.deepEqual(attempts.map((a) => a.attempt), [1]);
    assert.equal(await attemptDelivery(t.db, slowRetries, job, new Date(claimedAt.getTime() + 300_000)), 'skipped', 'a recorded attempt is never made again');
  });

  test('deliveries page newest first with a cursor', async () => {
    const p = await partnerAdmin();
    const { endpoint } = await register(p.token, { url: 'https://hooks.example.com/in' });
    const made = [];
    for (let i = 0; i < 3; i++) {
      made.push((await unqueuedDelivery(p.company.id, endpoint.id)).delivery.id);
      t.clock.advance(1);
    }
    const first = await deliveries(p.token, endpoint.id, '?limit=2');
    assert.deepEqual(first.items.map((d: { id: string }) => d.id), [made[2], made[1]]);
    assert.ok(first.nextCursor);
    const second = await deliveries(p.token, endpoint.id, `?limit=2&cursor=${first.nextCursor}`);
    assert.deepEqual(second.items.map((d: { id: string }) => d.id), [made[0]]);
    assert.equal(second.nextCursor, null);
    await assertErrorShape(await t.request(`/api/webhook-endpoints/${endpoint.id}/deliveries?cursor=nonsense`, { token: p.token }), 422, 'validation_failed');
    await assertErrorShape(await t.request(`/api/webhook-endpoints/${endpoint.id}/deliveries?limit=101`, { token: p.token }), 422, 'validation_failed');
  });
});

describe('endpoints API', () => {
  test('the secret is shown on creation only, kept encrypted, and never listed', async () => {
    const p = await partnerAdmin();
    const created = await register(p.token, { url: 'https://hooks.example.com/a', description: 'CRM', eventTypes: ['customer.created', 'customer.created'] });
    assert.match(created.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.equal(Buffer.from(created.secret.slice(6), 'base64').length, 32);
    assert.deepEqual(Object.keys(created.endpoint).sort(), ['createdAt', 'description', 'disabledAt', 'disabledReason', 'enabled', 'eventTypes', 'failingSince', 'id', 'previousSecretExpiresAt', 'updatedAt', 'url']);
    assert.deepEqual(created.endpoint, {
      ...created.endpoint,
      url: 'https://hooks.example.com/a',
      description: 'CRM',
      eventTypes: ['customer.created'],
      enabled: true,
      disabledReason: null,
      disabledAt: null,
      failingSince: null,
      previousSecretExpiresAt: null,
    });
    const row = await endpointRow(created.endpoint.id);
    assert.ok(!JSON.stringify(row).includes(created.secret.slice(6, 30)), 'the row holds no plain secret');
    assert.equal(decryptSecret(secretKey(t.config), row.secretCiphertext, row.id), created.secret);

    const list = await t.request('/api/webhook-endpoints', { token: p.token });
    const text = await list.text();
    assert.equal(list.status, 200);
    assert.ok(!text.includes(created.secret));
    assert.deepEqual(JSON.parse(text).items, [created.endpoint]);
    assert.deepEqual(await json(await t.request(`/api/webhook-endpoints/${created.endpoint.id}`, { token: p.token })), created.endpoint);
  });

  test('PATCH changes fields; off is `manual`, on again forgets failures; DELETE removes it', async () => {
    const p = await partnerAdmin();
    const { endpoint } = await register(p.token, { url: 'https://hooks.example.com/b' });
    const patch = (body: unknown) => t.request(`/api/webhook-endpoints/${endpoint.id}`, { method: 'PATCH', token: p.token, body });
    t.clock.advance(1000);
    const off = await json(await patch({ enabled: false, description: 'paused', eventTypes: ['offer.redeemed'] }));
    assert.equal(off.enabled, false);
    assert.equal(off.disabledReason, 'manual');
    assert.equal(off.disabledAt, t.clock.now().toISOString());
    assert.equal(off.description, 'paused');
    assert.deepEqual(off.eventTypes, ['offer.redeemed']);
    assert.equal(off.updatedAt, t.clock.now().toISOString());
    await t.db.update(webhookEndpoints).set({ failingSince: t.clock.now() }).where(eq(webhookEndpoints.id, endpoint.id));
    const on = await json(await patch({ enabled: true, description: null }));
    assert.deepEqual([on.enabled, on.disabledReason, on.disabledAt, on.failingSince, on.description], [true, null, null, null, null]);
    const moved = await json(await patch({ url: 'https://hooks.example.com/c' }));
    assert.equal(moved.url, 'https://hooks.example.com/c');
    await assertErrorShape(await patch({}), 422, 'validation_failed');
    await assertErrorShape(await patch({ url: 'https://10.1.2.3/' }), 422, 'webhook_url_refused');

    const del = await t.request(`/api/webhook-endpoints/${endpoint.id}`, { method: 'DELETE', token: p.token });
    assert.equal(del.status, 204);
    await assertErrorShape(await t.request(`/api/webhook-endpoints/${endpoint.id}`, { token: p.token }), 404, 'not_found');
  });

  test('rotating a secret the key no longer opens drops it instead of signing with it for 24 hours', async () => {
    const p = await partnerAdmin();
    const { endpoint } = await register(p.token, { url: 'https://hooks.example.com/lost' });
    const lostKey = Buffer.alloc(32, 1);
    await t.db.update(webhookEndpoints).set({ secretCiphertext: encryptSecret(lostKey, generateSigningSecret(), endpoint.id) }).where(eq(webhookEndpoints.id, endpoint.id));
    const rotated = await json(await t.request(`/api/webhook-endpoints/${endpoint.id}/rotate-secret`, { method: 'POST', token: p.token }));
    assert.equal(rotated.endpoint.previousSecretExpiresAt, null);
    const row = await endpointRow(endpoint.id);
    assert.equal(row.previousSecretCiphertext, null);
    assert.equal(decryptSecret(secretKey(t.config), row.secretCiphertext, endpoint.id), rotated.secret);
  });

  test('refusals: 401 without a session, 403 for billing admins and customers, 404 for another partner, 409 past 10, 422 for bad input', async () => {
    const p = await partnerAdmin();
    const other = await partnerAdmin();
    const { endpoint } = await register(p.token, { url: 'https://hooks.example.com/d' });
    const { delivery } = await unqueuedDelivery(p.company.id, endpoint.id);
    const billing = await partnerUser(t, p.company.id, 'full', ['billing_admin']);
    const customer = await t.createCompany({ kind: 'customer' });
    const customerAdmin = await t.createUser({ companyId: customer.id, companyRoles: ['global_admin'] });
    const customerToken = (await t.signIn(customerAdmin.email, customerAdmin.password)).token;
    const base = `/api/webhook-endpoints/${endpoint.id}`;
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/webhook-endpoints'],
      ['POST', '/api/webhook-endpoints', { url: 'https://hooks.example.com/e' }],
      ['GET', base],
      ['PATCH', base, { description: 'x' }],
      ['DELETE', base],
      ['POST', `${base}/rotate-secret`],
      ['GET', `${base}/deliveries`],
      ['POST', `${base}/deliveries/${delivery.id}/replay`],
      ['POST', `${base}/test`],
    ];
    for (const [method, path, body] of routes) {
      await assertErrorShape(await t.request(path, { method, body }), 401);
      for (const token of [billing.token, customerToken]) await assertErrorShape(await t.request(path, { method, body, token }), 403, 'forbidden');
      if (path !== '/api/webhook-endpoints') await assertErrorShape(await t.request(path, { method, body, token: other.token }), 404, 'not_found');
    }
    await assertErrorShape(await t.request(`${base}/deliveries/${randomUUID()}/replay`, { method: 'POST', token: p.token }), 404, 'not_found');
    await assertErrorShape(await t.request('/api/webhook-endpoints/not-an-id', { token: p.token }), 404, 'not_found');
    assert.equal((await endpointRow(endpoint.id)).description, null, "another partner's PATCH changed nothing");

    for (const body of [{}, { url: 'not a url' }, { url: 'https://hooks.example.com/', eventTypes: ['no.such'] }, { url: 'https://hooks.example.com/', enabled: 'yes' }]) {
      await assertErrorShape(await t.request('/api/webhook-endpoints', { method: 'POST', token: p.token, body }), 422, 'validation_failed');
    }
    for (let i = 1; i < 10; i++) await register(p.token, { url: `https://hooks.example.com/${i}` });
    await assertErrorShape(await t.request('/api/webhook-endpoints', { method: 'POST', token: p.token, body: { url: 'https://hooks.example.com/11' } }), 409, 'too_many_endpoints');
    assert.equal((await json(await t.request('/api/webhook-endpoints', { token: p.token }))).items.length, 10);

    await t.request(base, { method: 'PATCH', token: p.token, body: { enabled: false } });
    await assertErrorShape(await t.request(`${base}/deliveries/${delivery.id}/replay`, { method: 'POST', token: p.token }), 409, 'endpoint_disabled');
  });
});

describe('SSRF', () => {
  test('registration refuses http to other hosts, literal private, link-local and metadata addresses, credentials, and loopback without the flag', async () => {
    const p = await partnerAdmin();
    // On t's database (never closed here: t closes it).
    const strict = await createTestApp({ database: t.database, config: { webhooksAllowHttpLoopback: false } });
    const strictToken = (await partnerUser(strict, p.company.id, 'full', ['global_admin'])).token;
    const refused = async (app: typeof t, token: string, url: string) => {
      const body = await assertErrorShape(await app.request('/api/webhook-endpoints', { method: 'POST', token, body: { url } }), 422, 'webhook_url_refused');
      assert.equal(body.error.details?.[0]?.path, 'body.url');
    };
    for (const url of ['http://hooks.example.com/', 'https://10.0.0.1/', 'https://169.254.169.254/latest/meta-data', 'https://192.168.1.1/', 'https://[fd00::1]/', 'https://[::ffff:10.0.0.1]/', 'https://user:pw@hooks.example.com/']) {
      await refused(t, p.token, url);
    }
    for (const url of ['http://[::1]/', 'http://127.0.0.1:8080/', 'http://localhost/', 'https://localhost/', 'https://127.0.0.1/']) await refused(strict, strictToken, url);
    // With the flag (this file's app): loopback over http or https.
    await register(p.token, { url: 'http://[::1]:9/' });
    await register(p.token, { url: 'https://localhost:9/' });
  });

  test('address classes: IPv4, IPv6 and IPv4-mapped IPv6; loopback only with the flag', () => {
    const strict = { allowLoopback: false };
    for (const a of ['10.0.0.1', '172.16.5.4', '192.168.0.1', '100.64.0.1', '169.254.169.254', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::', 'fc00::1', 'fd12::1', 'fe80::1', 'ff02::1', '::ffff:10.0.0.1', '::ffff:a9fe:a9fe', '0:0:0:0:0:ffff:c0a8:1']) {
      assert.ok(refusedAddress(a, strict), `${a} is refused`);
      assert.ok(refusedAddress(a, { allowLoopback: true }), `${a} is refused with the flag too`);
    }
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) {
      assert.match(refusedAddress(a, strict) ?? '', /loopback/);
      assert.equal(refusedAddress(a, { allowLoopback: true }), null);
    }
    for (const a of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:93.184.216.34']) assert.equal(refusedAddress(a, strict), null);
    assert.ok(refusedAddress('93.184.216.34', { allowLoopback: true, loopbackOnly: true }), 'plain http reaches loopback only');
  });

  test('the send-time lookup refuses a name that resolves to a refused address, whatever else it resolves to', async () => {
    const lookupWith = (addresses: string[], all: boolean) =>
      new Promise<{ error: Error | null; result: unknown }>((resolve) => {
        // A stand-in resolver (any: it only answers the one form the lookup asks for).
        const resolver: any = (_host: string, _options: unknown, callback: (e: null, a: { address: string; family: number }[]) => void) =>
          callback(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
        safeLookup({ allowLoopback: false }, resolver)('rebind.example', { all }, (error: Error | null, result: unknown) => resolve({ error, result }));
      });
    assert.match(String((await lookupWith(['10.0.0.1'], false)).error), /rebind\.example resolves to 10\.0\.0\.1/);
    assert.ok((await lookupWith(['::ffff:169.254.169.254'], true)).error);
    assert.ok((await lookupWith(['93.184.216.34', '192.168.1.1'], true)).error, 'one refused address refuses the name');
    assert.ok((await lookupWith(['127.0.0.1'], false)).error);
    assert.deepEqual(await lookupWith(['93.184.216.34'], false), { error: null, result: '93.184.216.34' });
    assert.deepEqual((await lookupWith(['93.184.216.34'], true)).result, [{ address: '93.184.216.34', family: 4 }]);
  });

  test('at send time, a name resolving to loopback is refused without the flag: no request is made', async () => {
    const p = await partnerAdmin();
    const r = await receiver();
    const port = new URL(r.url).port;
    // https to localhost: allowed to register with the flag, but sent by a server without it.
    const { endpoint } = await register(p.token, { url: `https://localhost:${port}/hook` });
    const { delivery } = await unqueuedDelivery(p.company.id, endpoint.id);
    const outcome = await attemptDelivery(t.db, { ...slowRetries, webhooksAllowHttpLoopback: false }, { deliveryId: delivery.id }, t.clock.now());
    assert.equal(outcome, 'retrying');
    const [attempt] = await t.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, delivery.id));
    assert.match(attempt!.error ?? '', /^Refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    assert.equal(attempt!.statusCode, null);
    assert.equal(r.received.length, 0);

    const literal = await sendMessage(r.url, { id: 'msg_x', timestamp: new Date(), body: '{}' }, [generateSigningSecret()], { allowLoopback: false });
    assert.match(literal.error ?? '', /^Refused: 127\.0\.0\.1 is a loopback address/);
    assert.equal(r.received.length, 0);
  });

  test('a receiver that does not answer in time fails the attempt', async () => {
    const r = await receiver(() => 'hang');
    const result = await sendMessage(r.url, { id: 'msg_y', timestamp: new Date(), body: '{}' }, [generateSigningSecret()], { allowLoopback: true, timeoutMs: 300 });
    assert.equal(result.ok, false);
    assert.match(result.error ?? '', /No answer within 0.3 s/);
    assert.ok(result.latencyMs >= 290 && result.latencyMs < 2000);
  });
});

describe('secrets', () => {
  test('encrypted with AES-256-GCM, bound to the endpoint; the key file is made once with mode 0600', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pk-webhooks-'));
    try {
      const config = { ...t.config, webhooksSecretKey: undefined, dataDir };
      const key = secretKey(config);
      const path = join(dataDir, keyFileName);
      assert.equal(statSync(path).mode & 0o777, 0o600);
      assert.equal(Buffer.from(readFileSync(path, 'utf8'), 'base64').length, 32);
      assert.deepEqual(secretKey({ ...config }), key, 'a second start reads the same key');
      const secret = generateSigningSecret();
      const id = randomUUID();
      const stored = encryptSecret(key, secret, id);
      assert.ok(!stored.includes(secret.slice(6)));
      assert.equal(decryptSecret(key, stored, id), secret);
      assert.throws(() => decryptSecret(key, stored, randomUUID()), 'not on another endpoint');
      assert.throws(() => decryptSecret(secretKey(t.config), stored, id), 'not with another key');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('configuration: the key, the flag and the retry delays are validated', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const config = loadConfig({ WEBHOOKS_SECRET_KEY: key, WEBHOOKS_ALLOW_HTTP_LOOPBACK: '1', WEBHOOK_RETRY_DELAYS_S: '1, 2,3' });
    assert.deepEqual(config.webhooksSecretKey, Buffer.alloc(32, 7));
    assert.equal(config.webhooksAllowHttpLoopback, true);
    assert.deepEqual(config.webhookRetryDelaysSeconds, [1, 2, 3]);
    const defaults = loadConfig({});
    assert.equal(defaults.webhooksAllowHttpLoopback, false);
    assert.equal(defaults.webhooksSecretKey, undefined);
    assert.deepEqual(defaults.webhookRetryDelaysSeconds, [5, 300, 1800, 7200, 18000, 36000, 36000]);
    assert.throws(() => loadConfig({ WEBHOOKS_SECRET_KEY: Buffer.alloc(16).toString('base64') }), /WEBHOOKS_SECRET_KEY/);
    assert.throws(() => loadConfig({ WEBHOOK_RETRY_DELAYS_S: '5,soon' }), /WEBHOOK_RETRY_DELAYS_S/);
  });

  test('retry delays vary by at most 20 % either way', () => {
    const delays = [5, 300];
    const close = (actual: number | null, expected: number) => assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${actual} ≈ ${expected}`);
    close(retryDelaySeconds(delays, 0, () => 0), 4);
    close(retryDelaySeconds(delays, 0, () => 1), 6);
    close(retryDelaySeconds(delays, 1, () => 0.5), 300);
    assert.equal(retryDelaySeconds(delays, 2), null, 'then the delivery has failed');
  });
});

// These move the test clock; they come last, so the messages above carry the real time.
describe('with the clock moved', () => {
  test('after a rotation both secrets sign for 24 hours, then only the new one', async () => {
    const s = await subscribed();
    const rotated = await t.request(`/api/webhook-endpoints/${s.endpoint.id}/rotate-secret`, { method: 'POST', token: s.token });
    const { endpoint, secret } = await json(rotated);
    assert.equal(rotated.status, 200);
    assert.notEqual(secret, s.secret);
    assert.equal(endpoint.previousSecretExpiresAt, new Date(t.clock.now().getTime() + day).toISOString());
    s.receiver.secrets.push(secret);

    t.clock.advance(23 * 3_600_000);
    const { delivery, event } = await unqueuedDelivery(s.company.id, s.endpoint.id);
    assert.equal(await attemptDelivery(t.db, slowRetries, { deliveryId: delivery.id }, t.clock.now()), 'succeeded');
    const during = s.receiver.received.at(-1)!;
    assert.equal(String(during.headers['webhook-signature']).split(' ').length, 2);
    assert.deepEqual(during.verifiedBy, [s.secret, secret], 'old and new verify');
    assert.equal(during.headers['webhook-timestamp'], String(Math.floor(t.clock.now().getTime() / 1000)));
    assert.equal(during.body, messageBody(event));
    assert.equal(during.headers['webhook-id'], webhookId(event.id));

    t.clock.advance(2 * 3_600_000);
    const later = await unqueuedDelivery(s.company.id, s.endpoint.id);
    assert.equal(await attemptDelivery(t.db, slowRetries, { deliveryId: later.delivery.id }, t.clock.now()), 'succeeded');
    const after24h = s.receiver.received.at(-1)!;
    assert.equal(String(after24h.headers['webhook-signature']).split(' ').length, 1);
    assert.deepEqual(after24h.verifiedBy, [secret], 'only the new one verifies');
  });

  test('an endpoint whose deliveries fail for 3 days is turned off (reason failing), shown in the overview, and on again through PATCH', async () => {
    const s = await subscribed(() => ({ status: 500 }));
    const { delivery } = await unqueuedDelivery(s.company.id, s.endpoint.id);
    const firstFailure = t.clock.now();
    assert.equal(await attemptDelivery(t.db, slowRetries, { deliveryId: delivery.id }, firstFailure), 'retrying');
    assert.deepEqual((await endpointRow(s.endpoint.id)).failingSince, firstFailure);

    t.clock.advance(3 * day - 60_000);
    assert.equal(await attemptDelivery(t.db, slowRetries, { deliveryId: delivery.id, attempt: 2, retry: 1 }, t.clock.now()), 'retrying', 'not quite 3 days');
    assert.equal((await endpointRow(s.endpoint.id)).enabled, true);
    t.clock.advance(60_000);
    assert.equal(await attemptDelivery(t.db, slowRetries, { deliveryId: delivery.id, attempt: 3, retry: 2 }, t.clock.now()), 'failed');
    const row = await endpointRow(s.endpoint.id);
    assert.deepEqual([row.enabled, row.disabledReason, row.disabledAt], [false, 'failing', t.clock.now()]);
    const [d] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery.id));
    assert.equal(d!.status, 'failed');

    // Deliveries still queued for it are not sent while it is off.
    const queued = await unqueuedDelivery(s.company.id, s.endpoint.id);
    assert.equal(await attemptDelivery(t.db, slowRetries, { deliveryId: queued.delivery.id }, t.clock.now()), 'failed');
    assert.equal(s.receiver.received.length, 3);

    // Sessions from before the 3 days have expired.
    const token = (await signedIn(t, s.admin)).token;
    const billing = await partnerUser(t, s.company.id, 'full', ['billing_admin']);
    const overview = await json(await t.request('/api/overview', { token }));
    assert.deepEqual(overview.webhooks, { disabled: [{ id: s.endpoint.id, url: s.endpoint.url, disabledAt: t.clock.now().toISOString() }] });
    assert.equal((await json(await t.request('/api/overview', { token: billing.token }))).webhooks, undefined, 'only for those who manage webhooks');
    const fresh = await partnerAdmin();
    assert.deepEqual((await json(await t.request('/api/overview', { token: fresh.token }))).webhooks, { disabled: [] });

    const on = await json(await t.request(`/api/webhook-endpoints/${s.endpoint.id}`, { method: 'PATCH', token, body: { enabled: true } }));
    assert.deepEqual([on.enabled, on.disabledReason, on.failingSince], [true, null, null]);
    assert.deepEqual((await json(await t.request('/api/overview', { token }))).webhooks, { disabled: [] });
    const stillFailed = await t.db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.endpointId, s.endpoint.id), eq(webhookDeliveries.status, 'pending')));
    assert.equal(stillFailed.length, 0);
  });
});

/**
 * Two `partnerkit serve` processes on one PostgreSQL database, started at the same moment,
 * behind a round-robin balancer: they behave as one. Sessions, rate limits, idempotency keys
 * and sign-in limits live in Postgres, so whichever instance answers, the answer is the same.
 * Needs DATABASE_URL (the embedded database is single-process).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import postgres from 'postgres';
import { demoPassword } from '../../db/seed.ts';
import { createReadOnlyRole } from '../read-only-role.ts';
import { startServe, type ServeProcess } from '../serve-process.ts';
import { startRoundRobin, type RoundRobin } from './round-robin.ts';

const serverUrl = process.env.DATABASE_URL;
const skip = !serverUrl && 'needs DATABASE_URL: two processes cannot share the embedded database';

let admin: postgres.Sql;
let db: postgres.Sql;
let instances: ServeProcess[] = [];
let balancer: RoundRobin;
const cleanups: (() => Promise<unknown>)[] = [];

before(async () => {
  if (skip) return;
  const name = `pk_e2e_pair_${randomBytes(6).toString('hex')}`;
  admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  const reader = await createReadOnlyRole(admin, url.href);
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await reader.drop();
    await admin.end();
  });
  db = postgres(url.href, { max: 2, onnotice: () => {} });
  cleanups.push(() => db.end());
  const env = { DATABASE_URL: url.href, DATABASE_READ_URL: reader.url, SIGNUP_RATE_LIMIT: '1000', SIGNUP_RATE_LIMIT_PER_OFFER: '30' };
  // At the same moment: they take turns to migrate and seed (an advisory lock), neither fails.
  instances = await Promise.all([startServe(env), startServe(env)]);
  for (const instance of instances) {
    cleanups.push(async () => {
      instance.child.kill('SIGTERM');
      await instance.exited;
    });
  }
  balancer = await startRoundRobin(instances.map((i) => i.url.origin));
  cleanups.push(() => balancer.close());
});

after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

async function call(base: string, path: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, backend: res.headers.get('x-backend'), body: text ? JSON.parse(text) : null };
}

async function demoOffer(token: string) {
  const catalog = await call(balancer.url, '/api/catalog', { token });
  const offer = await call(balancer.url, '/api/offers', { method: 'POST', token, body: { kind: 'trial', serviceId: catalog.body.items[0].id } });
  assert.equal(offer.status, 201);
  return offer.body.code as string;
}

const newCustomer = (name: string) => ({
  company: { name },
  admin: { email: `${name.toLowerCase().replace(/\W+/g, '-')}@pair.example`, displayName: 'Pair Admin', password: 'pair-password-42' },
  acceptDelegatedAdmin: false,
});

test('the demo was seeded once, though both instances started at the same moment', { skip }, async () => {
  const [row] = await db<{ n: number }[]>`select count(*)::int as n from companies where name = 'Northwind Cloud Partners'`;
  assert.equal(row?.n, 1);
});

test('a session made on one instance works on the other', { skip }, async () => {
  const [a, b] = instances.map((i) => i.url.origin);
  const signIn = await call(a!, '/api/sessions', { method: 'POST', body: { email: 'admin@northwind.example', password: demoPassword } });
  assert.equal(signIn.status, 201);
  const me = await call(b!, '/api/me', { token: signIn.body.token });
  assert.equal(me.status, 200);
  assert.equal(me.body.user.email, 'admin@northwind.example');
  // Signed out on the second, refused on the first.
  assert.equal((await call(b!, '/api/sessions/current', { method: 'DELETE', token: signIn.body.token })).status, 204);
  assert.equal((await call(a!, '/api/me', { token: signIn.body.token })).status, 401);
});

test('an idempotency key is one key across both; 20 racing redemptions with it make one customer', { skip }, async () => {
  const { body: session } = await call(balancer.url, '/api/sessions', { method: 'POST', body: { email: 'admin@northwind.example', password: demoPassword } });
  const code = await demoOffer(session.token);
  const [a, b] = instances.map((i) => i.url.origin);

  const first = newCustomer(`Pair Replay ${randomBytes(3).toString('hex')}`);
  const key = { 'Idempotency-Key': `pair-${randomBytes(8).toString('hex')}` };
  const made = await call(a!, `/api/public/offers/${code}/redemptions`, { method: 'POST', body: first, headers: key });
  const replayed = await call(b!, `/api/public/offers/${code}/redemptions`, { method: 'POST', body: first, headers: key });
  assert.deepEqual([made.status, replayed.status], [201, 201]);
  assert.equal(replayed.body.customerId, made.body.customerId, 'the other instance replays the first answer');

  const racing = newCustomer(`Pair Race ${randomBytes(3).toString('hex')}`);
  const raceKey = { 'Idempotency-Key': `race-${randomBytes(8).toString('hex')}` };
  const before = [...balancer.served];
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => call(balancer.url, `/api/public/offers/${code}/redemptions`, { method: 'POST', body: racing, headers: raceKey })),
  );
  const backends = new Set(answers.map((r) => r.backend));
  assert.deepEqual([...backends].sort(), ['0', '1'], 'both instances took part');
  assert.ok(balancer.served.every((n, i) => n > before[i]!));
  for (const answer of answers) assert.ok([201, 409].includes(answer.status), `201 or 409 request_in_progress, got ${answer.status}`);
  const customers = new Set(answers.filter((r) => r.status === 201).map((r) => r.body.customerId));
  assert.equal(customers.size, 1, 'every 201 names the same customer');
  const [row] = await db<{ n: number }[]>`select count(*)::int as n from companies where name = ${racing.company.name}`;
  assert.equal(row?.n, 1, 'one customer exists');
});

test('rate limits count across both instances', { skip }, async () => {
  const { body: session } = await call(balancer.url, '/api/sessions', { method: 'POST', body: { email: 'admin@northwind.example', password: demoPassword } });
  const code = await demoOffer(session.token);
  // 30 attempts a minute per offer (SIGNUP_RATE_LIMIT_PER_OFFER); each instance sees half.
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) {
    statuses.push((await call(balancer.url, `/api/public/offers/${code}/redemptions`, { method: 'POST', body: {}, headers: { 'Idempotency-Key': `limit-${i}-${code}` } })).status);
  }
  assert.deepEqual(statuses.slice(0, 30).filter((s) => s === 429), [], 'the first 30 are counted, not refused');
  assert.equal(statuses[30], 429, 'the 31st is refused, though neither instance saw more than 16');
});

test('failed sign-ins count across both instances', { skip }, async () => {
  const email = 'staff@northwind.example';
  for (let i = 0; i < 10; i++) {
    const failed = await call(balancer.url, '/api/sessions', { method: 'POST', body: { email, password: 'not-the-password-1' } });
    assert.equal(failed.status, 401);
  }
  const locked = await call(balancer.url, '/api/sessions', { method: 'POST', body: { email, password: demoPassword } });
  assert.equal(locked.status, 429);
  assert.equal(locked.body.error.code, 'too_many_attempts');
});

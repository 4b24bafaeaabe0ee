/**
 * Hostile input against every route of `/openapi.json`, over real sockets: malformed ids,
 * queries and bodies (NUL, invalid UTF-8, lone surrogates, 300-character and 200 KB strings,
 * deep nesting, prototype keys, wrong types, huge numbers), each with a valid token, none and a
 * garbage one. Any 5xx, any dropped connection and any 4xx outside the error shape fails.
 *
 * The routes come from the document, so a new route is fuzzed the day it is added.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { Agent, request as httpRequest } from 'node:http';
import { createSession } from '../../bff/domain/sessions.ts';
import { listen, type Listening } from '../../bff/listen.ts';
import { assertNoStackTrace, createTestApp, json } from './harness.ts';
import { documentedOperations, plausible, type JsonSchema } from './openapi-samples.ts';

const t = await createTestApp({
  // Limits would turn most of the run into 429s; they have tests of their own.
  config: { signupRateLimit: 1_000_000, signupRateLimitPerOffer: 1_000_000 },
});
let server: Listening;
/** Requests in flight at once, each on a kept-alive socket of its own (a dropped one shows as a failure). */
const sockets = 8;
const agent = new Agent({ keepAlive: true, maxSockets: sockets });

before(async () => {
  server = await listen((request) => t.app.fetch(request));
});
after(async () => {
  agent.destroy();
  await server.close(1000);
});

/** A body that is sent as these bytes, not as JSON of a value. */
class Raw {
  constructor(
    readonly bytes: Buffer,
    readonly contentType = 'application/json',
  ) {}
}

const invalidUtf8Marker = '\u2063invalid-utf8\u2063';
const deep = (n: number, open: string, close: string, inner = '1') => open.repeat(n) + inner + close.repeat(n);

/** Values that replace one field of an otherwise plausible body. */
const hostileValues: unknown[] = [
  'a\u0000b',
  invalidUtf8Marker,
  '\ud800 lone surrogate',
  'x'.repeat(300),
  'x'.repeat(200 * 1024),
  "' or 1=1 --",
  '%_\\',
  '\u202e🙂',
  '',
  1e308,
  -1e308,
  2 ** 31,
  2 ** 53 + 2,
  -1,
  1.5,
  true,
  null,
  [],
  {},
  ['a\u0000'],
  { __proto__: null, constructor: { prototype: { polluted: true } } },
];

/** Whole bodies, whatever the route expects. */
const hostileBodies: Raw[] = [
  new Raw(Buffer.from('null')),
  new Raw(Buffer.from('[]')),
  new Raw(Buffer.from('"just a string"')),
  new Raw(Buffer.from('123')),
  new Raw(Buffer.from('{')),
  new Raw(Buffer.from('')),
  new Raw(Buffer.from(deep(5000, '[', ']'))),
  new Raw(Buffer.from(deep(5000, '{"a":', '}'))),
  new Raw(Buffer.from('{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}')),
  new Raw(Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc0, 0xaf]), Buffer.from('"}')])),
  new Raw(Buffer.from('{"name":"a\\u0000b"}')),
  new Raw(Buffer.from('{"a\\u0000":1}')),
  new Raw(Buffer.from('name=x'), 'application/x-www-form-urlencoded'),
  new Raw(Buffer.from('{"padding":"' + 'x'.repeat(300 * 1024) + '"}')),
];

/** Path parameter values, already percent-encoded where that is the point. */
const hostileIds = [
  '%00',
  'a%00b',
  '%FF',
  '%ED%A0%80',
  '%C0%AF',
  'x'.repeat(300),
  'x'.repeat(8000),
  "'%20or%201=1",
  '..%2F..%2Fetc',
  '-1',
  '__proto__',
  randomUUID(),
  randomUUID().toUpperCase(),
  '%F0%9F%99%82',
];

/** Query values, percent-encoded. */
const hostileQueryValues = ['%00', '%FF', '%ED%A0%80', 'x'.repeat(300), 'x'.repeat(8000), '-1', '1e308', '99999999999999999999', "'", '%25', '[]', 'true'];

/** Every body to send: the whole-body attacks, then each field of each plausible body made hostile. */
function bodiesFor(schema: JsonSchema): (Raw | unknown)[] {
  const bases = (schema.oneOf ?? schema.anyOf ?? [schema]).map((s) => plausible(s));
  const bodies: unknown[] = [...hostileBodies, ...bases];
  for (const base of bases) {
    if (!base || typeof base !== 'object' || Array.isArray(base)) continue;
    for (const key of Object.keys(base)) {
      for (const value of hostileValues) bodies.push({ ...base, [key]: value });
      // One level down: the fields of a nested object, or of an array's first item.
      const nested = (base as Record<string, unknown>)[key];
      const inner = Array.isArray(nested) ? nested[0] : nested;
      if (inner && typeof inner === 'object') {
        for (const innerKey of Object.keys(inner)) {
          for (const value of hostileValues.slice(0, 14)) {
            const changed = { ...inner, [innerKey]: value };
            bodies.push({ ...base, [key]: Array.isArray(nested) ? [changed] : changed });
          }
        }
      }
    }
  }
  return bodies;
}

function encodeBody(body: Raw | unknown): Raw {
  if (body instanceof Raw) return body;
  const text = JSON.stringify(body);
  const [head, ...rest] = text.split(invalidUtf8Marker);
  if (rest.length === 0) return new Raw(Buffer.from(text));
  const parts = [Buffer.from(head!)];
  for (const part of rest) parts.push(Buffer.from([0xff, 0xc3, 0x28]), Buffer.from(part));
  return new Raw(Buffer.concat(parts));
}

interface Outcome {
  status: number;
  contentType: string;
  text: string;
}

/** One request over a kept-alive socket; rejects when the connection drops without an answer. */
function send(method: string, path: string, headers: Record<string, string>, body?: Raw): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${server.url}${path}`,
      {
        method,
        agent,
        headers: { ...headers, ...(body ? { 'Content-Type': body.contentType, 'Content-Length': String(body.bytes.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', reject);
    req.end(body?.bytes);
  });
}

/** What is wrong with an answer, or null when it is an acceptable one. */
function problemWith(outcome: Outcome): string | null {
  if (outcome.status >= 500) return `status ${outcome.status}`;
  if (outcome.status < 400) return null;
  if (!/^application\/json/.test(outcome.contentType)) return `a ${outcome.status} that is not JSON (${outcome.contentType})`;
  try {
    assertNoStackTrace(outcome.text);
    const body = JSON.parse(outcome.text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    const keys = Object.keys(body);
    if (keys.length !== 1 || keys[0] !== 'error') return 'a body other than {error}';
    const { error } = body;
    if (typeof error?.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(error.code)) return 'no snake_case error.code';
    if (typeof error.message !== 'string' || !error.message) return 'no error.message';
    for (const key of Object.keys(error)) if (!['code', 'message', 'details'].includes(key)) return `an unexpected error.${key}`;
    if (error.details !== undefined && !Array.isArray(error.details)) return 'details that is not a list';
  } catch (e) {
    return e instanceof Error ? e.message.slice(0, 200) : String(e);
  }
  return null;
}

test('no hostile request gets a 5xx, a dropped connection or an error outside the error shape', { timeout: 120_000 }, async (ctx) => {
  const started = performance.now();
  const document = await json(await t.request('/openapi.json'));
  const { admin } = await t.createPartner();
  const mint = async () => (await createSession(t.db, { clock: t.clock.now, config: t.config }, admin.user.id)).token;
  let validToken = await mint();
  const tokenStates = ['valid', 'none', 'garbage'] as const;
  const headersFor = (state: (typeof tokenStates)[number]): Record<string, string> =>
    state === 'valid' ? { Authorization: `Bearer ${validToken}` } : state === 'garbage' ? { Authorization: 'Bearer pks_\u00e9garbage%00' } : {};

  type Job = { method: string; path: string; state: (typeof tokenStates)[number]; body?: Raw };
  const jobs: Job[] = [];
  // Signing out and changing the password end the valid token; they go last.
  const ops = documentedOperations(document).sort(
    (a, b) => Number(/sessions\/current|me\/password/.test(a.path)) - Number(/sessions\/current|me\/password/.test(b.path)),
  );
  for (const { path, method, pathParams, queryParams, body: schema } of ops) {
    const fill = (value: string) => path.replace(/\{(\w+)\}/g, () => value);
    const plainPath = fill(randomUUID());
    for (const state of tokenStates) {
      for (const id of pathParams.length ? hostileIds : []) jobs.push({ method, path: fill(id), state, body: schema ? encodeBody(plausible(schema)) : undefined });
      for (const name of queryParams) {
        for (const value of hostileQueryValues) jobs.push({ method, path: `${plainPath}?${name}=${value}`, state });
      }
      jobs.push({ method, path: `${plainPath}?%00=1&%FF=%FF&q=a&q=b&limit=1&limit=x`, state });
      if (schema) for (const body of bodiesFor(schema)) jobs.push({ method, path: plainPath, state, body: encodeBody(body) });
    }
  }

  const failures: string[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const label = `${job.method} ${job.path.slice(0, 120)} [${job.state} token${job.body ? `, body ${job.body.bytes.subarray(0, 80).toString('latin1')}` : ''}]`;
      try {
        let outcome = await send(job.method, job.path, headersFor(job.state), job.body);
        if (job.state === 'valid' && outcome.status === 401) {
          // The job before ended the session (sign-out, password change): go on with a new one.
          validToken = await mint();
          outcome = await send(job.method, job.path, headersFor(job.state), job.body);
        }
        statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
        const problem = problemWith(outcome);
        if (problem) failures.push(`${label}: ${problem}: ${outcome.text.slice(0, 200)}`);
      } catch (error) {
        failures.push(`${label}: no answer (${error instanceof Error ? error.message : error})`);
      }
    }
  };
  await Promise.all(Array.from({ length: sockets }, worker));

  // The socket pool is still usable after everything above: no connection was left broken.
  const after = await send('GET', '/healthz', {});
  assert.equal(after.status, 200);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const summary = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
  ctx.diagnostic(`${jobs.length} requests over ${ops.length} operations in ${seconds} s on ${t.database.driver}: ${summary}`);
  assert.deepEqual(failures.slice(0, 40), [], `${failures.length} of ${jobs.length} answers were wrong`);
});

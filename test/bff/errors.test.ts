import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent, request as httpRequest } from 'node:http';
import { createDatabase } from '../../db/database.ts';
import { listen } from '../../bff/listen.ts';
import { assertErrorShape, createTestApp, openEmbeddedDatabase, type TestApp } from './harness.ts';

const t = await createTestApp();

describe('malformed and invalid input', () => {
  test('malformed JSON answers 400 malformed_json', async () => {
    for (const body of ['{"email": "a@b.example", "password": ', 'not json at all', '{"email":}']) {
      const res = await t.request('/api/sessions', { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
      await assertErrorShape(res, 400, 'malformed_json');
    }
  });

  test('wrong types answer 422 validation_failed with details', async () => {
    const res = await t.request('/api/sessions', { method: 'POST', body: { email: ['a@b.example'], password: { value: 'x' } } });
    const body = await assertErrorShape(res, 422, 'validation_failed');
    assert.deepEqual(body.error.details?.map((d) => d.path).sort(), ['body.email', 'body.password']);
  });

  test('a body larger than 256 KB answers 413 payload_too_large, with or without Content-Length', async () => {
    const big = JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(300 * 1024) });
    const withLength = await t.request('/api/sessions', {
      method: 'POST',
      body: big,
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(big)) },
    });
    await assertErrorShape(withLength, 413, 'payload_too_large');

    // A streamed body carries no length up front: the limit must hold while reading it.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode(big);
        for (let i = 0; i < chunk.length; i += 64 * 1024) controller.enqueue(chunk.subarray(i, i + 64 * 1024));
        controller.close();
      },
    });
    // `duplex` is required for a stream body (fetch spec) but missing from the DOM RequestInit type.
    const streamed = await t.app.request('/api/sessions', {
      method: 'POST',
      body: stream,
      headers: { 'Content-Type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    await assertErrorShape(streamed, 413, 'payload_too_large');
  });

  test('a body just under the limit is read normally', async () => {
    // Unknown keys are dropped by validation, so only the size matters here.
    const body = { email: 'someone@partnerkit.test', password: 'not-the-password-1', padding: 'x'.repeat(250 * 1024) };
    assert.ok(Buffer.byteLength(JSON.stringify(body)) < 256 * 1024);
    await assertErrorShape(await t.request('/api/sessions', { method: 'POST', body }), 401, 'invalid_credentials');
  });
});

describe('text Postgres cannot store is refused at the edge', () => {
  test('a NUL in a path parameter or query answers 422, naming where', async () => {
    for (const [path, where] of [
      ['/api/public/offers/a%00bcdefghijklmnopqrstuvwxyz', 'path'],
      ['/api/public/delegations/%00', 'path'],
      ['/api/customers?q=%00', 'query.q'],
    ] as const) {
      const body = await assertErrorShape(await t.request(path), 422, 'validation_failed');
      assert.deepEqual(body.error.details?.map((d) => d.path), [where], path);
    }
  });

  test('percent-encoding that is not UTF-8 answers 422', async () => {
    for (const path of ['/api/users/%FF', '/api/customers?q=%ED%A0%80', '/api/offers?kind=%C0%AF']) {
      await assertErrorShape(await t.request(path), 422, 'validation_failed');
    }
  });

  test('a NUL, a lone surrogate or invalid UTF-8 in a JSON body answers 422 before any query', async () => {
    const nul = await assertErrorShape(await t.request('/api/sessions', { method: 'POST', body: { email: 'a\u0000@partnerkit.test', password: 'x' } }), 422);
    assert.deepEqual(nul.error.details, [{ path: 'body.email', message: 'Contains a NUL character.' }]);
    const surrogate = await assertErrorShape(await t.request('/api/sessions', { method: 'POST', body: '{"email":"x@partnerkit.test","password":"\\ud800"}', headers: { 'Content-Type': 'application/json' } }), 422);
    assert.equal(surrogate.error.details?.[0]?.path, 'body.password');
    const key = await assertErrorShape(await t.request('/api/company', { method: 'PATCH', body: '{"a\\u0000":1}', headers: { 'Content-Type': 'application/json' } }), 422);
    assert.match(key.error.details?.[0]?.message ?? '', /key/);
    // app.request() sends a string body as UTF-8, so the invalid bytes go through a real socket.
    const server = await listen((request) => t.app.fetch(request));
    try {
      const res = await fetch(`${server.url}/api/sessions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: Buffer.concat([Buffer.from('{"email":"'), Buffer.from([0xff, 0xfe]), Buffer.from('@partnerkit.test","password":"x"}')]),
      });
      const body = await assertErrorShape(res, 422, 'validation_failed');
      assert.deepEqual(body.error.details, [{ path: 'body', message: 'Not valid UTF-8.' }]);
    } finally {
      await server.close();
    }
  });

  test('a malformed id in the path is a 404 naming the resource, never a query', async () => {
    const { admin } = await t.createPartner();
    const { token } = await t.signIn(admin.email, admin.password);
    const body = await assertErrorShape(await t.request('/api/users/not-a-uuid', { token }), 404, 'not_found');
    assert.equal(body.error.message, 'User not found.');
    await assertErrorShape(await t.request(`/api/customers/${'x'.repeat(300)}/users`, { token }), 404, 'not_found');
  });
});

describe('a body over the limit on a real socket', () => {
  test('gets 413, and the same kept-alive connection then serves the next request', async () => {
    const server = await listen((request) => t.app.fetch(request));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (method: string, path: string, body?: string) =>
      new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
        const req = httpRequest(`${server.url}${path}`, { method, agent, headers: body ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) } : {} }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, socket: req.socket }));
        });
        req.on('error', reject);
        req.end(body);
      });
    try {
      for (const size of [300 * 1024, 2 * 1024 * 1024]) {
        const big = await send('POST', '/api/sessions', JSON.stringify({ padding: 'x'.repeat(size) }));
        assert.equal(big.status, 413);
        const next = await send('GET', '/healthz');
        assert.equal(next.status, 200);
        assert.equal(next.socket, big.socket, 'the same socket answered both');
      }
      // A route that refuses before reading (401) leaves a connection that works too.
      const early = await send('POST', '/api/offers', JSON.stringify({ kind: 'trial', padding: 'x'.repeat(100_000) }));
      assert.equal(early.status, 401);
      assert.equal((await send('GET', '/healthz')).socket, early.socket);
    } finally {
      agent.destroy();
      await server.close();
    }
  });
});

describe('unknown routes', () => {
  test('answer 404 route_not_found in the error shape, under /api and elsewhere', async () => {
    for (const [method, path] of [
      ['GET', '/api/nothing-here'],
      ['POST', '/api/nothing-here'],
      ['GET', '/api/sessions'], // the path exists, the method does not
      ['PATCH', '/api/me'],
      ['GET', '/nothing-here'],
      ['GET', '/api'],
    ] as const) {
      const res = await t.request(path, { method });
      const body = await assertErrorShape(res, 404, 'route_not_found');
      assert.ok(body.error.message.includes(path), `the message names ${method} ${path}: ${body.error.message}`);
    }
  });
});

/** The answers of an app whose database is out of reach: 503, never a 401 or a 500. */
async function assertDatabaseDown(app: TestApp) {
  await assertErrorShape(await app.request('/readyz'), 503, 'database_unavailable');
  // The token cannot be checked, so it is neither accepted nor called invalid.
  await assertErrorShape(await app.request('/api/me', { token: `pks_${'A'.repeat(43)}` }), 503, 'database_unavailable');
  await assertErrorShape(
    await app.request('/api/sessions', { method: 'POST', body: { email: 'someone@partnerkit.test', password: 'whatever-12' } }),
    503,
    'database_unavailable',
  );
  // What needs no database still answers.
  assert.equal((await app.request('/healthz')).status, 200);
}

describe('a database that is down', () => {
  test('embedded database closed: /readyz and authenticated calls answer 503 database_unavailable', async () => {
    const database = await openEmbeddedDatabase();
    const down = await createTestApp({ database });
    assert.equal((await down.request('/readyz')).status, 200, 'ready while the database is open');
    await database.close();
    await assertDatabaseDown(down);
  });

  describe('PostgreSQL not listening', { skip: !process.env.PK_TEST_DATABASE_URL && 'runs in the PostgreSQL pass (DATABASE_URL)' }, () => {
    let down: TestApp;
    before(async () => {
      // Port 1 on loopback: nothing listens, so the connection is refused at once.
      const database = await createDatabase({ url: 'postgres://postgres@127.0.0.1:1/partnerkit', connectTimeoutSeconds: 2, poolSize: 1 });
      down = await createTestApp({ database });
    });
    after(() => down?.close());

    test('/readyz and authenticated calls answer 503 database_unavailable', async () => {
      await assertDatabaseDown(down);
    });
  });
});

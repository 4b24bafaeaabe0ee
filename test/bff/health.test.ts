import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, json } from './harness.ts';

const t = await createTestApp();

test('/healthz answers 200 {status: "ok"} without a token', async () => {
  const res = await t.request('/healthz');
  assert.equal(res.status, 200);
  assert.deepEqual(await json(res), { status: 'ok' });
});

test('/readyz answers 200 {status: "ok"} when the database answers', async () => {
  const res = await t.request('/readyz');
  assert.equal(res.status, 200);
  assert.deepEqual(await json(res), { status: 'ok' });
});

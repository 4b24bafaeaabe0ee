/**
 * GET and HEAD read from the read pool (DATABASE_READ_URL), everything else from the primary.
 * A second embedded database stands in for a replica that lags behind: it holds the schema but
 * none of the primary's rows. (On the PostgreSQL pass the whole suite also reads through a role
 * that cannot write, so a GET that writes fails it.)
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { loadConfig } from '../../bff/config.ts';
import { createTestApp, json, openEmbeddedDatabase } from './harness.ts';

const replica = await openEmbeddedDatabase();
after(() => replica.close());
const t = await createTestApp({ readDatabase: replica });

test('GETs read the replica; writes and their own answers use the primary', async () => {
  const { admin } = await t.createPartner();
  const { token } = await t.signIn(admin.email, admin.password);
  // The session was just made on the primary; the replica lacks it, and the look-up says so.
  const me = await json(await t.request('/api/me', { token }));
  assert.equal(me.user.email, admin.email);
  // A list is read where GETs read: the replica has no users of this company yet.
  assert.deepEqual((await json(await t.request('/api/users', { token }))).items, []);
  // A write goes to the primary and answers from it.
  const created = await t.request('/api/users', { method: 'POST', token, body: { email: `r-${Date.now()}@partnerkit.test`, displayName: 'Replica Test' } });
  assert.equal(created.status, 201);
});

test('DATABASE_READ_URL needs DATABASE_URL', () => {
  assert.throws(() => loadConfig({ DATABASE_READ_URL: 'postgres://reader@127.0.0.1/x' }), /DATABASE_READ_URL/);
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://a@127.0.0.1/x', DATABASE_READ_URL: 'postgres://b@127.0.0.1/x' }).databaseReadUrl, 'postgres://b@127.0.0.1/x');
});

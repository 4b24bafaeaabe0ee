import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { apiKeys, sessions } from '../../db/schema.ts';
import { hashSecret } from '../../bff/tokens.ts';
import { assertErrorShape, createTestApp, json } from './harness.ts';

const t = await createTestApp();

async function partnerAdmin() {
  const { company, admin } = await t.createPartner();
  const token = (await t.signIn(admin.email, admin.password)).token;
  return { company, admin, token };
}

async function newKey(token: string, name = 'Website') {
  const res = await t.request('/api/api-keys', { method: 'POST', token, body: { name } });
  assert.equal(res.status, 201);
  return json(res);
}

async function mint(key: string, body: unknown) {
  return t.request('/api/embed-sessions', { method: 'POST', token: key, body });
}

describe('API keys', () => {
  test('a key is shown once, stored only as its hash, and never listed', async () => {
    const p = await partnerAdmin();
    const created = await newKey(p.token, 'Main site');
    assert.deepEqual(Object.keys(created).sort(), ['createdAt', 'id', 'key', 'name', 'prefix']);
    assert.match(created.key, /^pk_live_[A-Za-z0-9_-]{43}$/);
    assert.ok(created.key.startsWith(created.prefix));
    assert.ok(created.prefix.length <= 12);
    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    assert.equal(row!.keyHash, hashSecret(created.key));
    assert.ok(!Object.values(row!).some((v) => typeof v === 'string' && v.includes(created.key)), 'the row holds no key');
    assert.equal(row!.createdById, p.admin.user.id);

    const list = await t.request('/api/api-keys', { token: p.token });
    const text = await list.text();
    assert.equal(list.status, 200);
    assert.ok(!text.includes(created.key), 'the list never shows the key');
    const { items } = JSON.parse(text);
    assert.deepEqual(items, [{ id: created.id, name: 'Main site', prefix: created.prefix, createdAt: created.createdAt, lastUsedAt: null }]);
  });

  test('only global admins of partner companies manage keys', async () => {
    const p = await partnerAdmin();
    const billing = await t.createUser({ companyId: p.company.id, companyRoles: ['billing_admin'], partnerAccess: 'full' });
    const billingToken = (await t.signIn(billing.email, billing.password)).token;
    const customer = await t.createCompany({ kind: 'customer' });
    const customerAdmin = await t.createUser({ companyId: customer.id, companyRoles: ['global_admin'] });
    const customerToken = (await t.signIn(customerAdmin.email, customerAdmin.password)).token;
    const key = await newKey(p.token);
    for (const token of [billingToken, customerToken]) {
      await assertErrorShape(await t.request('/api/api-keys', { token }), 403, 'forbidden');
      await assertErrorShape(await t.request('/api/api-keys', { method: 'POST', token, body: { name: 'x' } }), 403, 'forbidden');
      await assertErrorShape(await t.request(`/api/api-keys/${key.id}`, { method: 'DELETE', token }), 403, 'forbidden');
    }
    await assertErrorShape(await t.request('/api/api-keys'), 401);
    await assertErrorShape(await t.request('/api/api-keys', { method: 'POST', token: p.token, body: { name: ' ' } }), 422, 'validation_failed');
  });

  test("another company's key is not found; a deleted key leaves the list", async () => {
    const p = await partnerAdmin();
    const other = await partnerAdmin();
    const key = await newKey(p.token);
    await assertErrorShape(await t.request(`/api/api-keys/${key.id}`, { method: 'DELETE', token: other.token }), 404);
    await assertErrorShape(await t.request('/api/api-keys/not-a-uuid', { method: 'DELETE', token: p.token }), 404);
    assert.equal((await json(await t.request('/api/api-keys', { token: other.token }))).items.length, 0);
    const del = await t.request(`/api/api-keys/${key.id}`, { method: 'DELETE', token: p.token });
    assert.equal(del.status, 204);
    assert.equal((await json(await t.request('/api/api-keys', { token: p.token }))).items.length, 0);
    await assertErrorShape(await t.request(`/api/api-keys/${key.id}`, { method: 'DELETE', token: p.token }), 404);
  });
});

describe('POST /api/embed-sessions', () => {
  test("mints a ≤ 60-minute embed session for the key's own user, by id or by email", async () => {
    const p = await partnerAdmin();
    const key = await newKey(p.token);
    const member = await t.createUser({ companyId: p.company.id, partnerAccess: 'limited' });
    for (const body of [{ userId: member.user.id }, { email: member.email.toUpperCase() }]) {
      const res = await mint(key.key, body);
      assert.equal(res.status, 201);
      const session = await json(res);
      assert.deepEqual(Object.keys(session).sort(), ['expiresAt', 'token']);
      assert.match(session.token, /^pks_/);
      const ms = Date.parse(session.expiresAt) - t.clock.now().getTime();
      assert.ok(ms > 0 && ms <= 60 * 60_000, `expires in ${ms} ms`);
      const me = await json(await t.request('/api/me', { token: session.token }));
      assert.equal(me.user.id, member.user.id);
      assert.equal(me.session.kind, 'embed');
      assert.equal(me.session.expiresAt, session.expiresAt);
    }
    const short = await json(await mint(key.key, { userId: member.user.id, ttlMinutes: 5 }));
    assert.equal(Date.parse(short.expiresAt) - t.clock.now().getTime(), 5 * 60_000);
    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    assert.ok(row!.lastUsedAt, 'the key records its last use');
    const listed = await json(await t.request('/api/api-keys', { token: p.token }));
    assert.equal(listed.items[0].lastUsedAt, row!.lastUsedAt!.toISOString());
  });

  test("another company's, an unknown and a disabled user are not found", async () => {
    const p = await partnerAdmin();
    const other = await partnerAdmin();
    const key = await newKey(p.token);
    const disabled = await t.createUser({ companyId: p.company.id, disabled: true });
    for (const body of [
      { userId: other.admin.user.id },
      { email: other.admin.email },
      { userId: '00000000-0000-4000-8000-000000000000' },
      { userId: 'nope' },
      { email: 'nobody@partnerkit.test' },
      { userId: disabled.user.id },
      { email: disabled.email },
    ]) {
      await assertErrorShape(await mint(key.key, body), 404, 'not_found');
    }
  });

  test('deleting the key ends its sessions at once and stops it minting', async () => {
    const p = await partnerAdmin();
    const key = await newKey(p.token);
    const keep = await newKey(p.token, 'Other');
    const minted = await json(await mint(key.key, { userId: p.admin.user.id }));
    const other = await json(await mint(keep.key, { userId: p.admin.user.id }));
    assert.equal((await t.request('/api/me', { token: minted.token })).status, 200);
    assert.equal((await t.request(`/api/api-keys/${key.id}`, { method: 'DELETE', token: p.token })).status, 204);
    await assertErrorShape(await t.request('/api/me', { token: minted.token }), 401);
    await assertErrorShape(await mint(key.key, { userId: p.admin.user.id }), 401, 'invalid_api_key');
    // Other keys' sessions and the admin's own session live on.
    assert.equal((await t.request('/api/me', { token: other.token })).status, 200);
    assert.equal((await t.request('/api/me', { token: p.token })).status, 200);
    const rows = await t.db.select().from(sessions).where(eq(sessions.apiKeyId, key.id));
    assert.ok(rows.length === 1 && rows[0]!.revokedAt);
  });

  test('an API key is only good here, and only an API key is good here', async () => {
    const p = await partnerAdmin();
    const key = await newKey(p.token);
    await assertErrorShape(await t.request('/api/me', { token: key.key }), 401);
    await assertErrorShape(await t.request('/api/api-keys', { token: key.key }), 401);
    await assertErrorShape(await mint(p.token, { userId: p.admin.user.id }), 401, 'invalid_api_key');
    await assertErrorShape(await mint('pk_live_unknown', { userId: p.admin.user.id }), 401, 'invalid_api_key');
    await assertErrorShape(await t.request('/api/embed-sessions', { method: 'POST', body: { userId: p.admin.user.id } }), 401, 'invalid_api_key');
  });

  test('the body names exactly one user; the lifetime is 1 to 60 minutes', async () => {
    const p = await partnerAdmin();
    const key = await newKey(p.token);
    for (const body of [
      {},
      { userId: p.admin.user.id, email: p.admin.email },
      { userId: p.admin.user.id, ttlMinutes: 61 },
      { userId: p.admin.user.id, ttlMinutes: 0 },
      { email: 'not-an-email' },
    ]) {
      await assertErrorShape(await mint(key.key, body), 422, 'validation_failed');
    }
  });
});

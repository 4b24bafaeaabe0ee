import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { authFailures } from '../../db/schema.ts';
import type { Config } from '../../bff/config.ts';
import { auditRows } from './fixtures-customers.ts';
import { assertErrorShape, authed, createTestApp, defaultPassword, uniqueEmail, type TestApp } from './harness.ts';

const minute = 60_000;

/** A fresh app (own clock) on the file's database, with the default limits unless told otherwise. */
const app = (config: Partial<Config> = {}) => createTestApp({ config: { signInMaxFailures: 10, signInWindowSeconds: 900, ...config } });

const signIn = (t: TestApp, email: string, password: string) => t.request('/api/sessions', { method: 'POST', body: { email, password } });

async function failTimes(t: TestApp, email: string, times: number) {
  for (let i = 0; i < times; i++) await assertErrorShape(await signIn(t, email, 'wrong-password-1'), 401, 'invalid_credentials');
}

describe('failed sign-ins per account', () => {
  test('the 11th attempt within 15 minutes is a 429 with Retry-After, even with the right password; the lock is audited', async () => {
    const t = await app();
    const customer = await t.createCompany({ kind: 'customer' });
    const user = await t.createUser({ companyId: customer.id });
    await failTimes(t, user.email, 10);
    const locked = await signIn(t, user.email, user.password);
    const body = await assertErrorShape(locked, 429, 'too_many_attempts');
    assert.equal(locked.headers.get('retry-after'), '60');
    assert.match(body.error.message, /60 seconds/);

    const [lockout] = await auditRows(t, customer.id, { action: 'user.locked_out' });
    assert.ok(lockout, 'the lockout is in the company’s audit trail');
    assert.equal(lockout.targetId, user.user.id);
    assert.equal(lockout.partnerId, null);
    assert.deepEqual({ ...lockout.details, lockedUntil: undefined }, { reason: 'sign_in', failures: 10, address: t.address, lockedUntil: undefined });

    // The company's global admin reads it in GET /api/audit.
    const admin = await t.createUser({ companyId: customer.id, companyRoles: ['global_admin'] });
    const { token } = await t.signIn(admin.email, admin.password);
    const audit = await (await t.request('/api/audit', { token })).json();
    assert.ok(audit.items.some((e: { action: string; target: { id: string } }) => e.action === 'user.locked_out' && e.target.id === user.user.id));
  });

  test('back-off grows: after the lock ends one more failure locks for twice as long; a success resets the count', async () => {
    const t = await app();
    const user = await t.createUser();
    await failTimes(t, user.email, 10);
    t.clock.advance(61_000);
    await failTimes(t, user.email, 1);
    const second = await signIn(t, user.email, user.password);
    await assertErrorShape(second, 429, 'too_many_attempts');
    assert.equal(second.headers.get('retry-after'), '120');
    t.clock.advance(121_000);
    await failTimes(t, user.email, 1);
    assert.equal((await signIn(t, user.email, user.password)).headers.get('retry-after'), '240');

    t.clock.advance(241_000);
    assert.equal((await signIn(t, user.email, user.password)).status, 201, 'the right password works once the lock ends');
    // Counting starts again: nine more failures do not lock.
    await failTimes(t, user.email, 9);
    assert.equal((await signIn(t, user.email, user.password)).status, 201);
  });

  test('failures further apart than the window do not add up', async () => {
    const t = await app();
    const user = await t.createUser();
    await failTimes(t, user.email, 9);
    t.clock.advance(16 * minute);
    await failTimes(t, user.email, 9);
    assert.equal((await signIn(t, user.email, user.password)).status, 201);
  });

  test('an unknown email gets the very same answer as a wrong password, and locks the same way', async () => {
    const t = await app();
    const user = await t.createUser();
    const unknown = uniqueEmail('nobody');
    const wrong = await signIn(t, user.email, 'wrong-password-1');
    const missing = await signIn(t, unknown, 'wrong-password-1');
    assert.equal(missing.status, wrong.status);
    assert.deepEqual(await missing.json(), await wrong.json());
    assert.deepEqual([...missing.headers].filter(([k]) => k !== 'date'), [...wrong.headers].filter(([k]) => k !== 'date'));
    await failTimes(t, unknown, 9);
    await failTimes(t, user.email, 9);
    const a = await signIn(t, unknown, 'wrong-password-1');
    const b = await signIn(t, user.email, 'wrong-password-1');
    assert.equal(a.status, 429);
    assert.deepEqual(await a.json(), await b.json());
    assert.equal(a.headers.get('retry-after'), b.headers.get('retry-after'));
  });

  test('the limits are configurable (SIGNIN_MAX_FAILURES, SIGNIN_WINDOW_S)', async () => {
    const t = await app({ signInMaxFailures: 3, signInWindowSeconds: 60 });
    const user = await t.createUser();
    await failTimes(t, user.email, 3);
    await assertErrorShape(await signIn(t, user.email, user.password), 429, 'too_many_attempts');
    t.clock.advance(61_000);
    assert.equal((await signIn(t, user.email, user.password)).status, 201);
  });

  test('two BFF instances on one database share the counts', async () => {
    const a = await app();
    const b = await app();
    const user = await a.createUser();
    await failTimes(a, user.email, 5);
    await failTimes(b, user.email, 5);
    await assertErrorShape(await signIn(a, user.email, user.password), 429, 'too_many_attempts');
    const [row] = await a.db.select().from(authFailures).where(eq(authFailures.key, `account:${user.email}`));
    assert.equal(row?.lockouts, 1);
  });
});

describe('failed attempts per client address', () => {
  test('failures across many accounts from one address lock the address, and only it', async () => {
    const t = await app({ signInMaxFailuresPerAddress: 5 });
    for (let i = 0; i < 5; i++) await assertErrorShape(await signIn(t, uniqueEmail('spray'), 'wrong-password-1'), 401);
    const user = await t.createUser();
    const locked = await signIn(t, user.email, user.password);
    await assertErrorShape(locked, 429, 'too_many_attempts');
    // The same account from another address (another client of the same database) signs in.
    const elsewhere = await app({ signInMaxFailuresPerAddress: 5 });
    assert.notEqual(elsewhere.address, t.address);
    assert.equal((await signIn(elsewhere, user.email, user.password)).status, 201);
  });
});

describe('the same limits elsewhere', () => {
  test('changing the password: the 11th wrong current password is a 429, and the lock is audited', async () => {
    const t = await app();
    const user = await t.createUser({ companyRoles: ['global_admin'] });
    const { token } = await t.signIn(user.email, user.password);
    const change = (currentPassword: string) =>
      t.request('/api/me/password', { method: 'PUT', token, body: { currentPassword, newPassword: 'a-new-password-9' } });
    for (let i = 0; i < 10; i++) await assertErrorShape(await change('wrong-password-1'), 422, 'validation_failed');
    const locked = await change(defaultPassword);
    await assertErrorShape(locked, 429, 'too_many_attempts');
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    const [row] = await auditRows(t, user.user.companyId, { action: 'user.locked_out' });
    assert.equal(row?.details?.reason, 'password_change');
    // Signing in is a separate count: it still works.
    assert.equal((await signIn(t, user.email, user.password)).status, 201);
  });

  test('minting embed sessions: the 11th attempt after ten wrong API keys is a 429, even with a valid key', async () => {
    const t = await app();
    const { admin } = await t.createPartner();
    const { token } = await t.signIn(admin.email, admin.password);
    const created = await (await t.request('/api/api-keys', { method: 'POST', token, body: { name: 'limits' } })).json();
    const mint = (key: string) =>
      t.request('/api/embed-sessions', { method: 'POST', headers: authed(key), body: { email: admin.email } });
    for (let i = 0; i < 10; i++) await assertErrorShape(await mint(`pk_live_${'x'.repeat(43)}${i}`), 401, 'invalid_api_key');
    const locked = await mint(created.key);
    await assertErrorShape(locked, 429, 'too_many_attempts');
    t.clock.advance(61_000);
    assert.equal((await mint(created.key)).status, 201);
  });
});

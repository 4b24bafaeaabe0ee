import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema.ts';
import { hashSecret } from '../../bff/tokens.ts';
import { assertErrorShape, createTestApp, json, uniqueEmail } from './harness.ts';

const t = await createTestApp();

describe('POST /api/sessions (sign in)', () => {
  test('answers 201 with a token, its expiry and the user, and stores only the token hash', async () => {
    const { user, email, password } = await t.createUser({ companyRoles: ['billing_admin'] });
    const res = await t.request('/api/sessions', { method: 'POST', body: { email, password } });
    assert.equal(res.status, 201);
    const body = await json(res);
    assert.deepEqual(Object.keys(body).sort(), ['expiresAt', 'token', 'user']);
    assert.match(body.token, /^pks_[A-Za-z0-9_-]{43}$/);
    assert.equal(body.expiresAt, new Date(t.clock.now().getTime() + t.config.sessionTtlMinutes * 60_000).toISOString());
    assert.equal(body.user.id, user.id);
    assert.equal(body.user.email, email);
    assert.equal(body.user.companyId, user.companyId);
    assert.deepEqual(body.user.companyRoles, ['billing_admin']);
    assert.equal(body.user.disabled, false);
    assert.equal(body.user.passwordTemporary, false);
    assert.ok(!('passwordHash' in body.user), 'the password hash never leaves');

    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.tokenHash, hashSecret(body.token));
    assert.notEqual(rows[0]!.tokenHash, body.token);
    assert.equal(rows[0]!.kind, 'password');
    assert.equal(rows[0]!.revokedAt, null);
    assert.equal(rows[0]!.expiresAt.toISOString(), body.expiresAt);
  });

  test('each sign-in is a separate session with its own token', async () => {
    const { email, password } = await t.createUser();
    const first = await t.signIn(email, password);
    const second = await t.signIn(email, password);
    assert.notEqual(first.token, second.token);
    for (const s of [first, second]) assert.equal((await t.request('/api/me', { token: s.token })).status, 200);
  });

  test('uses the configured session lifetime', async () => {
    const short = await createTestApp({ config: { sessionTtlMinutes: 5 } });
    const { email, password } = await short.createUser();
    const session = await short.signIn(email, password);
    assert.equal(Date.parse(session.expiresAt) - short.clock.now().getTime(), 5 * 60_000);
  });

  test('takes the email in any letter case', async () => {
    const { user, email, password } = await t.createUser({ email: uniqueEmail('MixedCase') });
    assert.match(email, /[A-Z]/);
    for (const variant of [email, email.toLowerCase(), email.toUpperCase()]) {
      const res = await t.request('/api/sessions', { method: 'POST', body: { email: variant, password } });
      assert.equal(res.status, 201, `sign-in as ${variant}`);
      assert.equal((await json(res)).user.id, user.id);
    }
  });

  test('an unknown email and a wrong password get the same 401 code and message', async () => {
    const { user, email, password } = await t.createUser();
    const wrong = await assertErrorShape(
      await t.request('/api/sessions', { method: 'POST', body: { email, password: `${password}x` } }),
      401,
      'invalid_credentials',
    );
    const unknown = await assertErrorShape(
      await t.request('/api/sessions', { method: 'POST', body: { email: uniqueEmail('nobody'), password } }),
      401,
      'invalid_credentials',
    );
    assert.deepEqual(unknown, wrong);
    assert.doesNotMatch(wrong.error.message, /not found|unknown|no such|exist/i, 'the message does not say which part was wrong');
    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    assert.equal(rows.length, 0, 'a failed sign-in starts no session');
  });

  test('a disabled user cannot sign in, even with the right password, and gets the same answer', async () => {
    const { user, email, password } = await t.createUser({ disabled: true });
    const body = await assertErrorShape(
      await t.request('/api/sessions', { method: 'POST', body: { email, password } }),
      401,
      'invalid_credentials',
    );
    assert.equal(body.error.message, 'The email or password is not correct.');
    assert.equal((await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).length, 0);
  });

  test('missing fields answer 422 validation_failed naming each field', async () => {
    const body = await assertErrorShape(await t.request('/api/sessions', { method: 'POST', body: {} }), 422, 'validation_failed');
    const paths = body.error.details?.map((d) => d.path).sort();
    assert.deepEqual(paths, ['body.email', 'body.password']);
    for (const detail of body.error.details ?? []) assert.ok(detail.message.length > 0);
  });

  test('wrong types and a malformed email answer 422 with the paths of the bad fields', async () => {
    const wrongTypes = await assertErrorShape(
      await t.request('/api/sessions', { method: 'POST', body: { email: 42, password: true } }),
      422,
      'validation_failed',
    );
    assert.deepEqual(wrongTypes.error.details?.map((d) => d.path).sort(), ['body.email', 'body.password']);

    const badEmail = await assertErrorShape(
      await t.request('/api/sessions', { method: 'POST', body: { email: 'not-an-email', password: 'whatever-1' } }),
      422,
      'validation_failed',
    );
    assert.deepEqual(badEmail.error.details?.map((d) => d.path), ['body.email']);

    const notAnObject = await assertErrorShape(
      await t.request('/api/sessions', { method: 'POST', body: ['a', 'b'] }),
      422,
      'validation_failed',
    );
    assert.ok((notAnObject.error.details?.length ?? 0) > 0);
  });
});

describe('DELETE /api/sessions/current (sign out)', () => {
  test('answers 204, ends this session only, and a second sign-out with it is 401', async () => {
    const { user, email, password } = await t.createUser();
    const signedOut = await t.signIn(email, password);
    const other = await t.signIn(email, password);

    const res = await t.request('/api/sessions/current', { method: 'DELETE', token: signedOut.token });
    assert.equal(res.status, 204);
    assert.equal(await res.text(), '');

    const [row] = await t.db.select().from(sessions).where(eq(sessions.tokenHash, hashSecret(signedOut.token)));
    assert.ok(row?.revokedAt, 'the session is marked revoked');
    assert.equal(row.userId, user.id);

    await assertErrorShape(await t.request('/api/me', { token: signedOut.token }), 401, 'invalid_token');
    await assertErrorShape(await t.request('/api/sessions/current', { method: 'DELETE', token: signedOut.token }), 401, 'invalid_token');
    assert.equal((await t.request('/api/me', { token: other.token })).status, 200, 'the other session goes on');
  });

  test('without a token answers 401', async () => {
    await assertErrorShape(await t.request('/api/sessions/current', { method: 'DELETE' }), 401, 'unauthorized');
  });
});

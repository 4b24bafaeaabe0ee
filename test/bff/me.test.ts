import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq, isNull } from 'drizzle-orm';
import { sessions, users } from '../../db/schema.ts';
import { createPartner } from '../../bff/domain/companies.ts';
import { verifyPassword } from '../../bff/passwords.ts';
import { assertErrorShape, createTestApp, json, reloadUser, uniqueEmail, uniqueSuffix } from './harness.ts';

const t = await createTestApp();

describe('GET /api/me', () => {
  test('shows the user, company, roles, partner access and effective permissions', async () => {
    const { company, admin } = await t.createPartner();
    const session = await t.signIn(admin.email, admin.password);
    const res = await t.request('/api/me', { token: session.token });
    assert.equal(res.status, 200);
    const me = await json(res);
    assert.equal(me.user.id, admin.user.id);
    assert.equal(me.user.email, admin.email);
    assert.ok(!('passwordHash' in me.user));
    assert.equal(me.company.id, company.id);
    assert.equal(me.company.kind, 'partner');
    assert.equal(me.company.name, company.name);
    assert.deepEqual(me.roles, [{ id: 'global_admin', label: 'Global admin' }]);
    assert.equal(me.partnerAccess, 'full');
    for (const p of ['company:read', 'company:update', 'users:manage-admins', 'api-keys:manage', 'partner:use']) {
      assert.ok(me.permissions.includes(p), `a global admin with full partner access holds ${p}`);
    }
    assert.ok(!me.permissions.includes('delegations:manage'), 'only customers manage delegations');
    assert.deepEqual(me.session, { kind: 'password', expiresAt: session.expiresAt });
    assert.equal(me.passwordChangeRequired, false);
  });

  test('a user without roles or partner access holds no admin permissions', async () => {
    const { email, password } = await t.createUser({ companyRoles: [], partnerAccess: 'none' });
    const me = await json(await t.request('/api/me', { token: (await t.signIn(email, password)).token }));
    assert.deepEqual(me.roles, []);
    assert.equal(me.partnerAccess, 'none');
    for (const p of ['company:update', 'users:read', 'users:manage', 'api-keys:manage', 'partner:use']) {
      assert.ok(!me.permissions.includes(p), `no ${p}`);
    }
  });

  test('limited partner access opens the partner features but no company administration', async () => {
    const { email, password } = await t.createUser({ companyRoles: [], partnerAccess: 'limited' });
    const me = await json(await t.request('/api/me', { token: (await t.signIn(email, password)).token }));
    assert.equal(me.partnerAccess, 'limited');
    assert.ok(me.permissions.includes('partner:use'));
    assert.ok(!me.permissions.includes('company:update'));
  });

  test('without a token, or with another scheme, answers 401', async () => {
    await assertErrorShape(await t.request('/api/me'), 401, 'unauthorized');
    await assertErrorShape(await t.request('/api/me', { headers: { Authorization: 'Basic dXNlcjpwYXNz' } }), 401, 'unauthorized');
    await assertErrorShape(await t.request('/api/me', { headers: { Authorization: 'Bearer' } }), 401, 'unauthorized');
  });

  test('a garbage token answers 401', async () => {
    await assertErrorShape(await t.request('/api/me', { token: 'garbage' }), 401, 'invalid_token');
    await assertErrorShape(await t.request('/api/me', { token: `pks_${'A'.repeat(43)}` }), 401, 'invalid_token');
  });

  test('a token works until the session lifetime has passed, then answers 401', async () => {
    const app = await createTestApp();
    const { email, password } = await app.createUser();
    const { token } = await app.signIn(email, password);
    const ttl = app.config.sessionTtlMinutes * 60_000;
    app.clock.advance(ttl - 60_000);
    assert.equal((await app.request('/api/me', { token })).status, 200, 'still valid a minute before expiry');
    app.clock.advance(60_000);
    await assertErrorShape(await app.request('/api/me', { token }), 401, 'invalid_token');
    app.clock.advance(24 * 3600_000);
    await assertErrorShape(await app.request('/api/me', { token }), 401, 'invalid_token');
  });

  test('a token that signed out answers 401', async () => {
    const { email, password } = await t.createUser();
    const { token } = await t.signIn(email, password);
    assert.equal((await t.request('/api/me', { token })).status, 200);
    assert.equal((await t.request('/api/sessions/current', { method: 'DELETE', token })).status, 204);
    await assertErrorShape(await t.request('/api/me', { token }), 401, 'invalid_token');
  });

  test('a user disabled after signing in is shut out at once', async () => {
    const { user, email, password } = await t.createUser();
    const { token } = await t.signIn(email, password);
    await t.db.update(users).set({ disabledAt: t.clock.now() }).where(eq(users.id, user.id));
    await assertErrorShape(await t.request('/api/me', { token }), 401, 'invalid_token');
  });
});

/** A partner made the way the CLI makes one: its admin holds a temporary password. */
function temporaryAdmin() {
  return createPartner(t.db, { name: `Temp Partner ${uniqueSuffix()}`, adminEmail: uniqueEmail('temp') });
}

const newPassword = 'A-much-better-pass-7';

describe('temporary passwords', () => {
  test('sign in; /api/me shows the required change and no permissions', async () => {
    const created = await temporaryAdmin();
    const session = await t.signIn(created.email, created.password);
    assert.equal(session.user.passwordTemporary, true);
    const me = await json(await t.request('/api/me', { token: session.token }));
    assert.equal(me.passwordChangeRequired, true);
    assert.deepEqual(me.permissions, []);
    assert.equal(me.user.id, created.userId);
    assert.equal(me.company.id, created.companyId);
    assert.deepEqual(me.roles, [{ id: 'global_admin', label: 'Global admin' }], 'the roles are shown, just not usable yet');
  });

  test('every authenticated route except the password change answers 403 password_change_required', async (ctx) => {
    // The routes a temporary-password session may use (DESIGN.md §3: "may do nothing except
    // change the password"; it may still see who it is and sign out).
    const allowed = new Set(['GET /api/me', 'PUT /api/me/password', 'DELETE /api/sessions/current']);
    const created = await temporaryAdmin();
    const { token } = await t.signIn(created.email, created.password);
    const document = await json(await t.request('/openapi.json'));
    const guarded: string[] = [];
    for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, { security?: Record<string, unknown>[] }>>)) {
      for (const [method, op] of Object.entries(methods)) {
        const route = `${method.toUpperCase()} ${path}`;
        // Only session-token routes: the embed-session route takes an API key, not a session.
        if (op.security?.some((s) => 'bearer' in s) && !allowed.has(route)) guarded.push(route);
      }
    }
    if (guarded.length === 0) {
      ctx.todo('no route needing a full session exists yet; this test covers each one as it is added');
      return;
    }
    for (const route of guarded) {
      const [method, template] = route.split(' ') as [string, string];
      const path = template.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.request(path, { method, token, ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }) });
      await assertErrorShape(res, 403, 'password_change_required');
    }
  });

  test('the allowed routes answer a temporary-password session', async () => {
    const created = await temporaryAdmin();
    const { token } = await t.signIn(created.email, created.password);
    assert.equal((await t.request('/api/me', { token })).status, 200);
    assert.equal((await t.request('/api/sessions/current', { method: 'DELETE', token })).status, 204);
  });

  test('a wrong current password answers 422 and changes nothing', async () => {
    const created = await temporaryAdmin();
    const { token } = await t.signIn(created.email, created.password);
    const body = await assertErrorShape(
      await t.request('/api/me/password', { method: 'PUT', token, body: { currentPassword: 'not-the-password-1', newPassword } }),
      422,
      'validation_failed',
    );
    assert.deepEqual(body.error.details?.map((d) => d.path), ['body.currentPassword']);
    const user = await reloadUser(t.db, created.userId);
    assert.equal(user.passwordTemporary, true);
    assert.ok(await verifyPassword(created.password, user.passwordHash));
    assert.equal((await t.request('/api/me', { token })).status, 200, 'the session is still valid');
  });

  test('a weak new password answers 422 with a message saying what is wrong', async () => {
    const created = await temporaryAdmin();
    const { token } = await t.signIn(created.email, created.password);
    const cases: [string, RegExp][] = [
      ['short-1', /at least 10 characters/],
      ['onlyletterslong', /digit or symbol/],
    ];
    for (const [weak, message] of cases) {
      const body = await assertErrorShape(
        await t.request('/api/me/password', { method: 'PUT', token, body: { currentPassword: created.password, newPassword: weak } }),
        422,
        'validation_failed',
      );
      const detail = body.error.details?.find((d) => d.path === 'body.newPassword');
      assert.ok(detail, `a detail names body.newPassword for "${weak}"`);
      assert.match(detail.message, message);
    }
    const user = await reloadUser(t.db, created.userId);
    assert.equal(user.passwordTemporary, true);
    assert.ok(await verifyPassword(created.password, user.passwordHash));
  });

  test('the current password again answers 422: the new one must differ', async () => {
    // A user-chosen current password: a temporary one may be all letters, which the rules reject first.
    const { user, email, password } = await t.createUser();
    const { token } = await t.signIn(email, password);
    const before = (await reloadUser(t.db, user.id)).passwordHash;
    const body = await assertErrorShape(
      await t.request('/api/me/password', { method: 'PUT', token, body: { currentPassword: password, newPassword: password } }),
      422,
      'validation_failed',
    );
    assert.deepEqual(body.error.details?.map((d) => d.path), ['body.newPassword']);
    assert.match(body.error.details![0]!.message, /different from the current/);
    assert.equal((await reloadUser(t.db, user.id)).passwordHash, before);
  });

  test('missing fields answer 422 naming them', async () => {
    const created = await temporaryAdmin();
    const { token } = await t.signIn(created.email, created.password);
    const body = await assertErrorShape(await t.request('/api/me/password', { method: 'PUT', token, body: {} }), 422, 'validation_failed');
    assert.deepEqual(body.error.details?.map((d) => d.path).sort(), ['body.currentPassword', 'body.newPassword']);
  });

  test('a successful change returns a new session, ends all others, and swaps the password', async () => {
    const created = await temporaryAdmin();
    const first = await t.signIn(created.email, created.password);
    const second = await t.signIn(created.email, created.password);

    const res = await t.request('/api/me/password', {
      method: 'PUT',
      token: first.token,
      body: { currentPassword: created.password, newPassword },
    });
    assert.equal(res.status, 200);
    const changed = await json(res);
    assert.match(changed.token, /^pks_/);
    assert.notEqual(changed.token, first.token);
    assert.equal(changed.user.id, created.userId);
    assert.equal(changed.user.passwordTemporary, false);
    assert.ok(Date.parse(changed.expiresAt) > t.clock.now().getTime());

    await assertErrorShape(await t.request('/api/me', { token: first.token }), 401, 'invalid_token');
    await assertErrorShape(await t.request('/api/me', { token: second.token }), 401, 'invalid_token');
    const live = await t.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, created.userId), isNull(sessions.revokedAt)));
    assert.equal(live.length, 1, 'only the new session is live');

    const me = await json(await t.request('/api/me', { token: changed.token }));
    assert.equal(me.passwordChangeRequired, false);
    assert.ok(me.permissions.includes('company:update'), 'the full permissions apply now');

    const user = await reloadUser(t.db, created.userId);
    assert.equal(user.passwordTemporary, false);
    assert.ok(await verifyPassword(newPassword, user.passwordHash));

    await t.signIn(created.email, newPassword);
    await assertErrorShape(
      await t.request('/api/sessions', { method: 'POST', body: { email: created.email, password: created.password } }),
      401,
      'invalid_credentials',
    );
  });

  test('a user with a normal password can change it too', async () => {
    const { user, email, password } = await t.createUser();
    const { token } = await t.signIn(email, password);
    const res = await t.request('/api/me/password', { method: 'PUT', token, body: { currentPassword: password, newPassword } });
    assert.equal(res.status, 200);
    assert.ok(await verifyPassword(newPassword, (await reloadUser(t.db, user.id)).passwordHash));
  });

  test('without a token answers 401', async () => {
    await assertErrorShape(
      await t.request('/api/me/password', { method: 'PUT', body: { currentPassword: 'x', newPassword } }),
      401,
      'unauthorized',
    );
  });
});

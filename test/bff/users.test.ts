import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { users, type CompanyRole, type PartnerAccess } from '../../db/schema.ts';
import { assertErrorShape, createTestApp, json, reloadUser, uniqueEmail, uniqueSuffix } from './harness.ts';

const t = await createTestApp();

/** A partner company with a signed-in user for each role, plus a plain member. */
async function staffedCompany(kind: 'partner' | 'customer' = 'partner') {
  const company = await t.createCompany({ kind });
  const make = async (companyRoles: CompanyRole[], partnerAccess: PartnerAccess = 'none') => {
    const u = await t.createUser({ companyId: company.id, companyRoles, partnerAccess });
    return { ...u, token: (await t.signIn(u.email, u.password)).token };
  };
  return {
    company,
    global: await make(['global_admin'], kind === 'partner' ? 'full' : 'none'),
    billing: await make(['billing_admin']),
    password: await make(['password_admin']),
    service: await make(['service_admin']),
    people: await make(['user_management_admin']),
    member: await make([]),
  };
}

const countByEmail = async (email: string) =>
  (await t.db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()))).length;

describe('GET /api/users', () => {
  test('lists only the own company, searches name or email by substring in any case, and pages with a cursor', async () => {
    const c = await staffedCompany();
    const tag = uniqueSuffix();
    for (const name of ['Zed Quartz', 'Amy Quartz', 'Bob Other']) {
      await t.createUser({ companyId: c.company.id, displayName: `${name} ${tag}`, email: `${name.split(' ')[0]!.toLowerCase()}-${tag}@quartz.test` });
    }
    const other = await staffedCompany();
    await t.createUser({ companyId: other.company.id, displayName: `Amy Quartz ${tag}` });

    const byName = await json(await t.request(`/api/users?q=QUARTZ%20${tag}`, { token: c.global.token }));
    assert.deepEqual(byName.items.map((u: { displayName: string }) => u.displayName), [`Amy Quartz ${tag}`, `Zed Quartz ${tag}`]);
    const byEmail = await json(await t.request(`/api/users?q=bob-${tag}@QUARTZ`, { token: c.global.token }));
    assert.deepEqual(byEmail.items.map((u: { email: string }) => u.email), [`bob-${tag}@quartz.test`]);

    // Walk every page: no user twice, none missing, none from the other company.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string; companyId: string }[]; nextCursor: string | null } = await json(
        await t.request(`/api/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: c.password.token }),
      );
      assert.ok(page.items.length <= 2);
      for (const u of page.items) assert.equal(u.companyId, c.company.id);
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 9);
    assert.equal(new Set(seen).size, 9);
  });

  test('a cursor that was not issued is a 422, a limit out of range is a 422', async () => {
    const c = await staffedCompany();
    await assertErrorShape(await t.request('/api/users?cursor=not-a-cursor', { token: c.global.token }), 422, 'validation_failed');
    await assertErrorShape(await t.request('/api/users?limit=1000', { token: c.global.token }), 422, 'validation_failed');
  });

  test('needs users:read: billing and service admins and plain members get 403; no token 401', async () => {
    const c = await staffedCompany();
    for (const who of [c.billing, c.service, c.member]) {
      await assertErrorShape(await t.request('/api/users', { token: who.token }), 403, 'forbidden');
    }
    for (const who of [c.global, c.password, c.people]) assert.equal((await t.request('/api/users', { token: who.token })).status, 200);
    await assertErrorShape(await t.request('/api/users'), 401);
  });
});

describe('GET /api/users/:id', () => {
  test("another company's user and a malformed id are 404; anyone may read themselves", async () => {
    const c = await staffedCompany();
    const other = await staffedCompany();
    await assertErrorShape(await t.request(`/api/users/${other.member.user.id}`, { token: c.global.token }), 404, 'not_found');
    await assertErrorShape(await t.request('/api/users/not-an-id', { token: c.global.token }), 404, 'not_found');
    const self = await json(await t.request(`/api/users/${c.member.user.id}`, { token: c.member.token }));
    assert.equal(self.email, c.member.email);
    await assertErrorShape(await t.request(`/api/users/${c.global.user.id}`, { token: c.member.token }), 403, 'forbidden');
  });
});

describe('POST /api/users', () => {
  test('a global admin creates an admin; the one-time password signs in to a change-password-only session', async () => {
    const c = await staffedCompany();
    const email = uniqueEmail('new');
    const res = await t.request('/api/users', {
      method: 'POST',
      token: c.global.token,
      body: { email: email.toUpperCase(), displayName: 'New Admin', companyRoles: ['billing_admin'], partnerAccess: 'limited' },
    });
    assert.equal(res.status, 201);
    const created = await json(res);
    assert.equal(created.user.email, email, 'emails are stored lower-case');
    assert.deepEqual(created.user.companyRoles, ['billing_admin']);
    assert.equal(created.user.partnerAccess, 'limited');
    assert.equal(created.user.passwordTemporary, true);
    assert.match(created.temporaryPassword, /^\S{12,}$/);
    const session = await t.signIn(email, created.temporaryPassword);
    const me = await json(await t.request('/api/me', { token: session.token }));
    assert.equal(me.passwordChangeRequired, true);
    await assertErrorShape(await t.request('/api/company', { token: session.token }), 403, 'password_change_required');
  });

  test('a user management admin creates plain users but not admins; a 403 writes nothing', async () => {
    const c = await staffedCompany();
    const plain = uniqueEmail('plain');
    assert.equal((await t.request('/api/users', { method: 'POST', token: c.people.token, body: { email: plain, displayName: 'Plain' } })).status, 201);
    for (const body of [{ companyRoles: ['service_admin'] }, { partnerAccess: 'limited' }]) {
      const email = uniqueEmail('admin');
      await assertErrorShape(
        await t.request('/api/users', { method: 'POST', token: c.people.token, body: { email, displayName: 'X', ...body } }),
        403,
        'forbidden',
      );
      assert.equal(await countByEmail(email), 0);
    }
    for (const who of [c.password, c.billing, c.service, c.member]) {
      const email = uniqueEmail('nope');
      await assertErrorShape(await t.request('/api/users', { method: 'POST', token: who.token, body: { email, displayName: 'X' } }), 403);
      assert.equal(await countByEmail(email), 0);
    }
  });

  test('emails are unique across all companies, in any case: 409', async () => {
    const c = await staffedCompany();
    const other = await staffedCompany();
    await assertErrorShape(
      await t.request('/api/users', { method: 'POST', token: c.global.token, body: { email: other.member.email.toUpperCase(), displayName: 'Dup' } }),
      409,
      'email_taken',
    );
    assert.equal(await countByEmail(other.member.email), 1);
  });

  test('partner access exists only in partner companies; bad input is a 422 with details', async () => {
    const customer = await staffedCompany('customer');
    const body = await assertErrorShape(
      await t.request('/api/users', { method: 'POST', token: customer.global.token, body: { email: uniqueEmail(), displayName: 'X', partnerAccess: 'full' } }),
      422,
      'validation_failed',
    );
    assert.equal(body.error.details?.[0]?.path, 'body.partnerAccess');
    const invalid = await assertErrorShape(
      await t.request('/api/users', { method: 'POST', token: customer.global.token, body: { email: 'nope', displayName: '', companyRoles: ['owner'] } }),
      422,
    );
    const paths = invalid.error.details!.map((d) => d.path);
    for (const p of ['body.email', 'body.displayName', 'body.companyRoles.0']) assert.ok(paths.includes(p), `${p} in ${paths}`);
  });
});

describe('PATCH /api/users/:id', () => {
  test('only a global admin assigns admin roles or partner access', async () => {
    const c = await staffedCompany();
    for (const who of [c.people, c.password, c.billing]) {
      await assertErrorShape(
        await t.request(`/api/users/${c.member.user.id}`, { method: 'PATCH', token: who.token, body: { companyRoles: ['service_admin'] } }),
        403,
      );
      await assertErrorShape(
        await t.request(`/api/users/${c.member.user.id}`, { method: 'PATCH', token: who.token, body: { partnerAccess: 'full' } }),
        403,
      );
    }
    assert.deepEqual((await reloadUser(t.db, c.member.user.id)).companyRoles, []);
    const res = await t.request(`/api/users/${c.member.user.id}`, {
      method: 'PATCH',
      token: c.global.token,
      body: { companyRoles: ['service_admin', 'billing_admin'], partnerAccess: 'limited' },
    });
    assert.equal(res.status, 200);
    const after = await reloadUser(t.db, c.member.user.id);
    assert.deepEqual([...after.companyRoles].sort(), ['billing_admin', 'service_admin']);
    assert.equal(after.partnerAccess, 'limited');
  });

  test('a user management admin edits and disables plain users only; disabling ends their sessions', async () => {
    const c = await staffedCompany();
    const renamed = await t.request(`/api/users/${c.member.user.id}`, { method: 'PATCH', token: c.people.token, body: { displayName: 'Renamed' } });
    assert.equal((await json(renamed)).displayName, 'Renamed');
    const disabled = await t.request(`/api/users/${c.member.user.id}`, { method: 'PATCH', token: c.people.token, body: { disabled: true } });
    assert.equal((await json(disabled)).disabled, true);
    await assertErrorShape(await t.request('/api/me', { token: c.member.token }), 401, 'invalid_token');
    await assertErrorShape(await t.request('/api/sessions', { method: 'POST', body: { email: c.member.email, password: c.member.password } }), 401);
    // Re-enabling lets them sign in again.
    await t.request(`/api/users/${c.member.user.id}`, { method: 'PATCH', token: c.people.token, body: { disabled: false } });
    await t.signIn(c.member.email, c.member.password);

    for (const target of [c.billing, c.global]) {
      await assertErrorShape(await t.request(`/api/users/${target.user.id}`, { method: 'PATCH', token: c.people.token, body: { disabled: true } }), 403);
      await assertErrorShape(await t.request(`/api/users/${target.user.id}`, { method: 'PATCH', token: c.people.token, body: { displayName: 'X' } }), 403);
      assert.equal((await reloadUser(t.db, target.user.id)).disabledAt, null);
    }
  });

  test('everyone renames themselves, but nobody else without user management', async () => {
    const c = await staffedCompany();
    assert.equal((await t.request(`/api/users/${c.member.user.id}`, { method: 'PATCH', token: c.member.token, body: { displayName: 'Me Myself' } })).status, 200);
    await assertErrorShape(await t.request(`/api/users/${c.password.user.id}`, { method: 'PATCH', token: c.member.token, body: { displayName: 'X' } }), 403);
    await assertErrorShape(await t.request(`/api/users/${c.member.user.id}`, { method: 'PATCH', token: c.member.token, body: { companyRoles: ['global_admin'] } }), 403);
  });

  test('nobody removes or disables the last global admin', async () => {
    const c = await staffedCompany();
    await assertErrorShape(
      await t.request(`/api/users/${c.global.user.id}`, { method: 'PATCH', token: c.global.token, body: { companyRoles: [] } }),
      409,
      'last_global_admin',
    );
    await assertErrorShape(
      await t.request(`/api/users/${c.global.user.id}`, { method: 'PATCH', token: c.global.token, body: { disabled: true } }),
      409,
    );
    assert.deepEqual((await reloadUser(t.db, c.global.user.id)).companyRoles, ['global_admin']);
    // With a second global admin, the first may step down.
    await t.request(`/api/users/${c.member.user.id}`, { method: 'PATCH', token: c.global.token, body: { companyRoles: ['global_admin'] } });
    assert.equal((await t.request(`/api/users/${c.global.user.id}`, { method: 'PATCH', token: c.global.token, body: { companyRoles: [] } })).status, 200);
    // The remaining one cannot be disabled by anyone left: the demoted admin no longer may.
    await assertErrorShape(await t.request(`/api/users/${c.member.user.id}`, { method: 'PATCH', token: c.global.token, body: { disabled: true } }), 403);
  });

  test('a disabled global admin does not count: the last enabled one stays', async () => {
    const c = await staffedCompany();
    const second = await t.createUser({ companyId: c.company.id, companyRoles: ['global_admin'], disabled: true });
    await assertErrorShape(
      await t.request(`/api/users/${c.global.user.id}`, { method: 'PATCH', token: c.global.token, body: { companyRoles: ['billing_admin'] } }),
      409,
      'last_global_admin',
    );
    assert.ok(second.user.disabledAt);
  });

  test("partner access in a customer company is a 422; another company's user is a 404", async () => {
    const customer = await staffedCompany('customer');
    await assertErrorShape(
      await t.request(`/api/users/${customer.member.user.id}`, { method: 'PATCH', token: customer.global.token, body: { partnerAccess: 'limited' } }),
      422,
    );
    const partner = await staffedCompany();
    await assertErrorShape(
      await t.request(`/api/users/${customer.member.user.id}`, { method: 'PATCH', token: partner.global.token, body: { displayName: 'X' } }),
      404,
    );
    await assertErrorShape(await t.request(`/api/users/${customer.member.user.id}`, { method: 'PATCH', token: partner.global.token, body: {} }), 422);
  });
});

describe('POST /api/users/:id/reset-password', () => {
  test('a password admin resets a plain user: one-time password, sessions end, change required', async () => {
    const c = await staffedCompany();
    const res = await t.request(`/api/users/${c.member.user.id}/reset-password`, { method: 'POST', token: c.password.token });
    assert.equal(res.status, 200);
    const { temporaryPassword, user } = await json(res);
    assert.equal(user.passwordTemporary, true);
    await assertErrorShape(await t.request('/api/me', { token: c.member.token }), 401, 'invalid_token');
    await assertErrorShape(await t.request('/api/sessions', { method: 'POST', body: { email: c.member.email, password: c.member.password } }), 401);
    const session = await t.signIn(c.member.email, temporaryPassword);
    assert.equal((await json(await t.request('/api/me', { token: session.token }))).passwordChangeRequired, true);
  });

  test('admins are reset only by a global admin; others without the right get 403 and nothing changes', async () => {
    const c = await staffedCompany();
    for (const who of [c.password, c.people]) {
      await assertErrorShape(await t.request(`/api/users/${c.billing.user.id}/reset-password`, { method: 'POST', token: who.token }), 403);
    }
    for (const who of [c.billing, c.service, c.member]) {
      await assertErrorShape(await t.request(`/api/users/${c.member.user.id}/reset-password`, { method: 'POST', token: who.token }), 403);
    }
    assert.equal((await reloadUser(t.db, c.billing.user.id)).passwordTemporary, false);
    assert.equal((await reloadUser(t.db, c.member.user.id)).passwordTemporary, false);
    assert.equal((await t.request(`/api/users/${c.billing.user.id}/reset-password`, { method: 'POST', token: c.global.token })).status, 200);
  });

  test("another company's user is a 404", async () => {
    const c = await staffedCompany();
    const other = await staffedCompany();
    await assertErrorShape(await t.request(`/api/users/${other.member.user.id}/reset-password`, { method: 'POST', token: c.global.token }), 404);
    assert.equal((await reloadUser(t.db, other.member.user.id)).passwordTemporary, false);
  });
});

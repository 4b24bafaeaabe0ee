import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { subscriptions } from '../../db/schema.ts';
import { assertErrorShape, createTestApp, json, reloadUser, uniqueEmail } from './harness.ts';
import { auditRows, createService, insertUser, linkCustomer, partnerUser, signedIn } from './fixtures-customers.ts';

const t = await createTestApp();

/** A partner with a full and a limited user, and a customer that granted `level`. */
async function assisting(level: 'active-full' | 'active-limited' = 'active-full') {
  const partner = await t.createCompany({ kind: 'partner' });
  const full = await partnerUser(t, partner.id, 'full');
  const limited = await partnerUser(t, partner.id, 'limited');
  const c = await linkCustomer(t, partner.id, { delegation: level });
  return { partner, full, limited, c, base: `/api/customers/${c.customer.id}` };
}

describe('assisting with users', () => {
  test('lists the customer’s users (with search and paging), never the partner’s own', async () => {
    const s = await assisting('active-limited');
    const page = await json(await t.request(`${s.base}/users?limit=1`, { token: s.limited.token }));
    assert.equal(page.items.length, 1);
    assert.ok(page.nextCursor);
    const all = await json(await t.request(`${s.base}/users`, { token: s.limited.token }));
    assert.deepEqual(all.items.map((u: { id: string }) => u.id).sort(), [s.c.admin.user.id, s.c.member.user.id].sort());
    assert.ok(all.items.every((u: { companyId: string }) => u.companyId === s.c.customer.id));
    const found = await json(await t.request(`${s.base}/users?q=${encodeURIComponent(s.c.member.email.slice(0, 12).toUpperCase())}`, { token: s.limited.token }));
    assert.deepEqual(found.items.map((u: { id: string }) => u.id), [s.c.member.user.id]);
    assert.deepEqual(await auditRows(t, s.c.customer.id), [], 'reads are not recorded');
  });

  test('creates a user in the customer with a one-time password; recorded with actor, partner and target', async () => {
    const s = await assisting();
    const email = uniqueEmail('assist-new');
    const res = await t.request(`${s.base}/users`, { method: 'POST', token: s.full.token, body: { email, displayName: 'New Hire', companyRoles: ['service_admin'] } });
    assert.equal(res.status, 201);
    const body = await json(res);
    assert.equal(body.user.companyId, s.c.customer.id);
    assert.deepEqual(body.user.companyRoles, ['service_admin']);
    assert.equal(body.user.passwordTemporary, true);
    const session = await t.signIn(email, body.temporaryPassword);
    assert.equal(session.user.passwordTemporary, true);

    const [row] = await auditRows(t, s.c.customer.id, { action: 'user.created' });
    assert.equal(row?.actorUserId, s.full.user.id);
    assert.equal(row?.actorName, s.full.user.displayName);
    assert.equal(row?.actorEmail, s.full.email);
    assert.equal(row?.partnerId, s.partner.id);
    assert.equal(row?.partnerName, s.partner.name);
    assert.equal(row?.targetType, 'user');
    assert.equal(row?.targetId, body.user.id);
    assert.equal(row?.outcome, 'success');
    assert.equal(row?.createdAt.toISOString(), t.clock.now().toISOString());
    assert.deepEqual(row?.details, { email, displayName: 'New Hire', companyRoles: ['service_admin'] });
  });

  test('a failed change leaves no success row: email taken (409), partner access in a customer (422)', async () => {
    const s = await assisting();
    await assertErrorShape(
      await t.request(`${s.base}/users`, { method: 'POST', token: s.full.token, body: { email: s.c.member.email, displayName: 'Dup' } }),
      409,
      'email_taken',
    );
    const err = await assertErrorShape(
      await t.request(`${s.base}/users`, { method: 'POST', token: s.full.token, body: { email: uniqueEmail(), displayName: 'X', partnerAccess: 'full' } }),
      422,
    );
    assert.equal(err.error.details?.[0]?.path, 'body.partnerAccess');
    await assertErrorShape(
      await t.request(`${s.base}/users/${s.c.member.user.id}`, { method: 'PATCH', token: s.full.token, body: { partnerAccess: 'limited' } }),
      422,
    );
    assert.deepEqual(await auditRows(t, s.c.customer.id), []);
  });

  test('edits a user: rename, roles, disable (which ends their sessions); the last global admin stays', async () => {
    const s = await assisting();
    const member = await signedIn(t, s.c.member);
    const renamed = await json(await t.request(`${s.base}/users/${s.c.member.user.id}`, { method: 'PATCH', token: s.full.token, body: { displayName: 'Renamed', companyRoles: ['billing_admin'] } }));
    assert.equal(renamed.displayName, 'Renamed');
    assert.deepEqual(renamed.companyRoles, ['billing_admin']);
    await json(await t.request(`${s.base}/users/${s.c.member.user.id}`, { method: 'PATCH', token: s.full.token, body: { disabled: true } }));
    await assertErrorShape(await t.request('/api/me', { token: member.token }), 401);
    await assertErrorShape(
      await t.request(`${s.base}/users/${s.c.admin.user.id}`, { method: 'PATCH', token: s.full.token, body: { companyRoles: [] } }),
      409,
      'last_global_admin',
    );
    const rows = await auditRows(t, s.c.customer.id, { action: 'user.updated' });
    const changed = rows.map((r) => [...(r.details?.changed as string[])].sort().join('+')).sort();
    assert.deepEqual(changed, ['companyRoles+displayName', 'disabled']);
    assert.ok(rows.every((r) => r.outcome === 'success' && r.targetId === s.c.member.user.id));
    // A user of another company is not found through this customer.
    const stranger = await insertUser(t, s.partner.id);
    await assertErrorShape(await t.request(`${s.base}/users/${stranger.user.id}`, { method: 'PATCH', token: s.full.token, body: { displayName: 'X' } }), 404);
  });

  test('resets a password: one-time password, the user’s sessions end; limited reaches non-admins only', async () => {
    const s = await assisting('active-full');
    const member = await signedIn(t, s.c.member);
    const res = await t.request(`${s.base}/users/${s.c.member.user.id}/reset-password`, { method: 'POST', token: s.limited.token });
    assert.equal(res.status, 200);
    const body = await json(res);
    assert.equal(typeof body.temporaryPassword, 'string');
    assert.ok(body.temporaryPassword.length >= 12);
    await assertErrorShape(await t.request('/api/me', { token: member.token }), 401);
    assert.equal((await reloadUser(t.db, s.c.member.user.id)).passwordTemporary, true);
    const again = await t.signIn(s.c.member.email, body.temporaryPassword);
    await assertErrorShape(await t.request('/api/users', { token: again.token }), 403, 'password_change_required');

    // Limited access acts as password admin even under a full delegation: admins are out of reach.
    const denied = await assertErrorShape(await t.request(`${s.base}/users/${s.c.admin.user.id}/reset-password`, { method: 'POST', token: s.limited.token }), 403, 'forbidden');
    assert.match(denied.error.message, /users:manage-admins/);
    const rows = await auditRows(t, s.c.customer.id, { action: 'user.password_reset' });
    assert.deepEqual(rows.map((r) => [r.targetId, r.outcome]).sort(), [[s.c.admin.user.id, 'denied'], [s.c.member.user.id, 'success']].sort());
    // Full access under a full delegation may reset an admin.
    assert.equal((await t.request(`${s.base}/users/${s.c.admin.user.id}/reset-password`, { method: 'POST', token: s.full.token })).status, 200);
  });

  test('limited delegation: no creating or editing users, whatever the partner user’s access', async () => {
    const s = await assisting('active-limited');
    await assertErrorShape(await t.request(`${s.base}/users`, { method: 'POST', token: s.full.token, body: { email: uniqueEmail(), displayName: 'X' } }), 403, 'forbidden');
    await assertErrorShape(
      await t.request(`${s.base}/users/${s.c.member.user.id}`, { method: 'PATCH', token: s.full.token, body: { displayName: 'X' } }),
      403,
      'forbidden',
    );
    const rows = await auditRows(t, s.c.customer.id);
    assert.deepEqual(rows.map((r) => [r.action, r.outcome]).sort(), [['user.created', 'denied'], ['user.updated', 'denied']]);
  });
});

describe('assisting with subscriptions', () => {
  test('changes license counts within the service’s bounds, recorded with from and to', async () => {
    const s = await assisting();
    const path = `${s.base}/subscriptions/${s.c.subscription.id}`;
    const body = await json(await t.request(path, { method: 'PATCH', token: s.full.token, body: { licenses: 42 } }));
    assert.equal(body.licenses, 42);
    assert.equal(body.status, 'active');
    const [row] = await auditRows(t, s.c.customer.id, { action: 'subscription.updated' });
    assert.equal(row?.targetId, s.c.subscription.id);
    assert.deepEqual({ from: row?.details?.from, to: row?.details?.to }, { from: 10, to: 42 });

    for (const licenses of [0, 301, 2.5, '7']) {
      const err = await assertErrorShape(await t.request(path, { method: 'PATCH', token: s.full.token, body: { licenses } }), 422, 'validation_failed');
      assert.equal(err.error.details?.[0]?.path, 'body.licenses');
    }
    const [stored] = await t.db.select().from(subscriptions).where(eq(subscriptions.id, s.c.subscription.id));
    assert.equal(stored?.licenses, 42, 'refused changes changed nothing');
    assert.equal((await auditRows(t, s.c.customer.id, { action: 'subscription.updated' })).length, 1, 'and recorded nothing');
  });

  test('an expired trial is 409; another customer’s subscription is 404', async () => {
    const s = await assisting();
    const service = await createService(t);
    const [expired] = await t.db
      .insert(subscriptions)
      .values({ customerId: s.c.customer.id, serviceId: service.id, status: 'trial', licenses: 5, trialEndsAt: new Date(t.clock.now().getTime() - 1000) })
      .returning();
    await assertErrorShape(await t.request(`${s.base}/subscriptions/${expired!.id}`, { method: 'PATCH', token: s.full.token, body: { licenses: 6 } }), 409, 'subscription_inactive');
    const other = await linkCustomer(t, s.partner.id, { delegation: 'active-full' });
    await assertErrorShape(await t.request(`${s.base}/subscriptions/${other.subscription.id}`, { method: 'PATCH', token: s.full.token, body: { licenses: 6 } }), 404);
    await assertErrorShape(await t.request(`${s.base}/subscriptions/nope`, { method: 'PATCH', token: s.full.token, body: { licenses: 6 } }), 404);
    assert.deepEqual((await auditRows(t, s.c.customer.id)).filter((r) => r.outcome === 'success'), []);
  });
});

describe('assisting with service requests', () => {
  test('opens and lists requests: status, severity, who opened it and for which customer', async () => {
    const s = await assisting('active-limited');
    const res = await t.request(`${s.base}/service-requests`, { method: 'POST', token: s.limited.token, body: { title: 'Printer offline', description: 'Floor 3', severity: 'critical' } });
    assert.equal(res.status, 201);
    const created = await json(res);
    assert.equal(created.status, 'open');
    assert.equal(created.severity, 'critical');
    assert.deepEqual(created.customer, { id: s.c.customer.id, name: s.c.customer.name });
    assert.deepEqual(created.openedBy, { name: s.limited.user.displayName, email: s.limited.email, company: s.partner.name });
    t.clock.advance(1000);
    const second = await json(await t.request(`${s.base}/service-requests`, { method: 'POST', token: s.full.token, body: { title: 'Second', description: 'Default severity' } }));
    assert.equal(second.severity, 'normal');

    const page1 = await json(await t.request(`${s.base}/service-requests?limit=1`, { token: s.limited.token }));
    const page2 = await json(await t.request(`${s.base}/service-requests?limit=1&cursor=${page1.nextCursor}`, { token: s.limited.token }));
    assert.deepEqual([...page1.items, ...page2.items].map((r: { id: string }) => r.id), [second.id, created.id]);
    assert.equal(page2.nextCursor, null);
    assert.deepEqual((await json(await t.request(`${s.base}/service-requests?status=resolved`, { token: s.limited.token }))).items, []);

    const rows = await auditRows(t, s.c.customer.id, { action: 'service_request.created' });
    assert.deepEqual(rows.map((r) => r.targetId).sort(), [created.id, second.id].sort());
    assert.deepEqual(rows.find((r) => r.targetId === created.id)?.details, { title: 'Printer offline', severity: 'critical' });
  });

  test('validates title, description and severity', async () => {
    const s = await assisting();
    for (const [body, path] of [
      [{ description: 'x' }, 'body.title'],
      [{ title: '  ', description: 'x' }, 'body.title'],
      [{ title: 'x' }, 'body.description'],
      [{ title: 'x', description: 'y', severity: 'urgent' }, 'body.severity'],
    ] as const) {
      const err = await assertErrorShape(await t.request(`${s.base}/service-requests`, { method: 'POST', token: s.full.token, body }), 422);
      assert.equal(err.error.details?.[0]?.path, path);
    }
    assert.deepEqual(await auditRows(t, s.c.customer.id), []);
  });
});

describe('without a delegation in force', () => {
  test('403 no_delegation with a clear message for every assist action; refused changes are recorded as denied', async () => {
    const partner = await t.createCompany({ kind: 'partner' });
    const full = await partnerUser(t, partner.id, 'full');
    const c = await linkCustomer(t, partner.id, { delegation: 'pending' });
    const base = `/api/customers/${c.customer.id}`;
    const attempts: [string, string, unknown?][] = [
      ['GET', `${base}/users`],
      ['POST', `${base}/users`, { email: uniqueEmail(), displayName: 'X' }],
      ['PATCH', `${base}/users/${c.member.user.id}`, { displayName: 'X' }],
      ['POST', `${base}/users/${c.member.user.id}/reset-password`],
      ['PATCH', `${base}/subscriptions/${c.subscription.id}`, { licenses: 3 }],
      ['GET', `${base}/service-requests`],
      ['POST', `${base}/service-requests`, { title: 'x', description: 'y' }],
    ];
    for (const [method, path, body] of attempts) {
      const err = await assertErrorShape(await t.request(path, { method, token: full.token, ...(body ? { body } : {}) }), 403, 'no_delegation');
      assert.match(err.error.message, new RegExp(c.customer.name));
    }
    const rows = await auditRows(t, c.customer.id);
    assert.equal(rows.length, 5, 'one denied row per refused change, none for reads');
    assert.ok(rows.every((r) => r.outcome === 'denied' && r.actorUserId === full.user.id));
    assert.equal((await reloadUser(t.db, c.member.user.id)).displayName, c.member.user.displayName, 'nothing changed');
  });
});

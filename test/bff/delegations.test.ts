import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { delegations, partnerCustomers } from '../../db/schema.ts';
import { delegationLevels } from '../../bff/permissions.ts';
import { assertErrorShape, createTestApp, json } from './harness.ts';
import { auditRows, insertDelegation, insertUser, linkCustomer, partnerUser, signedIn } from './fixtures-customers.ts';

// Sessions outlive the days these tests move the clock by.
const t = await createTestApp({ config: { sessionTtlMinutes: 365 * 24 * 60 } });
const day = 86_400_000;

/** A partner with a limited user, a customer with its signed-in global admin, and an open request. */
async function requested(level: 'full' | 'limited' = 'limited', expiresInDays?: number) {
  const partner = await t.createCompany({ kind: 'partner' });
  const p = await partnerUser(t, partner.id, 'limited');
  const c = await linkCustomer(t, partner.id);
  const admin = await signedIn(t, c.admin);
  const res = await t.request(`/api/customers/${c.customer.id}/delegation-requests`, {
    method: 'POST',
    token: p.token,
    body: { level, ...(expiresInDays ? { expiresInDays } : {}) },
  });
  assert.equal(res.status, 201);
  const request = await json(res);
  return { partner, p, c, admin, request, code: request.code as string };
}

/** Whether the partner user may reset the customer member's password right now. */
const resetStatus = async (s: Awaited<ReturnType<typeof requested>>) =>
  (await t.request(`/api/customers/${s.c.customer.id}/users/${s.c.member.user.id}/reset-password`, { method: 'POST', token: s.p.token })).status;

describe('GET /api/public/delegations/:code', () => {
  test('the customer’s global admin sees the partner, the level and what it allows, and until when', async () => {
    const s = await requested('limited', 14);
    const body = await json(await t.request(`/api/public/delegations/${s.code}`, { token: s.admin.token }));
    assert.equal(body.status, 'pending');
    assert.equal(body.level, 'limited');
    assert.equal(body.label, delegationLevels.limited.label);
    assert.equal(body.description, delegationLevels.limited.description);
    assert.deepEqual([...body.permissions].sort(), ['company:read', 'service-requests:manage', 'users:read', 'users:reset-password']);
    assert.equal(body.partner.id, s.partner.id);
    assert.equal(body.partner.name, s.partner.name);
    assert.equal(body.requestExpiresAt, new Date(t.clock.now().getTime() + 14 * day).toISOString());
    assert.equal(body.answeredAt, null);
  });

  test('401 without a token; 403 for a partner user, another company’s admin, or a non-global admin; 404 unknown', async () => {
    const s = await requested();
    const billing = await signedIn(t, await insertUser(t, s.c.customer.id, { companyRoles: ['billing_admin'] }));
    const member = await signedIn(t, s.c.member);
    const elsewhere = await linkCustomer(t, s.partner.id);
    const otherAdmin = await signedIn(t, elsewhere.admin);
    await assertErrorShape(await t.request(`/api/public/delegations/${s.code}`), 401);
    for (const token of [s.p.token, billing.token, member.token, otherAdmin.token]) {
      await assertErrorShape(await t.request(`/api/public/delegations/${s.code}`, { token }), 403, 'forbidden');
      await assertErrorShape(await t.request(`/api/public/delegations/${s.code}/accept`, { method: 'POST', token }), 403, 'forbidden');
      await assertErrorShape(await t.request(`/api/public/delegations/${s.code}/decline`, { method: 'POST', token }), 403, 'forbidden');
    }
    await assertErrorShape(await t.request(`/api/public/delegations/${s.code}/accept`, { method: 'POST' }), 401);
    await assertErrorShape(await t.request('/api/public/delegations/unknown-code', { token: s.admin.token }), 404, 'not_found');
    await assertErrorShape(await t.request('/api/public/delegations/unknown-code/accept', { method: 'POST', token: s.admin.token }), 404);
    const [row] = await t.db.select().from(delegations).where(eq(delegations.code, s.code));
    assert.equal(row?.status, 'pending', 'nothing changed');
  });
});

describe('POST /api/public/delegations/:code/accept and /decline', () => {
  test('accepting activates it at once, with who and when, and the partner may assist from the next request', async () => {
    const s = await requested('limited');
    assert.equal(await resetStatus(s), 403);
    const res = await t.request(`/api/public/delegations/${s.code}/accept`, { method: 'POST', token: s.admin.token });
    assert.equal(res.status, 200);
    const body = await json(res);
    assert.equal(body.status, 'active');
    assert.equal(body.expiresAt, null);
    assert.equal(body.answeredAt, t.clock.now().toISOString());
    const [row] = await t.db.select().from(delegations).where(eq(delegations.code, s.code));
    assert.equal(row?.answeredById, s.admin.user.id);
    assert.equal(await resetStatus(s), 200);

    const [audit] = await auditRows(t, s.c.customer.id, { action: 'delegation.accepted' });
    assert.equal(audit?.actorUserId, s.admin.user.id);
    assert.equal(audit?.partnerId, s.partner.id);
    assert.equal(audit?.targetId, row?.id);
    assert.deepEqual(audit?.details, { level: 'limited', expiresAt: null });

    // Answered: the link shows the status, and answering again is a conflict.
    assert.equal((await json(await t.request(`/api/public/delegations/${s.code}`, { token: s.admin.token }))).status, 'active');
    await assertErrorShape(await t.request(`/api/public/delegations/${s.code}/accept`, { method: 'POST', token: s.admin.token }), 409, 'already_answered');
    await assertErrorShape(await t.request(`/api/public/delegations/${s.code}/decline`, { method: 'POST', token: s.admin.token }), 409, 'already_answered');
  });

  test('an end date: valid only in the future; after it the delegation is expired everywhere, recorded once', async () => {
    const s = await requested('limited');
    const past = new Date(t.clock.now().getTime() - 1000).toISOString();
    const err = await assertErrorShape(
      await t.request(`/api/public/delegations/${s.code}/accept`, { method: 'POST', token: s.admin.token, body: { expiresAt: past } }),
      422,
      'validation_failed',
    );
    assert.equal(err.error.details?.[0]?.path, 'body.expiresAt');
    await assertErrorShape(
      await t.request(`/api/public/delegations/${s.code}/accept`, { method: 'POST', token: s.admin.token, body: { expiresAt: 'tomorrow' } }),
      422,
    );
    const end = new Date(t.clock.now().getTime() + 2 * day);
    const body = await json(await t.request(`/api/public/delegations/${s.code}/accept`, { method: 'POST', token: s.admin.token, body: { expiresAt: end.toISOString() } }));
    assert.equal(body.expiresAt, end.toISOString());
    assert.equal(await resetStatus(s), 200);

    t.clock.advance(2 * day);
    const refused = await t.request(`/api/customers/${s.c.customer.id}/users/${s.c.member.user.id}/reset-password`, { method: 'POST', token: s.p.token });
    await assertErrorShape(refused, 403, 'no_delegation');
    const detail = await json(await t.request(`/api/customers/${s.c.customer.id}`, { token: s.p.token }));
    assert.equal(detail.delegation.status, 'expired');
    assert.deepEqual(detail.permissions, []);
    const partners = await json(await t.request('/api/partners', { token: s.admin.token }));
    assert.equal(partners.items[0].delegation.status, 'expired');
    await assertErrorShape(await t.request(`/api/partners/${s.partner.id}/delegation`, { method: 'DELETE', token: s.admin.token }), 404);

    const expired = await auditRows(t, s.c.customer.id, { action: 'delegation.expired' });
    assert.equal(expired.length, 1, 'one expiry row, however often it is touched');
    assert.equal(expired[0]?.actorUserId, null);
    assert.equal(expired[0]?.createdAt.toISOString(), end.toISOString(), 'dated when it lapsed');
    assert.deepEqual(expired[0]?.details, { level: 'limited', was: 'active' });
    const [row] = await t.db.select().from(delegations).where(eq(delegations.code, s.code));
    assert.equal(row?.status, 'expired');
  });

  test('declining: declined, recorded, and the partner gets nothing', async () => {
    const s = await requested('full');
    const body = await json(await t.request(`/api/public/delegations/${s.code}/decline`, { method: 'POST', token: s.admin.token }));
    assert.equal(body.status, 'declined');
    assert.equal(await resetStatus(s), 403);
    const [audit] = await auditRows(t, s.c.customer.id, { action: 'delegation.declined' });
    assert.equal(audit?.actorUserId, s.admin.user.id);
    await assertErrorShape(await t.request(`/api/public/delegations/${s.code}/accept`, { method: 'POST', token: s.admin.token }), 409, 'already_answered');
  });

  test('an unanswered request lapses after its deadline: 410 on view and answer, recorded once as expired', async () => {
    const s = await requested('full', 2);
    t.clock.advance(2 * day);
    await assertErrorShape(await t.request(`/api/public/delegations/${s.code}`, { token: s.admin.token }), 410, 'delegation_expired');
    await assertErrorShape(await t.request(`/api/public/delegations/${s.code}/accept`, { method: 'POST', token: s.admin.token }), 410, 'delegation_expired');
    await assertErrorShape(await t.request(`/api/public/delegations/${s.code}/decline`, { method: 'POST', token: s.admin.token }), 410, 'delegation_expired');
    const rows = await auditRows(t, s.c.customer.id, { action: 'delegation.expired' });
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0]?.details, { level: 'full', was: 'pending' });
    const list = await json(await t.request(`/api/customers?delegation=expired&q=${encodeURIComponent(s.c.customer.name)}`, { token: s.p.token }));
    assert.deepEqual(list.items.map((c: { id: string }) => c.id), [s.c.customer.id]);
  });

  test('accepting replaces the partner’s older active delegation: one in force per partner and customer', async () => {
    const s = await requested('full');
    const older = await insertDelegation(t, { partnerId: s.partner.id, customerId: s.c.customer.id }, 'active-limited');
    // Another partner's delegation to the same customer is untouched.
    const other = await t.createCompany({ kind: 'partner' });
    const theirs = await insertDelegation(t, { partnerId: other.id, customerId: s.c.customer.id }, 'active-full');
    await json(await t.request(`/api/public/delegations/${s.code}/accept`, { method: 'POST', token: s.admin.token }));
    const active = await t.db
      .select()
      .from(delegations)
      .where(and(eq(delegations.customerId, s.c.customer.id), eq(delegations.status, 'active')));
    assert.deepEqual(active.map((d) => d.id).sort(), [s.request.id, theirs.id].sort());
    const [old] = await t.db.select().from(delegations).where(eq(delegations.id, older.id));
    assert.equal(old?.status, 'revoked');
    const [audit] = await auditRows(t, s.c.customer.id, { action: 'delegation.revoked' });
    assert.equal(audit?.targetId, older.id);
    assert.deepEqual(audit?.details, { level: 'limited', reason: 'replaced', replacedBy: s.request.id });
  });
});

describe('GET /api/partners and DELETE /api/partners/:partnerId/delegation', () => {
  test('the customer’s global admin lists partners with advisor flag, delegation and open request', async () => {
    const first = await t.createCompany({ kind: 'partner', name: `A First Partner ${Date.now()}` });
    const c = await linkCustomer(t, first.id, { delegation: 'active-full' });
    const second = await t.createCompany({ kind: 'partner', name: `B Second Partner ${Date.now()}` });
    await t.db.insert(partnerCustomers).values({ partnerId: second.id, customerId: c.customer.id, isAdvisor: false });
    const pending = await insertDelegation(t, { partnerId: second.id, customerId: c.customer.id }, 'pending');
    const admin = await signedIn(t, c.admin);

    const page1 = await json(await t.request('/api/partners?limit=1', { token: admin.token }));
    const page2 = await json(await t.request(`/api/partners?limit=1&cursor=${page1.nextCursor}`, { token: admin.token }));
    assert.equal(page2.nextCursor, null);
    const [a, b] = [page1.items[0], page2.items[0]];
    assert.equal(a.id, first.id);
    assert.equal(a.isAdvisor, true);
    assert.equal(a.delegation.status, 'active');
    assert.equal(a.delegation.level, 'full');
    assert.equal(a.pendingRequest, null);
    assert.equal(b.id, second.id);
    assert.equal(b.isAdvisor, false);
    assert.equal(b.delegation.status, 'pending');
    assert.deepEqual(b.pendingRequest, { id: pending.id, code: pending.code, level: 'full', requestExpiresAt: pending.requestExpiresAt!.toISOString() });

    const partnerStaff = await partnerUser(t, first.id, 'full', ['global_admin']);
    const member = await signedIn(t, c.member);
    const billing = await signedIn(t, await insertUser(t, c.customer.id, { companyRoles: ['billing_admin'] }));
    for (const token of [partnerStaff.token, member.token, billing.token]) {
      await assertErrorShape(await t.request('/api/partners', { token }), 403, 'forbidden');
      await assertErrorShape(await t.request(`/api/partners/${first.id}/delegation`, { method: 'DELETE', token }), 403, 'forbidden');
    }
    await assertErrorShape(await t.request('/api/partners'), 401);
  });

  test('revoking takes effect on the next request, is recorded, and a second revoke is 404', async () => {
    const s = await requested('limited');
    await json(await t.request(`/api/public/delegations/${s.code}/accept`, { method: 'POST', token: s.admin.token }));
    assert.equal(await resetStatus(s), 200);

    // Another customer's admin cannot reach this delegation: for them there is nothing to revoke.
    const elsewhere = await signedIn(t, (await linkCustomer(t, s.partner.id)).admin);
    await assertErrorShape(await t.request(`/api/partners/${s.partner.id}/delegation`, { method: 'DELETE', token: elsewhere.token }), 404);

    const res = await t.request(`/api/partners/${s.partner.id}/delegation`, { method: 'DELETE', token: s.admin.token });
    assert.equal(res.status, 200);
    assert.equal((await json(res)).status, 'revoked');
    const refused = await t.request(`/api/customers/${s.c.customer.id}/users/${s.c.member.user.id}/reset-password`, { method: 'POST', token: s.p.token });
    const err = await assertErrorShape(refused, 403, 'no_delegation');
    assert.match(err.error.message, /delegat/i);

    const [audit] = await auditRows(t, s.c.customer.id, { action: 'delegation.revoked' });
    assert.equal(audit?.actorUserId, s.admin.user.id);
    assert.equal(audit?.outcome, 'success');
    await assertErrorShape(await t.request(`/api/partners/${s.partner.id}/delegation`, { method: 'DELETE', token: s.admin.token }), 404, 'not_found');
    await assertErrorShape(await t.request('/api/partners/not-an-id/delegation', { method: 'DELETE', token: s.admin.token }), 404);
    const partners = await json(await t.request('/api/partners', { token: s.admin.token }));
    assert.equal(partners.items[0].delegation.status, 'revoked');
  });
});

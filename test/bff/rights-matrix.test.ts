/**
 * THE RIGHTS MATRIX of assisting a customer, generated from the permission table rather than
 * written case by case: for every assist action × partner access (none, limited, full) ×
 * delegation state × own or another partner's customer, the expected answer is computed with
 * `can()` and the scope the BFF would use, and the BFF must give it — and leave the audit rows
 * it promises: one `success` row per successful change, never one for a refusal.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents, type PartnerAccess } from '../../db/schema.ts';
import { can, permissionsIn, type Actor, type Permission, type Scope } from '../../bff/permissions.ts';
import { createTestApp, uniqueEmail, uniqueSuffix } from './harness.ts';
import { activeLevel, createService, linkCustomer, partnerUser, type CustomerFixture, type DelegationFixture, type SignedIn } from './fixtures-customers.ts';

const t = await createTestApp();

const accessLevels: PartnerAccess[] = ['none', 'limited', 'full'];
const states: DelegationFixture[] = ['none', 'pending', 'active-full', 'active-limited', 'expired', 'revoked'];

// One partner with a signed-in user per access level; a customer in each delegation state for
// it, and one for another partner (each in the same state towards that partner).
const service = await createService(t);
const partner = await t.createCompany({ kind: 'partner', name: `Matrix Partner ${uniqueSuffix()}` });
const other = await t.createCompany({ kind: 'partner', name: `Other Partner ${uniqueSuffix()}` });
const actors = Object.fromEntries(
  await Promise.all(accessLevels.map(async (a) => [a, await partnerUser(t, partner.id, a)] as const)),
) as Record<PartnerAccess, SignedIn>;
const customers = new Map<string, CustomerFixture>();
for (const state of states) {
  customers.set(`own:${state}`, await linkCustomer(t, partner.id, { delegation: state, service }));
  customers.set(`other:${state}`, await linkCustomer(t, other.id, { delegation: state, service }));
}

interface AssistAction {
  name: string;
  /** Every permission the action needs in the customer's scope (from the rules of the users API). */
  needs: Permission[];
  /** Audit action a success leaves; none for reads. */
  audit?: string;
  success: number;
  request: (c: CustomerFixture) => { method: string; path: string; body?: unknown };
}

let licenses = 10;
const actions: AssistAction[] = [
  { name: 'list users', needs: ['users:read'], success: 200, request: (c) => ({ method: 'GET', path: `/api/customers/${c.customer.id}/users` }) },
  {
    name: 'create a user',
    needs: ['users:manage'],
    audit: 'user.created',
    success: 201,
    request: (c) => ({ method: 'POST', path: `/api/customers/${c.customer.id}/users`, body: { email: uniqueEmail('matrix'), displayName: 'Matrix New' } }),
  },
  {
    name: 'create an admin',
    needs: ['users:manage', 'users:manage-admins'],
    audit: 'user.created',
    success: 201,
    request: (c) => ({
      method: 'POST',
      path: `/api/customers/${c.customer.id}/users`,
      body: { email: uniqueEmail('matrix-admin'), displayName: 'Matrix Admin', companyRoles: ['billing_admin'] },
    }),
  },
  {
    name: 'edit a user',
    needs: ['users:read', 'users:manage'],
    audit: 'user.updated',
    success: 200,
    request: (c) => ({ method: 'PATCH', path: `/api/customers/${c.customer.id}/users/${c.member.user.id}`, body: { displayName: `Renamed ${uniqueSuffix()}` } }),
  },
  {
    name: 'edit an admin',
    needs: ['users:read', 'users:manage-admins'],
    audit: 'user.updated',
    success: 200,
    request: (c) => ({ method: 'PATCH', path: `/api/customers/${c.customer.id}/users/${c.admin.user.id}`, body: { displayName: `Renamed ${uniqueSuffix()}` } }),
  },
  {
    name: "reset a user's password",
    needs: ['users:reset-password'],
    audit: 'user.password_reset',
    success: 200,
    request: (c) => ({ method: 'POST', path: `/api/customers/${c.customer.id}/users/${c.member.user.id}/reset-password` }),
  },
  {
    name: "reset an admin's password",
    needs: ['users:manage-admins'],
    audit: 'user.password_reset',
    success: 200,
    request: (c) => ({ method: 'POST', path: `/api/customers/${c.customer.id}/users/${c.admin.user.id}/reset-password` }),
  },
  {
    name: 'change license count',
    needs: ['subscriptions:manage'],
    audit: 'subscription.updated',
    success: 200,
    request: (c) => ({ method: 'PATCH', path: `/api/customers/${c.customer.id}/subscriptions/${c.subscription.id}`, body: { licenses: ++licenses } }),
  },
  { name: 'list service requests', needs: ['service-requests:manage'], success: 200, request: (c) => ({ method: 'GET', path: `/api/customers/${c.customer.id}/service-requests` }) },
  {
    name: 'open a service request',
    needs: ['service-requests:manage'],
    audit: 'service_request.created',
    success: 201,
    request: (c) => ({ method: 'POST', path: `/api/customers/${c.customer.id}/service-requests`, body: { title: 'Matrix', description: 'Generated', severity: 'low' } }),
  },
];

/** What the permission table says the BFF must answer. */
function expected(access: PartnerAccess, state: DelegationFixture, own: boolean, customerId: string, needs: Permission[], success: number) {
  const actor: Actor = { userId: actors[access].user.id, companyId: partner.id, companyKind: 'partner', companyRoles: [], partnerAccess: access };
  if (!can(actor, 'partner:use')) return { status: 403, code: 'forbidden' };
  if (!own) return { status: 404, code: 'not_found' };
  const scope: Scope = { companyId: customerId, delegation: activeLevel(state) };
  if (needs.every((p) => can(actor, p, scope))) return { status: success };
  return { status: 403, code: permissionsIn(actor, scope).size === 0 ? 'no_delegation' : 'forbidden' };
}

async function outcomes(customerId: string, actorUserId: string, action: string) {
  const rows = await t.db
    .select({ outcome: auditEvents.outcome })
    .from(auditEvents)
    .where(and(eq(auditEvents.customerId, customerId), eq(auditEvents.actorUserId, actorUserId), eq(auditEvents.action, action)));
  return { success: rows.filter((r) => r.outcome === 'success').length, denied: rows.filter((r) => r.outcome === 'denied').length, all: rows.length };
}

let cases = 0;
let allowed = 0;

for (const action of actions) {
  describe(`rights matrix: ${action.name} (needs ${action.needs.join(' + ')})`, () => {
    for (const access of accessLevels) {
      test(`partner access ${access} × ${states.length} delegation states × own/other customer`, async () => {
        const problems: string[] = [];
        for (const state of states) {
          for (const own of [true, false]) {
            const fixture = customers.get(`${own ? 'own' : 'other'}:${state}`)!;
            const want = expected(access, state, own, fixture.customer.id, action.needs, action.success);
            const where = `${access} / ${state} / ${own ? 'own' : "other partner's"} customer`;
            const before = action.audit ? await outcomes(fixture.customer.id, actors[access].user.id, action.audit) : null;
            const { method, path, body } = action.request(fixture);
            const res = await t.request(path, { method, token: actors[access].token, ...(body === undefined ? {} : { body }) });
            const text = await res.text();
            cases++;
            if (res.status !== want.status) {
              problems.push(`${where}: expected ${want.status}${want.code ? ` ${want.code}` : ''}, got ${res.status} ${text.slice(0, 160)}`);
              continue;
            }
            if (want.code) {
              const { error } = JSON.parse(text) as { error: { code: string; message: string } };
              if (error?.code !== want.code || !error.message) problems.push(`${where}: expected code ${want.code}, got ${text.slice(0, 160)}`);
            } else {
              allowed++;
            }
            if (!action.audit || !before) continue;
            const after = await outcomes(fixture.customer.id, actors[access].user.id, action.audit);
            const successRows = after.success - before.success;
            if (res.status < 300) {
              if (successRows !== 1 || after.all - before.all !== 1) problems.push(`${where}: a success must leave exactly one audit row, left ${after.all - before.all}`);
            } else {
              if (successRows !== 0) problems.push(`${where}: a refusal left a success audit row`);
              // A refusal inside a customer of the partner is recorded as denied; a 404 leaves nothing there.
              const deniedRows = after.denied - before.denied;
              const wantDenied = res.status === 403 && own && access !== 'none' ? 1 : 0;
              if (deniedRows !== wantDenied) problems.push(`${where}: expected ${wantDenied} denied row(s), got ${deniedRows}`);
            }
          }
        }
        assert.deepEqual(problems, [], `${action.name}:\n  ${problems.join('\n  ')}`);
      });
    }
  });
}

describe('rights matrix: the customer detail shows what the rights allow', () => {
  test('permissions, admins and open service requests follow can() in the scope', async () => {
    const problems: string[] = [];
    for (const access of accessLevels.filter((a) => a !== 'none')) {
      for (const state of states) {
        const fixture = customers.get(`own:${state}`)!;
        const res = await t.request(`/api/customers/${fixture.customer.id}`, { token: actors[access].token });
        const body = (await res.json()) as { permissions: string[]; admins: unknown[] | null; openServiceRequests: unknown[] | null };
        const actor: Actor = { userId: actors[access].user.id, companyId: partner.id, companyKind: 'partner', companyRoles: [], partnerAccess: access };
        const scope: Scope = { companyId: fixture.customer.id, delegation: activeLevel(state) };
        const where = `${access} / ${state}`;
        if (res.status !== 200) problems.push(`${where}: ${res.status}`);
        if ([...body.permissions].sort().join() !== [...permissionsIn(actor, scope)].sort().join()) problems.push(`${where}: permissions ${body.permissions}`);
        if ((body.admins !== null) !== can(actor, 'users:read', scope)) problems.push(`${where}: admins ${JSON.stringify(body.admins)}`);
        if ((body.openServiceRequests !== null) !== can(actor, 'service-requests:manage', scope)) problems.push(`${where}: service requests shown wrongly`);
      }
    }
    for (const state of states) {
      const res = await t.request(`/api/customers/${customers.get(`other:${state}`)!.customer.id}`, { token: actors.full.token });
      if (res.status !== 404) problems.push(`other partner's customer (${state}) answered ${res.status}`);
    }
    assert.deepEqual(problems, []);
  });

  test('the matrix ran every combination and allowed some of each action', () => {
    assert.equal(cases, actions.length * accessLevels.length * states.length * 2);
    assert.ok(allowed >= actions.length, `${allowed} allowed cases`);
  });
});

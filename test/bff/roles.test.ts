import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { can, companyRoles, effectiveRoles, permissionsIn, type Actor } from '../../bff/permissions.ts';
import { assertErrorShape, createTestApp, json } from './harness.ts';

const t = await createTestApp();

describe('GET /api/roles', () => {
  test('serves the permission table with labels and descriptions; needs a session', async () => {
    await assertErrorShape(await t.request('/api/roles'), 401);
    const { admin } = await t.createPartner();
    const body = await json(await t.request('/api/roles', { token: (await t.signIn(admin.email, admin.password)).token }));
    assert.deepEqual(
      body.companyRoles.map((r: { id: string }) => r.id),
      ['global_admin', 'billing_admin', 'password_admin', 'service_admin', 'user_management_admin'],
    );
    for (const r of [...body.companyRoles, ...body.partnerAccess]) {
      assert.ok(r.label.length > 0 && r.description.length > 10, `${r.id} is described`);
    }
    assert.deepEqual(body.partnerAccess.map((r: { id: string }) => r.id), ['none', 'limited', 'full']);
    // The served table is the one the BFF checks.
    for (const r of body.companyRoles) assert.deepEqual(r.permissions, [...companyRoles[r.id as keyof typeof companyRoles].permissions]);
  });
});

describe('the permission function', () => {
  const partner: Actor = { userId: 'u', companyId: 'p', companyKind: 'partner', companyRoles: [], partnerAccess: 'full' };

  test('DESIGN.md §2 roles in the own company', () => {
    const as = (role: keyof typeof companyRoles): Actor => ({ ...partner, companyRoles: [role], partnerAccess: 'none' });
    assert.ok(can(as('global_admin'), 'users:manage-admins'));
    assert.ok(can(as('billing_admin'), 'subscriptions:manage'));
    assert.ok(!can(as('billing_admin'), 'users:read'));
    assert.ok(can(as('password_admin'), 'users:reset-password'));
    assert.ok(!can(as('password_admin'), 'users:manage'));
    assert.ok(can(as('service_admin'), 'service-requests:manage'));
    assert.ok(!can(as('service_admin'), 'company:update'));
    assert.ok(can(as('user_management_admin'), 'users:manage'));
    assert.ok(!can(as('user_management_admin'), 'users:manage-admins'));
    assert.ok(!can({ ...partner, partnerAccess: 'none' }, 'partner:use'));
    assert.ok(can({ ...partner, partnerAccess: 'limited' }, 'partner:use'));
  });

  test('in a customer tenant: full → global admin, limited → password admin, capped by the grant, nothing without one', () => {
    const customer = { companyId: 'c' };
    assert.deepEqual(effectiveRoles(partner, { ...customer, delegation: 'full' }), ['global_admin']);
    assert.deepEqual(effectiveRoles(partner, { ...customer, delegation: 'limited' }), ['password_admin']);
    assert.deepEqual(effectiveRoles({ ...partner, partnerAccess: 'limited' }, { ...customer, delegation: 'full' }), ['password_admin']);
    assert.deepEqual(effectiveRoles({ ...partner, partnerAccess: 'none' }, { ...customer, delegation: 'full' }), []);
    assert.deepEqual(effectiveRoles(partner, { ...customer, delegation: null }), []);
    assert.deepEqual(effectiveRoles(partner, customer), []);
    // The partner's own global admin role does not carry into the customer.
    assert.deepEqual(effectiveRoles({ ...partner, companyRoles: ['global_admin'], partnerAccess: 'limited' }, { ...customer, delegation: 'full' }), ['password_admin']);
    assert.ok(!permissionsIn(partner, { ...customer, delegation: 'full' }).has('delegations:manage'));
    assert.ok(!can(partner, 'company:read', customer));
  });
});

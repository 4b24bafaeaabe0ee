/**
 * The one table of roles → permissions (DESIGN.md §2). The BFF checks it through `can()`,
 * `GET /api/roles` serves it, and the role picker shows it.
 */
import type { CompanyRole, DelegationLevel, PartnerAccess } from '../db/schema.ts';
import { ApiError } from './errors.ts';

export const permissions = [
  'company:read',
  'company:update',
  'users:read',
  /** Create, edit, disable and reset users without admin roles. */
  'users:manage',
  /** Edit, disable and reset admins; assign admin roles and partner access. */
  'users:manage-admins',
  /** Reset the password of users without admin roles. */
  'users:reset-password',
  'subscriptions:manage',
  'service-requests:manage',
  'api-keys:manage',
  /** Accept, decline and revoke partners' delegated administration; read the partner audit. */
  'delegations:manage',
  /** Webhook endpoints and the event log (a partner's own systems). */
  'webhooks:manage',
  /** The partner features: overview, customers, offers, delegation requests. */
  'partner:use',
] as const;
export type Permission = (typeof permissions)[number];

type Grant = { label: string; description: string; permissions: readonly Permission[] };

const allCompany: readonly Permission[] = [
  'company:read',
  'company:update',
  'users:read',
  'users:manage',
  'users:manage-admins',
  'users:reset-password',
  'subscriptions:manage',
  'service-requests:manage',
  'api-keys:manage',
  'delegations:manage',
  'webhooks:manage',
];

export const companyRoles: Record<CompanyRole, Grant> = {
  global_admin: {
    label: 'Global admin',
    description: 'Everything in the company, including company info, admin roles, partner access and API keys.',
    permissions: allCompany,
  },
  billing_admin: {
    label: 'Billing admin',
    description: 'Reads company info, manages subscriptions and license counts, and handles service requests.',
    permissions: ['company:read', 'subscriptions:manage', 'service-requests:manage'],
  },
  password_admin: {
    label: 'Password admin',
    description: 'Reads company info and users, resets passwords of users without admin roles, and handles service requests.',
    permissions: ['company:read', 'users:read', 'users:reset-password', 'service-requests:manage'],
  },
  service_admin: {
    label: 'Service admin',
    description: 'Reads company info and handles service requests.',
    permissions: ['company:read', 'service-requests:manage'],
  },
  user_management_admin: {
    label: 'User management admin',
    description: 'Reads company info; creates, edits, disables and resets users without admin roles; handles service requests.',
    permissions: ['company:read', 'users:read', 'users:manage', 'users:reset-password', 'service-requests:manage'],
  },
};

export const partnerAccessLevels: Record<PartnerAccess, { label: string; description: string; actsAs: CompanyRole | null }> = {
  none: { label: 'None', description: 'No access to the partner features or to customers.', actsAs: null },
  limited: {
    label: 'Limited',
    description: 'Partner features; in customers that granted delegated admin, acts as their password admin.',
    actsAs: 'password_admin',
  },
  full: {
    label: 'Full',
    description: 'Partner features; in customers that granted delegated admin, acts as their global admin (within what the customer granted).',
    actsAs: 'global_admin',
  },
};

export const delegationLevels: Record<DelegationLevel, { label: string; description: string; grants: CompanyRole }> = {
  limited: {
    label: 'Limited administration',
    description: 'The partner may act as your password admin: read users, reset passwords of non-admin users, open service requests.',
    grants: 'password_admin',
  },
  full: {
    label: 'Full administration',
    description: 'The partner may act as your global admin: manage users, subscriptions, service requests and company information.',
    grants: 'global_admin',
  },
};

/** Who is asking. A partner user's rights in a customer tenant also depend on the delegation. */
export interface Actor {
  userId: string;
  companyId: string;
  companyKind: 'partner' | 'customer';
  companyRoles: readonly CompanyRole[];
  partnerAccess: PartnerAccess;
}

/**
 * Where the actor wants to act: its own company, or a customer tenant together with the level
 * of the partner's active delegation there (null when there is none, or it is not active).
 */
export type Scope = { companyId: string; delegation?: DelegationLevel | null };

const levelRank: Record<DelegationLevel, number> = { limited: 1, full: 2 };

/** The company roles the actor holds in the scope; derived from the same table everywhere. */
export function effectiveRoles(actor: Actor, scope: Scope): CompanyRole[] {
  if (scope.companyId === actor.companyId) return [...actor.companyRoles];
  if (actor.companyKind !== 'partner' || !scope.delegation || actor.partnerAccess === 'none') return [];
  // Never more than the customer granted: full access under a limited delegation acts as limited.
  const level: DelegationLevel =
    levelRank[actor.partnerAccess] <= levelRank[scope.delegation] ? actor.partnerAccess : scope.delegation;
  return [delegationLevels[level].grants];
}

/**
 * What every member of a company holds, role or not: the company information is what its
 * customers see anyway, and the profile widget shows it read-only to non-admins.
 */
export const memberPermissions: readonly Permission[] = ['company:read'];

export function permissionsIn(actor: Actor, scope: Scope): Set<Permission> {
  const granted = new Set<Permission>(scope.companyId === actor.companyId ? memberPermissions : []);
  for (const role of effectiveRoles(actor, scope)) for (const p of companyRoles[role].permissions) granted.add(p);
  // Delegated admins never manage the customer's own delegations or API keys.
  if (scope.companyId !== actor.companyId) {
    granted.delete('delegations:manage');
    granted.delete('api-keys:manage');
  } else if (actor.companyKind === 'partner' && actor.partnerAccess !== 'none') {
    granted.add('partner:use');
  }
  if (actor.companyKind !== 'partner') granted.delete('api-keys:manage');
  if (actor.companyKind !== 'customer') granted.delete('delegations:manage');
  return granted;
}

/** The single permission check every domain function calls. */
export function can(actor: Actor, permission: Permission, scope: Scope = { companyId: actor.companyId }): boolean {
  return permissionsIn(actor, scope).has(permission);
}

/** `can()` or a 403 in the error shape. */
export function assertCan(actor: Actor, permission: Permission, scope?: Scope): void {
  if (!can(actor, permission, scope)) {
    throw new ApiError(403, 'forbidden', `You do not have the permission ${permission} here.`, [
      { path: 'permission', message: permission },
    ]);
  }
}

/** The table as `GET /api/roles` serves it, for the role picker and API users. */
export function rolesView() {
  return {
    companyRoles: Object.entries(companyRoles).map(([id, r]) => ({ id: id as CompanyRole, ...r, permissions: [...r.permissions] })),
    partnerAccess: Object.entries(partnerAccessLevels).map(([id, r]) => ({ id: id as PartnerAccess, ...r })),
    delegationLevels: Object.entries(delegationLevels).map(([id, r]) => ({ id: id as DelegationLevel, ...r })),
    memberPermissions: [...memberPermissions],
  };
}
export type RolesView = ReturnType<typeof rolesView>;

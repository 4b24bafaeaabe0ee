/**
 * A company's users: listing, creating, editing, disabling and password resets, with the
 * rules of DESIGN.md §2 — all permission checks through `assertCan`. The same functions serve
 * the actor's own company and, under delegated admin, a customer's tenant (`UserTenant`).
 */
import { and, asc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import { companyRole, partnerAccess, users, type User } from '../../db/schema.ts';
import { decodeCursor, pageQuerySchema, toPage } from '../cursor.ts';
import type { Deps } from '../env.ts';
import { ApiError, conflict, notFound } from '../errors.ts';
import { generateTemporaryPassword, hashPassword } from '../passwords.ts';
import { assertCan, type Actor, type Scope } from '../permissions.ts';
import { userData } from './event-data.ts';
import { recordEvent } from './events.ts';
import { revokeUserSessions } from './sessions.ts';
import { toUserView, userViewSchema } from './user-view.ts';

const companyRolesSchema = z
  .array(z.enum(companyRole.enumValues))
  .max(companyRole.enumValues.length)
  .refine((roles) => new Set(roles).size === roles.length, 'List each role once.');

export const listUsersQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional().describe('Part of a name or email, any case'),
});

export const createUserSchema = z.object({
  email: z.email().max(320),
  displayName: z.string().trim().min(1).max(200),
  companyRoles: companyRolesSchema.default([]),
  partnerAccess: z.enum(partnerAccess.enumValues).default('none'),
});

export const updateUserSchema = z
  .object({
    displayName: z.string().trim().min(1).max(200),
    companyRoles: companyRolesSchema,
    partnerAccess: z.enum(partnerAccess.enumValues),
    disabled: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change.');

export const createdUserSchema = z.object({
  user: userViewSchema,
  temporaryPassword: z.string().describe('Shown once; the user must change it at first sign-in'),
});
export const passwordResetSchema = createdUserSchema;

/** What a change did, for whoever must record it in the same transaction. */
export interface UserChange {
  action: 'user.created' | 'user.updated' | 'user.password_reset';
  user: User;
  /** The user as it was before an update. */
  before?: User;
  /** When the change happened, by the app's clock. */
  at: Date;
  details: Record<string, unknown>;
}

/**
 * Where the user functions act: the actor's own company, or a customer tenant under delegated
 * admin (the scope then carries the delegation level, and `can()` caps the actor by it).
 */
export interface UserTenant {
  scope: Scope;
  /** Runs inside the transaction of each change: the delegated-admin audit trail. */
  onChange?: (tx: Tx, change: UserChange) => Promise<void>;
}

export const ownTenant = (actor: Actor): UserTenant => ({
  scope: { companyId: actor.companyId },
  ...(actor.companyKind === 'partner' ? { onChange: recordPartnerUserEvent } : {}),
});

const accessOf = (u: User) => ({ companyRoles: [...u.companyRoles].sort(), partnerAccess: u.partnerAccess, disabled: u.disabledAt !== null });

/**
 * A partner's own users are what its systems mirror (single sign-on, staff directories): a new
 * user, and any change to what a user may do — roles, partner access, or being disabled —
 * becomes an event. Renames and password resets do not.
 */
async function recordPartnerUserEvent(tx: Tx, change: UserChange) {
  const { at } = change;
  const partnerId = change.user.companyId;
  if (change.action === 'user.created') {
    await recordEvent(tx, { partnerId, type: 'user.created', data: { user: userData(change.user) } }, at);
    return;
  }
  if (change.action !== 'user.updated' || !change.before) return;
  const [before, after] = [accessOf(change.before), accessOf(change.user)];
  const changed = (Object.keys(before) as (keyof typeof before)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (changed.length === 0) return;
  await recordEvent(tx, { partnerId, type: 'user.access_changed', data: { user: userData(change.user), previous: before, changed } }, at);
}

/**
 * Admin roles and partner access both give power over others, so a user holding either counts
 * as an admin: only a global admin may change, disable or reset such a user.
 */
export function isAdmin(user: Pick<User, 'companyRoles' | 'partnerAccess'>): boolean {
  return user.companyRoles.length > 0 || user.partnerAccess !== 'none';
}

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listUsers(deps: Deps, actor: Actor, query: z.infer<typeof listUsersQuerySchema>, tenant = ownTenant(actor)) {
  assertCan(actor, 'users:read', tenant.scope);
  const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const rows = await deps.db
    .select()
    .from(users)
    .where(
      and(
        eq(users.companyId, tenant.scope.companyId),
        query.q ? or(ilike(users.displayName, containsPattern(query.q)), ilike(users.email, containsPattern(query.q))) : undefined,
        after ? sql`(${users.displayName}, ${users.id}) > (${String(after[0])}, ${String(after[1])}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (u) => [u.displayName, u.id], toUserView);
}

/** A user of the tenant's company; any other id (another tenant's included) is a 404. */
async function findTenantUser(db: Deps['db'] | Tx, tenant: UserTenant, id: string): Promise<User> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.companyId, tenant.scope.companyId)))
    .limit(1);
  if (!user) throw notFound('User');
  return user;
}

export async function getUser(deps: Deps, actor: Actor, id: string, tenant = ownTenant(actor)) {
  const user = await findTenantUser(deps.db, tenant, id);
  if (user.id !== actor.userId) assertCan(actor, 'users:read', tenant.scope);
  return toUserView(user);
}

/** Partner access exists only in partner companies; delegated admin only reaches customers. */
function assertPartnerAccessAllowed(actor: Actor, tenant: UserTenant, access: string | undefined) {
  const partnerTenant = tenant.scope.companyId === actor.companyId && actor.companyKind === 'partner';
  if (access && access !== 'none' && !partnerTenant) {
    throw new ApiError(422, 'validation_failed', 'Partner access exists only in partner companies.', [
      { path: 'body.partnerAccess', message: 'Only partner companies have access to companies they support.' },
    ]);
  }
}

export async function createUser(deps: Deps, actor: Actor, input: z.infer<typeof createUserSchema>, tenant = ownTenant(actor)) {
  assertCan(actor, 'users:manage', tenant.scope);
  if (isAdmin(input)) assertCan(actor, 'users:manage-admins', tenant.scope);
  assertPartnerAccessAllowed(actor, tenant, input.partnerAccess);
  const temporaryPassword = generateTemporaryPassword();
  // Hash outside the transaction: it is the slow part and needs no lock.
  const passwordHash = await hashPassword(temporaryPassword);
  const now = deps.clock();
  const user = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        companyId: tenant.scope.companyId,
        email: input.email.toLowerCase(),
        displayName: input.displayName,
        companyRoles: input.companyRoles,
        partnerAccess: input.partnerAccess,
        passwordHash,
        passwordTemporary: true,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('email_taken', 'A user with this email already exists.');
    await tenant.onChange?.(tx, {
      action: 'user.created',
      user: row,
      at: now,
      details: { email: row.email, displayName: row.displayName, companyRoles: row.companyRoles },
    });
    return row;
  });
  return { user: toUserView(user), temporaryPassword };
}

const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((r) => b.includes(r));

/**
 * Fails with 409 when the change would leave the company without an enabled global admin.
 * Locks the company's global admins so two concurrent demotions cannot both pass.
 */
async function assertAnotherGlobalAdmin(tx: Tx, companyId: string, userId: string) {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.companyId, companyId), sql`'global_admin' = any(${users.companyRoles})`, isNull(users.disabledAt)))
    .for('update');
  if (!admins.some((a) => a.id !== userId)) {
    throw conflict('last_global_admin', 'A company needs at least one enabled global admin; appoint another first.');
  }
}

export async function updateUser(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateUserSchema>, tenant = ownTenant(actor)) {
  const { scope } = tenant;
  const target = await findTenantUser(deps.db, tenant, id);
  const isSelf = target.id === actor.userId;
  // The answer shows the user, so even an edit that changes nothing needs the right to read them.
  if (!isSelf) assertCan(actor, 'users:read', scope);
  const rolesChange = input.companyRoles !== undefined && !sameRoles(input.companyRoles, target.companyRoles);
  const accessChange = input.partnerAccess !== undefined && input.partnerAccess !== target.partnerAccess;
  const disableChange = input.disabled !== undefined && input.disabled !== (target.disabledAt !== null);
  const nameChange = input.displayName !== undefined && input.displayName !== target.displayName;

  if (rolesChange || accessChange) assertCan(actor, 'users:manage-admins', scope);
  // Everyone may rename themselves; other edits need user management, admins need a global admin.
  if (disableChange || (nameChange && !isSelf)) assertCan(actor, isAdmin(target) ? 'users:manage-admins' : 'users:manage', scope);
  if (accessChange) assertPartnerAccessAllowed(actor, tenant, input.partnerAccess);
  if (disableChange && input.disabled && isSelf) {
    throw conflict('cannot_disable_self', 'You cannot disable your own account; ask another admin.');
  }

  const now = deps.clock();
  const updated = await deps.db.transaction(async (tx) => {
    const losesGlobalAdmin =
      target.companyRoles.includes('global_admin') &&
      ((rolesChange && !input.companyRoles!.includes('global_admin')) || (disableChange && input.disabled));
    if (losesGlobalAdmin) await assertAnotherGlobalAdmin(tx, scope.companyId, target.id);
    const [row] = await tx
      .update(users)
      .set({
        ...(nameChange ? { displayName: input.displayName } : {}),
        ...(rolesChange ? { companyRoles: input.companyRoles } : {}),
        ...(accessChange ? { partnerAccess: input.partnerAccess } : {}),
        ...(disableChange ? { disabledAt: input.disabled ? now : null } : {}),
        updatedAt: now,
      })
      .where(eq(users.id, target.id))
      .returning();
    if (disableChange && input.disabled) await revokeUserSessions(tx, target.id, now);
    const changed = { displayName: nameChange, companyRoles: rolesChange, partnerAccess: accessChange, disabled: disableChange };
    await tenant.onChange?.(tx, {
      action: 'user.updated',
      user: row!,
      before: target,
      at: now,
      details: { email: row!.email, changed: Object.keys(changed).filter((k) => changed[k as keyof typeof changed]), ...(disableChange ? { disabled: input.disabled } : {}) },
    });
    return row!;
  });
  return toUserView(updated);
}

/** Issues a one-time password and ends the user's sessions; they must choose a new one at sign-in. */
export async function resetUserPassword(deps: Deps, actor: Actor, id: string, tenant = ownTenant(actor)) {
  const target = await findTenantUser(deps.db, tenant, id);
  assertCan(actor, isAdmin(target) ? 'users:manage-admins' : 'users:reset-password', tenant.scope);
  return setTemporaryPassword(deps, target, tenant.onChange);
}

/** The one way a password is reset, wherever it is asked: a one-time password, sessions ended. */
export async function setTemporaryPassword(deps: Deps, target: User, onChange?: UserTenant['onChange']) {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const now = deps.clock();
  const row = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, passwordTemporary: true, updatedAt: now })
      .where(eq(users.id, target.id))
      .returning();
    await revokeUserSessions(tx, target.id, now);
    await onChange?.(tx, { action: 'user.password_reset', user: row!, at: now, details: { email: row!.email } });
    return row!;
  });
  return { user: toUserView(row), temporaryPassword };
}

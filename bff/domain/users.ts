/**
 * A company's own users: listing, creating, editing, disabling and password resets, with the
 * rules of DESIGN.md §2 — all permission checks through `assertCan`.
 */
import { and, asc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import { companyRole, partnerAccess, users, type User } from '../../db/schema.ts';
import { decodeCursor, pageQuerySchema, toPage } from '../cursor.ts';
import type { Deps } from '../env.ts';
import { ApiError, conflict, notFound } from '../errors.ts';
import { requireId } from '../ids.ts';
import { generateTemporaryPassword, hashPassword } from '../passwords.ts';
import { assertCan, type Actor } from '../permissions.ts';
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

export async function listUsers(deps: Deps, actor: Actor, query: z.infer<typeof listUsersQuerySchema>) {
  assertCan(actor, 'users:read');
  const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const rows = await deps.db
    .select()
    .from(users)
    .where(
      and(
        eq(users.companyId, actor.companyId),
        query.q ? or(ilike(users.displayName, containsPattern(query.q)), ilike(users.email, containsPattern(query.q))) : undefined,
        after ? sql`(${users.displayName}, ${users.id}) > (${String(after[0])}, ${String(after[1])}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (u) => [u.displayName, u.id], toUserView);
}

/** A user of the actor's own company; any other id (another tenant's included) is a 404. */
async function findOwnUser(db: Deps['db'] | Tx, actor: Actor, id: string): Promise<User> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, requireId(id, 'User')), eq(users.companyId, actor.companyId)))
    .limit(1);
  if (!user) throw notFound('User');
  return user;
}

export async function getUser(deps: Deps, actor: Actor, id: string) {
  const user = await findOwnUser(deps.db, actor, id);
  if (user.id !== actor.userId) assertCan(actor, 'users:read');
  return toUserView(user);
}

function assertPartnerAccessAllowed(actor: Actor, access: string | undefined) {
  if (access && access !== 'none' && actor.companyKind !== 'partner') {
    throw new ApiError(422, 'validation_failed', 'Partner access exists only in partner companies.', [
      { path: 'body.partnerAccess', message: 'Only partner companies have access to companies they support.' },
    ]);
  }
}

export async function createUser(deps: Deps, actor: Actor, input: z.infer<typeof createUserSchema>) {
  assertCan(actor, 'users:manage');
  if (isAdmin(input)) assertCan(actor, 'users:manage-admins');
  assertPartnerAccessAllowed(actor, input.partnerAccess);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const [user] = await deps.db
    .insert(users)
    .values({
      companyId: actor.companyId,
      email: input.email.toLowerCase(),
      displayName: input.displayName,
      companyRoles: input.companyRoles,
      partnerAccess: input.partnerAccess,
      passwordHash,
      passwordTemporary: true,
    })
    .onConflictDoNothing()
    .returning();
  if (!user) throw conflict('email_taken', 'A user with this email already exists.');
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

export async function updateUser(deps: Deps, actor: Actor, id: string, input: z.infer<typeof updateUserSchema>) {
  const target = await findOwnUser(deps.db, actor, id);
  const isSelf = target.id === actor.userId;
  const rolesChange = input.companyRoles !== undefined && !sameRoles(input.companyRoles, target.companyRoles);
  const accessChange = input.partnerAccess !== undefined && input.partnerAccess !== target.partnerAccess;
  const disableChange = input.disabled !== undefined && input.disabled !== (target.disabledAt !== null);
  const nameChange = input.displayName !== undefined && input.displayName !== target.displayName;

  if (rolesChange || accessChange) assertCan(actor, 'users:manage-admins');
  // Everyone may rename themselves; other edits need user management, admins need a global admin.
  if (disableChange || (nameChange && !isSelf)) assertCan(actor, isAdmin(target) ? 'users:manage-admins' : 'users:manage');
  if (accessChange) assertPartnerAccessAllowed(actor, input.partnerAccess);
  if (disableChange && input.disabled && isSelf) {
    throw conflict('cannot_disable_self', 'You cannot disable your own account; ask another admin.');
  }

  const now = deps.clock();
  const updated = await deps.db.transaction(async (tx) => {
    const losesGlobalAdmin =
      target.companyRoles.includes('global_admin') &&
      ((rolesChange && !input.companyRoles!.includes('global_admin')) || (disableChange && input.disabled));
    if (losesGlobalAdmin) await assertAnotherGlobalAdmin(tx, actor.companyId, target.id);
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
    return row!;
  });
  return toUserView(updated);
}

/** Issues a one-time password and ends the user's sessions; they must choose a new one at sign-in. */
export async function resetUserPassword(deps: Deps, actor: Actor, id: string) {
  const target = await findOwnUser(deps.db, actor, id);
  assertCan(actor, isAdmin(target) ? 'users:manage-admins' : 'users:reset-password');
  return setTemporaryPassword(deps, target);
}

/** Shared by own-company and (later) delegated resets: the same effect wherever it is asked. */
export async function setTemporaryPassword(deps: Deps, target: User, tx?: Tx) {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const now = deps.clock();
  const write = async (t: Tx) => {
    const [row] = await t
      .update(users)
      .set({ passwordHash, passwordTemporary: true, updatedAt: now })
      .where(eq(users.id, target.id))
      .returning();
    await revokeUserSessions(t, target.id, now);
    return row!;
  };
  const row = tx ? await write(tx) : await deps.db.transaction(write);
  return { user: toUserView(row), temporaryPassword };
}

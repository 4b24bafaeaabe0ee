/**
 * Signing in and out, the signed-in user's own account, and the session look-up behind
 * every bearer token.
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/database.ts';
import { companies, sessions, users } from '../../db/schema.ts';
import { ApiError, unauthorized } from '../errors.ts';
import type { Auth, Deps } from '../env.ts';
import { decoyPasswordHash, hashPassword, newPasswordSchema, verifyPassword } from '../passwords.ts';
import { companyRoles as roleTable, permissionsIn } from '../permissions.ts';
import { generateSecret, hashSecret, tokenPrefixes } from '../tokens.ts';
import { companyViewSchema, toCompanyView } from './companies.ts';
import { toUserView, userViewSchema } from './user-view.ts';

export const signInSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(200),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: newPasswordSchema,
});

export const sessionViewSchema = z.object({
  token: z.string().describe('Bearer token for `Authorization: Bearer …`'),
  expiresAt: z.iso.datetime(),
  user: userViewSchema,
});

export const meViewSchema = z.object({
  user: userViewSchema,
  company: companyViewSchema,
  roles: z.array(z.object({ id: z.string(), label: z.string() })),
  partnerAccess: z.enum(['none', 'limited', 'full']),
  permissions: z.array(z.string()),
  session: z.object({ kind: z.enum(['password', 'embed']), expiresAt: z.iso.datetime() }),
  passwordChangeRequired: z.boolean(),
});

/** Starts a session and returns its token; only the token's hash is stored. */
export async function createSession(
  tx: Db | Tx,
  deps: Pick<Deps, 'clock' | 'config'>,
  userId: string,
  options: { kind?: 'password' | 'embed'; ttlMinutes?: number; apiKeyId?: string } = {},
) {
  const token = generateSecret(tokenPrefixes.session);
  const expiresAt = new Date(deps.clock().getTime() + (options.ttlMinutes ?? deps.config.sessionTtlMinutes) * 60_000);
  await tx.insert(sessions).values({
    userId,
    tokenHash: hashSecret(token),
    kind: options.kind ?? 'password',
    apiKeyId: options.apiKeyId ?? null,
    expiresAt,
  });
  return { token, expiresAt: expiresAt.toISOString() };
}

const invalidCredentials = () => new ApiError(401, 'invalid_credentials', 'The email or password is not correct.');

export async function signIn(deps: Deps, input: z.infer<typeof signInSchema>) {
  const [user] = await deps.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email.toLowerCase()))
    .limit(1);
  // Unknown email, wrong password and disabled user all get the same answer after the same work.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !ok || user.disabledAt) throw invalidCredentials();
  const session = await createSession(deps.db, deps, user.id);
  return { ...session, user: toUserView(user) };
}

/** Ends every session of a user at once (sign-out everywhere, password change, disabling). */
export async function revokeUserSessions(tx: Db | Tx, userId: string, now: Date) {
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

export async function signOut(deps: Deps, auth: Auth) {
  await deps.db.update(sessions).set({ revokedAt: deps.clock() }).where(eq(sessions.id, auth.sessionId));
}

/** The caller behind a bearer token, or null when the token is unknown, expired or revoked. */
export async function findSession(deps: Deps, token: string): Promise<Auth | null> {
  const [row] = await deps.db
    .select({
      sessionId: sessions.id,
      sessionKind: sessions.kind,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      companyId: users.companyId,
      companyRoles: users.companyRoles,
      partnerAccess: users.partnerAccess,
      passwordTemporary: users.passwordTemporary,
      companyKind: companies.kind,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(companies, eq(companies.id, users.companyId))
    .where(
      and(
        eq(sessions.tokenHash, hashSecret(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, deps.clock()),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  return {
    actor: {
      userId: row.userId,
      companyId: row.companyId,
      companyKind: row.companyKind,
      companyRoles: row.companyRoles,
      partnerAccess: row.partnerAccess,
    },
    sessionId: row.sessionId,
    sessionKind: row.sessionKind,
    expiresAt: row.expiresAt,
    passwordTemporary: row.passwordTemporary,
  };
}

export async function getMe(deps: Deps, auth: Auth): Promise<z.infer<typeof meViewSchema>> {
  const [row] = await deps.db
    .select({ user: users, company: companies })
    .from(users)
    .innerJoin(companies, eq(companies.id, users.companyId))
    .where(eq(users.id, auth.actor.userId));
  if (!row) throw unauthorized();
  return {
    user: toUserView(row.user),
    company: toCompanyView(row.company),
    roles: row.user.companyRoles.map((id) => ({ id, label: roleTable[id].label })),
    partnerAccess: row.user.partnerAccess,
    // A temporary-password session may only change the password, so it holds no permissions.
    permissions: auth.passwordTemporary ? [] : [...permissionsIn(auth.actor, { companyId: auth.actor.companyId })],
    session: { kind: auth.sessionKind, expiresAt: auth.expiresAt.toISOString() },
    passwordChangeRequired: auth.passwordTemporary,
  };
}

/**
 * Changes the caller's own password. Every session of the user ends (other devices included),
 * and a fresh session is returned so the caller stays signed in.
 */
export async function changePassword(deps: Deps, auth: Auth, input: z.infer<typeof changePasswordSchema>) {
  const [user] = await deps.db.select().from(users).where(eq(users.id, auth.actor.userId));
  if (!user) throw unauthorized();
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new ApiError(422, 'validation_failed', 'The current password is not correct.', [
      { path: 'body.currentPassword', message: 'The current password is not correct.' },
    ]);
  }
  if (input.newPassword === input.currentPassword) {
    throw new ApiError(422, 'validation_failed', 'Choose a password different from the current one.', [
      { path: 'body.newPassword', message: 'Choose a password different from the current one.' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordTemporary: false, updatedAt: now })
      .where(eq(users.id, user.id));
    await revokeUserSessions(tx, user.id, now);
    const session = await createSession(tx, deps, user.id);
    return { ...session, user: toUserView({ ...user, passwordTemporary: false }) };
  });
}

/**
 * Signing in and out, the signed-in user's own account, and the session look-up behind
 * every bearer token.
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/database.ts';
import { companies, sessions, users } from '../../db/schema.ts';
import { assertNotLocked, clearFailures, countFailure, throttleKeys } from '../auth-throttle.ts';
import { ApiError } from '../errors.ts';
import { prepared } from '../prepared.ts';
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

/**
 * Counted per email (known or not, so a lockout tells nothing about whether an account exists)
 * and per client address; a locked email or address gets 429 before any password is checked.
 */
export async function signIn(deps: Deps, input: z.infer<typeof signInSchema>, address: string) {
  const email = input.email.toLowerCase();
  const keys = throttleKeys(deps.config, `account:${email}`, address);
  const now = deps.clock();
  await assertNotLocked(deps.db, keys, now);
  const [user] = await deps.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  // Unknown email, wrong password and disabled user all get the same answer after the same work.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !ok || user.disabledAt) {
    await countFailure(deps, keys, now, { user, reason: 'sign_in', address });
    throw invalidCredentials();
  }
  await clearFailures(deps.db, keys[0]!);
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

// Prepared: the session look-up runs on every request, so drizzle builds its SQL once.
function prepareSessionQuery(db: Deps['db'], name: string) {
  return db
    .select({ session: sessions, user: users, company: companies })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(companies, eq(companies.id, users.companyId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql.placeholder('now')),
        isNull(users.disabledAt),
      ),
    )
    .limit(1)
    .prepare(name);
}

/**
 * The caller behind a bearer token, or null when the token is unknown, expired or revoked.
 * One query brings the user and company too, so routes need not look them up again.
 */
export async function findSession(deps: Deps, token: string): Promise<Auth | null> {
  const lookUp = (db: Deps['db']) => {
    // Placeholders skip drizzle's column mapping, so the instant goes as ISO text.
    return prepared(db, 'partnerkit_find_session', (name) => prepareSessionQuery(db, name)).execute({ tokenHash: hashSecret(token), now: deps.clock().toISOString() });
  };
  // A replica may not have the session yet that a sign-in just made: the primary decides.
  let [row] = await lookUp(deps.db);
  if (!row && deps.db !== deps.primary) [row] = await lookUp(deps.primary);
  if (!row) return null;
  return {
    actor: {
      userId: row.user.id,
      companyId: row.company.id,
      companyKind: row.company.kind,
      companyRoles: row.user.companyRoles,
      partnerAccess: row.user.partnerAccess,
    },
    user: row.user,
    company: row.company,
    sessionId: row.session.id,
    sessionKind: row.session.kind,
    expiresAt: row.session.expiresAt,
    passwordTemporary: row.user.passwordTemporary,
  };
}

/** Read from the session look-up: no query of its own. */
export function getMe(auth: Auth): z.infer<typeof meViewSchema> {
  return {
    user: toUserView(auth.user),
    company: toCompanyView(auth.company),
    roles: auth.user.companyRoles.map((id) => ({ id, label: roleTable[id].label })),
    partnerAccess: auth.user.partnerAccess,
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
export async function changePassword(deps: Deps, auth: Auth, input: z.infer<typeof changePasswordSchema>, address: string) {
  const { user } = auth;
  // A stolen session must not become a way to guess the password: the same limits as signing in.
  const keys = throttleKeys(deps.config, `user:${user.id}`, address);
  await assertNotLocked(deps.db, keys, deps.clock());
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await countFailure(deps, keys, deps.clock(), { user, reason: 'password_change', address });
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

/**
 * Bearer-token middleware: resolves the session and puts the caller on the context.
 */
import { createMiddleware } from 'hono/factory';
import { ApiError, unauthorized } from './errors.ts';
import { findSession } from './domain/sessions.ts';
import type { AppEnv } from './env.ts';

/** Reads `Authorization: Bearer <token>`; anything else counts as no token. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

export interface RequireSessionOptions {
  /** Let a session signed in with a temporary password through (only the password change needs it). */
  allowTemporaryPassword?: boolean;
  /** Public routes that also serve signed-in callers: no token is fine, a bad one is still a 401. */
  optional?: boolean;
}

export function requireSession(options: RequireSessionOptions = {}) {
  return createMiddleware<AppEnv>(async function requireSession(c, next) {
    const token = bearerToken(c.req.header('Authorization'));
    if (!token && options.optional) return next();
    if (!token) throw unauthorized('Send a bearer token in the Authorization header.');
    const auth = await findSession(c.var.deps, token);
    if (!auth) throw new ApiError(401, 'invalid_token', 'The token is unknown, expired or revoked; sign in again.');
    if (auth.passwordTemporary && !options.allowTemporaryPassword) {
      throw new ApiError(403, 'password_change_required', 'Change your temporary password before doing anything else.');
    }
    c.set('auth', auth);
    await next();
  });
}

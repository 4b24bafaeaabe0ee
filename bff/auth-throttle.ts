/**
 * Brute-force protection for every check of a secret (OWASP ASVS 2.2): signing in, changing a
 * password, minting an embed session with an API key. Failures are counted per subject (an
 * email, a user, an API-key caller) and per client address, in Postgres, so every instance
 * counts into the same rows.
 *
 * A subject with `maxFailures` failures inside the sliding `windowSeconds` is locked: further
 * attempts get 429 with `Retry-After` before any secret is checked. Each lockout in a row lasts
 * twice the one before (1 min, 2 min, 4 min … up to an hour), and one more failure after a lock
 * ends locks again, since the earlier failures are still in the window. A success clears the
 * subject's count; the address keeps its own.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { authFailures, type User } from '../db/schema.ts';
import type { Config } from './config.ts';
import { recordAudit } from './domain/audit.ts';
import type { Deps } from './env.ts';
import { ApiError } from './errors.ts';

const firstLockMs = 60_000;
const longestLockMs = 3_600_000;

/** One counter: what it counts and how many failures in the window lock it. */
export interface ThrottleKey {
  key: string;
  maxFailures: number;
}

export type ThrottleConfig = Pick<Config, 'signInMaxFailures' | 'signInMaxFailuresPerAddress' | 'signInWindowSeconds'>;

/** The counters for one attempt: its subject (`account:…`, `user:…`) and its client address. */
export function throttleKeys(config: ThrottleConfig, subject: string, address: string): ThrottleKey[] {
  return [
    { key: subject, maxFailures: config.signInMaxFailures },
    { key: `address:${address}`, maxFailures: config.signInMaxFailuresPerAddress },
  ];
}

export const tooManyAttempts = (retryAfterSeconds: number) =>
  new ApiError(429, 'too_many_attempts', `Too many failed attempts; try again in ${retryAfterSeconds} seconds.`, undefined, {
    'Retry-After': String(retryAfterSeconds),
  });

/** 429 while any of the counters is locked; checked before the secret is. */
export async function assertNotLocked(db: Db, keys: readonly ThrottleKey[], now: Date): Promise<void> {
  const rows = await db
    .select({ lockedUntil: authFailures.lockedUntil })
    .from(authFailures)
    .where(inArray(authFailures.key, keys.map((k) => k.key)));
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  if (until > now.getTime()) throw tooManyAttempts(Math.ceil((until - now.getTime()) / 1000));
}

/** A lock that this failure started. */
export interface Lockout {
  key: string;
  lockedUntil: Date;
  failures: number;
  lockouts: number;
}

/**
 * Counts one failure on each counter and returns the locks it started. Each counter's row is
 * locked while it is updated, so concurrent failures on any instance all count.
 */
export async function recordFailure(db: Db, config: ThrottleConfig, keys: readonly ThrottleKey[], now: Date): Promise<Lockout[]> {
  const windowStart = now.getTime() - config.signInWindowSeconds * 1000;
  const started: Lockout[] = [];
  for (const { key, maxFailures } of keys) {
    const lockout = await db.transaction(async (tx) => {
      await tx.insert(authFailures).values({ key, updatedAt: now }).onConflictDoNothing();
      const [row] = await tx.select().from(authFailures).where(eq(authFailures.key, key)).for('update');
      const failures = [...row!.failures.filter((at) => at > windowStart), now.getTime()];
      // A run of lockouts ends once a whole window has passed with no failure and no lock.
      const quiet = failures.length === 1 && (row!.lockedUntil?.getTime() ?? 0) <= windowStart;
      let lockouts = quiet ? 0 : row!.lockouts;
      let lockedUntil = row!.lockedUntil;
      const locks = failures.length >= maxFailures;
      if (locks) {
        lockouts += 1;
        lockedUntil = new Date(now.getTime() + Math.min(longestLockMs, firstLockMs * 2 ** (lockouts - 1)));
      }
      await tx.update(authFailures).set({ failures, lockouts, lockedUntil, updatedAt: now }).where(eq(authFailures.key, key));
      return locks ? { key, lockedUntil: lockedUntil!, failures: failures.length, lockouts } : null;
    });
    if (lockout) started.push(lockout);
  }
  return started;
}

/**
 * A failed check of a secret: counted on every counter, and a lock it starts on the subject of
 * a known user is written to that user's company's audit trail (and to the log in any case).
 */
export async function countFailure(
  deps: Pick<Deps, 'db' | 'config'>,
  keys: readonly ThrottleKey[],
  now: Date,
  about: { user?: Pick<User, 'id' | 'companyId'> | null; reason: 'sign_in' | 'password_change' | 'api_key'; address: string },
): Promise<void> {
  const lockouts = await recordFailure(deps.db, deps.config, keys, now);
  for (const lock of lockouts) {
    console.warn(`[partnerkit] ${lock.key} locked until ${lock.lockedUntil.toISOString()} after ${lock.failures} failed ${about.reason} attempts (lockout ${lock.lockouts} in a row)`);
    if (about.user && lock.key === keys[0]?.key) {
      await recordAudit(
        deps.db,
        {
          customerId: about.user.companyId,
          partnerId: null,
          actorUserId: null,
          action: 'user.locked_out',
          targetType: 'user',
          targetId: about.user.id,
          details: { reason: about.reason, failures: lock.failures, lockedUntil: lock.lockedUntil.toISOString(), address: about.address },
        },
        now,
      );
    }
  }
}

/** A success: the subject starts counting again (its address does not). */
export async function clearFailures(db: Db, key: ThrottleKey): Promise<void> {
  await db.delete(authFailures).where(eq(authFailures.key, key.key));
}

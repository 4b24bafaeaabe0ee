/**
 * `Idempotency-Key` handling after the IETF httpapi draft: the first request with a key runs,
 * a retry with the same key and body gets the first answer again, a retry while the first still
 * runs gets 409, and the same key with another body gets 422.
 */
import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.ts';
import { idempotencyKeys } from '../db/schema.ts';
import { ApiError } from './errors.ts';

/** How long an answer is kept for replay. */
const keepMs = 24 * 3_600_000;
/** A request still "in progress" after this long is taken to have died with its process. */
const abandonedMs = 60_000;

export type Claim = { kind: 'fresh' } | { kind: 'replay'; status: number; body: unknown };

/** A stable hash of a JSON value: object keys sorted, so key order does not matter. */
export function fingerprint(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, canonical(x)]))
        : v;
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('base64url');
}

/**
 * Claims `key` for this request. Exactly one of several concurrent identical requests gets
 * `fresh`: the insert of the key is the lock.
 */
export async function claimIdempotencyKey(db: Db, scope: string, key: string, requestHash: string, now: Date): Promise<Claim> {
  const expiresAt = new Date(now.getTime() + keepMs);
  for (let attempt = 0; attempt < 2; attempt++) {
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ scope, key, requestHash, state: 'in_progress', createdAt: now, expiresAt })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length) return { kind: 'fresh' };

    const [row] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (!row) continue; // released between our insert and select: try once more
    if (row.expiresAt <= now) {
      await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key), lt(idempotencyKeys.expiresAt, now)));
      continue;
    }
    if (row.requestHash !== requestHash) {
      throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request body.');
    }
    if (row.state === 'completed') return { kind: 'replay', status: row.responseStatus ?? 200, body: row.responseBody };
    if (now.getTime() - row.createdAt.getTime() > abandonedMs) {
      // Take over a claim whose request died; only one taker wins the conditional update.
      const taken = await db
        .update(idempotencyKeys)
        .set({ createdAt: now })
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key), eq(idempotencyKeys.createdAt, row.createdAt)))
        .returning({ key: idempotencyKeys.key });
      if (taken.length) return { kind: 'fresh' };
    }
    throw new ApiError(409, 'request_in_progress', 'A request with this Idempotency-Key is still being processed; retry shortly.', undefined, {
      'Retry-After': '1',
    });
  }
  throw new ApiError(409, 'request_in_progress', 'A request with this Idempotency-Key is being processed; retry shortly.');
}

/** Stores the answer; inside the request's own transaction, so it commits with the work. */
export async function completeIdempotencyKey(db: Db | Tx, scope: string, key: string, status: number, body: unknown) {
  await db
    .update(idempotencyKeys)
    .set({ state: 'completed', responseStatus: status, responseBody: body })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
}

/** Forgets the key after a failure worth retrying, so the same key may run again. */
export async function releaseIdempotencyKey(db: Db, scope: string, key: string) {
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
}

/**
 * Fixed-window rate limits shared by every BFF instance on one database. The interface is
 * small so a Redis-backed limiter (INCR + EXPIRE on the same keys) can replace the Postgres one
 * without touching the routes.
 */
import { lt, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Db } from '../db/database.ts';
import { rateLimitBuckets } from '../db/schema.ts';
import type { AppEnv } from './env.ts';
import { ApiError } from './errors.ts';

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the current window ends (for `Retry-After`). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one attempt for `key` and says whether it is within `limit` per `windowSeconds`. */
  hit(key: string, limit: number, windowSeconds: number, now: Date): Promise<RateLimitResult>;
}

export function postgresRateLimiter(db: Db): RateLimiter {
  let hits = 0;
  return {
    async hit(key, limit, windowSeconds, now) {
      const windowMs = windowSeconds * 1000;
      const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
      const [row] = await db
        .insert(rateLimitBuckets)
        .values({ key, windowStart, count: 1 })
        .onConflictDoUpdate({
          target: [rateLimitBuckets.key, rateLimitBuckets.windowStart],
          set: { count: sql`${rateLimitBuckets.count} + 1` },
        })
        .returning({ count: rateLimitBuckets.count });
      // Now and then, drop windows long gone, so the table stays small without a cron job.
      if (++hits % 500 === 0) {
        await db.delete(rateLimitBuckets).where(lt(rateLimitBuckets.windowStart, new Date(now.getTime() - 3_600_000)));
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
      return { allowed: (row?.count ?? 1) <= limit, retryAfterSeconds };
    },
  };
}

/** Middleware counting each request against every key it names; over any limit → 429. */
export function rateLimit(keys: (c: Context<AppEnv>) => { key: string; limit: number }[], windowSeconds = 60) {
  return createMiddleware<AppEnv>(async function rateLimit(c, next) {
    const { rateLimiter, clock } = c.var.deps;
    const now = clock();
    // Every key is counted, even when an earlier one is already over: attempts all count.
    const results = await Promise.all(keys(c).map(({ key, limit }) => rateLimiter.hit(key, limit, windowSeconds, now)));
    const refused = results.filter((r) => !r.allowed);
    if (refused.length) {
      const retryAfter = Math.max(...refused.map((r) => r.retryAfterSeconds));
      throw new ApiError(429, 'rate_limited', `Too many attempts; try again in ${retryAfter} seconds.`, undefined, {
        'Retry-After': String(retryAfter),
      });
    }
    await next();
  });
}

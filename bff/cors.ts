/**
 * Per-partner CORS for `/api/*` (DESIGN.md §3, issue 6). The widgets run on partners' own sites
 * and call the BFF across origins with a bearer token, so:
 *
 * - A preflight (OPTIONS with `Origin`) carries no token. It is answered (204, the origin echoed)
 *   when the origin is the demo's own or some company lists it in `allowedOrigins` — an indexed
 *   look-up, cached briefly — and refused with a 403 otherwise.
 * - An actual response is readable by the origin only when it is in the signed-in caller's
 *   company's list, in the list of the partner owning a public code (`c.var.corsOrigins`), the
 *   demo's own, or — for a 401, so a widget can see it must refresh its token — listed anywhere.
 *
 * Never `*`; every response to a request with an `Origin` varies on it.
 */
import { arrayContains, eq } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Db } from '../db/database.ts';
import { companies, delegations, offers } from '../db/schema.ts';
import type { AppEnv, Auth, Deps } from './env.ts';
import { ApiError, errorResponse } from './errors.ts';

export const corsAllowMethods = 'GET, POST, PUT, PATCH, DELETE';
export const corsAllowHeaders = 'Authorization, Content-Type, Idempotency-Key';
export const corsMaxAgeSeconds = 600;

/** How long a preflight verdict is reused, and how many origins are remembered per database. */
const cacheTtlMs = 60_000;
const cacheMaxEntries = 1000;

type Verdict = { allowed: boolean; until: number };
const verdicts = new WeakMap<Db, Map<string, Verdict>>();

/** Origins compare case-insensitively (stored lower-case); the request's spelling is echoed. */
const normalize = (origin: string) => origin.trim().toLowerCase();

/** The demo's own origin: the one browsers reach the BFF at. */
export function demoOrigins(deps: Pick<Deps, 'config'>): string[] {
  try {
    return [normalize(new URL(deps.config.publicUrl).origin)];
  } catch {
    return [];
  }
}

/** True when the demo or any company allows the origin; cached per database for a minute. */
export async function isListedOrigin(deps: Deps, origin: string): Promise<boolean> {
  const key = normalize(origin);
  if (demoOrigins(deps).includes(key)) return true;
  let cache = verdicts.get(deps.db);
  if (!cache) verdicts.set(deps.db, (cache = new Map()));
  const now = deps.clock().getTime();
  const cached = cache.get(key);
  if (cached && cached.until > now) return cached.allowed;
  // `@>` on the GIN index companies_allowed_origins_idx.
  const rows = await deps.db
    .select({ id: companies.id })
    .from(companies)
    .where(arrayContains(companies.allowedOrigins, [key]))
    .limit(1);
  const allowed = rows.length > 0;
  cache.delete(key);
  if (cache.size >= cacheMaxEntries) {
    // Evict expired entries, then the oldest ones (a Map iterates in insertion order).
    for (const [k, v] of cache) if (v.until <= now) cache.delete(k);
    for (const k of cache.keys()) {
      if (cache.size < cacheMaxEntries) break;
      cache.delete(k);
    }
  }
  cache.set(key, { allowed, until: now + cacheTtlMs });
  return allowed;
}

function addVary(c: Context) {
  const vary = c.res.headers.get('Vary');
  if (!vary) c.header('Vary', 'Origin');
  else if (!/(^|,)\s*(origin|\*)\s*(,|$)/i.test(vary)) c.header('Vary', `${vary}, Origin`);
}

function includes(list: readonly string[] | undefined, origin: string) {
  return !!list?.some((o) => normalize(o) === origin);
}

/** The `/api/*` CORS middleware; mount it before the routes. */
export function cors() {
  return createMiddleware<AppEnv>(async function cors(c, next) {
    const origin = c.req.header('Origin');
    if (!origin) return next();
    const key = normalize(origin);
    const { deps } = c.var;

    if (c.req.method === 'OPTIONS') {
      if (!(await isListedOrigin(deps, origin))) {
        const res = errorResponse(
          c,
          new ApiError(403, 'origin_not_allowed', 'This origin may not call the API; add it to your company’s allowed origins.'),
        );
        res.headers.set('Vary', 'Origin');
        return res;
      }
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': corsAllowMethods,
        'Access-Control-Allow-Headers': corsAllowHeaders,
        'Access-Control-Max-Age': String(corsMaxAgeSeconds),
        Vary: 'Origin',
      });
    }

    await next();

    const auth = c.get('auth') as Auth | undefined;
    const allowed =
      includes(auth?.company.allowedOrigins, key) ||
      includes(c.get('corsOrigins'), key) ||
      demoOrigins(deps).includes(key) ||
      (c.res.status === 401 && (await isListedOrigin(deps, origin)));
    if (allowed) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', 'Retry-After');
    } else {
      // Whatever set them (nothing should), unlisted origins get no CORS headers.
      c.header('Access-Control-Allow-Origin', undefined);
    }
    addVary(c);
  });
}

const codeOwners = {
  offer: { table: offers, code: offers.code, partnerId: offers.partnerId },
  delegation: { table: delegations, code: delegations.code, partnerId: delegations.partnerId },
} satisfies Record<string, { table: typeof offers | typeof delegations; code: AnyPgColumn; partnerId: AnyPgColumn }>;

/** The allowed origins of the partner that owns an offer or delegation code; null for an unknown code. */
export async function codeOwnerAllowedOrigins(db: Db, kind: keyof typeof codeOwners, code: string): Promise<readonly string[] | null> {
  const source = codeOwners[kind];
  const [row] = await db
    .select({ allowedOrigins: companies.allowedOrigins })
    .from(source.table)
    .innerJoin(companies, eq(companies.id, source.partnerId))
    .where(eq(source.code, code))
    .limit(1);
  return row?.allowedOrigins ?? null;
}

/**
 * For public routes keyed by a partner's `:code` (offers, delegation requests): lets the partner
 * owning the code read the answer from its own origins (errors included, e.g. a 410 for a
 * withdrawn offer). Only looked up for cross-origin calls.
 */
function codeOwnerOrigins(kind: keyof typeof codeOwners) {
  return createMiddleware<AppEnv>(async function codeOwnerOrigins(c, next) {
    const code = c.req.param('code');
    if (c.req.header('Origin') && code && code.length <= 100) {
      const origins = await codeOwnerAllowedOrigins(c.var.deps.db, kind, code);
      if (origins) c.set('corsOrigins', origins);
    }
    await next();
  });
}

export const offerPartnerOrigins = codeOwnerOrigins('offer');
export const delegationPartnerOrigins = codeOwnerOrigins('delegation');

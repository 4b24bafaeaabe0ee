/**
 * What every route can reach: the dependencies the app was built from, and the signed-in
 * caller once `requireSession` has run. Typed once here for the whole app.
 */
import type { Db } from '../db/database.ts';
import type { Company, User } from '../db/schema.ts';
import type { Config } from './config.ts';
import type { Actor } from './permissions.ts';
import type { RateLimiter } from './rate-limit.ts';

export interface Deps {
  /** The pool this request uses: the read pool for GET and HEAD, the primary for the rest. */
  db: Db;
  /** The primary, for a read that must see a write just made (e.g. a session a POST created). */
  primary: Db;
  config: Config;
  /** The current time; tests pass their own to move it. */
  clock: () => Date;
  /** Resolves when the database answers; `/readyz` calls it. */
  ping: () => Promise<void>;
  /** Shared by every instance on the same database (or Redis), so limits hold across a fleet. */
  rateLimiter: RateLimiter;
}

export interface Auth {
  actor: Actor;
  /** The signed-in user and company as the session look-up found them, for this request only. */
  user: User;
  company: Company;
  sessionId: string;
  sessionKind: 'password' | 'embed';
  expiresAt: Date;
  /** True while the user signs in with a temporary password that must be changed. */
  passwordTemporary: boolean;
}

export type AppEnv = {
  /** `auth` is set by `requireSession`; only routes behind `{ optional: true }` may find it unset. */
  Variables: {
    deps: Deps;
    auth: Auth;
    /**
     * Origins that may read this response besides the caller's own company's: the public offer
     * and delegation routes set the owning partner's `allowedOrigins` here (see bff/cors.ts).
     */
    corsOrigins?: readonly string[];
    /** Origins that may frame this page (bff/security-headers.ts). */
    frameAncestors?: readonly string[];
    /** Set by `secure-headers` on pages: the nonce their inline `<style>` carries. */
    secureHeadersNonce?: string;
  };
};

/**
 * What every route can reach: the dependencies the app was built from, and the signed-in
 * caller once `requireSession` has run. Typed once here for the whole app.
 */
import type { Db } from '../db/database.ts';
import type { Config } from './config.ts';
import type { Actor } from './permissions.ts';

export interface Deps {
  db: Db;
  config: Config;
  /** The current time; tests pass their own to move it. */
  clock: () => Date;
  /** Resolves when the database answers; `/readyz` calls it. */
  ping: () => Promise<void>;
}

export interface Auth {
  actor: Actor;
  sessionId: string;
  sessionKind: 'password' | 'embed';
  expiresAt: Date;
  /** True while the user signs in with a temporary password that must be changed. */
  passwordTemporary: boolean;
}

export type AppEnv = { Variables: { deps: Deps; auth: Auth } };

/**
 * One factory for the database: postgres.js against a real server when a URL is given,
 * otherwise PGlite (Postgres compiled to WASM) with its files in a local folder.
 * Both run the same drizzle-kit migrations, so tests exercise what production runs.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { installJobQueue, jobExecutor } from './job-queue.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The drizzle database both drivers provide; domain code only ever sees this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type DatabaseOptions =
  | {
      url: string;
      poolSize?: number;
      /** A server that has not completed the handshake by then counts as unreachable (default 1.5 s). */
      connectTimeoutSeconds?: number;
      /**
       * The longest a query may wait and run (default 10 s). It is the backstop for a network
       * that goes silent, where TCP would otherwise keep a query waiting for many minutes.
       */
      queryTimeoutSeconds?: number;
      /**
       * A second server (a read replica) for reads that need not see the latest write: every
       * GET. Unset: reads use the same pool as writes.
       */
      readUrl?: string;
    }
  | { dataDir?: string; loadDataDir?: Blob };

export interface Database {
  /** The primary: every write, and reads that must see the latest write. */
  db: Db;
  /** Where reads go (`readUrl`'s pool; else `db` itself). */
  readDb: Db;
  driver: 'postgres' | 'pglite';
  /** Applies every committed migration that has not run yet. */
  migrate(): Promise<void>;
  /**
   * Runs `work` while no other process does the same on this database (a Postgres advisory
   * lock), so instances started at once migrate and seed one after the other.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance, when that is the driver (tests dump and reload its data). */
  pglite?: PGlite;
}

/** The advisory lock key under which instances migrate and seed ('pkst'). */
const startupLockKey = 0x706b7374;

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  if ('url' in options) {
    const connectTimeout = options.connectTimeoutSeconds ?? 1.5;
    const pool = (url: string) =>
      postgres(url, {
        // Each BFF instance opens at most this many connections per pool; size it to the queries
        // expected in flight (DB_POOL_SIZE). postgres.js 3 slowed down over time when far more
        // queries waited than it had connections; 4 holds steady (README, Benchmarks).
        max: options.poolSize ?? 10,
        connect_timeout: connectTimeout,
        query_timeout: options.queryTimeoutSeconds ?? 10,
        // An unanswered cancel closes the connection; the pool connects again for the next query.
        cancel_timeout: 1,
        // After an outage, try again soon: the default waits up to 20 s between attempts.
        backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
        // The BFF names (prepares) only its hot statements, each written for one plan: states as
        // literals, so partial indexes apply whatever the values. Left to itself, Postgres kept
        // planning the overview anew on every call, as its generic estimate looked costlier than
        // the custom plans; planning then cost twice the query (measured, README Benchmarks).
        connection: { plan_cache_mode: 'force_generic_plan' },
        onnotice: () => {},
      });
    const client = pool(options.url);
    const readClient = options.readUrl ? pool(options.readUrl) : null;
    const db = drizzlePostgres({ client, schema }) as unknown as Db;
    const readDb = readClient ? (drizzlePostgres({ client: readClient, schema }) as unknown as Db) : db;
    return {
      db,
      readDb,
      driver: 'postgres',
      // A client of its own, without the query timeout: a migration may take as long as it takes.
      migrate: async () => {
        const migrator = postgres(options.url, { max: 1, connect_timeout: connectTimeout, onnotice: () => {} });
        try {
          const migratorDb = drizzlePostgres({ client: migrator });
          await migratePostgres(migratorDb, { migrationsFolder });
          await installJobQueue(jobExecutor(migratorDb as unknown as Db));
        } finally {
          await migrator.end({ timeout: 5 });
        }
      },
      exclusively: async (work) => {
        // A session of its own holds the lock while `work` runs; ending it releases the lock.
        const holder = postgres(options.url, { max: 1, connect_timeout: connectTimeout, onnotice: () => {} });
        try {
          await holder`select pg_advisory_lock(${startupLockKey})`;
          return await work();
        } finally {
          await holder.end({ timeout: 5 });
        }
      },
      ping: async () => {
        await Promise.all([db.execute(sql`select 1`), readDb === db ? null : readDb.execute(sql`select 1`)]);
      },
      close: async () => {
        await Promise.all([client.end({ timeout: 5 }), readClient?.end({ timeout: 5 })]);
      },
    };
  }

  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    readDb: db,
    driver: 'pglite',
    pglite: client,
    migrate: async () => {
      await migratePglite(drizzlePglite({ client }), { migrationsFolder });
      await installJobQueue(jobExecutor(db, client));
    },
    // Single-process by nature (DATA_DIR is locked to one server).
    exclusively: (work) => work(),
    ping: async () => {
      if (client.closed) throw new DatabaseUnavailableError('The embedded database is closed.');
      await client.query('select 1');
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

/** Raised when the database cannot be reached; the BFF answers it with 503. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

const connectionErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'QUERY_TIMEOUT',
  'QUEUE_TIMEOUT',
  'CANCEL_UNANSWERED',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);

/** True when an error (or anything in its `cause` chain) means the database is out of reach. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (connectionErrorCodes.has(code) || code.startsWith('08'))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && /PGlite is closed/i.test(message)) return true;
  }
  return false;
}

/**
 * For a unique-constraint violation (SQLSTATE 23505) from either driver: the constraint's name
 * ('' when the driver does not say). Otherwise null.
 */
export function uniqueViolation(error: unknown): string | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const err = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
    if (err.code === '23505') return String(err.constraint_name ?? err.constraint ?? '');
  }
  return null;
}

/**
 * The job queue (pg-boss) on either driver. pg-boss talks to Postgres through an object with
 * `executeSql(text, values)`; this builds one from a drizzle database or transaction, so a job
 * can be sent inside the transaction of the change that causes it (and vanishes with its
 * rollback), and the queue runs on PGlite as well as on PostgreSQL.
 */
import type { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Db, Tx } from './database.ts';

/** Where pg-boss keeps its tables. */
export const jobSchema = 'pgboss';

/** Every queue partnerkit uses; created when the database is migrated. */
export const queues = {
  /** An event was recorded: make a delivery for each endpoint that wants it. */
  fanOut: 'event-fan-out',
  /** One attempt of one webhook delivery. */
  deliver: 'webhook-deliver',
  /** Time-driven events (trials and delegations ending), on a schedule. */
  timeEvents: 'time-events',
} as const;
export type QueueName = (typeof queues)[keyof typeof queues];

export type JobExecutor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }> };

/**
 * pg-boss's statements through drizzle: `$n` placeholders become bound parameters (each one a
 * single `sql.param`, so arrays stay arrays), objects go as JSON as `pg` would send them. A
 * statement list without parameters (pg-boss's schema set-up) needs PGlite's `exec`.
 */
export function jobExecutor(db: Db | Tx, pglite?: PGlite): JobExecutor {
  return {
    async executeSql(text, values = []) {
      if (values.length === 0 && pglite) {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const pieces = text.split(/\$(\d+)/);
      // A placeholder pg-boss uses more than once must stay one parameter: Postgres infers one
      // type for it from its first use (`startAfter` is text in `right($5, 1)`, then cast in the
      // branch taken). As separate parameters, each would get the type of its own cast, and a
      // number of seconds would fail to bind as a timestamp. Drizzle numbers its parameters in
      // order, so a repeat can name the first one's number.
      const bound = new Map<string, number>();
      const chunks: SQL[] = pieces.map((piece, i) => {
        if (i % 2 === 0) return sql.raw(piece);
        const first = bound.get(piece);
        if (first !== undefined) return sql.raw(`$${first}`);
        bound.set(piece, bound.size + 1);
        const value = values[Number(piece) - 1] ?? null;
        const plainObject = typeof value === 'object' && value !== null && !(value instanceof Date) && !Array.isArray(value);
        return sql`${sql.param(plainObject ? JSON.stringify(value) : value)}`;
      });
      const result = (await db.execute(sql.join(chunks, sql.raw('')))) as unknown;
      return { rows: Array.isArray(result) ? result : (result as { rows: any[] }).rows };
    },
  };
}

/** A pg-boss instance on `executor`; `start()` it to run workers and the schedule. */
export function createBoss(executor: JobExecutor, options: Partial<PgBoss.ConstructorOptions> = {}): PgBoss {
  return new PgBoss({ db: executor, schema: jobSchema, ...options } as PgBoss.ConstructorOptions);
}

/** Creates (or upgrades) pg-boss's tables and partnerkit's queues; part of migrating. */
export async function installJobQueue(executor: JobExecutor): Promise<void> {
  const boss = createBoss(executor, { supervise: false, schedule: false, migrate: true });
  await boss.start();
  try {
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const name of Object.values(queues)) if (!existing.has(name)) await boss.createQueue(name);
  } finally {
    await boss.stop({ graceful: false, wait: true, close: false });
  }
}

/**
 * Sends a job within `tx`: it exists only if the transaction commits. Works without a started
 * pg-boss (sending is one insert), so every request path can use it.
 */
export async function sendJob(tx: Db | Tx, name: QueueName, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
  return sender.send(name, data, { ...options, db: jobExecutor(tx) } as PgBoss.SendOptions);
}

// Never started: it only builds the insert; `db` in each call says where it runs.
const sender = createBoss({ executeSql: () => Promise.reject(new Error('sendJob always passes its own db')) });

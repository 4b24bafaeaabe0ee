/**
 * The background work of a BFF instance, on pg-boss: the fan-out of recorded events into
 * webhook deliveries, the delivery attempts, and the minute schedule of time-driven events.
 * Every instance runs the same workers; pg-boss hands each job to one of them, and its schedule
 * fires once per minute across all of them.
 */
import type PgBoss from 'pg-boss';
import type { Database } from '../../db/database.ts';
import { createBoss, jobExecutor, queues, type QueueName } from '../../db/job-queue.ts';
import type { Config } from '../config.ts';
import { attemptDelivery, fanOutEvent, type DeliverJob } from '../webhooks/delivery.ts';
import { recordTimeEvents } from './time-events.ts';

export interface WorkerDeps {
  database: Database;
  config: Config;
  clock: () => Date;
}

export interface Workers {
  /** Stops taking jobs and waits for those running. */
  stop(): Promise<void>;
}

/**
 * Starts the workers of every queue, or of `only` those: test files that share one database run
 * at the same time, and one testing the schedule must not take another's deliveries.
 */
export async function startWorkers(deps: WorkerDeps, only?: readonly QueueName[]): Promise<Workers> {
  const runs = (name: QueueName) => !only || only.includes(name);
  const busy = inFlight();
  const executor = jobExecutor(deps.database.db, deps.database.pglite);
  const boss = createBoss({ executeSql: (text, values) => busy.track(() => executor.executeSql(text, values)) }, { migrate: false });
  boss.on('error', (error) => console.error('job queue:', error instanceof Error ? error.message : error));
  await boss.start();
  // Time-driven events: pg-boss fires the schedule once a minute across all instances; a run
  // that repeats or overlaps another records nothing twice (dedupe keys, bff/jobs/time-events.ts).
  if (runs(queues.timeEvents)) {
    await boss.schedule(queues.timeEvents, '* * * * *');
    await boss.work(queues.timeEvents, () => busy.track(() => recordTimeEvents(deps.database.db, deps.clock())));
  }
  await registerWebhookWorkers(boss, deps, runs, busy.track);
  return {
    async stop() {
      await boss.stop({ graceful: true, wait: true, close: false });
      // pg-boss 10 resolves once no worker holds a job, but a fetch already sent may still come
      // back with jobs and run them, and then mark them done: the pool the caller closes next
      // must outlive that (a job cut off there failed an e2e test's shutdown).
      await busy.settled();
    },
  };
}

/**
 * Counts what the queue has running: its statements and the job handlers. The gaps between
 * one and the next (a fetch's rows to its handler, a handler to its complete) are microtasks,
 * which a timer never sees.
 */
function inFlight() {
  let running = 0;
  return {
    async track<T>(work: () => Promise<T>): Promise<T> {
      running++;
      try {
        return await work();
      } finally {
        running--;
      }
    },
    /** Resolves when nothing has run for two checks in a row, or after `limitMs`. */
    async settled(limitMs = 15_000) {
      const until = Date.now() + limitMs;
      for (let quiet = 0; quiet < 2 && Date.now() < until; ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        quiet = running === 0 ? quiet + 1 : 0;
      }
    },
  };
}

/** Polling this often keeps a first attempt within about a second of its event's commit. */
const webhookPollingSeconds = 0.5;

/**
 * Fan-out and delivery (bff/webhooks/delivery.ts). A batch of deliveries is attempted at once,
 * each to its own receiver; a batch that throws (the database, not a receiver: receivers'
 * failures are recorded, never thrown) is retried by pg-boss, and the attempts' claims keep
 * those already made from being made again.
 */
async function registerWebhookWorkers(
  boss: PgBoss,
  { database, config, clock }: WorkerDeps,
  runs: (name: QueueName) => boolean,
  track: <T>(work: () => Promise<T>) => Promise<T>,
): Promise<void> {
  if (runs(queues.fanOut)) {
    await boss.work<{ eventId: string }>(queues.fanOut, { batchSize: 10, pollingIntervalSeconds: webhookPollingSeconds }, (jobs) =>
      track(async () => {
        for (const job of jobs) await fanOutEvent(database.db, job.data.eventId, clock());
      }),
    );
  }
  if (!runs(queues.deliver)) return;
  await boss.work<DeliverJob>(queues.deliver, { batchSize: 5, pollingIntervalSeconds: webhookPollingSeconds }, (jobs) =>
    track(async () => {
      const results = await Promise.allSettled(jobs.map((job) => attemptDelivery(database.db, config, job.data, clock())));
      const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failure) throw failure.reason;
    }),
  );
}

/**
 * The background work of a BFF instance, on pg-boss: the fan-out of recorded events into
 * webhook deliveries, the delivery attempts, and the minute schedule of time-driven events.
 * Every instance runs the same workers; pg-boss hands each job to one of them, and its schedule
 * fires once per minute across all of them.
 */
import type { Database } from '../../db/database.ts';
import { createBoss, jobExecutor, queues } from '../../db/job-queue.ts';
import type { Config } from '../config.ts';
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

export async function startWorkers(deps: WorkerDeps): Promise<Workers> {
  const boss = createBoss(jobExecutor(deps.database.db, deps.database.pglite), { migrate: false });
  boss.on('error', (error) => console.error('job queue:', error instanceof Error ? error.message : error));
  await boss.start();
  // The handlers are registered here (issue 14): queues.fanOut, queues.deliver, queues.timeEvents.

  // Time-driven events: pg-boss fires the schedule once a minute across all instances; a run
  // that repeats or overlaps another records nothing twice (dedupe keys, bff/jobs/time-events.ts).
  await boss.schedule(queues.timeEvents, '* * * * *');
  await boss.work(queues.timeEvents, async () => {
    await recordTimeEvents(deps.database.db, deps.clock());
  });
  return {
    stop: () => boss.stop({ graceful: true, wait: true, close: false }),
  };
}

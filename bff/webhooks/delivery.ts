/**
 * From a recorded event to the receivers, on the job queue (README, Webhooks):
 *
 * - `fanOutEvent` (job `queues.fanOut`): a delivery row per endpoint that wants the event, and a
 *   `queues.deliver` job for each, in one transaction. The unique (endpoint, event) pair makes a
 *   second run of the same job add nothing.
 * - `attemptDelivery` (job `queues.deliver`): one attempt, written to the attempt log. A failure
 *   sends the next attempt as a new job that pg-boss holds back (`startAfter`) for the retry
 *   delay; after the last, the delivery has failed. An endpoint failing for 3 days is disabled.
 *
 * A job may run twice (a worker that died after its work, a replay racing a retry): each deliver
 * job names the attempt it makes, and claims it with a conditional update before sending, so
 * only one run sends. A claim whose attempt was never recorded (the process died while sending,
 * or the database failed while recording) lapses after `claimLeaseMs`; pg-boss runs the job again
 * (it expires, or failed and is retried with backoff) and that run makes the attempt.
 */
import { and, eq, lt, notExists, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { queues, sendJob } from '../../db/job-queue.ts';
import { events, webhookAttempts, webhookDeliveries, webhookEndpoints, type Event } from '../../db/schema.ts';
import type { Config } from '../config.ts';
import { pingType } from '../domain/events.ts';
import { secretKey, signingSecrets } from './secrets.ts';
import { sendMessage, type SendResult } from './send.ts';

/** An endpoint whose deliveries have failed this long without a success is disabled. */
export const failingDisableMs = 3 * 24 * 60 * 60 * 1000;

/** Each retry delay is varied by up to this share either way, so retries of many messages spread out. */
const jitter = 0.2;

/** The data of a `queues.deliver` job. */
export interface DeliverJob {
  deliveryId: string;
  /** The attempt this job makes (1 = the first); a run that finds another already made skips. Default 1. */
  attempt?: number;
  /** Retries already made in this round (0 first, and after a replay); indexes the retry delays. Default 0. */
  retry?: number;
}

/** Longer than any attempt can take (a 10 s send and its recording). */
export const claimLeaseMs = 2 * 60 * 1000;

/**
 * pg-boss's own retry of a deliver job that threw (the database, never the receiver): after 1,
 * 2, 4, 8 and 16 minutes, past the claim's lease. A job still running after 5 minutes expires
 * (its worker died) and is retried the same way.
 */
const deliverJobOptions = { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 5 * 60 } as const;

/** Queues an attempt of a delivery in `tx`; `startAfterSeconds` holds it back (a retry). */
export async function queueAttempt(tx: Tx | Db, job: DeliverJob, startAfterSeconds?: number): Promise<void> {
  await sendJob(tx, queues.deliver, job, { ...deliverJobOptions, ...(startAfterSeconds ? { startAfter: startAfterSeconds } : {}) });
}

/** The `webhook-id` of every message of one event: receivers drop the duplicates by it. */
export const webhookId = (eventId: string) => `msg_${eventId}`;

/** The message body: what happened, when, and its data. */
export function messageBody(event: Pick<Event, 'type' | 'createdAt' | 'data'>): string {
  return JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data: event.data });
}

/**
 * In `tx`: a pending delivery of the event for each endpoint of its partner that takes its type
 * (all enabled endpoints with no types or this one), or, for a ping, for the one endpoint it
 * names (enabled or not: testing one before turning it back on is what the ping is for). Queues
 * a first attempt of each new one; returns their ids.
 */
export async function queueDeliveries(tx: Tx | Db, event: Pick<Event, 'id' | 'partnerId' | 'type' | 'data'>, now: Date): Promise<string[]> {
  const wants =
    event.type === pingType
      ? eq(webhookEndpoints.id, String(event.data.endpointId))
      : and(eq(webhookEndpoints.enabled, true), sql`(cardinality(${webhookEndpoints.eventTypes}) = 0 or ${event.type} = any(${webhookEndpoints.eventTypes}))`);
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.partnerId, event.partnerId), wants));
  if (endpoints.length === 0) return [];
  const rows = await tx
    .insert(webhookDeliveries)
    .values(endpoints.map((endpoint) => ({ endpointId: endpoint.id, eventId: event.id, nextAttemptAt: now, createdAt: now })))
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  for (const row of rows) await queueAttempt(tx, { deliveryId: row.id });
  return rows.map((r) => r.id);
}

/** The `queues.fanOut` job: deliveries for each endpoint that wants the event. */
export async function fanOutEvent(db: Db, eventId: string, now: Date): Promise<string[]> {
  return db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, eventId));
    // The event is gone (its partner deleted): nothing to deliver.
    return event ? queueDeliveries(tx, event, now) : [];
  });
}

export type AttemptOutcome = 'skipped' | 'succeeded' | 'retrying' | 'failed';

/** The delay before retry number `retry` (0-based), jittered, or null when the schedule is spent. */
export function retryDelaySeconds(delays: readonly number[], retry: number, random = Math.random): number | null {
  const base = delays[retry];
  if (base === undefined) return null;
  return base * (1 - jitter + 2 * jitter * random());
}

/** The `queues.deliver` job: one attempt of one delivery. */
export async function attemptDelivery(db: Db, config: Config, job: DeliverJob, now: Date): Promise<AttemptOutcome> {
  const attempt = job.attempt ?? 1;
  const retry = job.retry ?? 0;
  const [found] = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints, event: events })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.id, job.deliveryId));
  if (!found || found.delivery.status !== 'pending' || (found.delivery.attempts !== attempt - 1 && found.delivery.attempts !== attempt)) return 'skipped';
  const { endpoint, event } = found;
  // Pending, and this attempt not made yet: not claimed, or claimed by a run that lapsed without recording it.
  const stillPending = and(
    eq(webhookDeliveries.id, job.deliveryId),
    eq(webhookDeliveries.status, 'pending'),
    or(
      eq(webhookDeliveries.attempts, attempt - 1),
      and(
        eq(webhookDeliveries.attempts, attempt),
        lt(webhookDeliveries.lastAttemptAt, new Date(now.getTime() - claimLeaseMs)),
        notExists(
          db
            .select({ one: sql`1` })
            .from(webhookAttempts)
            .where(and(eq(webhookAttempts.deliveryId, webhookDeliveries.id), eq(webhookAttempts.attempt, attempt))),
        ),
      ),
    ),
  );

  // Turned off (by a user, or for failing) since the delivery was queued: it is not sent.
  if (!endpoint.enabled && event.type !== pingType) {
    await db.update(webhookDeliveries).set({ status: 'failed', nextAttemptAt: null }).where(stillPending);
    return 'failed';
  }

  // The claim: of two runs of this job, only the one whose update finds the row sends.
  const [claimed] = await db
    .update(webhookDeliveries)
    .set({ attempts: attempt, lastAttemptAt: now, nextAttemptAt: null })
    .where(stillPending)
    .returning({ id: webhookDeliveries.id });
  if (!claimed) return 'skipped';

  let result: SendResult;
  try {
    const secrets = signingSecrets(secretKey(config), endpoint, now);
    result = await sendMessage(endpoint.url, { id: webhookId(event.id), timestamp: now, body: messageBody(event) }, secrets, {
      allowLoopback: config.webhooksAllowHttpLoopback,
    });
  } catch (error) {
    // Not the receiver's doing (a secret that no longer decrypts: WEBHOOKS_SECRET_KEY changed).
    result = { ok: false, statusCode: null, latencyMs: 0, error: `Not sent: ${error instanceof Error ? error.message : String(error)}`, responseExcerpt: null };
  }

  return db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({
      deliveryId: job.deliveryId,
      attempt,
      statusCode: result.statusCode,
      latencyMs: result.latencyMs,
      error: result.error?.replaceAll('\u0000', '') ?? null,
      responseExcerpt: result.responseExcerpt,
      createdAt: now,
    });
    if (result.ok) {
      await tx.update(webhookDeliveries).set({ status: 'succeeded', lastStatusCode: result.statusCode }).where(eq(webhookDeliveries.id, job.deliveryId));
      await tx.update(webhookEndpoints).set({ failingSince: null }).where(and(eq(webhookEndpoints.id, endpoint.id), sql`${webhookEndpoints.failingSince} is not null`));
      return 'succeeded';
    }

    const [health] = await tx
      .update(webhookEndpoints)
      .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now.toISOString()}::timestamptz)` })
      .where(eq(webhookEndpoints.id, endpoint.id))
      .returning({ failingSince: webhookEndpoints.failingSince, enabled: webhookEndpoints.enabled });
    const disable = health?.enabled && health.failingSince && now.getTime() - health.failingSince.getTime() >= failingDisableMs;
    if (disable) {
      await tx
        .update(webhookEndpoints)
        .set({ enabled: false, disabledReason: 'failing', disabledAt: now, updatedAt: now })
        .where(eq(webhookEndpoints.id, endpoint.id));
    }
    const delay = disable ? null : retryDelaySeconds(config.webhookRetryDelaysSeconds, retry);
    if (delay === null) {
      await tx.update(webhookDeliveries).set({ status: 'failed', lastStatusCode: result.statusCode }).where(eq(webhookDeliveries.id, job.deliveryId));
      return 'failed';
    }
    await tx
      .update(webhookDeliveries)
      .set({ lastStatusCode: result.statusCode, nextAttemptAt: new Date(now.getTime() + delay * 1000) })
      .where(eq(webhookDeliveries.id, job.deliveryId));
    // The queue holds the next attempt back; no timer of ours.
    await queueAttempt(tx, { deliveryId: job.deliveryId, attempt: attempt + 1, retry: retry + 1 }, delay);
    return 'retrying';
  });
}

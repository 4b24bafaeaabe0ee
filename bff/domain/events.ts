/**
 * The event log (issue 14): what happened, for the partner's own systems. `recordEvent` is
 * called inside the transaction of the change it reports, and sends the fan-out job in that same
 * transaction, so an event exists (and is delivered) exactly when its change committed.
 */
import type { Db, Tx } from '../../db/database.ts';
import { queues, sendJob } from '../../db/job-queue.ts';
import { events } from '../../db/schema.ts';

/** Every event type, in the order the README's catalogue lists them. */
export const eventTypes = [
  'customer.created',
  'offer.redeemed',
  'trial.converted',
  'offer.revoked',
  'offer.expired',
  'trial.ending',
  'trial.ended',
  'delegation.requested',
  'delegation.accepted',
  'delegation.declined',
  'delegation.revoked',
  'delegation.expiring',
  'delegation.expired',
  'user.created',
  'user.access_changed',
  'service_request.created',
] as const;
export type EventType = (typeof eventTypes)[number];

/** What `POST …/test` sends; not in the log's catalogue, and every endpoint receives it. */
export const pingType = 'ping';

export interface NewEvent {
  partnerId: string;
  type: EventType | typeof pingType;
  data: Record<string, unknown>;
  /** Time-driven events: `type:threshold:subject`, recorded once however often the schedule runs. */
  dedupeKey?: string;
}

/**
 * Records `event` in `tx` and queues its fan-out there too. Returns the event's id, or null when
 * an event with the same dedupe key exists already (then nothing is queued).
 */
export async function recordEvent(tx: Tx | Db, event: NewEvent, at: Date): Promise<string | null> {
  const [row] = await tx
    .insert(events)
    .values({ partnerId: event.partnerId, type: event.type, data: event.data, dedupeKey: event.dedupeKey ?? null, createdAt: at })
    .onConflictDoNothing({ target: events.dedupeKey })
    .returning({ id: events.id });
  if (!row) return null;
  await sendJob(tx, queues.fanOut, { eventId: row.id });
  return row.id;
}

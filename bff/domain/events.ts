/**
 * The event log (issue 14): what happened, for the partner's own systems. `recordEvent` is
 * called inside the transaction of the change it reports, and sends the fan-out job in that same
 * transaction, so an event exists (and is delivered) exactly when its change committed.
 */
import { and, desc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/database.ts';
import { queues, sendJob } from '../../db/job-queue.ts';
import { events } from '../../db/schema.ts';
import { beforeInstantCursor, cursorInstant, decodeInstantCursor, encodeCursor, pageQuerySchema } from '../cursor.ts';
import { ApiError } from '../errors.ts';
import { assertCan, type Actor } from '../permissions.ts';
import { eventTypes, type EventType } from './event-types.ts';

export { eventTypes, type EventType };

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

export const listEventsQuerySchema = pageQuerySchema.extend({
  type: z.enum(eventTypes).optional().describe('Only events of this type'),
});

export const eventViewSchema = z.object({
  id: z.string(),
  type: z.enum(eventTypes),
  createdAt: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()).describe('What happened: ids and names (README, "Events")'),
});
export type EventView = z.infer<typeof eventViewSchema>;

/**
 * The caller's partner's event log, newest first. Pings (`POST /webhook-endpoints/:id/test`)
 * are deliveries to one endpoint, not something that happened, so the log leaves them out.
 */
export async function listEvents(db: Db, actor: Actor, query: z.infer<typeof listEventsQuerySchema>) {
  assertCan(actor, 'webhooks:manage');
  if (actor.companyKind !== 'partner') throw new ApiError(403, 'forbidden', 'Only partner companies have an event log.');
  const after = query.cursor ? decodeInstantCursor(query.cursor) : null;
  const rows = await db
    .select({ event: events, cursorAt: cursorInstant(events.createdAt) })
    .from(events)
    .where(
      and(
        eq(events.partnerId, actor.companyId),
        query.type ? eq(events.type, query.type) : ne(events.type, pingType),
        after ? beforeInstantCursor(events.createdAt, events.id, after) : undefined,
      ),
    )
    .orderBy(desc(events.createdAt), desc(events.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map(({ event }): EventView => ({ id: event.id, type: event.type as EventType, createdAt: event.createdAt.toISOString(), data: event.data })),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.cursorAt, last.event.id]) : null,
  };
}

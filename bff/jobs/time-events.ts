/**
 * Events that time alone causes (README, "Events"): trials ending and ended, delegations
 * expiring and expired, offers expired. The schedule runs `recordTimeEvents` every minute, in
 * whichever instance pg-boss hands the job to; nothing is kept between runs but the events.
 *
 * Exactly once: each event carries a dedupe key (`type:threshold:subject`, or `type:subject` for
 * the deadline itself) under a unique index, so a run repeated, overlapping or racing another
 * instance records each one once; the loser's insert does nothing and sends no job.
 *
 * Bands, not points: threshold T (days before the deadline) holds from the moment it is crossed
 * until the next lower threshold is, so a subject is in at most one band at a time and a run that
 * comes late still tells the most precise thing (a trial that ends tomorrow gets "1 day", never
 * "7 days" too). A threshold crossed before its subject began (a 3-day trial's 7-day mark) is
 * skipped, and only thresholds crossed within `catchUpMs` are told: a new install, or one
 * that was down for a week, does not flood its partners with history.
 */
import { and, asc, eq, gt, isNotNull, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { companies, delegations, events, offers, services, subscriptions } from '../../db/schema.ts';
import { instant } from '../domain/delegation-state.ts';
import { customerData, delegationData, offerData, subscriptionData } from '../domain/event-data.ts';
import { recordEvent, type EventType } from '../domain/events.ts';

const day = 86_400_000;

/** How long after a threshold is crossed it is still told; older crossings are left out. */
export const catchUpMs = 2 * day;

/** Subjects read and recorded per transaction. */
const batchSize = 200;

/** One band to look in: deadlines in (from, to], crossed no earlier than the subject's start. */
interface Band {
  type: EventType;
  /** Days before the deadline; null for the deadline itself. */
  days: number | null;
  from: Date;
  to: Date;
  /** The last subject of the previous batch (deadline, id). */
  after: { deadline: Date; id: string } | null;
}

interface Candidate {
  id: string;
  partnerId: string;
  deadline: Date;
  data: Record<string, unknown>;
}

export const dedupeKey = (type: EventType, days: number | null, subjectId: string) =>
  days === null ? `${type}:${subjectId}` : `${type}:${days}:${subjectId}`;

/**
 * The conditions every family shares: the band on the deadline's index, keyset after the last
 * batch, the threshold crossed after the subject began, and not told yet (the dedupe key's index).
 */
function inBand(band: Band, deadline: SQLWrapper, id: SQLWrapper, start: SQLWrapper): SQL {
  const key = sql`${dedupeKey(band.type, band.days, '')} || ${id}::text`;
  return and(
    gt(deadline as SQL, band.from),
    lte(deadline as SQL, band.to),
    band.after ? sql`(${deadline}, ${id}) > (${instant(band.after.deadline)}, ${band.after.id}::uuid)` : undefined,
    sql`${deadline} - ${band.days ?? 0}::int * interval '1 day' >= ${start}`,
    sql`not exists (select 1 from ${events} where ${events.dedupeKey} = ${key})`,
  )!;
}

/** Trials by their end; `ended`: past it and not bought (a purchase clears `trial_ends_at`). */
async function trials(db: Db, band: Band): Promise<Candidate[]> {
  const ended = band.days === null;
  const rows = await db
    .select({ subscription: subscriptions, service: { id: services.id, sku: services.sku, name: services.name }, customer: { id: companies.id, name: companies.name } })
    .from(subscriptions)
    .innerJoin(services, eq(services.id, subscriptions.serviceId))
    .innerJoin(companies, eq(companies.id, subscriptions.customerId))
    .where(
      and(
        // States as literals, so the partial index applies under a generic plan (db/database.ts).
        ended ? sql`${subscriptions.status} in ('trial', 'expired')` : sql`${subscriptions.status} = 'trial'`,
        isNotNull(subscriptions.advisorId),
        inBand(band, subscriptions.trialEndsAt, subscriptions.id, sql`coalesce(${subscriptions.trialStartedAt}, ${subscriptions.createdAt})`),
      ),
    )
    .orderBy(asc(subscriptions.trialEndsAt), asc(subscriptions.id))
    .limit(batchSize);
  return rows.map(({ subscription, service, customer }) => ({
    id: subscription.id,
    partnerId: subscription.advisorId!,
    deadline: subscription.trialEndsAt!,
    data: {
      customer: customerData(customer),
      subscription: subscriptionData({ ...subscription, status: ended ? 'expired' : subscription.status }, service),
      ...(ended ? {} : { daysLeft: band.days }),
    },
  }));
}

/** Delegations in force by their end; `expired` also finds those a write already marked expired. */
async function delegationsEnding(db: Db, band: Band): Promise<Candidate[]> {
  const expired = band.days === null;
  const rows = await db
    .select({ delegation: delegations, customer: { id: companies.id, name: companies.name } })
    .from(delegations)
    .innerJoin(companies, eq(companies.id, delegations.customerId))
    .where(
      and(
        expired ? sql`${delegations.status} in ('active', 'expired')` : sql`${delegations.status} = 'active'`,
        isNotNull(delegations.expiresAt),
        inBand(band, delegations.expiresAt, delegations.id, sql`coalesce(${delegations.answeredAt}, ${delegations.createdAt})`),
      ),
    )
    .orderBy(asc(delegations.expiresAt), asc(delegations.id))
    .limit(batchSize);
  return rows.map(({ delegation, customer }) => ({
    id: delegation.id,
    partnerId: delegation.partnerId,
    deadline: delegation.expiresAt!,
    data: {
      delegation: delegationData({ ...delegation, status: expired ? 'expired' : delegation.status }),
      customer: customerData(customer),
      ...(expired ? {} : { daysLeft: band.days }),
    },
  }));
}

/** Offers past their expiry that were not revoked first. */
async function offersExpired(db: Db, band: Band): Promise<Candidate[]> {
  const rows = await db
    .select()
    .from(offers)
    .where(and(sql`${offers.revokedAt} is null`, isNotNull(offers.expiresAt), inBand(band, offers.expiresAt, offers.id, offers.createdAt)))
    .orderBy(asc(offers.expiresAt), asc(offers.id))
    .limit(batchSize);
  return rows.map((offer) => ({
    id: offer.id,
    partnerId: offer.partnerId,
    deadline: offer.expiresAt!,
    data: { offer: { ...offerData(offer), expiresAt: offer.expiresAt!.toISOString() } },
  }));
}

/** What each family tells, and when: thresholds in days before the deadline, largest first. */
const schedules: { type: EventType; days: readonly number[] | null; find: (db: Db, band: Band) => Promise<Candidate[]> }[] = [
  { type: 'trial.ending', days: [7, 1], find: trials },
  { type: 'trial.ended', days: null, find: trials },
  { type: 'delegation.expiring', days: [30, 7, 1], find: delegationsEnding },
  { type: 'delegation.expired', days: null, find: delegationsEnding },
  { type: 'offer.expired', days: null, find: offersExpired },
];

/** The deadlines in band for each threshold at `now` (see the file's comment). */
function bands(type: EventType, days: readonly number[] | null, now: Date): Omit<Band, 'after'>[] {
  const at = (ms: number) => new Date(now.getTime() + ms);
  if (days === null) return [{ type, days: null, from: at(-catchUpMs), to: now }];
  return days.map((d, i) => {
    const next = days[i + 1] ?? 0;
    return { type, days: d, from: at(Math.max(next * day, d * day - catchUpMs)), to: at(d * day) };
  });
}

/**
 * Records every time-driven event due at `now` that is not recorded yet, in batches of
 * `batchSize` subjects, each batch in one transaction (events and their fan-out jobs together).
 * Returns how many it recorded; running it again at once records none.
 */
export async function recordTimeEvents(db: Db, now: Date): Promise<number> {
  let recorded = 0;
  for (const schedule of schedules) {
    for (const band of bands(schedule.type, schedule.days, now)) {
      let after: Band['after'] = null;
      for (;;) {
        const batch = await schedule.find(db, { ...band, after });
        if (batch.length === 0) break;
        recorded += await db.transaction(async (tx) => {
          let count = 0;
          for (const c of batch) {
            const id = await recordEvent(tx, { partnerId: c.partnerId, type: band.type, data: c.data, dedupeKey: dedupeKey(band.type, band.days, c.id) }, now);
            if (id) count++;
          }
          return count;
        });
        if (batch.length < batchSize) break;
        const last = batch.at(-1)!;
        after = { deadline: last.deadline, id: last.id };
      }
    }
  }
  return recorded;
}

/**
 * The partner overview (issue 13): the page a partner starts on. Key figures, two series for
 * charts, and what needs attention, each with its customer and deadline.
 *
 * What the caller may not see is left out of the answer (not zeroed): everything about
 * customers needs `partner:use`; money needs `subscriptions:manage` in the own company (global
 * and billing admins).
 *
 * It reads a few counter rows (partner_totals, partner_service_totals, partner_weeks,
 * offer_weeks, kept by triggers in each write's transaction; migration 0010) instead of counting
 * a large partner's tables, and takes off what time alone has ended but no write has recorded
 * yet (trials and delegations past their end), which short index ranges find. It writes nothing.
 */
import { and, asc, desc, eq, gt, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import {
  delegationLevel,
  delegations,
  offerItems,
  offerKind,
  offers,
  offerWeeks,
  partnerCustomers,
  partnerServiceTotals,
  partnerTotals,
  partnerWeeks,
  serviceRequests,
  services,
  severity,
  subscriptions,
  webhookEndpoints,
} from '../../db/schema.ts';
import { cursorInstant, decodeCursor, encodeCursor, invalidCursor, pageQuerySchema } from '../cursor.ts';
import type { Auth, Deps } from '../env.ts';
import { ApiError } from '../errors.ts';
import { can } from '../permissions.ts';
import { prepared } from '../prepared.ts';

const day = 86_400_000;
const week = 7 * day;

/** The windows the attention rules look through (issue 13). */
export const attentionRules = {
  trialEndingDays: 30,
  trialEndedDays: 30,
  delegationEndingDays: 30,
  requestUnansweredDays: 3,
  requestLapsingDays: 7,
  serviceRequestOpenDays: 7,
} as const;

export const overviewQuerySchema = pageQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(100).default(10).describe('Attention items per page'),
});
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

const customerRef = z.object({ id: z.string(), name: z.string() });
const followUpSchema = z
  .object({ offerId: z.string(), createdAt: z.iso.datetime() })
  .nullable()
  .describe('A purchase offer for this service, addressed to this customer and still open');

const attentionItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('trial_ending'),
    id: z.string().describe('The subscription'),
    customer: customerRef,
    deadline: z.iso.datetime().describe('When the trial ends'),
    within: z.union([z.literal(7), z.literal(30)]).describe('Ends within 7 or within 30 days'),
    service: z.object({ id: z.string(), sku: z.string(), name: z.string() }),
    licenses: z.number().int(),
    followUp: followUpSchema,
  }),
  z.object({
    kind: z.literal('trial_ended'),
    id: z.string(),
    customer: customerRef,
    deadline: z.iso.datetime().describe('When the trial ended, without a purchase'),
    service: z.object({ id: z.string(), sku: z.string(), name: z.string() }),
    licenses: z.number().int(),
    followUp: followUpSchema,
  }),
  z.object({
    kind: z.literal('delegation_ending'),
    id: z.string().describe('The delegation'),
    customer: customerRef,
    deadline: z.iso.datetime().describe('When the delegation ends'),
    within: z.union([z.literal(1), z.literal(7), z.literal(30)]),
    level: z.enum(delegationLevel.enumValues),
    renewal: z
      .object({ requestId: z.string(), requestedAt: z.iso.datetime() })
      .nullable()
      .describe('Your open request to this customer, if you have already asked again'),
  }),
  z.object({
    kind: z.literal('delegation_request'),
    id: z.string().describe('The request'),
    customer: customerRef,
    deadline: z.iso.datetime().describe(`Lapsing: when it lapses; unanswered: ${attentionRules.requestUnansweredDays} days after it was made`),
    reason: z.enum(['unanswered', 'lapsing']).describe(`Lapsing within ${attentionRules.requestLapsingDays} days, or else unanswered for more than ${attentionRules.requestUnansweredDays}`),
    lapsesAt: z.iso.datetime().describe('When the request lapses unanswered'),
    level: z.enum(delegationLevel.enumValues),
    requestedAt: z.iso.datetime(),
  }),
  z.object({
    kind: z.literal('service_request'),
    id: z.string(),
    customer: customerRef,
    deadline: z.iso.datetime().describe(`When it had been open for ${attentionRules.serviceRequestOpenDays} days`),
    title: z.string(),
    severity: z.enum(severity.enumValues),
    openedAt: z.iso.datetime(),
  }),
]);
export type AttentionItem = z.infer<typeof attentionItemSchema>;

export const overviewSchema = z.object({
  company: z.object({ id: z.string(), name: z.string() }),
  figures: z.object({
    customers: z.number().int().optional(),
    activeTrials: z.number().int().optional(),
    payingSubscriptions: z.number().int().optional(),
    licensesUnderManagement: z.number().int().optional().describe('Licenses of the paying subscriptions you advise'),
    monthlyRecurring: z
      .array(z.object({ currency: z.string(), amountMinor: z.number().int() }))
      .optional()
      .describe('Per currency, in minor units; global and billing admins only'),
    delegationsInForce: z.object({ full: z.number().int(), limited: z.number().int() }).optional(),
    conversion: z
      .object({
        trialsStarted: z.number().int(),
        converted: z.number().int(),
        rate: z.number().nullable().describe('converted ÷ trialsStarted; null without trials'),
        since: z.iso.date().describe('Counted over the weeks since this Monday (about 90 days)'),
      })
      .optional(),
  }),
  series: z
    .object({
      signupsPerWeek: z.array(z.object({ week: z.iso.date().describe('Monday, UTC'), signups: z.number().int() })).describe('The last 12 weeks, oldest first'),
      redemptionsPerOffer: z
        .array(z.object({ offerId: z.string(), name: z.string().nullable(), kind: z.enum(offerKind.enumValues), redemptions: z.number().int() }))
        .describe('The 10 offers redeemed most in about 90 days'),
    })
    .optional(),
  attention: z
    .object({
      items: z.array(attentionItemSchema),
      nextCursor: z.string().nullable(),
    })
    .optional()
    .describe('Coming deadlines first (soonest first), then passed ones (latest first)'),
  webhooks: z
    .object({
      disabled: z
        .array(z.object({ id: z.string(), url: z.string(), disabledAt: z.iso.datetime() }))
        .describe('Endpoints turned off because their deliveries failed for 3 days (not those a user turned off), latest first'),
    })
    .optional()
    .describe('Only for users who manage webhooks'),
});
export type Overview = z.infer<typeof overviewSchema>;

/** Monday (UTC) of the week of `at`, as `YYYY-MM-DD`. */
function weekOf(at: Date): string {
  const monday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday.toISOString().slice(0, 10);
}

/**
 * The 12 Mondays of the sign-up series (oldest first) and the Monday the 90-day figures count
 * from. They change only at midnight UTC, so each day's are worked out once.
 */
let weeks: { day: number; since: string; mondays: string[] } | undefined;
function weeksAt(at: Date) {
  const today = Math.floor(at.getTime() / day);
  if (weeks?.day !== today) {
    weeks = { day: today, since: weekOf(new Date(at.getTime() - 90 * day)), mondays: Array.from({ length: 12 }, (_, i) => weekOf(new Date(at.getTime() - (11 - i) * week))) };
  }
  return weeks;
}

const iso = (at: Date | string) => new Date(at).toISOString();
// States are written into the SQL, never bound: Postgres can then use the partial indexes on them
// in the statements' generic plans (a bound value might be any state).

/** The request's instant inside a prepared statement. */
const now = sql`${sql.placeholder('now')}::timestamptz`;
const partner = sql.placeholder('partnerId');
const daysFromNow = (days: number) => sql`(${now} + interval '${sql.raw(String(days))} days')`;

type ServiceTotal = { trials: number; paying: number; licenses: number; priceMinor: number; currency: string };
type FiguresRow = {
  totals: { customers: number; full: number; limited: number } | null;
  services: ServiceTotal[];
  lapsedTrials: number;
  lapsedDelegations: Record<string, number> | null;
  conversion: { started: number; converted: number };
  signups: { week: string; signups: number }[];
  redemptions: NonNullable<Overview['series']>['redemptionsPerOffer'];
};

/**
 * Every figure and series, for the overview's one statement: the counter rows, less what time alone has
 * ended (trials and delegations past their end that no write has recorded yet; short ranges of
 * the deadline indexes), and the weekly rows of the last 12 and 13 weeks.
 */
function figureFields() {
  const since = sql`${sql.placeholder('since')}::date`;
  return {
      totals: sql<FiguresRow['totals']>`(select json_build_object('customers', ${partnerTotals.customers}, 'full', ${partnerTotals.delegationsFull},
        'limited', ${partnerTotals.delegationsLimited}) from ${partnerTotals} where ${partnerTotals.partnerId} = ${partner})`,
      services: sql<ServiceTotal[]>`(select coalesce(json_agg(json_build_object('trials', ${partnerServiceTotals.trials}, 'paying', ${partnerServiceTotals.paying},
        'licenses', ${partnerServiceTotals.payingLicenses}, 'priceMinor', ${services.priceMinor}, 'currency', ${services.currency})), '[]'::json)
        from ${partnerServiceTotals} join ${services} on ${services.id} = ${partnerServiceTotals.serviceId} where ${partnerServiceTotals.partnerId} = ${partner})`,
      lapsedTrials: sql<number>`(select count(*)::int from ${subscriptions} where ${subscriptions.advisorId} = ${partner}
        and ${subscriptions.status} = 'trial' and ${subscriptions.trialEndsAt} <= ${now})`,
      lapsedDelegations: sql<Record<string, number> | null>`(select json_object_agg(level, n) from (select ${delegations.level} as level, count(*)::int as n
        from ${delegations} where ${delegations.partnerId} = ${partner} and ${delegations.status} = 'active' and ${delegations.expiresAt} <= ${now}
        group by ${delegations.level}) lapsed)`,
      conversion: sql<FiguresRow['conversion']>`(select json_build_object('started', coalesce(sum(${partnerWeeks.trialsStarted}), 0), 'converted', coalesce(sum(${partnerWeeks.conversions}), 0))
        from ${partnerWeeks} where ${partnerWeeks.partnerId} = ${partner} and ${partnerWeeks.week} >= ${since})`,
      signups: sql<FiguresRow['signups']>`(select coalesce(json_agg(json_build_object('week', ${partnerWeeks.week}, 'signups', ${partnerWeeks.signups})), '[]'::json)
        from ${partnerWeeks} where ${partnerWeeks.partnerId} = ${partner} and ${partnerWeeks.week} >= ${sql.placeholder('seriesFrom')}::date)`,
      redemptions: sql<FiguresRow['redemptions']>`(select coalesce(json_agg(top order by top.redemptions desc, top."offerId"), '[]'::json) from (
        select ${offers.id} as "offerId", ${offers.name} as name, ${offers.kind} as kind, sum(${offerWeeks.redemptions})::int as redemptions
        from ${offers} join ${offerWeeks} on ${offerWeeks.offerId} = ${offers.id} and ${offerWeeks.week} >= ${since}
        where ${offers.partnerId} = ${partner} group by ${offers.id} order by 4 desc, ${offers.id} limit 10) top)`,
      // Asked only of those who manage webhooks (null otherwise): in this statement rather than a
      // query of its own, as a second round trip cost the overview a third of its throughput.
      disabledWebhooks: sql<{ id: string; url: string; disabledAt: string }[] | null>`(case when ${sql.placeholder('seesWebhooks')}::boolean then (
        select coalesce(json_agg(json_build_object('id', ${webhookEndpoints.id}, 'url', ${webhookEndpoints.url}, 'disabledAt', ${webhookEndpoints.disabledAt})
          order by ${webhookEndpoints.disabledAt} desc), '[]'::json)
        from ${webhookEndpoints} where ${webhookEndpoints.partnerId} = ${partner} and ${webhookEndpoints.enabled} = false
          and ${webhookEndpoints.disabledReason} = 'failing') end)`,
  };
}

export async function getOverview(deps: Deps, auth: Auth, query: OverviewQuery): Promise<Overview> {
  const { actor } = auth;
  if (actor.companyKind !== 'partner') throw new ApiError(403, 'forbidden', 'The overview is for partner companies.');
  const at = deps.clock();
  const seesCustomers = can(actor, 'partner:use');
  const seesMoney = can(actor, 'subscriptions:manage');
  const overview: Overview = { company: { id: auth.company.id, name: auth.company.name }, figures: {} };
  const seesWebhooks = can(actor, 'webhooks:manage');
  if (!seesCustomers && !seesMoney && !seesWebhooks) return overview;

  const { since, mondays } = weeksAt(at);
  const cursor = seesCustomers ? decodeAttentionCursor(query.cursor) : null;
  const mode = listMode(seesCustomers, cursor);
  const [figures] = await prepared(deps.db, `partnerkit_overview_${mode}`, (name) => prepareOverview(deps.db, mode, name)).execute({
    partnerId: actor.companyId,
    now: at.toISOString(),
    since,
    seriesFrom: mondays[0],
    fetch: query.limit + 1,
    cursorDeadline: cursor?.deadline ?? null,
    cursorKind: cursor?.kind ?? null,
    cursorId: cursor?.id ?? null,
    seesWebhooks,
  });
  const row = figures!;
  if (seesWebhooks) overview.webhooks = { disabled: (row.disabledWebhooks ?? []).map((w) => ({ ...w, disabledAt: iso(w.disabledAt) })) };
  if (seesMoney) {
    const byCurrency = new Map<string, number>();
    for (const s of row.services) byCurrency.set(s.currency, (byCurrency.get(s.currency) ?? 0) + Number(s.licenses) * s.priceMinor);
    overview.figures.monthlyRecurring = [...byCurrency].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, amountMinor]) => ({ currency, amountMinor }));
  }
  if (!seesCustomers) return overview;

  const sum = (pick: (s: ServiceTotal) => number) => row.services.reduce((n, s) => n + Number(pick(s)), 0);
  const lapsed = (level: string) => row.lapsedDelegations?.[level] ?? 0;
  const started = Number(row.conversion.started);
  const converted = Number(row.conversion.converted);
  overview.figures = {
    ...overview.figures,
    customers: row.totals?.customers ?? 0,
    activeTrials: sum((s) => s.trials) - row.lapsedTrials,
    payingSubscriptions: sum((s) => s.paying),
    licensesUnderManagement: sum((s) => s.licenses),
    delegationsInForce: { full: (row.totals?.full ?? 0) - lapsed('full'), limited: (row.totals?.limited ?? 0) - lapsed('limited') },
    conversion: { trialsStarted: started, converted, rate: started > 0 ? converted / started : null, since },
  };
  const weekly = new Map(row.signups.map((w) => [w.week, w.signups]));
  overview.series = {
    signupsPerWeek: mondays.map((monday) => ({ week: monday, signups: weekly.get(monday) ?? 0 })),
    redemptionsPerOffer: row.redemptions,
  };
  overview.attention = attentionPage(row, at, query.limit);
  return overview;
}

// ---------------------------------------------------------------------------------------------
// The attention list

/** Deadlines still to come are tier 0 (soonest first), passed ones tier 1 (latest first). */
type Tier = 0 | 1;
type Kind = AttentionItem['kind'];
type Cursor = { tier: Tier; deadline: string; kind: Kind; id: string };

interface Candidate {
  tier: Tier;
  kind: Kind;
  id: string;
  /** The deadline to the microsecond, for the cursor. */
  deadlineKey: string;
  item: AttentionItem;
}

const kinds = attentionItemSchema.options.map((o) => o.shape.kind.value);
const cursorSchema = z.tuple([z.union([z.literal(0), z.literal(1)]), z.string(), z.enum(kinds as [Kind, ...Kind[]]), z.uuid()]);

function decodeAttentionCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  const parsed = cursorSchema.safeParse(decodeCursor(cursor, 4));
  if (!parsed.success || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(parsed.data[1])) throw invalidCursor();
  const [tier, deadline, kind, id] = parsed.data;
  return { tier, deadline, kind, id };
}

function byUrgency(a: Candidate, b: Candidate): number {
  if (a.tier !== b.tier) return a.tier - b.tier;
  const direction = a.tier === 0 ? 1 : -1;
  const order = a.deadlineKey < b.deadlineKey ? -1 : a.deadlineKey > b.deadlineKey ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return order * direction;
}

const afterCursor = (tier: Tier, kind: Kind, deadline: SQL, id: SQL) =>
  sql`(${deadline}, ${kind}::text, ${id}) ${tier === 0 ? sql`>` : sql`<`} (${sql.placeholder('cursorDeadline')}::timestamptz, ${sql.placeholder('cursorKind')}::text, ${sql.placeholder('cursorId')}::uuid)`;

const customerName = (customerId: SQL | typeof subscriptions.customerId) =>
  sql<string>`(select ${partnerCustomers.name} from ${partnerCustomers} where ${partnerCustomers.partnerId} = ${partner} and ${partnerCustomers.customerId} = ${customerId})`;

/** The newest open purchase offer addressed to the subscription's customer that includes its service. */
const followUp = sql<{ offerId: string; createdAt: string } | null>`(
  select json_build_object('offerId', ${offers.id}, 'createdAt', ${offers.createdAt}) from ${offers}
  where ${offers.partnerId} = ${partner} and ${offers.customerId} = ${subscriptions.customerId} and ${offers.kind} = 'purchase'
    and ${offers.revokedAt} is null and (${offers.expiresAt} is null or ${offers.expiresAt} > ${now})
    and exists (select 1 from ${offerItems} where ${offerItems.offerId} = ${offers.id} and ${offerItems.serviceId} = ${subscriptions.serviceId})
  order by ${offers.createdAt} desc limit 1)`;

/**
 * The partner's open request to the delegation's customer: a renewal already asked for (one at
 * most, by a unique index). The outer column is written qualified: drizzle leaves a lone table's
 * columns bare, which inside this subquery would mean `r`'s.
 */
const renewal = sql<{ requestId: string; requestedAt: string } | null>`(
  select json_build_object('requestId', r.id, 'requestedAt', r.created_at) from ${delegations} r
  where r.partner_id = ${partner} and r.customer_id = "delegations"."customer_id" and r.status = 'pending' and r.request_expires_at > ${now})`;

const fetch = sql.placeholder('fetch') as unknown as number; // drizzle types limit() as number | Placeholder

/** Trials of the partner's, with their service and any open follow-up offer, in the deadline's order. */
function trialsQuery(db: Db, where: SQL | undefined, newestFirst: boolean) {
  return db
    .select({
      id: sql`${subscriptions.id}`.as('id'),
      customerId: sql`${subscriptions.customerId}`.as('customerId'),
      customerName: customerName(subscriptions.customerId).as('customerName'),
      deadlineKey: cursorInstant(subscriptions.trialEndsAt).as('deadlineKey'),
      deadline: sql`${subscriptions.trialEndsAt}`.as('deadline'),
      serviceId: sql`${services.id}`.as('serviceId'),
      sku: sql`${services.sku}`.as('sku'),
      serviceName: sql`${services.name}`.as('serviceName'),
      licenses: sql`${subscriptions.licenses}`.as('licenses'),
      followUp: followUp.as('followUp'),
    })
    .from(subscriptions)
    .innerJoin(services, eq(services.id, subscriptions.serviceId))
    .where(and(sql`${subscriptions.advisorId} = ${partner}`, where))
    .orderBy(...(newestFirst ? [desc(subscriptions.trialEndsAt), desc(subscriptions.id)] : [asc(subscriptions.trialEndsAt), asc(subscriptions.id)]))
    .limit(fetch);
}

/** Open delegation requests in the order of their deadline. */
function requestsQuery(db: Db, deadline: SQL, where: SQL | undefined, newestFirst: boolean) {
  return db
    .select({
      id: sql`${delegations.id}`.as('id'),
      customerId: sql`${delegations.customerId}`.as('customerId'),
      customerName: customerName(sql`${delegations.customerId}`).as('customerName'),
      deadlineKey: cursorInstant(deadline).as('deadlineKey'),
      deadline: sql`${deadline}`.as('deadline'),
      lapsesAt: sql`${delegations.requestExpiresAt}`.as('lapsesAt'),
      level: sql`${delegations.level}`.as('level'),
      requestedAt: sql`${delegations.createdAt}`.as('requestedAt'),
    })
    .from(delegations)
    .where(and(sql`${delegations.partnerId} = ${partner}`, sql`${delegations.status} = 'pending'`, gt(delegations.requestExpiresAt, now), where))
    .orderBy(...(newestFirst ? [desc(delegations.createdAt), desc(delegations.id)] : [asc(delegations.requestExpiresAt), asc(delegations.id)]))
    .limit(fetch);
}

const unansweredSince = sql`(${delegations.createdAt} + interval '${sql.raw(String(attentionRules.requestUnansweredDays))} days')`;
const openFor = sql`(${serviceRequests.createdAt} + interval '${sql.raw(String(attentionRules.serviceRequestOpenDays))} days')`;

/** Each part of the list: its tier and kind, and its query with or without the cursor's condition. */
const parts = {
  trialEnding: {
    tier: 0,
    kind: 'trial_ending',
    build: (db: Db, after: SQL | undefined) =>
      trialsQuery(db, and(sql`${subscriptions.status} = 'trial'`, gt(subscriptions.trialEndsAt, now), lte(subscriptions.trialEndsAt, daysFromNow(attentionRules.trialEndingDays)), after), false),
    after: afterCursor(0, 'trial_ending', sql`${subscriptions.trialEndsAt}`, sql`${subscriptions.id}`),
  },
  trialEnded: {
    tier: 1,
    kind: 'trial_ended',
    build: (db: Db, after: SQL | undefined) =>
      trialsQuery(
        db,
        and(sql`${subscriptions.status} in ('trial', 'expired')`, lte(subscriptions.trialEndsAt, now), gt(subscriptions.trialEndsAt, daysFromNow(-attentionRules.trialEndedDays)), after),
        true,
      ),
    after: afterCursor(1, 'trial_ended', sql`${subscriptions.trialEndsAt}`, sql`${subscriptions.id}`),
  },
  delegationEnding: {
    tier: 0,
    kind: 'delegation_ending',
    build: (db: Db, after: SQL | undefined) =>
      db
        .select({
          id: sql`${delegations.id}`.as('id'),
          customerId: sql`${delegations.customerId}`.as('customerId'),
          customerName: customerName(sql`${delegations.customerId}`).as('customerName'),
          deadlineKey: cursorInstant(delegations.expiresAt).as('deadlineKey'),
          deadline: sql`${delegations.expiresAt}`.as('deadline'),
          level: sql`${delegations.level}`.as('level'),
          renewal: renewal.as('renewal'),
        })
        .from(delegations)
        .where(
          and(
            sql`${delegations.partnerId} = ${partner}`,
            sql`${delegations.status} = 'active'`,
            gt(delegations.expiresAt, now),
            lte(delegations.expiresAt, daysFromNow(attentionRules.delegationEndingDays)),
            after,
          ),
        )
        .orderBy(asc(delegations.expiresAt), asc(delegations.id))
        .limit(fetch),
    after: afterCursor(0, 'delegation_ending', sql`${delegations.expiresAt}`, sql`${delegations.id}`),
  },
  // Requests lapsing within a week: their deadline is when they lapse.
  requestLapsing: {
    tier: 0,
    kind: 'delegation_request',
    build: (db: Db, after: SQL | undefined) =>
      requestsQuery(db, sql`${delegations.requestExpiresAt}`, and(lte(delegations.requestExpiresAt, daysFromNow(attentionRules.requestLapsingDays)), after), false),
    after: afterCursor(0, 'delegation_request', sql`${delegations.requestExpiresAt}`, sql`${delegations.id}`),
  },
  // Requests unanswered too long (and not lapsing soon): their deadline passed 3 days after asking.
  requestUnanswered: {
    tier: 1,
    kind: 'delegation_request',
    build: (db: Db, after: SQL | undefined) =>
      requestsQuery(
        db,
        unansweredSince,
        and(
          lte(delegations.createdAt, daysFromNow(-attentionRules.requestUnansweredDays)),
          gt(delegations.requestExpiresAt, daysFromNow(attentionRules.requestLapsingDays)),
          after,
        ),
        true,
      ),
    after: afterCursor(1, 'delegation_request', unansweredSince, sql`${delegations.id}`),
  },
  serviceRequest: {
    tier: 1,
    kind: 'service_request',
    build: (db: Db, after: SQL | undefined) =>
      db
        .select({
          id: sql`${serviceRequests.id}`.as('id'),
          customerId: sql`${serviceRequests.customerId}`.as('customerId'),
          customerName: customerName(sql`${serviceRequests.customerId}`).as('customerName'),
          deadlineKey: cursorInstant(openFor).as('deadlineKey'),
          openedAt: sql`${serviceRequests.createdAt}`.as('openedAt'),
          title: sql`${serviceRequests.title}`.as('title'),
          severity: sql`${serviceRequests.severity}`.as('severity'),
        })
        .from(serviceRequests)
        .where(
          and(
            sql`${serviceRequests.partnerId} = ${partner}`,
            sql`${serviceRequests.status} <> 'resolved'`,
            lte(serviceRequests.createdAt, daysFromNow(-attentionRules.serviceRequestOpenDays)),
            after,
          ),
        )
        .orderBy(desc(serviceRequests.createdAt), desc(serviceRequests.id))
        .limit(fetch),
    after: afterCursor(1, 'service_request', openFor, sql`${serviceRequests.id}`),
  },
} as const;

type Part = keyof typeof parts;

/** What the page's statement continues with: no list at all, from the start, or after a cursor of tier 0 or 1. */
type ListMode = 'none' | 'start' | 'after0' | 'after1';

function listMode(seesCustomers: boolean, cursor: Cursor | null): ListMode {
  if (!seesCustomers) return 'none';
  return !cursor ? 'start' : cursor.tier === 0 ? 'after0' : 'after1';
}

/** One part's rows as a JSON array, continued as the mode says (a tier-0 part ends after a tier-1 cursor). */
function partJson(db: Db, part: Part, mode: ListMode): SQL {
  const { tier, build, after } = parts[part];
  if (mode === 'none' || (mode === 'after1' && tier === 0)) return sql`'[]'::json`;
  const continued = (mode === 'after0' && tier === 0) || (mode === 'after1' && tier === 1);
  return sql`(select coalesce(json_agg(part), '[]'::json) from (${build(db, continued ? after : undefined)}) part)`;
}

type Json<T> = { [K in keyof T]: T[K] extends Date | null ? string | null : T[K] };
type TrialRow = Json<{ id: string; customerId: string; customerName: string; deadlineKey: string; deadline: Date; serviceId: string; sku: string; serviceName: string; licenses: number; followUp: { offerId: string; createdAt: string } | null }>;
type DelegationRow = Json<{ id: string; customerId: string; customerName: string; deadlineKey: string; deadline: Date; level: (typeof delegationLevel.enumValues)[number] }>;
type EndingRow = DelegationRow & { renewal: { requestId: string; requestedAt: string } | null };
type RequestRow = DelegationRow & { requestedAt: string; lapsesAt: string };
type ServiceRequestRow = Json<{ id: string; customerId: string; customerName: string; deadlineKey: string; openedAt: Date; title: string; severity: (typeof severity.enumValues)[number] }>;

/**
 * The whole overview in one prepared statement (one per list mode): the figures, and each part
 * of the attention list as a JSON array of at most a page and one. One round trip per request:
 * with one query per part, the round trips cost more than the queries.
 */
function prepareOverview(db: Db, mode: ListMode, name: string) {
  return db
    .select({
      ...figureFields(),
      trialEnding: sql<TrialRow[]>`${partJson(db, 'trialEnding', mode)}`,
      trialEnded: sql<TrialRow[]>`${partJson(db, 'trialEnded', mode)}`,
      delegationEnding: sql<EndingRow[]>`${partJson(db, 'delegationEnding', mode)}`,
      requestLapsing: sql<RequestRow[]>`${partJson(db, 'requestLapsing', mode)}`,
      requestUnanswered: sql<RequestRow[]>`${partJson(db, 'requestUnanswered', mode)}`,
      serviceRequest: sql<ServiceRequestRow[]>`${partJson(db, 'serviceRequest', mode)}`,
    })
    .from(sql`(select 1) as one`)
    .prepare(name);
}

type OverviewRow = Awaited<ReturnType<ReturnType<typeof prepareOverview>['execute']>>[number];

/** The attention page from the parts' rows: merged in urgency order, cut to the page, with its cursor. */
function attentionPage(row: OverviewRow, at: Date, limit: number) {
  const left = (deadline: string) => new Date(deadline).getTime() - at.getTime();
  const customer = (r: { customerId: string; customerName: string }) => ({ id: r.customerId, name: r.customerName });
  const trial = (r: TrialRow) => ({
    id: r.id,
    customer: customer(r),
    deadline: iso(r.deadline!),
    service: { id: r.serviceId, sku: r.sku, name: r.serviceName },
    licenses: r.licenses,
    followUp: r.followUp ? { offerId: r.followUp.offerId, createdAt: iso(r.followUp.createdAt) } : null,
  });
  const candidates: Candidate[] = [
    ...row.trialEnding.map((r): Candidate => ({ tier: 0, kind: 'trial_ending', id: r.id, deadlineKey: r.deadlineKey, item: { kind: 'trial_ending', ...trial(r), within: left(r.deadline!) <= 7 * day ? 7 : 30 } })),
    ...row.trialEnded.map((r): Candidate => ({ tier: 1, kind: 'trial_ended', id: r.id, deadlineKey: r.deadlineKey, item: { kind: 'trial_ended', ...trial(r) } })),
    ...row.delegationEnding.map((r): Candidate => ({
      tier: 0,
      kind: 'delegation_ending',
      id: r.id,
      deadlineKey: r.deadlineKey,
      item: {
        kind: 'delegation_ending',
        id: r.id,
        customer: customer(r),
        deadline: iso(r.deadline!),
        within: left(r.deadline!) <= day ? 1 : left(r.deadline!) <= 7 * day ? 7 : 30,
        level: r.level,
        renewal: r.renewal ? { requestId: r.renewal.requestId, requestedAt: iso(r.renewal.requestedAt) } : null,
      },
    })),
    ...[...row.requestLapsing.map((r) => [0, r] as const), ...row.requestUnanswered.map((r) => [1, r] as const)].map(([tier, r]): Candidate => ({
      tier,
      kind: 'delegation_request',
      id: r.id,
      deadlineKey: r.deadlineKey,
      item: {
        kind: 'delegation_request',
        id: r.id,
        customer: customer(r),
        deadline: iso(r.deadline!),
        reason: tier === 0 ? 'lapsing' : 'unanswered',
        level: r.level,
        requestedAt: iso(r.requestedAt),
        lapsesAt: iso(r.lapsesAt),
      },
    })),
    ...row.serviceRequest.map((r): Candidate => ({
      tier: 1,
      kind: 'service_request',
      id: r.id,
      deadlineKey: r.deadlineKey,
      item: {
        kind: 'service_request',
        id: r.id,
        customer: customer(r),
        deadline: iso(new Date(new Date(r.openedAt!).getTime() + attentionRules.serviceRequestOpenDays * day)),
        title: r.title,
        severity: r.severity,
        openedAt: iso(r.openedAt!),
      },
    })),
  ].sort(byUrgency);
  const page = candidates.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((c) => c.item),
    nextCursor: candidates.length > limit && last ? encodeCursor([last.tier, last.deadlineKey, last.kind, last.id]) : null,
  };
}

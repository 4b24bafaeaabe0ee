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
import { and, asc, desc, eq, gt, gte, lte, sql, type SQL } from 'drizzle-orm';
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
} from '../../db/schema.ts';
import { cursorInstant, decodeCursor, encodeCursor, invalidCursor, pageQuerySchema } from '../cursor.ts';
import type { Auth, Deps } from '../env.ts';
import { ApiError } from '../errors.ts';
import { can } from '../permissions.ts';

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
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Attention items per page'),
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
  }),
  z.object({
    kind: z.literal('delegation_request'),
    id: z.string().describe('The request'),
    customer: customerRef,
    deadline: z.iso.datetime().describe('When the request lapses unanswered'),
    reason: z.enum(['unanswered', 'lapsing']).describe(`Unanswered for more than ${attentionRules.requestUnansweredDays} days, or lapsing within ${attentionRules.requestLapsingDays}`),
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
});
export type Overview = z.infer<typeof overviewSchema>;

/** Monday (UTC) of the week of `at`, as `YYYY-MM-DD`. */
function weekOf(at: Date): string {
  const monday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday.toISOString().slice(0, 10);
}

const iso = (at: Date | string) => new Date(at).toISOString();
const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

export async function getOverview(deps: Deps, auth: Auth, query: OverviewQuery): Promise<Overview> {
  const { actor } = auth;
  if (actor.companyKind !== 'partner') throw new ApiError(403, 'forbidden', 'The overview is for partner companies.');
  const partnerId = actor.companyId;
  const now = deps.clock();
  const seesCustomers = can(actor, 'partner:use');
  const seesMoney = can(actor, 'subscriptions:manage');
  const overview: Overview = { company: { id: auth.company.id, name: auth.company.name }, figures: {} };
  if (!seesCustomers && !seesMoney) return overview;

  const [services, totals, lapsed] = await Promise.all([
    serviceTotals(deps.db, partnerId),
    seesCustomers ? deps.db.select().from(partnerTotals).where(eq(partnerTotals.partnerId, partnerId)) : [],
    seesCustomers ? lapsedCounts(deps.db, partnerId, now) : null,
  ]);
  if (seesMoney) {
    const byCurrency = new Map<string, number>();
    for (const s of services) byCurrency.set(s.currency, (byCurrency.get(s.currency) ?? 0) + s.payingLicenses * s.priceMinor);
    overview.figures.monthlyRecurring = [...byCurrency].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, amountMinor]) => ({ currency, amountMinor }));
  }
  if (!seesCustomers || !lapsed) return overview;

  const [total] = totals;
  const sum = (pick: (s: (typeof services)[number]) => number) => services.reduce((n, s) => n + pick(s), 0);
  const since = weekOf(new Date(now.getTime() - 90 * day));
  const [conversion, signups, redemptions, attention] = await Promise.all([
    deps.db
      .select({ started: sql<number>`coalesce(sum(${partnerWeeks.trialsStarted}), 0)::int`, converted: sql<number>`coalesce(sum(${partnerWeeks.conversions}), 0)::int` })
      .from(partnerWeeks)
      .where(and(eq(partnerWeeks.partnerId, partnerId), gte(partnerWeeks.week, since))),
    deps.db
      .select({ week: partnerWeeks.week, signups: partnerWeeks.signups })
      .from(partnerWeeks)
      .where(and(eq(partnerWeeks.partnerId, partnerId), gte(partnerWeeks.week, weekOf(new Date(now.getTime() - 11 * week))))),
    deps.db
      .select({ offerId: offers.id, name: offers.name, kind: offers.kind, redemptions: sql<number>`sum(${offerWeeks.redemptions})::int` })
      .from(offers)
      .innerJoin(offerWeeks, and(eq(offerWeeks.offerId, offers.id), gte(offerWeeks.week, since)))
      .where(eq(offers.partnerId, partnerId))
      .groupBy(offers.id)
      .orderBy(desc(sql`sum(${offerWeeks.redemptions})`), asc(offers.id))
      .limit(10),
    attentionPage(deps.db, partnerId, now, query),
  ]);
  const started = conversion[0]?.started ?? 0;
  const converted = conversion[0]?.converted ?? 0;
  overview.figures = {
    ...overview.figures,
    customers: total?.customers ?? 0,
    activeTrials: sum((s) => s.trials) - lapsed.trials,
    payingSubscriptions: sum((s) => s.paying),
    licensesUnderManagement: sum((s) => s.payingLicenses),
    delegationsInForce: { full: (total?.delegationsFull ?? 0) - lapsed.full, limited: (total?.delegationsLimited ?? 0) - lapsed.limited },
    conversion: { trialsStarted: started, converted, rate: started > 0 ? converted / started : null, since },
  };
  const weekly = new Map(signups.map((w) => [w.week, w.signups]));
  overview.series = {
    signupsPerWeek: Array.from({ length: 12 }, (_, i) => {
      const monday = weekOf(new Date(now.getTime() - (11 - i) * week));
      return { week: monday, signups: weekly.get(monday) ?? 0 };
    }),
    redemptionsPerOffer: redemptions,
  };
  overview.attention = attention;
  return overview;
}

/** The partner's subscription counters per service, with each service's price. */
function serviceTotals(db: Db, partnerId: string) {
  return db
    .select({
      trials: partnerServiceTotals.trials,
      paying: partnerServiceTotals.paying,
      payingLicenses: partnerServiceTotals.payingLicenses,
      priceMinor: services.priceMinor,
      currency: services.currency,
    })
    .from(partnerServiceTotals)
    .innerJoin(services, eq(services.id, partnerServiceTotals.serviceId))
    .where(eq(partnerServiceTotals.partnerId, partnerId));
}

/**
 * What the counters still count but time has ended: trials past their end and delegations past
 * theirs, not yet written down (a write or the expiry job records them). Short index ranges.
 */
async function lapsedCounts(db: Db, partnerId: string, now: Date) {
  const [[trials], byLevel] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(subscriptions)
      .where(and(eq(subscriptions.advisorId, partnerId), eq(subscriptions.status, 'trial'), lte(subscriptions.trialEndsAt, now))),
    db
      .select({ level: delegations.level, n: sql<number>`count(*)::int` })
      .from(delegations)
      .where(and(eq(delegations.partnerId, partnerId), eq(delegations.status, 'active'), lte(delegations.expiresAt, now)))
      .groupBy(delegations.level),
  ]);
  const level = (l: string) => byLevel.find((r) => r.level === l)?.n ?? 0;
  return { trials: trials?.n ?? 0, full: level('full'), limited: level('limited') };
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

/**
 * After the cursor, within one kind of one tier: (deadline, kind, id) beyond the cursor's in the
 * tier's direction; nothing of tier 0 after a tier-1 cursor; all of tier 1 after a tier-0 one.
 */
function afterCursor(cursor: Cursor | null, tier: Tier, kind: Kind, deadline: SQL, id: SQL): SQL | undefined | false {
  if (!cursor) return undefined;
  if (cursor.tier !== tier) return cursor.tier === 0 ? undefined : false;
  const op = tier === 0 ? sql`>` : sql`<`;
  return sql`(${deadline}, ${kind}::text, ${id}) ${op} (${cursor.deadline}::timestamptz, ${cursor.kind}::text, ${cursor.id}::uuid)`;
}

const customerName = (partnerId: string, customerId: SQL | typeof subscriptions.customerId) =>
  sql<string>`(select ${partnerCustomers.name} from ${partnerCustomers} where ${partnerCustomers.partnerId} = ${partnerId} and ${partnerCustomers.customerId} = ${customerId})`;

/** The newest open purchase offer addressed to the subscription's customer that includes its service. */
const followUp = (partnerId: string, now: Date) => sql<{ offerId: string; createdAt: string } | null>`(
  select json_build_object('offerId', ${offers.id}, 'createdAt', ${offers.createdAt}) from ${offers}
  where ${offers.partnerId} = ${partnerId} and ${offers.customerId} = ${subscriptions.customerId} and ${offers.kind} = 'purchase'
    and ${offers.revokedAt} is null and (${offers.expiresAt} is null or ${offers.expiresAt} > ${at(now)})
    and exists (select 1 from ${offerItems} where ${offerItems.offerId} = ${offers.id} and ${offerItems.serviceId} = ${subscriptions.serviceId})
  order by ${offers.createdAt} desc limit 1)`;

async function attentionPage(db: Db, partnerId: string, now: Date, query: OverviewQuery) {
  const cursor = decodeAttentionCursor(query.cursor);
  const fetch = query.limit + 1;
  const queries: Promise<Candidate[]>[] = [];
  const add = (tier: Tier, kind: Kind, build: (after: SQL | undefined) => Promise<Candidate[]>, deadline: SQL, id: SQL) => {
    const after = afterCursor(cursor, tier, kind, deadline, id);
    if (after !== false) queries.push(build(after));
  };
  const ahead = (days: number) => new Date(now.getTime() + days * day);
  const ago = (days: number) => new Date(now.getTime() - days * day);

  // Trials ending within 30 days (7 days is a closer band of the same list).
  add(0, 'trial_ending', async (after) => {
    const rows = await db
      .select({
        id: subscriptions.id,
        customerId: subscriptions.customerId,
        customerName: customerName(partnerId, subscriptions.customerId),
        deadlineKey: cursorInstant(subscriptions.trialEndsAt),
        deadline: subscriptions.trialEndsAt,
        serviceId: services.id,
        sku: services.sku,
        serviceName: services.name,
        licenses: subscriptions.licenses,
        followUp: followUp(partnerId, now),
      })
      .from(subscriptions)
      .innerJoin(services, eq(services.id, subscriptions.serviceId))
      .where(and(eq(subscriptions.advisorId, partnerId), eq(subscriptions.status, 'trial'), gt(subscriptions.trialEndsAt, now), lte(subscriptions.trialEndsAt, ahead(attentionRules.trialEndingDays)), after))
      .orderBy(asc(subscriptions.trialEndsAt), asc(subscriptions.id))
      .limit(fetch);
    return rows.map((r) => ({
      tier: 0,
      kind: 'trial_ending',
      id: r.id,
      deadlineKey: r.deadlineKey,
      item: {
        kind: 'trial_ending',
        id: r.id,
        customer: { id: r.customerId, name: r.customerName },
        deadline: iso(r.deadline!),
        within: r.deadline!.getTime() - now.getTime() <= 7 * day ? 7 : 30,
        service: { id: r.serviceId, sku: r.sku, name: r.serviceName },
        licenses: r.licenses,
        followUp: r.followUp ? { offerId: r.followUp.offerId, createdAt: iso(r.followUp.createdAt) } : null,
      },
    }));
  }, sql`${subscriptions.trialEndsAt}`, sql`${subscriptions.id}`);

  // Trials ended in the last 30 days without a purchase (a purchase would have made them active).
  add(1, 'trial_ended', async (after) => {
    const rows = await db
      .select({
        id: subscriptions.id,
        customerId: subscriptions.customerId,
        customerName: customerName(partnerId, subscriptions.customerId),
        deadlineKey: cursorInstant(subscriptions.trialEndsAt),
        deadline: subscriptions.trialEndsAt,
        serviceId: services.id,
        sku: services.sku,
        serviceName: services.name,
        licenses: subscriptions.licenses,
        followUp: followUp(partnerId, now),
      })
      .from(subscriptions)
      .innerJoin(services, eq(services.id, subscriptions.serviceId))
      .where(
        and(
          eq(subscriptions.advisorId, partnerId),
          sql`${subscriptions.status} in ('trial', 'expired')`,
          lte(subscriptions.trialEndsAt, now),
          gt(subscriptions.trialEndsAt, ago(attentionRules.trialEndedDays)),
          after,
        ),
      )
      .orderBy(desc(subscriptions.trialEndsAt), desc(subscriptions.id))
      .limit(fetch);
    return rows.map((r) => ({
      tier: 1,
      kind: 'trial_ended',
      id: r.id,
      deadlineKey: r.deadlineKey,
      item: {
        kind: 'trial_ended',
        id: r.id,
        customer: { id: r.customerId, name: r.customerName },
        deadline: iso(r.deadline!),
        service: { id: r.serviceId, sku: r.sku, name: r.serviceName },
        licenses: r.licenses,
        followUp: r.followUp ? { offerId: r.followUp.offerId, createdAt: iso(r.followUp.createdAt) } : null,
      },
    }));
  }, sql`${subscriptions.trialEndsAt}`, sql`${subscriptions.id}`);

  // Delegations ending within 30, 7 or 1 days.
  add(0, 'delegation_ending', async (after) => {
    const rows = await db
      .select({
        id: delegations.id,
        customerId: delegations.customerId,
        customerName: customerName(partnerId, sql`${delegations.customerId}`),
        deadlineKey: cursorInstant(delegations.expiresAt),
        deadline: delegations.expiresAt,
        level: delegations.level,
      })
      .from(delegations)
      .where(and(eq(delegations.partnerId, partnerId), eq(delegations.status, 'active'), gt(delegations.expiresAt, now), lte(delegations.expiresAt, ahead(attentionRules.delegationEndingDays)), after))
      .orderBy(asc(delegations.expiresAt), asc(delegations.id))
      .limit(fetch);
    return rows.map((r) => {
      const left = r.deadline!.getTime() - now.getTime();
      return {
        tier: 0,
        kind: 'delegation_ending',
        id: r.id,
        deadlineKey: r.deadlineKey,
        item: { kind: 'delegation_ending', id: r.id, customer: { id: r.customerId, name: r.customerName }, deadline: iso(r.deadline!), within: left <= day ? 1 : left <= 7 * day ? 7 : 30, level: r.level },
      };
    });
  }, sql`${delegations.expiresAt}`, sql`${delegations.id}`);

  // Requests the customer has not answered for more than 3 days, or that lapse within 7.
  add(0, 'delegation_request', async (after) => {
    const rows = await db
      .select({
        id: delegations.id,
        customerId: delegations.customerId,
        customerName: customerName(partnerId, sql`${delegations.customerId}`),
        deadlineKey: cursorInstant(delegations.requestExpiresAt),
        deadline: delegations.requestExpiresAt,
        level: delegations.level,
        requestedAt: delegations.createdAt,
      })
      .from(delegations)
      .where(
        and(
          eq(delegations.partnerId, partnerId),
          eq(delegations.status, 'pending'),
          gt(delegations.requestExpiresAt, now),
          sql`(${delegations.createdAt} <= ${at(ago(attentionRules.requestUnansweredDays))} or ${delegations.requestExpiresAt} <= ${at(ahead(attentionRules.requestLapsingDays))})`,
          after,
        ),
      )
      .orderBy(asc(delegations.requestExpiresAt), asc(delegations.id))
      .limit(fetch);
    return rows.map((r) => ({
      tier: 0,
      kind: 'delegation_request',
      id: r.id,
      deadlineKey: r.deadlineKey,
      item: {
        kind: 'delegation_request',
        id: r.id,
        customer: { id: r.customerId, name: r.customerName },
        deadline: iso(r.deadline!),
        reason: r.deadline!.getTime() <= ahead(attentionRules.requestLapsingDays).getTime() ? 'lapsing' : 'unanswered',
        level: r.level,
        requestedAt: iso(r.requestedAt),
      },
    }));
  }, sql`${delegations.requestExpiresAt}`, sql`${delegations.id}`);

  // Service requests the partner opened that are still open after 7 days.
  const openFor = sql`(${serviceRequests.createdAt} + interval '${sql.raw(String(attentionRules.serviceRequestOpenDays))} days')`;
  add(1, 'service_request', async (after) => {
    const rows = await db
      .select({
        id: serviceRequests.id,
        customerId: serviceRequests.customerId,
        customerName: customerName(partnerId, sql`${serviceRequests.customerId}`),
        deadlineKey: cursorInstant(openFor),
        openedAt: serviceRequests.createdAt,
        title: serviceRequests.title,
        severity: serviceRequests.severity,
      })
      .from(serviceRequests)
      .where(and(eq(serviceRequests.partnerId, partnerId), sql`${serviceRequests.status} <> 'resolved'`, lte(serviceRequests.createdAt, ago(attentionRules.serviceRequestOpenDays)), after))
      .orderBy(desc(serviceRequests.createdAt), desc(serviceRequests.id))
      .limit(fetch);
    return rows.map((r) => ({
      tier: 1,
      kind: 'service_request',
      id: r.id,
      deadlineKey: r.deadlineKey,
      item: {
        kind: 'service_request',
        id: r.id,
        customer: { id: r.customerId, name: r.customerName },
        deadline: iso(new Date(r.openedAt.getTime() + attentionRules.serviceRequestOpenDays * day)),
        title: r.title,
        severity: r.severity,
        openedAt: iso(r.openedAt),
      },
    }));
  }, openFor, sql`${serviceRequests.id}`);

  const candidates = (await Promise.all(queries)).flat().sort(byUrgency);
  const page = candidates.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((c) => c.item),
    nextCursor: candidates.length > query.limit && last ? encodeCursor([last.tier, last.deadlineKey, last.kind, last.id]) : null,
  };
}

/**
 * The partner's customers (DESIGN.md §3): the list with search, filters and keyset paging, one
 * customer's detail, and asking it for delegated admin. Only customers linked to the partner
 * (`partner_customers`) exist here; any other id is a 404.
 *
 * Search is a case-insensitive substring of name or domain (LIKE on the lower-cased
 * `search_text`, wildcards escaped). The list reads the pair rows of `partner_customers`, which
 * carry copies of the customer's name and domain kept by triggers (migrations 0005, 0009): by
 * name, a search is an index-only walk of the partner's own (sort_name, id, search_text) entries
 * that stops after a page of matches, so it costs about page size ÷ (share of customers that
 * match) entries, also at 100,000 customers. Each row's delegation and subscriptions are looked
 * up as of the request's instant, and Postgres builds the page's JSON (`prepareList`). Keyset
 * cursors, no OFFSET. Nothing is written.
 */
import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { companyRole, delegations, partnerCustomers, services, subscriptions, users } from '../../db/schema.ts';
import { cursorId, cursorInstant, decodeCursor, decodeInstantCursor, encodeCursor, pageQuerySchema } from '../cursor.ts';
import type { Deps } from '../env.ts';
import { assertCan, can, permissionsIn, type Actor } from '../permissions.ts';
import { prepared } from '../prepared.ts';
import { subscriptionState, subscriptionViewSchema, toSubscriptionView, type SubscriptionState } from './assist.ts';
import type { AuditFilter } from './audit.ts';
import { openCustomer } from './customer-access.ts';
import { activeNow, delegationStates, delegationStatusSql, instant, pendingNow, type DelegationState, type Instant } from './delegation-state.ts';
import {
  createDelegationRequest,
  delegationRequestViewSchema,
  delegationViewSchema,
  noDelegation,
  pickCurrent,
  pickPending,
  toDelegationRequestView,
  toDelegationView,
  type delegationRequestSchema,
} from './delegations.ts';
import { openServiceRequests, serviceRequestViewSchema } from './service-requests.ts';
import { containsPattern } from './users.ts';

export const subscriptionFilters = ['trial', 'active', 'expired_trial'] as const;

export const listCustomersQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional().describe('Part of the company name or domain, any case'),
  delegation: z.enum(delegationStates).optional().describe('Your delegation’s state in the customer, as of now'),
  subscription: z.enum(subscriptionFilters).optional().describe('Customers with a subscription through you in this state'),
  sort: z.enum(['name', 'newest']).default('name').describe('`newest`: the customers you gained last first'),
});
export type ListCustomersQuery = z.infer<typeof listCustomersQuerySchema>;

const subscriptionSummarySchema = z.object({
  trial: z.number().int(),
  active: z.number().int(),
  expiredTrial: z.number().int(),
  cancelled: z.number().int(),
  services: z.array(z.object({ sku: z.string(), name: z.string(), status: subscriptionViewSchema.shape.status })),
});

export const customerListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  isAdvisor: z.boolean().describe('You are its subscription advisor'),
  since: z.iso.datetime().describe('When it became your customer'),
  delegation: delegationViewSchema.describe('Your delegation in force, else your open request, else your latest one'),
  subscriptionSummary: subscriptionSummarySchema.describe('Subscriptions through you'),
});
export type CustomerListItem = z.infer<typeof customerListItemSchema>;

const customerAdminSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string(),
  roles: z.array(z.enum(companyRole.enumValues)),
  disabled: z.boolean(),
});

export const customerDetailSchema = customerListItemSchema.extend({
  permissions: z.array(z.string()).describe('What you may do in this customer now (from your access and the delegation)'),
  pendingRequest: delegationRequestViewSchema.nullable().describe('Your open delegation request, with its URL'),
  subscriptions: z.array(subscriptionViewSchema).describe('Through you; all of them when you may manage subscriptions'),
  admins: z.array(customerAdminSchema).nullable().describe('Null when you may not read the customer’s users'),
  openServiceRequests: z.array(serviceRequestViewSchema).nullable().describe('Null when you may not handle its service requests'),
});
export type CustomerDetail = z.infer<typeof customerDetailSchema>;

type SummaryRow = { sku: string; name: string; status: (typeof subscriptions.$inferSelect)['status']; trialEndsAt: Date | null };
function summarize(rows: SummaryRow[], now: Date): z.infer<typeof subscriptionSummarySchema> {
  const counts: Record<SubscriptionState, number> = { trial: 0, active: 0, expired_trial: 0, cancelled: 0 };
  const list = rows.map((r) => ({ sku: r.sku, name: r.name, status: subscriptionState(r, now) }));
  for (const s of list) counts[s.status]++;
  return { trial: counts.trial, active: counts.active, expiredTrial: counts.expired_trial, cancelled: counts.cancelled, services: list };
}

function subscriptionCondition(state: (typeof subscriptionFilters)[number], now: Instant) {
  switch (state) {
    case 'trial':
      return sql`${subscriptions.status} = 'trial' and (${subscriptions.trialEndsAt} is null or ${subscriptions.trialEndsAt} > ${instant(now)})`;
    case 'active':
      return sql`${subscriptions.status} = 'active'`;
    case 'expired_trial':
      return sql`(${subscriptions.status} = 'expired' or (${subscriptions.status} = 'trial' and ${subscriptions.trialEndsAt} <= ${instant(now)}))`;
  }
}

/**
 * Customers whose shown delegation (in force, else an open request, else the latest) is in
 * `state`, written as semi- and anti-joins the planner can run either way round: walking the
 * customers in order and probing their delegations, or, for a state few are in, starting from
 * those delegations (index on partner and status).
 */
function delegationFilter(state: DelegationState, now: Instant) {
  const pair = sql`${delegations.partnerId} = ${partnerCustomers.partnerId} and ${delegations.customerId} = ${partnerCustomers.customerId}`;
  const has = (condition: SQL | undefined) => sql`exists (select 1 from ${delegations} where ${pair} and ${condition})`;
  switch (state) {
    case 'none':
      return sql`not ${has(sql`true`)}`;
    case 'active':
      return has(activeNow(now));
    case 'pending':
      return and(has(pendingNow(now)), sql`not ${has(activeNow(now))}`);
    default: {
      // Ended (expired, revoked, declined): nothing in force or open, and the latest ended so.
      const stored = state === 'expired' ? ['expired', 'active', 'pending'] : [state];
      const statuses = sql.join(stored.map((s) => sql`${s}`), sql`, `);
      return and(
        has(sql`${delegations.status} in (${statuses}) and ${delegationStatusSql(now)} = ${state}`),
        sql`not ${has(or(activeNow(now), pendingNow(now)))}`,
        sql`(select ${delegationStatusSql(now)} from ${delegations} where ${pair}
          order by ${delegations.createdAt} desc, ${delegations.id} desc limit 1) = ${state}`,
      );
    }
  }
}

/** An instant in the list's JSON as JavaScript's `toISOString` writes it: UTC, to the millisecond. */
const isoJson = (instantSql: SQL) => sql`to_char(${instantSql} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

type ListShape = Pick<ListCustomersQuery, 'sort' | 'delegation' | 'subscription' | 'limit'> & { search: boolean; after: boolean };

/**
 * The delegation a row shows (in force, else an open request, else the latest; `pickCurrent`)
 * and its subscriptions through the partner with their states (`summarize`), both as of `now`,
 * as JSON built by Postgres for the page row `page`.
 */
function itemJson(now: Instant) {
  const ofPair = sql`${delegations.partnerId} = page.partner_id and ${delegations.customerId} = page.customer_id`;
  const rank = sql`case when ${activeNow(now)} then 2 when ${pendingNow(now)} then 1 else 0 end`;
  const subscriptionState = sql`case when ${subscriptions.status} = 'expired' or (${subscriptions.status} = 'trial' and ${subscriptions.trialEndsAt} <= ${instant(now)})
    then 'expired_trial' else ${subscriptions.status}::text end`;
  return sql`json_build_object(
    'id', page.customer_id, 'name', page.name, 'domain', page.domain, 'isAdvisor', page.is_advisor, 'since', ${isoJson(sql`page.created_at`)},
    'delegation', coalesce((
      select json_build_object('id', ${delegations.id}, 'status', ${delegationStatusSql(now)}, 'level', ${delegations.level},
        'expiresAt', ${isoJson(sql`${delegations.expiresAt}`)}, 'requestExpiresAt', ${isoJson(sql`${delegations.requestExpiresAt}`)},
        'answeredAt', ${isoJson(sql`${delegations.answeredAt}`)})
      from ${delegations} where ${ofPair}
      order by ${rank} desc, ${delegations.createdAt} desc, ${delegations.id} desc limit 1
    ), ${sql.raw(`'${JSON.stringify(noDelegation)}'`)}::json),
    'subscriptionSummary', (
      select json_build_object(
        'trial', count(*) filter (where state = 'trial'), 'active', count(*) filter (where state = 'active'),
        'expiredTrial', count(*) filter (where state = 'expired_trial'), 'cancelled', count(*) filter (where state = 'cancelled'),
        'services', coalesce(json_agg(json_build_object('sku', sku, 'name', name, 'status', state) order by name, id), '[]'::json))
      from (
        select ${subscriptions.id} as id, ${services.sku} as sku, ${services.name} as name, ${subscriptionState} as state
        from ${subscriptions} join ${services} on ${services.id} = ${subscriptions.serviceId}
        where ${subscriptions.customerId} = page.customer_id and ${subscriptions.advisorId} = page.partner_id
      ) through_partner
    ))`;
}

/**
 * One statement answers a page, the PostgREST way: Postgres finds the rows, works out every
 * state that depends on the time from the request's `now`, and builds the page's JSON, which the
 * route sends as it is. It only reads, so it runs on a replica as well.
 *
 * By name, the rows come from a walk of the partner's own (sort_name, customer_id, search_text)
 * entries that stops after the page: unfiltered it reads each row as it goes; with a search or
 * filter it first walks the index alone (the search text is in it) and then reads only the
 * matching rows. One more row than the page is read, to know whether another page follows.
 *
 * Prepared, one statement per shape (sort, filters, cursor, page size), so Postgres plans it
 * once per connection instead of on every page (planning cost more than running it). The page
 * size is in the SQL text rather than a parameter: Postgres plans a bound LIMIT as a tenth of
 * the rows.
 */
function prepareList(db: Db, shape: ListShape, name: string) {
  const byName = shape.sort === 'name';
  const partnerId = sql.placeholder('partnerId');
  const now = sql`${sql.placeholder('now')}::timestamptz`;
  const order = byName
    ? sql`${partnerCustomers.sortName} asc, ${partnerCustomers.customerId} asc`
    : sql`${partnerCustomers.createdAt} desc, ${partnerCustomers.customerId} desc`;
  const sortKey = byName ? sql`${partnerCustomers.sortName}` : cursorInstant(partnerCustomers.createdAt);
  const after = !shape.after
    ? undefined
    : byName
      ? sql`(${partnerCustomers.sortName}, ${partnerCustomers.customerId}) > (${sql.placeholder('afterKey')}, ${sql.placeholder('afterId')}::uuid)`
      : sql`(${partnerCustomers.createdAt}, ${partnerCustomers.customerId}) < (${sql.placeholder('afterKey')}::timestamptz, ${sql.placeholder('afterId')}::uuid)`;
  const fetch = sql.raw(String(shape.limit + 1));
  const limit = sql.raw(String(shape.limit));
  const where = and(
    sql`${partnerCustomers.partnerId} = ${partnerId}`,
    // The pattern as a subquery: Postgres then neither estimates it nor re-plans for each term,
    // and keeps one plan (the walk above) for every search; planning a LIKE against the column's
    // histogram on every call cost more than running it.
    shape.search ? sql`${partnerCustomers.searchText} like (select lower(${sql.placeholder('pattern')}))` : undefined,
    shape.delegation ? delegationFilter(shape.delegation, now) : undefined,
    shape.subscription
      ? sql`exists (select 1 from ${subscriptions} where ${subscriptions.customerId} = ${partnerCustomers.customerId}
          and ${subscriptions.advisorId} = ${partnerCustomers.partnerId} and ${subscriptionCondition(shape.subscription, now)})`
      : undefined,
    after,
  );
  const columns = sql`${partnerCustomers.partnerId} as partner_id, ${partnerCustomers.customerId} as customer_id, ${partnerCustomers.name} as name,
    ${partnerCustomers.domain} as domain, ${partnerCustomers.isAdvisor} as is_advisor, ${partnerCustomers.createdAt} as created_at,
    ${sortKey} as sort_key, row_number() over (order by ${order}) as n`;
  const rows =
    shape.search || shape.delegation || shape.subscription
      ? sql`select ${columns} from (select ${partnerCustomers.customerId} as id from ${partnerCustomers} where ${where} order by ${order} limit ${fetch}) matching
          join ${partnerCustomers} on ${partnerCustomers.partnerId} = ${partnerId} and ${partnerCustomers.customerId} = matching.id
          order by ${order}`
      : sql`select ${columns} from ${partnerCustomers} where ${where} order by ${order} limit ${fetch}`;
  // One pass over the page's rows: the items (the extra row only counts), and the last one's key.
  return db
    .select({
      items: sql<string>`coalesce(json_agg(${itemJson(now)} order by page.n) filter (where page.n <= ${limit}), '[]'::json)::text`,
      lastKey: sql<string | null>`max(page.sort_key) filter (where page.n = ${limit})`,
      lastId: sql<string | null>`max(page.customer_id::text) filter (where page.n = ${limit})`,
      more: sql<boolean>`count(*) > ${limit}`,
    })
    .from(sql`(${rows}) as page`)
    .prepare(name);
}

/** A page of the list, as the JSON text the route sends. */
export async function listCustomers(deps: Deps, actor: Actor, query: ListCustomersQuery): Promise<string> {
  assertCan(actor, 'partner:use');
  const byName = query.sort === 'name';
  const after = !query.cursor ? null : byName ? decodeCursor(query.cursor, 2) : decodeInstantCursor(query.cursor);
  const shape: ListShape = { sort: query.sort, delegation: query.delegation, subscription: query.subscription, limit: query.limit, search: Boolean(query.q), after: after !== null };
  const name = `partnerkit_customers_${shape.sort}_${shape.search ? 'q' : ''}_${shape.delegation ?? ''}_${shape.subscription ?? ''}_${shape.after ? 'after' : ''}_${shape.limit}`;
  const [page] = await prepared(deps.db, name, (n) => prepareList(deps.db, shape, n)).execute({
    partnerId: actor.companyId,
    now: deps.clock().toISOString(),
    pattern: query.q ? containsPattern(query.q) : null,
    afterKey: after ? String(after[0]) : null,
    afterId: after ? cursorId(after[1]) : null,
  });
  const nextCursor = page?.more && page.lastKey !== null ? encodeCursor([page.lastKey, page.lastId!]) : null;
  return `{"items":${page?.items ?? '[]'},"nextCursor":${JSON.stringify(nextCursor)}}`;
}

export async function getCustomer(deps: Deps, actor: Actor, id: string): Promise<CustomerDetail> {
  const access = await openCustomer(deps, actor, id);
  const { customer, scope } = access;
  const now = deps.clock();
  const mayManageSubscriptions = can(actor, 'subscriptions:manage', scope);
  const [pairDelegations, subscriptionRows, admins, serviceRequests] = await Promise.all([
    deps.db.select().from(delegations).where(and(eq(delegations.partnerId, actor.companyId), eq(delegations.customerId, customer.id))),
    deps.db
      .select({ subscription: subscriptions, service: services })
      .from(subscriptions)
      .innerJoin(services, eq(services.id, subscriptions.serviceId))
      .where(and(eq(subscriptions.customerId, customer.id), mayManageSubscriptions ? undefined : eq(subscriptions.advisorId, actor.companyId)))
      .orderBy(asc(services.name)),
    can(actor, 'users:read', scope)
      ? deps.db
          .select()
          .from(users)
          .where(and(eq(users.companyId, customer.id), sql`cardinality(${users.companyRoles}) > 0`))
          .orderBy(asc(users.displayName), asc(users.id))
          .limit(100)
      : null,
    can(actor, 'service-requests:manage', scope) ? openServiceRequests(deps.db, access) : null,
  ]);
  const throughPartner = subscriptionRows.filter((r) => r.subscription.advisorId === actor.companyId);
  const pending = pickPending(pairDelegations, now);
  return {
    id: customer.id,
    name: customer.name,
    domain: customer.domain,
    isAdvisor: access.isAdvisor,
    since: access.linkedAt.toISOString(),
    delegation: toDelegationView(pickCurrent(pairDelegations, now), now),
    subscriptionSummary: summarize(
      throughPartner.map((r) => ({ sku: r.service.sku, name: r.service.name, status: r.subscription.status, trialEndsAt: r.subscription.trialEndsAt })),
      now,
    ),
    permissions: [...permissionsIn(actor, scope)],
    pendingRequest: pending ? toDelegationRequestView(deps, pending) : null,
    subscriptions: subscriptionRows.map((r) => toSubscriptionView(r.subscription, r.service, actor.companyId, now)),
    admins: admins?.map((u) => ({ id: u.id, displayName: u.displayName, email: u.email, roles: u.companyRoles, disabled: u.disabledAt !== null })) ?? null,
    openServiceRequests: serviceRequests,
  };
}

/** Asks one of the partner's customers for delegated admin; any partner user may ask. */
export async function requestDelegation(deps: Deps, actor: Actor, id: string, input: z.infer<typeof delegationRequestSchema>) {
  const { customer } = await openCustomer(deps, actor, id);
  return createDelegationRequest(deps, actor, customer.id, input);
}

/** The partner side of the audit trail: what the partner's users did in this customer. */
export async function customerAuditFilter(deps: Deps, actor: Actor, id: string): Promise<{ filter: AuditFilter; label: string }> {
  const { customer } = await openCustomer(deps, actor, id);
  return { filter: { customerId: customer.id, partnerId: actor.companyId, asOf: deps.clock() }, label: customer.name };
}

/**
 * The partner's customers (DESIGN.md §3): the list with search, filters and keyset paging, one
 * customer's detail, and asking it for delegated admin. Only customers linked to the partner
 * (`partner_customers`) exist here; any other id is a 404.
 *
 * Search is a case-insensitive substring of name or domain (LIKE on the lower-cased
 * `search_text`, wildcards escaped). The name-sorted list walks an index on lower(name) in order
 * and stops after a page of matches, so a page costs about page size ÷ (share of customers that
 * match) index entries, also at 100,000 customers; keyset cursors, no OFFSET. A term too rare for
 * that makes Postgres scan `search_text` instead (≈15 ms at 100,000 rows here).
 */
import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { companies, companyRole, delegations, partnerCustomers, services, subscriptions, users } from '../../db/schema.ts';
import { cursorId, cursorInstant, decodeCursor, decodeInstantCursor, encodeCursor, pageQuerySchema } from '../cursor.ts';
import type { Deps } from '../env.ts';
import { assertCan, can, permissionsIn, type Actor } from '../permissions.ts';
import { subscriptionState, subscriptionViewSchema, toSubscriptionView, type SubscriptionState } from './assist.ts';
import type { AuditFilter } from './audit.ts';
import { openCustomer } from './customer-access.ts';
import {
  activeNow,
  createDelegationRequest,
  currentDelegationOrder,
  delegationRequestViewSchema,
  delegationStates,
  delegationStatusSql,
  delegationViewSchema,
  instant,
  noDelegation,
  pendingNow,
  pickCurrent,
  pickPending,
  toDelegationRequestView,
  toDelegationView,
  type delegationRequestSchema,
  type DelegationState,
  type Instant,
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
/** A subscription as the list query's JSON aggregate returns it. */
type SummaryJson = Omit<SummaryRow, 'trialEndsAt'> & { trialEndsAt: string | null };
/** JSON's rendering of a timestamptz ("…+00:00", maybe microseconds) as the API writes instants. */
const isoInstant = (value: string | null) => (value === null ? null : new Date(value).toISOString());

/** A row of the list query: the item as the API shows it, with its subscriptions still to summarize. */
type ListRowJson = Omit<CustomerListItem, 'subscriptionSummary'> & { subscriptions: SummaryJson[] };

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

/**
 * The list runs as prepared statements: one per shape (sort, which filters, cursor or not, page
 * size), built once per database and sent by name with only the values, so neither drizzle nor
 * Postgres parses it again for each page. Values go as placeholders; the page size goes into the
 * SQL text, rounded up to a few sizes: Postgres plans a bound LIMIT as a tenth of the rows.
 */
const fetchSizes = [11, 26, 51, 101] as const;
const listStatements = new WeakMap<Db, Map<string, ReturnType<typeof prepareList>>>();

type ListShape = Pick<ListCustomersQuery, 'sort' | 'delegation' | 'subscription'> & { search: boolean; after: boolean; fetch: number };

function prepareList(db: Db, shape: ListShape) {
  const byName = shape.sort === 'name';
  const partnerId = sql.placeholder('partnerId');
  const now = sql`${sql.placeholder('now')}::timestamptz`;
  const sortName = sql<string>`lower(${companies.name})`;

  // First, which customers and in what order: by name, an index-only walk of
  // (lower(name), id, search_text, name, domain) that stops at the page's end.
  const page = db.$with('page').as(
    db
      .select({
        id: companies.id,
        name: companies.name,
        domain: companies.domain,
        sortName: sortName.as('sort_name'),
        since: partnerCustomers.createdAt,
        isAdvisor: partnerCustomers.isAdvisor,
      })
      .from(partnerCustomers)
      .innerJoin(companies, eq(companies.id, partnerCustomers.customerId))
      .where(
        and(
          eq(partnerCustomers.partnerId, partnerId),
          shape.search ? sql`${companies.searchText} like lower(${sql.placeholder('pattern')})` : undefined,
          shape.delegation ? delegationFilter(shape.delegation, now) : undefined,
          shape.subscription
            ? sql`exists (select 1 from ${subscriptions} where ${subscriptions.customerId} = ${partnerCustomers.customerId}
                and ${subscriptions.advisorId} = ${partnerCustomers.partnerId} and ${subscriptionCondition(shape.subscription, now)})`
            : undefined,
          shape.after && byName ? sql`(${sortName}, ${companies.id}) > (${sql.placeholder('afterKey')}, ${sql.placeholder('afterId')}::uuid)` : undefined,
          shape.after && !byName
            ? sql`(${partnerCustomers.createdAt}, ${partnerCustomers.customerId}) < (${sql.placeholder('afterKey')}::timestamptz, ${sql.placeholder('afterId')}::uuid)`
            : undefined,
        ),
      )
      .orderBy(...(byName ? [asc(sortName), asc(companies.id)] : [desc(partnerCustomers.createdAt), desc(partnerCustomers.customerId)]))
      // drizzle renders a non-number limit as SQL (it is how placeholders pass); its declared type
      // knows only numbers and placeholders. `fetch` is one of `fetchSizes`.
      .limit(sql.raw(String(shape.fetch)) as unknown as number),
  );

  // Then, for those rows only, the partner's current delegation and the subscriptions through
  // it — in the same statement, one round trip per page.
  const current = db
    .select({
      id: delegations.id,
      status: delegationStatusSql(now).as('effective_status'),
      level: delegations.level,
      expiresAt: delegations.expiresAt,
      requestExpiresAt: delegations.requestExpiresAt,
      answeredAt: delegations.answeredAt,
    })
    .from(delegations)
    .where(and(eq(delegations.partnerId, partnerId), eq(delegations.customerId, page.id)))
    .orderBy(...currentDelegationOrder(now))
    .limit(1)
    .as('current_delegation');
  const subscribed = db
    .select({
      list: sql<SummaryJson[]>`coalesce(json_agg(json_build_object(
          'sku', ${services.sku}, 'name', ${services.name}, 'status', ${subscriptions.status}, 'trialEndsAt', ${subscriptions.trialEndsAt}
        ) order by ${services.name}), '[]')`.as('list'),
    })
    .from(subscriptions)
    .innerJoin(services, eq(services.id, subscriptions.serviceId))
    .where(and(eq(subscriptions.advisorId, partnerId), eq(subscriptions.customerId, page.id)))
    .as('subscribed');
  // Each row leaves as one JSON value (instants as JSON's ISO text, normalized in JS): mapping a
  // row of twenty columns through drizzle cost more than the query itself (measured: ~1 ms a page).
  return db
    .with(page)
    .select({
      sortKey: (byName ? sql<string>`${page.sortName}` : cursorInstant(page.since)).as('sort_key'),
      item: sql<ListRowJson>`json_build_object(
        'id', ${page.id}, 'name', ${page.name}, 'domain', ${page.domain}, 'isAdvisor', ${page.isAdvisor},
        'since', ${page.since}, 'subscriptions', ${subscribed.list},
        'delegation', json_build_object(
          'id', ${current.id}, 'status', ${current.status}, 'level', ${current.level}, 'expiresAt', ${current.expiresAt},
          'requestExpiresAt', ${current.requestExpiresAt}, 'answeredAt', ${current.answeredAt}))`.as('item'),
    })
    .from(page)
    .leftJoinLateral(current, sql`true`)
    .leftJoinLateral(subscribed, sql`true`)
    .orderBy(...(byName ? [asc(page.sortName), asc(page.id)] : [desc(page.since), desc(page.id)]))
    .prepare(`partnerkit_customers_${shape.sort}_${shape.search ? 'q' : ''}_${shape.delegation ?? ''}_${shape.subscription ?? ''}_${shape.after ? 'after' : ''}_${shape.fetch}`);
}

export async function listCustomers(deps: Deps, actor: Actor, query: ListCustomersQuery) {
  assertCan(actor, 'partner:use');
  const now = deps.clock();
  const byName = query.sort === 'name';
  const after = !query.cursor ? null : byName ? decodeCursor(query.cursor, 2) : decodeInstantCursor(query.cursor);
  const shape: ListShape = {
    sort: query.sort,
    delegation: query.delegation,
    subscription: query.subscription,
    search: Boolean(query.q),
    after: after !== null,
    fetch: fetchSizes.find((n) => n > query.limit) ?? fetchSizes.at(-1)!,
  };
  const key = JSON.stringify(shape);
  let statements = listStatements.get(deps.db);
  if (!statements) listStatements.set(deps.db, (statements = new Map()));
  let statement = statements.get(key);
  if (!statement) statements.set(key, (statement = prepareList(deps.db, shape)));

  const rows = await statement.execute({
    partnerId: actor.companyId,
    now: now.toISOString(),
    pattern: query.q ? containsPattern(query.q) : null,
    afterKey: after ? String(after[0]) : null,
    afterId: after ? cursorId(after[1]) : null,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ item }): CustomerListItem => ({
      id: item.id,
      name: item.name,
      domain: item.domain,
      isAdvisor: item.isAdvisor,
      since: isoInstant(item.since)!,
      delegation: item.delegation.id
        ? {
            id: item.delegation.id,
            status: item.delegation.status,
            level: item.delegation.level,
            expiresAt: isoInstant(item.delegation.expiresAt),
            requestExpiresAt: isoInstant(item.delegation.requestExpiresAt),
            answeredAt: isoInstant(item.delegation.answeredAt),
          }
        : noDelegation,
      subscriptionSummary: summarize(
        item.subscriptions.map((s) => ({ sku: s.sku, name: s.name, status: s.status, trialEndsAt: s.trialEndsAt ? new Date(s.trialEndsAt) : null })),
        now,
      ),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.sortKey, last.item.id]) : null,
  };
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
  return { filter: { customerId: customer.id, partnerId: actor.companyId }, label: customer.name };
}

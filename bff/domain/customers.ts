/**
 * The partner's customers (DESIGN.md §3): the list with search, filters and keyset paging, one
 * customer's detail, and asking it for delegated admin. Only customers linked to the partner
 * (`partner_customers`) exist here; any other id is a 404.
 *
 * Search is a case-insensitive substring of name or domain (LIKE on the lower-cased
 * `search_text`, wildcards escaped). The list reads the pair rows of `partner_customers`, which
 * carry copies of the customer's name and domain and snapshots of the partner's delegations and
 * subscriptions with it, all kept by triggers: by name, a search is an index-only walk of the
 * partner's own (sort_name, id, search_text) entries that stops after a page of matches, so it
 * costs about page size ÷ (share of customers that match) entries, also at 100,000 customers, and
 * then one pair row per customer. Keyset cursors, no OFFSET. The states that depend on the time
 * (an expired delegation or trial) are worked out from the snapshots as of now, and each row's
 * rendering is kept on it for as long as the time does not change it (`listCustomers`).
 */
import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { companyRole, delegations, partnerCustomers, services, subscriptions, users, type DelegationSnapshot, type SubscriptionSnapshot } from '../../db/schema.ts';
import { cursorId, cursorInstant, decodeCursor, decodeInstantCursor, encodeCursor, pageQuerySchema } from '../cursor.ts';
import type { Deps } from '../env.ts';
import { assertCan, can, permissionsIn, type Actor } from '../permissions.ts';
import { subscriptionState, subscriptionStateChangesAt, subscriptionViewSchema, toSubscriptionView, type SubscriptionState } from './assist.ts';
import type { AuditFilter } from './audit.ts';
import { openCustomer } from './customer-access.ts';
import {
  activeNow,
  createDelegationRequest,
  delegationRequestViewSchema,
  delegationStates,
  delegationStatusChangesAt,
  delegationStatusSql,
  delegationViewSchema,
  fromSnapshot,
  instant,
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

/** For a row whose kept rendering does not hold now: what to render it from, and the row's version. */
type StaleRow = { source: ListSource; version: string };

function prepareList(db: Db, shape: ListShape) {
  const byName = shape.sort === 'name';
  const partnerId = sql.placeholder('partnerId');
  const now = sql`${sql.placeholder('now')}::timestamptz`;
  const order = (t: typeof partnerCustomers) =>
    byName ? [asc(t.sortName), asc(t.customerId)] : [desc(t.createdAt), desc(t.customerId)];
  const limit = (builder: { limit(n: number): unknown }) =>
    // drizzle renders a non-number limit as SQL (it is how placeholders pass); its declared type
    // knows only numbers and placeholders. `fetch` is one of `fetchSizes`.
    builder.limit(sql.raw(String(shape.fetch)) as unknown as number);

  const holds = sql`${partnerCustomers.listItem} is not null
    and (${partnerCustomers.listItemFrom} is null or ${partnerCustomers.listItemFrom} <= ${now})
    and (${partnerCustomers.listItemUntil} is null or ${now} < ${partnerCustomers.listItemUntil})`;
  // Few fields, and JSON only where needed: mapping each field of each row through drizzle is
  // a good part of a page's cost (measured).
  const columns = {
    sortKey: byName ? sql<string>`${partnerCustomers.sortName}` : cursorInstant(partnerCustomers.createdAt),
    id: sql<string>`${partnerCustomers.customerId}`,
    item: sql<string | null>`case when ${holds} then ${partnerCustomers.listItem} end`,
    // Only for a row whose rendering does not hold now: what to render it from, and the row
    // version that a new rendering may replace.
    stale: sql<StaleRow | null>`case when ${holds} then null else json_build_object('version', ${partnerCustomers}.xmin::text,
      'source', json_build_object('id', ${partnerCustomers.customerId}, 'name', ${partnerCustomers.name},
        'domain', ${partnerCustomers.domain}, 'isAdvisor', ${partnerCustomers.isAdvisor}, 'since', ${partnerCustomers.createdAt},
        'delegations', ${partnerCustomers.delegationSnapshot}, 'subscriptions', ${partnerCustomers.subscriptionSnapshot})) end`,
  };
  const after =
    shape.after && byName
      ? sql`(${partnerCustomers.sortName}, ${partnerCustomers.customerId}) > (${sql.placeholder('afterKey')}, ${sql.placeholder('afterId')}::uuid)`
      : shape.after
        ? sql`(${partnerCustomers.createdAt}, ${partnerCustomers.customerId}) < (${sql.placeholder('afterKey')}::timestamptz, ${sql.placeholder('afterId')}::uuid)`
        : undefined;

  let rows;
  if (!shape.search && !shape.delegation && !shape.subscription) {
    // Unfiltered: one walk of the partner's (sort_name, customer_id) or (created_at,
    // customer_id) entries, reading each row as it goes, stopping at the page's end.
    rows = db.select(columns).from(partnerCustomers).where(and(eq(partnerCustomers.partnerId, partnerId), after)).orderBy(...order(partnerCustomers));
  } else {
    // Filtered: first, which customers and in what order, by an index-only walk of the
    // partner's own entries (the search text is in the name index) that stops at the page's
    // end; then only those customers' rows. The partner comes first in both indexes, so the
    // plan is the same for every partner.
    const matching = db
      .select({ customerId: partnerCustomers.customerId })
      .from(partnerCustomers)
      .where(
        and(
          eq(partnerCustomers.partnerId, partnerId),
          // The pattern as a subquery: Postgres then neither estimates it nor re-plans for each
          // term, and keeps one plan (the walk above) for every search; planning a LIKE against
          // the column's histogram on every call cost more than running it. A rare term walks
          // all of the partner’s entries (index-only) before it answers.
          shape.search ? sql`${partnerCustomers.searchText} like (select lower(${sql.placeholder('pattern')}))` : undefined,
          shape.delegation ? delegationFilter(shape.delegation, now) : undefined,
          shape.subscription
            ? sql`exists (select 1 from ${subscriptions} where ${subscriptions.customerId} = ${partnerCustomers.customerId}
                and ${subscriptions.advisorId} = ${partnerCustomers.partnerId} and ${subscriptionCondition(shape.subscription, now)})`
            : undefined,
          after,
        ),
      )
      .orderBy(...order(partnerCustomers));
    limit(matching);
    const page = matching.as('page');
    rows = db
      .select(columns)
      .from(page)
      .innerJoin(partnerCustomers, and(eq(partnerCustomers.partnerId, partnerId), eq(partnerCustomers.customerId, page.customerId)))
      .orderBy(...order(partnerCustomers));
  }
  limit(rows);
  return rows.prepare(
    `partnerkit_customers_${shape.sort}_${shape.search ? 'q' : ''}_${shape.delegation ?? ''}_${shape.subscription ?? ''}_${shape.after ? 'after' : ''}_${shape.fetch}`,
  );
}

/** What a row of the list is rendered from; instants as JSON renders timestamptz. */
type ListSource = Pick<CustomerListItem, 'id' | 'name' | 'domain' | 'isAdvisor'> & {
  since: string;
  delegations: DelegationSnapshot[];
  subscriptions: SubscriptionSnapshot[];
};

/**
 * A row as the list shows it at `now`, and the span around `now` in which it shows the same. It
 * depends on the time only through the instants at which a delegation or a trial changes state
 * by itself, so it holds from the latest of those not after `now` until the next one (null: none).
 */
function renderListItem(source: ListSource, now: Date): { item: CustomerListItem; from: Date | null; until: Date | null } {
  const delegations = source.delegations.map(fromSnapshot);
  const subscriptions = source.subscriptions.map((s) => ({ ...s, trialEndsAt: s.trialEndsAt === null ? null : new Date(s.trialEndsAt) }));
  const changes = [...delegations.map(delegationStatusChangesAt), ...subscriptions.map(subscriptionStateChangesAt)].flatMap((at) =>
    at === null ? [] : [at.getTime()],
  );
  const past = changes.filter((at) => at <= now.getTime());
  const future = changes.filter((at) => at > now.getTime());
  return {
    item: {
      id: source.id,
      name: source.name,
      domain: source.domain,
      isAdvisor: source.isAdvisor,
      since: new Date(source.since).toISOString(),
      delegation: toDelegationView(pickCurrent(delegations, now), now),
      subscriptionSummary: summarize(subscriptions, now),
    },
    from: past.length ? new Date(Math.max(...past)) : null,
    until: future.length ? new Date(Math.min(...future)) : null,
  };
}

/** A row's rendering, the version of the row it was made from, and the span in which it holds. */
export interface ListItemRendering {
  customerId: string;
  version: string;
  item: string;
  from: Date | null;
  until: Date | null;
}

/**
 * Keeps each rendering on its row if the row is still the version it was rendered from. A write
 * in between (which cleared the row's rendering) wins, and a later page renders the row again.
 */
export async function keepListItems(db: Db, partnerId: string, renderings: ListItemRendering[]) {
  if (renderings.length === 0) return;
  await db.execute(sql`update ${partnerCustomers}
    set list_item = r.item, list_item_from = r."from", list_item_until = r.until
    from json_to_recordset(${JSON.stringify(renderings)}::json) as r ("customerId" uuid, version text, item text, "from" timestamptz, until timestamptz)
    where ${partnerCustomers.partnerId} = ${partnerId} and ${partnerCustomers.customerId} = r."customerId"
      and ${partnerCustomers}.xmin = r.version::xid`);
}

/**
 * A page of the list, as the JSON text the route sends. Rows are sent as rendered before
 * (`partner_customers.list_item`) while that rendering holds, so a page usually costs one walk of
 * an index and no JSON work here; the others are rendered now and their renderings kept, unless
 * the row changed meanwhile (its version, `xmin`, moved on): then the next page renders it again.
 */
export async function listCustomers(deps: Deps, actor: Actor, query: ListCustomersQuery): Promise<string> {
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
  const renderings: ListItemRendering[] = [];
  const items = page.map(({ item, stale }) => {
    if (item !== null) return item;
    const { source, version } = stale!;
    const { item: rendered, from, until } = renderListItem(source, now);
    const text = JSON.stringify(rendered);
    renderings.push({ customerId: source.id, version, item: text, from, until });
    return text;
  });
  await keepListItems(deps.db, actor.companyId, renderings);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor([last.sortKey, last.id]) : null;
  return `{"items":[${items.join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`;
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

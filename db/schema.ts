/**
 * The whole partnerkit domain (DESIGN.md §2) as drizzle tables. Types elsewhere are
 * inferred from these (`typeof users.$inferSelect`), never written again by hand.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

const id = { id: uuid('id').primaryKey().defaultRandom() };
const createdAt = { createdAt: timestamptz('created_at').notNull().defaultNow() };
const timestamps = { ...createdAt, updatedAt: timestamptz('updated_at').notNull().defaultNow() };

export const companyKind = pgEnum('company_kind', ['partner', 'customer']);
export const companyRole = pgEnum('company_role', [
  'global_admin',
  'billing_admin',
  'password_admin',
  'service_admin',
  'user_management_admin',
]);
export const partnerAccess = pgEnum('partner_access', ['none', 'limited', 'full']);
export const delegationLevel = pgEnum('delegation_level', ['limited', 'full']);
export const delegationStatus = pgEnum('delegation_status', ['pending', 'active', 'declined', 'revoked', 'expired']);
export const offerKind = pgEnum('offer_kind', ['trial', 'purchase']);
export const subscriptionStatus = pgEnum('subscription_status', ['trial', 'active', 'expired', 'cancelled']);
export const sessionKind = pgEnum('session_kind', ['password', 'embed']);
export const severity = pgEnum('service_request_severity', ['low', 'normal', 'high', 'critical']);
export const serviceRequestStatus = pgEnum('service_request_status', ['open', 'in_progress', 'resolved']);
export const idempotencyState = pgEnum('idempotency_state', ['in_progress', 'completed']);

/** Postal address kept as one JSON value: it is only ever read and written whole. */
export type Address = {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
};

export const companies = pgTable(
  'companies',
  {
    ...id,
    kind: companyKind('kind').notNull(),
    name: text('name').notNull(),
    /** Primary internet domain, searched in the customer list. */
    domain: text('domain'),
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    address: jsonb('address').$type<Address>(),
    /** Origins allowed to embed the widgets with this company's tokens (CORS). */
    allowedOrigins: text('allowed_origins').array().notNull().default(sql`'{}'::text[]`),
    /** The partner's own sign-up page; offer URLs point here when it is set. */
    signupUrl: text('signup_url'),
    ...timestamps,
  },
  (t) => [
    index('companies_kind_name_idx').on(t.kind, t.name, t.id),
    // CORS preflights ask "does any company list this origin?" (`allowed_origins @> array[…]`).
    index('companies_allowed_origins_idx').using('gin', t.allowedOrigins),
  ],
);

export const users = pgTable(
  'users',
  {
    ...id,
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Set for passwords issued by the CLI, user creation or a reset: such a session may only change it. */
    passwordTemporary: boolean('password_temporary').notNull().default(false),
    companyRoles: companyRole('company_roles').array().notNull().default(sql`'{}'::company_role[]`),
    partnerAccess: partnerAccess('partner_access').notNull().default('none'),
    disabledAt: timestamptz('disabled_at'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    index('users_company_name_idx').on(t.companyId, t.displayName, t.id),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    ...id,
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the bearer token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    kind: sessionKind('kind').notNull().default('password'),
    apiKeyId: uuid('api_key_id').references(() => apiKeys.id, { onDelete: 'cascade' }),
    expiresAt: timestamptz('expires_at').notNull(),
    revokedAt: timestamptz('revoked_at'),
    ...createdAt,
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_api_key_idx').on(t.apiKeyId)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    ...id,
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The first characters of the key, shown in lists so people can tell keys apart. */
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    lastUsedAt: timestamptz('last_used_at'),
    deletedAt: timestamptz('deleted_at'),
    ...createdAt,
  },
  (t) => [index('api_keys_company_idx').on(t.companyId)],
);

export const services = pgTable(
  'services',
  {
    ...id,
    sku: text('sku').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    trialDays: integer('trial_days').notNull(),
    /** Monthly price of one license in minor units (cents) of `currency`. */
    priceMinor: integer('price_minor').notNull(),
    currency: text('currency').notNull(),
    minLicenses: integer('min_licenses').notNull().default(1),
    maxLicenses: integer('max_licenses').notNull(),
    ...timestamps,
  },
  (t) => [
    check('services_license_bounds', sql`${t.minLicenses} >= 1 and ${t.maxLicenses} >= ${t.minLicenses}`),
    check('services_trial_days', sql`${t.trialDays} >= 0`),
  ],
);

export const offers = pgTable(
  'offers',
  {
    ...id,
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    kind: offerKind('kind').notNull(),
    /** URL-safe code with at least 128 bits from a CSPRNG; it names the partner as advisor. */
    code: text('code').notNull().unique(),
    name: text('name'),
    delegatedAdmin: delegationLevel('delegated_admin'),
    expiresAt: timestamptz('expires_at'),
    revokedAt: timestamptz('revoked_at'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    /**
     * A follow-up addressed to one of the partner's customers (from the overview, for an ending
     * trial): only that customer's admins may redeem it, into their own company.
     */
    customerId: uuid('customer_id').references(() => companies.id, { onDelete: 'cascade' }),
    ...createdAt,
  },
  (t) => [
    index('offers_partner_created_idx').on(t.partnerId, t.createdAt, t.id),
    index('offers_customer_idx').on(t.customerId, t.partnerId).where(sql`${t.customerId} is not null`),
    // Time-driven events: offers that can still expire, by their expiry.
    index('offers_expires_idx').on(t.expiresAt, t.id).where(sql`${t.revokedAt} is null and ${t.expiresAt} is not null`),
  ],
);

export const offerItems = pgTable(
  'offer_items',
  {
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    /** License count proposed by a purchase offer; null for a trial. */
    licenses: integer('licenses'),
  },
  (t) => [primaryKey({ columns: [t.offerId, t.serviceId] })],
);

export const subscriptions = pgTable(
  'subscriptions',
  {
    ...id,
    customerId: uuid('customer_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    /** The partner acting as subscription advisor, when a partner's offer created it. */
    advisorId: uuid('advisor_id').references(() => companies.id, { onDelete: 'set null' }),
    offerId: uuid('offer_id').references(() => offers.id, { onDelete: 'set null' }),
    status: subscriptionStatus('status').notNull(),
    licenses: integer('licenses').notNull(),
    trialEndsAt: timestamptz('trial_ends_at'),
    /** When it started as a trial, and from which offer; kept when it converts. */
    trialStartedAt: timestamptz('trial_started_at'),
    trialOfferId: uuid('trial_offer_id').references(() => offers.id, { onDelete: 'set null' }),
    /** When a purchase offer of its trial's partner made the trial the paid subscription, and which. */
    convertedAt: timestamptz('converted_at'),
    convertedByOfferId: uuid('converted_by_offer_id').references(() => offers.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('subscriptions_customer_service_key').on(t.customerId, t.serviceId),
    index('subscriptions_advisor_idx').on(t.advisorId, t.customerId),
    index('subscriptions_offer_idx').on(t.offerId),
    // The overview: running trials by their end (ending soon; ended but not yet written down),
    // and trials that ended, written down or not.
    index('subscriptions_advisor_trial_end_idx').on(t.advisorId, t.trialEndsAt, t.id).where(sql`${t.status} = 'trial'`),
    index('subscriptions_advisor_trial_ended_idx').on(t.advisorId, t.trialEndsAt, t.id).where(sql`${t.status} in ('trial', 'expired')`),
    index('subscriptions_trial_offer_idx').on(t.trialOfferId).where(sql`${t.trialOfferId} is not null`),
    index('subscriptions_converted_by_offer_idx').on(t.convertedByOfferId).where(sql`${t.convertedByOfferId} is not null`),
    // Time-driven events (bff/jobs/time-events.ts): trials of every partner by their end, read
    // one range of a few days at a time.
    index('subscriptions_trial_end_idx').on(t.trialEndsAt, t.id).where(sql`${t.status} in ('trial', 'expired') and ${t.advisorId} is not null`),
  ],
);

/** One customer redeeming an offer (a new sign-up, or an existing customer buying into its own company). */
export const offerRedemptions = pgTable(
  'offer_redemptions',
  {
    ...id,
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    redeemedById: uuid('redeemed_by_id').references(() => users.id, { onDelete: 'set null' }),
    ...createdAt,
  },
  (t) => [index('offer_redemptions_offer_idx').on(t.offerId, t.customerId)],
);

/** A partner's relationship with a customer; `isAdvisor` marks the subscription advisor. */
export const partnerCustomers = pgTable(
  'partner_customers',
  {
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    isAdvisor: boolean('is_advisor').notNull().default(true),
    offerId: uuid('offer_id').references(() => offers.id, { onDelete: 'set null' }),
    ...createdAt,
    /**
     * The customer's name and domain, copied here by triggers in the transaction of every write
     * (migrations 0005, 0009) so that the partner's list walks one index of its own customers in
     * name order, whatever the partner's size, and searches it without touching other partners'
     * customers.
     */
    name: text('name').notNull().default(''),
    domain: text('domain'),
    sortName: text('sort_name').generatedAlwaysAs(sql`lower(name)`),
    /** Name and domain in lower case, a line break apart so no match spans both: the search's LIKE runs here. */
    searchText: text('search_text').generatedAlwaysAs(sql`lower(name || chr(10) || coalesce(domain, ''))`),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.customerId] }),
    // Only ever looked up by equality (a customer's partners; a page's rows by id after the walk
    // below), where a hash index finds the row in fewer steps than a btree: a searched page of
    // the list, 51 such look-ups, cost a sixth less (measured).
    index('partner_customers_customer_idx').using('hash', t.customerId),
    index('partner_customers_partner_created_idx').on(t.partnerId, t.createdAt, t.customerId),
    // The list by name, searched: an index-only walk that stops after a page of matches.
    index('partner_customers_partner_name_idx').on(t.partnerId, t.sortName, t.customerId, t.searchText),
  ],
);

export const delegations = pgTable(
  'delegations',
  {
    ...id,
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    level: delegationLevel('level').notNull(),
    status: delegationStatus('status').notNull(),
    /** Code of a pending request (like an offer code); null for delegations accepted at sign-up. */
    code: text('code').unique(),
    /** When a pending request lapses unanswered. */
    requestExpiresAt: timestamptz('request_expires_at'),
    /** When an active delegation ends by itself; null for no end date. */
    expiresAt: timestamptz('expires_at'),
    requestedById: uuid('requested_by_id').references(() => users.id, { onDelete: 'set null' }),
    answeredById: uuid('answered_by_id').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamptz('answered_at'),
    revokedAt: timestamptz('revoked_at'),
    ...timestamps,
  },
  (t) => [
    index('delegations_partner_customer_idx').on(t.partnerId, t.customerId, t.status),
    index('delegations_customer_idx').on(t.customerId, t.status),
    // The customer list filtered by a rare delegation state starts from the partner's delegations in it.
    index('delegations_partner_status_idx').on(t.partnerId, t.status),
    // The overview: delegations ending, requests lapsing or left unanswered, by their deadlines
    // (the id last, so a page of many equal deadlines is read in order, not sorted).
    index('delegations_partner_active_end_idx').on(t.partnerId, t.expiresAt, t.id).where(sql`${t.status} = 'active'`),
    index('delegations_partner_pending_idx').on(t.partnerId, t.requestExpiresAt, t.id).where(sql`${t.status} = 'pending'`),
    index('delegations_partner_pending_created_idx').on(t.partnerId, t.createdAt, t.id).where(sql`${t.status} = 'pending'`),
    // At most one open request and one active delegation per partner and customer: a new
    // request replaces the open one, and accepting replaces the active one.
    uniqueIndex('delegations_one_pending_key').on(t.partnerId, t.customerId).where(sql`${t.status} = 'pending'`),
    uniqueIndex('delegations_one_active_key').on(t.partnerId, t.customerId).where(sql`${t.status} = 'active'`),
    // Time-driven events: delegations in force (or written down as expired) by their end.
    index('delegations_end_idx').on(t.expiresAt, t.id).where(sql`${t.status} in ('active', 'expired') and ${t.expiresAt} is not null`),
  ],
);

export const serviceRequests = pgTable(
  'service_requests',
  {
    ...id,
    customerId: uuid('customer_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id').references(() => companies.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    severity: severity('severity').notNull().default('normal'),
    status: serviceRequestStatus('status').notNull().default('open'),
    openedById: uuid('opened_by_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('service_requests_customer_created_idx').on(t.customerId, t.createdAt, t.id),
    // The overview: the partner's requests still open, oldest first.
    index('service_requests_partner_open_idx').on(t.partnerId, t.createdAt, t.id).where(sql`${t.status} <> 'resolved'`),
  ],
);

/**
 * What a partner user did in a customer's tenant. The actor's name and email are copied
 * in so the trail still reads correctly after the user is renamed or removed.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    ...id,
    customerId: uuid('customer_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id').references(() => companies.id, { onDelete: 'set null' }),
    partnerName: text('partner_name'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name'),
    actorEmail: text('actor_email'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    outcome: text('outcome').notNull().default('success'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    ...createdAt,
  },
  (t) => [
    index('audit_events_customer_created_idx').on(t.customerId, t.createdAt, t.id),
    index('audit_events_partner_customer_created_idx').on(t.partnerId, t.customerId, t.createdAt, t.id),
  ],
);

/** Stored answers for `Idempotency-Key` requests (IETF draft): replayed on a retry. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    state: idempotencyState('state').notNull().default('in_progress'),
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    ...createdAt,
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/** Fixed-window counters so that every BFF instance on one database shares rate limits. */
export const rateLimitBuckets = pgTable(
  'rate_limit_buckets',
  {
    key: text('key').notNull(),
    windowStart: timestamptz('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/**
 * Failed checks of a secret per subject or client address (bff/auth-throttle.ts): the instants
 * of the failures still in the window (epoch ms), how many lockouts in a row, and until when.
 */
export const authFailures = pgTable('auth_failures', {
  key: text('key').primaryKey(),
  failures: jsonb('failures').$type<number[]>().notNull().default([]),
  lockouts: integer('lockouts').notNull().default(0),
  lockedUntil: timestamptz('locked_until'),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/*
 * Counters for the partner overview, kept by triggers in the transaction of every write to
 * what they count (migration 0010), so the overview reads a few rows instead of counting a
 * large partner's tables on every request. They count what is stored; states that change with
 * time alone (a trial or delegation past its end) are taken off at read time.
 */

/** Per partner: customers, and delegations stored as active, by level. */
export const partnerTotals = pgTable('partner_totals', {
  partnerId: uuid('partner_id')
    .primaryKey()
    .references(() => companies.id, { onDelete: 'cascade' }),
  customers: integer('customers').notNull().default(0),
  delegationsFull: integer('delegations_full').notNull().default(0),
  delegationsLimited: integer('delegations_limited').notNull().default(0),
});

/** Per partner and service: subscriptions advised by the partner stored as trial and as active, with the active ones' licenses. */
export const partnerServiceTotals = pgTable(
  'partner_service_totals',
  {
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    trials: integer('trials').notNull().default(0),
    paying: integer('paying').notNull().default(0),
    payingLicenses: bigint('paying_licenses', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.serviceId] })],
);

/** Per partner and week (Monday, UTC): new customers, trials started, and how many of those trials converted. */
export const partnerWeeks = pgTable(
  'partner_weeks',
  {
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    week: date('week', { mode: 'string' }).notNull(),
    signups: integer('signups').notNull().default(0),
    trialsStarted: integer('trials_started').notNull().default(0),
    /** Counted in the week the converted trial started (a cohort), not the week it converted. */
    conversions: integer('conversions').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.week] })],
);

/** Per offer and week: redemptions. */
export const offerWeeks = pgTable(
  'offer_weeks',
  {
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    week: date('week', { mode: 'string' }).notNull(),
    redemptions: integer('redemptions').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.offerId, t.week] })],
);

export const webhookDeliveryStatus = pgEnum('webhook_delivery_status', ['pending', 'succeeded', 'failed']);

/**
 * The outbox (issue 14): one row per change a partner's systems may hear about, written in the
 * transaction of the change itself. Time-driven events carry a `dedupe_key` (type, threshold and
 * subject), so a schedule that runs twice, or in two instances, records each only once.
 */
export const events = pgTable(
  'events',
  {
    ...id,
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    dedupeKey: text('dedupe_key').unique(),
    ...createdAt,
  },
  (t) => [
    index('events_partner_created_idx').on(t.partnerId, t.createdAt, t.id),
    // GET /api/events?type=…: one type of a partner's log without walking the rest of it.
    index('events_partner_type_created_idx').on(t.partnerId, t.type, t.createdAt, t.id),
  ],
);

/**
 * Where a partner wants its events sent. The signing secret is kept encrypted (AES-256-GCM), as
 * signing needs it back; after a rotation the previous one still signs until it expires.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    ...id,
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description'),
    /** Empty: every event type. */
    eventTypes: text('event_types').array().notNull().default(sql`'{}'::text[]`),
    enabled: boolean('enabled').notNull().default(true),
    /** `failing` when deliveries failed for too long; `manual` when a user turned it off. */
    disabledReason: text('disabled_reason'),
    disabledAt: timestamptz('disabled_at'),
    secretCiphertext: text('secret_ciphertext').notNull(),
    previousSecretCiphertext: text('previous_secret_ciphertext'),
    previousSecretExpiresAt: timestamptz('previous_secret_expires_at'),
    /** When its deliveries started failing without a success since; null while healthy. */
    failingSince: timestamptz('failing_since'),
    ...timestamps,
  },
  (t) => [index('webhook_endpoints_partner_idx').on(t.partnerId, t.createdAt)],
);

/** One event for one endpoint: the message, with the same `webhook-id` on every attempt. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    ...id,
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    status: webhookDeliveryStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at'),
    lastAttemptAt: timestamptz('last_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    ...createdAt,
  },
  (t) => [
    uniqueIndex('webhook_deliveries_endpoint_event_key').on(t.endpointId, t.eventId),
    index('webhook_deliveries_endpoint_created_idx').on(t.endpointId, t.createdAt, t.id),
  ],
);

/** Each try of a delivery: what the receiver answered (at most 4 KB of it), or why nothing did. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    ...id,
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    error: text('error'),
    responseExcerpt: text('response_excerpt'),
    ...createdAt,
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.attempt)],
);

export type Company = typeof companies.$inferSelect;
export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Service = typeof services.$inferSelect;
export type CompanyRole = (typeof companyRole.enumValues)[number];
export type PartnerAccess = (typeof partnerAccess.enumValues)[number];
export type DelegationLevel = (typeof delegationLevel.enumValues)[number];
export type Delegation = typeof delegations.$inferSelect;
export type Subscription = typeof subscriptions.$inferSelect;
export type ServiceRequest = typeof serviceRequests.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type Event = typeof events.$inferSelect;
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type WebhookAttempt = typeof webhookAttempts.$inferSelect;

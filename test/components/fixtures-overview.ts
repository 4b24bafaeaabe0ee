/**
 * Canned `GET /api/overview` bodies (shape: bff/domain/overview.ts `overviewSchema`). Deadlines are
 * set relative to now, so "in 3 days" and the urgent mark stay true whenever the tests run.
 */
import type { AttentionItem, DelegationRequestView, OverviewView } from '../../components/api/client.ts';

/** One kind of attention item, so its own fields can be read. */
type Item<K extends AttentionItem['kind']> = Extract<AttentionItem, { kind: K }>;

const day = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * day).toISOString();

export const company = { id: '2b12496d-5983-47fd-8cb7-7595ee2006fd', name: 'Northwind Cloud Partners' };
export const fabrikam = { id: '64b7d0e9-e680-4490-8e97-465256f95c7d', name: 'Fabrikam Bakery' };
export const lucerne = { id: '5f0c8f7e-2a55-4f4c-9b0e-3c1d2a9b7e10', name: 'Lucerne Publishing' };
export const tailspin = { id: '8a3e1c44-6d2b-4f7a-a1c9-0e5b7d9f2c31', name: 'Tailspin Toys' };
export const coho = { id: 'c0b0a1d2-3e4f-4a5b-8c6d-7e8f9a0b1c2d', name: 'Coho Winery' };
export const office = { id: 'd1498731-fcba-496d-89f7-05cb4899d3e8', sku: 'OFFICE-PRO', name: 'Office Suite Pro' };
export const mail = { id: '670d69a8-7b41-4a84-9c06-8ac98197ed84', sku: 'MAIL-STD', name: 'Business Mail' };

export const trialEnding: Item<'trial_ending'> = {
  kind: 'trial_ending',
  id: 'sub-trial-ending',
  customer: fabrikam,
  deadline: at(3),
  within: 7,
  service: office,
  licenses: 12,
  followUp: null,
};

export const trialEnded: Item<'trial_ended'> = {
  kind: 'trial_ended',
  id: 'sub-trial-ended',
  customer: coho,
  deadline: at(-5),
  service: mail,
  licenses: 4,
  followUp: { offerId: 'offer-follow-up', createdAt: '2026-11-30T10:00:00.000Z' },
};

export const delegationEnding: Item<'delegation_ending'> = {
  kind: 'delegation_ending',
  id: 'delegation-ending',
  customer: lucerne,
  deadline: at(20),
  within: 30,
  level: 'limited',
  renewal: null,
};

export const delegationEndingAsked: Item<'delegation_ending'> = {
  kind: 'delegation_ending',
  id: 'delegation-ending-asked',
  customer: tailspin,
  deadline: at(25),
  within: 30,
  level: 'full',
  renewal: { requestId: 'request-renewal', requestedAt: '2026-12-01T09:00:00.000Z' },
};

export const requestLapsing: Item<'delegation_request'> = {
  kind: 'delegation_request',
  id: 'request-lapsing',
  customer: tailspin,
  deadline: at(2),
  reason: 'lapsing',
  lapsesAt: at(2),
  level: 'full',
  requestedAt: at(-28),
};

export const requestUnanswered: Item<'delegation_request'> = {
  kind: 'delegation_request',
  id: 'request-unanswered',
  customer: coho,
  deadline: at(-1),
  reason: 'unanswered',
  lapsesAt: at(20),
  level: 'limited',
  requestedAt: at(-10),
};

export const serviceRequest: Item<'service_request'> = {
  kind: 'service_request',
  id: 'service-request-open',
  customer: fabrikam,
  deadline: at(-2),
  title: 'Mail not arriving',
  severity: 'high',
  openedAt: at(-5),
};

/** 12 Mondays, oldest first. */
const weeks = [0, 1, 0, 2, 0, 0, 3, 1, 0, 0, 5, 2].map((signups, i) => ({ week: `2026-${i < 3 ? '09' : i < 7 ? '10' : i < 11 ? '11' : '12'}-${String(1 + (i % 4) * 7).padStart(2, '0')}`, signups }));

/** A global admin with partner access: every figure, both series, the first page of attention. */
export const overviewFull: OverviewView = {
  company,
  figures: {
    customers: 14,
    activeTrials: 3,
    payingSubscriptions: 9,
    licensesUnderManagement: 1250,
    monthlyRecurring: [{ currency: 'USD', amountMinor: 1234567 }],
    delegationsInForce: { full: 5, limited: 2 },
    conversion: { trialsStarted: 8, converted: 3, rate: 0.375, since: '2026-09-07' },
  },
  series: {
    signupsPerWeek: weeks,
    redemptionsPerOffer: [
      { offerId: 'offer-1', name: 'Mail trial for bakeries', kind: 'trial', redemptions: 6 },
      { offerId: 'offer-2', name: null, kind: 'purchase', redemptions: 2 },
    ],
  },
  attention: {
    items: [trialEnding, delegationEnding, requestLapsing],
    nextCursor: 'cursor-page-2',
  },
};

/** The page after `overviewFull`'s cursor. */
export const overviewPage2: OverviewView = {
  ...overviewFull,
  attention: { items: [trialEnded, requestUnanswered, serviceRequest, delegationEndingAsked], nextCursor: null },
};

/** Every kind of item on one page. */
export const overviewAllKinds: OverviewView = {
  ...overviewFull,
  attention: { items: [trialEnding, trialEnded, delegationEnding, delegationEndingAsked, requestLapsing, requestUnanswered, serviceRequest], nextCursor: null },
};

/** A billing admin without partner access: only the money. */
export const overviewBilling: OverviewView = {
  company,
  figures: { monthlyRecurring: [{ currency: 'USD', amountMinor: 1234567 }, { currency: 'EUR', amountMinor: 50000 }] },
};

/** A user with neither partner access nor a billing role. */
export const overviewNothing: OverviewView = { company, figures: {} };

/** A new partner: no customers, nothing to attend to. */
export const overviewEmpty: OverviewView = {
  company,
  figures: {
    customers: 0,
    activeTrials: 0,
    payingSubscriptions: 0,
    licensesUnderManagement: 0,
    monthlyRecurring: [],
    delegationsInForce: { full: 0, limited: 0 },
    conversion: { trialsStarted: 0, converted: 0, rate: null, since: '2026-09-07' },
  },
  series: { signupsPerWeek: weeks.map((w) => ({ ...w, signups: 0 })), redemptionsPerOffer: [] },
  attention: { items: [], nextCursor: null },
};

/** `POST /api/customers/:id/delegation-requests` renewing Lucerne's limited delegation → 201. */
export const renewalRequested: DelegationRequestView = {
  id: '41e50526-fe38-5dde-ae34-ab16039d5ef7',
  code: 'Rn6K-XPWwsxz7sbXBTnIHuelJJM',
  url: 'http://127.0.0.1:4101/consent?delegation=Rn6K-XPWwsxz7sbXBTnIHuelJJM',
  level: 'limited',
  status: 'pending',
  requestExpiresAt: at(30),
  createdAt: new Date().toISOString(),
};

/** `POST /api/customers/:id/delegation-requests` racing another request → 409. */
export const renewalConflict = {
  error: { code: 'request_in_progress', message: 'Another delegation request to this customer was just made; reload and try again.' },
};

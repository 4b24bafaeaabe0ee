/**
 * Canned webhook answers in the shape of the issue 14 contract (`/api/webhook-endpoints…`) and the
 * `/api/me` of users who may and may not manage them. Times are relative to now where the widget
 * compares them with the clock (the old secret's 24 hours).
 */
import type { MeView, WebhookDelivery, WebhookEndpoint, WebhookSecretView } from '../../components/api/client.ts';
import { adminMe } from './fixtures.ts';
import { staffMe } from './fixtures-company.ts';

const hour = 3_600_000;
const at = (hours: number) => new Date(Date.now() + hours * hour).toISOString();

/** A global admin of the partner: `webhooks:manage`. */
export const webhooksMe: MeView = { ...adminMe, permissions: [...adminMe.permissions, 'webhooks:manage'] };
/** A partner user without an admin role. */
export { staffMe };

const base = {
  description: null,
  eventTypes: [],
  enabled: true,
  disabledReason: null,
  disabledAt: null,
  failingSince: null,
  previousSecretExpiresAt: null,
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
} satisfies Partial<WebhookEndpoint>;

export const crm: WebhookEndpoint = {
  ...base,
  id: 'a7f6d0de-4c1b-4e0e-9a51-0d6b1f1e2c01',
  url: 'https://crm.northwind.example/hooks/partnerkit',
  description: 'CRM sync',
  eventTypes: ['customer.created', 'trial.ending'],
};

export const everything: WebhookEndpoint = { ...base, id: 'b1c2d3e4-0000-4000-8000-000000000002', url: 'https://ops.northwind.example/events' };

export const paused: WebhookEndpoint = {
  ...base,
  id: 'c1c2d3e4-0000-4000-8000-000000000003',
  url: 'https://old.northwind.example/webhook',
  enabled: false,
  disabledReason: 'manual',
  disabledAt: '2026-12-03T10:00:00.000Z',
};

export const failing: WebhookEndpoint = {
  ...base,
  id: 'd1c2d3e4-0000-4000-8000-000000000004',
  url: 'https://flaky.northwind.example/in',
  enabled: false,
  disabledReason: 'failing',
  disabledAt: '2026-12-05T08:00:00.000Z',
  failingSince: '2026-12-02T08:00:00.000Z',
};

export const endpointList = { items: [crm, everything, paused, failing] };

/** `POST /api/webhook-endpoints` → 201. */
export const created: WebhookSecretView = {
  endpoint: { ...base, id: 'e1c2d3e4-0000-4000-8000-000000000005', url: 'https://new.northwind.example/hooks', description: 'Billing', eventTypes: ['offer.redeemed', 'trial.converted'] },
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
};

/** `POST /api/webhook-endpoints/:id/rotate-secret` for `everything` → 200. */
export const rotated: WebhookSecretView = {
  endpoint: { ...everything, previousSecretExpiresAt: at(24), updatedAt: new Date().toISOString() },
  secret: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD',
};

export const urlRefused = {
  error: { code: 'webhook_url_refused', message: 'Webhooks are not sent to private, loopback or link-local addresses.' },
};
export const tooMany = { error: { code: 'too_many_endpoints', message: 'A partner has at most 10 webhook endpoints.' } };

const delivery = (id: string, type: string, status: WebhookDelivery['status'], more: Partial<WebhookDelivery> = {}): WebhookDelivery => ({
  id,
  webhookId: `msg_${id}`,
  event: { id: `event-${id}`, type: type as WebhookDelivery['event']['type'], createdAt: '2026-12-06T12:00:00.000Z' },
  status,
  attempts: 1,
  nextAttemptAt: null,
  lastAttemptAt: '2026-12-06T12:00:01.000Z',
  lastStatusCode: 200,
  createdAt: '2026-12-06T12:00:00.000Z',
  attemptLog: [{ attempt: 1, at: '2026-12-06T12:00:01.000Z', statusCode: 200, latencyMs: 84, error: null, responseExcerpt: null }],
  ...more,
});

export const delivered = delivery('dlv-1', 'customer.created', 'succeeded');
export const failed = delivery('dlv-2', 'trial.ending', 'failed', {
  attempts: 8,
  lastStatusCode: 500,
  attemptLog: [
    { attempt: 8, at: '2026-12-06T11:00:00.000Z', statusCode: 500, latencyMs: 120, error: null, responseExcerpt: '{"error":"database down"}' },
    { attempt: 7, at: '2026-12-06T01:00:00.000Z', statusCode: null, latencyMs: 10000, error: 'timeout after 10 s', responseExcerpt: null },
  ],
});
export const waiting = delivery('dlv-3', 'customer.created', 'pending', { attempts: 0, lastAttemptAt: null, lastStatusCode: null, nextAttemptAt: at(1), attemptLog: [] });

export const deliveriesPage1 = { items: [delivered, failed], nextCursor: 'cursor-deliveries-2' };
export const deliveriesPage2 = { items: [waiting], nextCursor: null };

/** `POST …/deliveries/dlv-2/replay` → 202. */
export const replayed: WebhookDelivery = { ...failed, status: 'pending', nextAttemptAt: at(0) };
/** `POST …/test` → 202. */
export const ping = delivery('dlv-ping', 'ping', 'pending', { attempts: 0, lastAttemptAt: null, lastStatusCode: null, attemptLog: [] });

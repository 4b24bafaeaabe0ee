/**
 * The one API client the widgets use: JSON over fetch, `Authorization: Bearer`, and the BFF's
 * error shape (DESIGN.md §3) turned into a thrown `ApiRequestError`.
 *
 * Response types come from the BFF's zod schemas with `import type` only, so nothing of the
 * BFF ends up in the browser bundle.
 */
import type { z } from 'zod';
import type { pageSchema } from '../../bff/cursor.ts';
import type { companyViewSchema, updateCompanySchema } from '../../bff/domain/companies.ts';
import type { meViewSchema, sessionViewSchema } from '../../bff/domain/sessions.ts';
import type { userViewSchema } from '../../bff/domain/user-view.ts';
import type { createdUserSchema, createUserSchema, passwordResetSchema, updateUserSchema } from '../../bff/domain/users.ts';
import type { ErrorBody, ErrorDetail } from '../../bff/errors.ts';
import type { RolesView } from '../../bff/permissions.ts';
import type { serviceViewSchema } from '../../bff/domain/catalog.ts';
import type { createOfferSchema, listOffersQuerySchema, offerViewSchema } from '../../bff/domain/offers.ts';
import type { publicOfferViewSchema, redemptionResultSchema, redemptionSchema } from '../../bff/domain/redemptions.ts';
import type { customerDetailSchema, customerListItemSchema, listCustomersQuerySchema } from '../../bff/domain/customers.ts';
import type {
  delegationRequestSchema,
  delegationRequestViewSchema,
  delegationViewSchema,
  partnerListItemSchema,
  publicDelegationViewSchema,
  tenantAuditQuerySchema,
} from '../../bff/domain/delegations.ts';
import type { auditEntryViewSchema, auditQuerySchema } from '../../bff/domain/audit.ts';
import type { createServiceRequestSchema, listServiceRequestsQuerySchema, serviceRequestViewSchema } from '../../bff/domain/service-requests.ts';
import type { subscriptionViewSchema } from '../../bff/domain/assist.ts';
import type { overviewQuerySchema, overviewSchema } from '../../bff/domain/overview.ts';
import type { EventType } from '../../bff/domain/events.ts';
import type { createEndpointSchema, deliveryViewSchema, endpointViewSchema, endpointWithSecretSchema, updateEndpointSchema } from '../../bff/domain/webhook-endpoints.ts';

/** `POST /api/sessions` and `PUT /api/me/password`: `{ token, expiresAt, user }`. */
export type SessionView = z.infer<typeof sessionViewSchema>;
/** `GET /api/me`: user, company, roles, partner access, permissions, session. */
export type MeView = z.infer<typeof meViewSchema>;
export type UserView = z.infer<typeof userViewSchema>;
export type { ErrorDetail, RolesView };
/** One of the five roles in your own company, e.g. `global_admin`. */
export type CompanyRole = UserView['companyRoles'][number];
/** Administrative access to companies you support (partner companies only). */
export type PartnerAccess = UserView['partnerAccess'];
/** `GET /api/company`: the profile customers see. */
export type CompanyView = z.infer<typeof companyViewSchema>;
/** `PATCH /api/company`: any of the profile's fields; send only those that changed. */
export type CompanyUpdate = z.input<typeof updateCompanySchema>;
/** `GET /api/users`: a page of users and the cursor of the next page (`null` on the last). */
export type UserPage = z.infer<ReturnType<typeof pageSchema<typeof userViewSchema>>>;
/** `POST /api/users` body. */
export type NewUser = z.input<typeof createUserSchema>;
/** `PATCH /api/users/:id` body: any of display name, roles, partner access, disabled. */
export type UserUpdate = z.input<typeof updateUserSchema>;
/** `POST /api/users` answer: the user and its one-time temporary password. */
export type CreatedUser = z.infer<typeof createdUserSchema>;
/** `POST /api/users/:id/reset-password` answer: the user and its new one-time temporary password. */
export type PasswordReset = z.infer<typeof passwordResetSchema>;
/** A service of `GET /api/catalog`: trial days, monthly price per license in minor units, license bounds. */
export type ServiceView = z.infer<typeof serviceViewSchema>;
/** `GET /api/catalog`. */
export interface CatalogView {
  items: ServiceView[];
}
/** A trial invitation or purchase offer, with its code, URL, status and redemption count. */
export type OfferView = z.infer<typeof offerViewSchema>;
/** `GET /api/offers`: a page of offers, newest first, and the cursor of the next page. */
export type OfferPage = z.infer<ReturnType<typeof pageSchema<typeof offerViewSchema>>>;
/** `POST /api/offers` body: `{ kind: 'trial', serviceId, … }` or `{ kind: 'purchase', items, … }`. */
export type NewOffer = z.input<typeof createOfferSchema>;
/** `GET /api/offers` query: `kind`, `status`, `cursor`, `limit`. */
export type OfferQuery = Partial<z.input<typeof listOffersQuerySchema>>;
/** `GET /api/public/offers/:code`: what the prospect sees — items, delegated-admin ask, advisor. */
export type PublicOfferView = z.infer<typeof publicOfferViewSchema>;
/** `POST /api/public/offers/:code/redemptions` body. */
export type Redemption = z.input<typeof redemptionSchema>;
/** `POST /api/public/offers/:code/redemptions` answer: customer, subscriptions, delegation, and a session for a new admin. */
export type RedemptionResult = z.infer<typeof redemptionResultSchema>;

/**
 * `GET /api/overview`: key figures, chart series and a page of what needs attention (each left out
 * when you may not see it); `webhooks` for users with `webhooks:manage`.
 */
export type OverviewView = z.infer<typeof overviewSchema>;
/** The overview's webhook part: the endpoints disabled after failing for days. */
export type WebhooksOverview = NonNullable<OverviewView['webhooks']>;
/** One item of the overview's attention list, told apart by `kind`. */
export type AttentionItem = NonNullable<OverviewView['attention']>['items'][number];
/** `GET /api/overview` query: the attention list's `cursor` and `limit`. */
export type OverviewQuery = Partial<z.input<typeof overviewQuerySchema>>;

/** A row of `GET /api/customers`: name, domain, your delegation there and a summary of its subscriptions through you. */
export type CustomerListItem = z.infer<typeof customerListItemSchema>;
/** `GET /api/customers`: a page of customers and the cursor of the next page. */
export type CustomerPage = z.infer<ReturnType<typeof pageSchema<typeof customerListItemSchema>>>;
/** `GET /api/customers` query: `q`, `delegation`, `subscription`, `sort`, `cursor`, `limit`. */
export type CustomerQuery = Partial<z.input<typeof listCustomersQuerySchema>>;
/** `GET /api/customers/:id`: the row plus your permissions there, subscriptions, admins, open service requests and open request. */
export type CustomerDetail = z.infer<typeof customerDetailSchema>;
/** A delegation as lists show it: state, level, end date. */
export type DelegationView = z.infer<typeof delegationViewSchema>;
/** `POST /api/customers/:id/delegation-requests` body: `{ level, expiresInDays? }`. */
export type NewDelegationRequest = z.input<typeof delegationRequestSchema>;
/** `POST /api/customers/:id/delegation-requests` answer: the code and the consent URL to send. */
export type DelegationRequestView = z.infer<typeof delegationRequestViewSchema>;
/** A customer's subscription: service, status, licenses and their bounds. */
export type SubscriptionView = z.infer<typeof subscriptionViewSchema>;
/** A service request: title, description, severity, status, who opened it. */
export type ServiceRequestView = z.infer<typeof serviceRequestViewSchema>;
/** `GET /api/customers/:id/service-requests`: a page, newest first. */
export type ServiceRequestPage = z.infer<ReturnType<typeof pageSchema<typeof serviceRequestViewSchema>>>;
/** `GET /api/customers/:id/service-requests` query. */
export type ServiceRequestQuery = Partial<z.input<typeof listServiceRequestsQuerySchema>>;
/** `POST /api/customers/:id/service-requests` body. */
export type NewServiceRequest = z.input<typeof createServiceRequestSchema>;
/** One audit entry: who (user and partner), what, which target, when, outcome. */
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;
/** An audit page, newest first. */
export type AuditPage = z.infer<ReturnType<typeof pageSchema<typeof auditEntryViewSchema>>>;
/** Audit query: `from`, `to`, `cursor`, `limit` (and `partnerId` on the customer side). */
export type AuditQuery = Partial<Omit<z.input<typeof tenantAuditQuerySchema>, 'format'>> & Partial<Omit<z.input<typeof auditQuerySchema>, 'format'>>;
/** `GET /api/public/delegations/:code`: the request a customer's global admin answers. */
export type PublicDelegationView = z.infer<typeof publicDelegationViewSchema>;
/** A row of `GET /api/partners` (customer side): partner, advisor flag, delegation and open request. */
export type PartnerListItem = z.infer<typeof partnerListItemSchema>;
/** `GET /api/partners`. */
export type PartnerPage = z.infer<ReturnType<typeof pageSchema<typeof partnerListItemSchema>>>;

/** A type of the event catalogue, e.g. `customer.created`. */
export type { EventType };
/** An endpoint of `GET /api/webhook-endpoints` (never its secret). `eventTypes` empty: every event. */
export type WebhookEndpoint = z.infer<typeof endpointViewSchema>;
/** `POST /api/webhook-endpoints` body. */
export type NewWebhookEndpoint = z.input<typeof createEndpointSchema>;
/** `PATCH /api/webhook-endpoints/:id` body: any of the fields. */
export type WebhookEndpointUpdate = z.input<typeof updateEndpointSchema>;
/** `POST /api/webhook-endpoints` and `…/rotate-secret` answer: the endpoint and its signing secret, shown only here. */
export type WebhookSecretView = z.infer<typeof endpointWithSecretSchema>;
/** One event for one endpoint, with the same `webhookId` on every attempt. */
export type WebhookDelivery = z.infer<typeof deliveryViewSchema>;
/** One try to deliver, latest first. */
export type WebhookAttemptView = WebhookDelivery['attemptLog'][number];
/** `GET /api/webhook-endpoints/:id/deliveries`: a page, newest first. */
export type WebhookDeliveryPage = z.infer<ReturnType<typeof pageSchema<typeof deliveryViewSchema>>>;

/** `GET /api/users` query. */
export interface UserQuery {
  /** Part of a name or email, any case. */
  q?: string;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  /** Page size, 1–100 (the BFF's default is 25). */
  limit?: number;
}

/**
 * Supplies the bearer token for a request. `refresh: true` asks for a new token because the
 * last one was refused (the later `fetchToken` / retry-on-401 flow); a plain getter can ignore it.
 * Returning `undefined` or `null` sends no `Authorization` header.
 */
export type TokenGetter = (options: { refresh: boolean }) => string | null | undefined | Promise<string | null | undefined>;

export interface ApiClientOptions {
  /** Origin (and optional path prefix) of the BFF, e.g. `https://bff.example.com`. Empty: this page's origin. */
  apiBase?: string;
  /** A fixed bearer token. */
  token?: string | null;
  /** Called before each request for the token; takes precedence over `token`. */
  getToken?: TokenGetter;
  /** The fetch to use; tests and non-window hosts may pass their own. Default: `globalThis.fetch` at call time. */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
}

/** A failed request: the BFF's `{ error: { code, message, details } }`, or `network_error` (status 0). */
export class ApiRequestError extends Error {
  override name = 'ApiRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Seconds from the answer's `Retry-After` header (429, 409 in progress), when it sent one. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

export class ApiClient {
  /** Base URL without a trailing slash; `''` means relative URLs (same origin). */
  readonly apiBase: string;
  readonly #token: string | null;
  readonly #getToken: TokenGetter | undefined;
  readonly #fetch: typeof fetch | undefined;

  constructor(options: ApiClientOptions = {}) {
    this.apiBase = (options.apiBase ?? '').replace(/\/+$/, '');
    this.#token = options.token ?? null;
    this.#getToken = options.getToken;
    this.#fetch = options.fetch;
  }

  /** True when requests carry (or can obtain) a token, i.e. there is a session to ask about. */
  get hasCredentials(): boolean {
    return this.#getToken !== undefined || this.#token !== null;
  }

  /** A client for the same BFF (and fetch) with another fixed token, e.g. a prospect who signed in on a sign-up page. */
  withToken(token: string | null): ApiClient {
    return new ApiClient({ apiBase: this.apiBase, token, fetch: this.#fetch });
  }

  /** Sends `body` as JSON and returns the parsed JSON answer (`undefined` for 204). */
  async request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    const response = await this.#send(method, path, body, options, 'application/json');
    if (response.status === 204) return undefined as T;
    const data: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw toRequestError(response, data);
    if (data === undefined) throw new ApiRequestError(response.status, 'invalid_response', 'The server sent an answer that is not JSON.');
    return data as T;
  }

  /** A `GET` whose answer is a file (e.g. a CSV export), as a `Blob`; errors as for `request`. */
  async download(path: string, accept: string, options: RequestOptions = {}): Promise<Blob> {
    const response = await this.#send('GET', path, undefined, options, accept);
    if (!response.ok) throw toRequestError(response, await response.json().catch(() => undefined));
    return response.blob();
  }

  /**
   * One HTTP exchange with the bearer token. When the BFF answers 401 and the token comes from a
   * getter, the getter is asked for a fresh token (`refresh: true`) and the request is sent once more.
   */
  async #send(method: string, path: string, body: unknown, options: RequestOptions, accept: string): Promise<Response> {
    let token = this.#getToken ? await this.#getToken({ refresh: false }) : this.#token;
    let response = await this.#fetchOnce(method, path, body, options, accept, token);
    if (response.status === 401 && this.#getToken) {
      const fresh = await this.#getToken({ refresh: true });
      if (fresh && fresh !== token) {
        token = fresh;
        response = await this.#fetchOnce(method, path, body, options, accept, token);
      }
    }
    return response;
  }

  async #fetchOnce(method: string, path: string, body: unknown, options: RequestOptions, accept: string, token: string | null | undefined) {
    const headers: Record<string, string> = { ...options.headers, Accept: accept };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      return await (this.#fetch ?? globalThis.fetch)(`${this.apiBase}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: options.signal,
        // Widgets authenticate with the bearer token only; never send the host page's cookies.
        credentials: 'omit',
      });
    } catch (error) {
      if (options.signal?.aborted) throw error; // the caller cancelled; not a failure to report
      throw new ApiRequestError(0, 'network_error', 'The server could not be reached. Check your connection and try again.');
    }
  }

  /** `POST /api/sessions`: signs in; the answer carries the new token. */
  signIn(email: string, password: string, options?: RequestOptions): Promise<SessionView> {
    return this.request('POST', '/api/sessions', { email, password }, options);
  }

  /** `DELETE /api/sessions/current`: ends the session of this client's token. */
  signOut(options?: RequestOptions): Promise<void> {
    return this.request('DELETE', '/api/sessions/current', undefined, options);
  }

  /** `GET /api/me`: who is signed in. */
  me(options?: RequestOptions): Promise<MeView> {
    return this.request('GET', '/api/me', undefined, options);
  }

  /** `PUT /api/me/password`: ends every session of the user and returns a fresh one. */
  changePassword(currentPassword: string, newPassword: string, options?: RequestOptions): Promise<SessionView> {
    return this.request('PUT', '/api/me/password', { currentPassword, newPassword }, options);
  }

  /** `GET /api/roles`: the permission table with a label and description of each role and level. */
  roles(options?: RequestOptions): Promise<RolesView> {
    return this.request('GET', '/api/roles', undefined, options);
  }

  /** `GET /api/company`: the signed-in user's company profile. */
  company(options?: RequestOptions): Promise<CompanyView> {
    return this.request('GET', '/api/company', undefined, options);
  }

  /** `PATCH /api/company`: changes the given fields (needs `company:update`). */
  updateCompany(changes: CompanyUpdate, options?: RequestOptions): Promise<CompanyView> {
    return this.request('PATCH', '/api/company', changes, options);
  }

  /** `GET /api/users`: a page of the company's users, by name; `q` searches name and email. */
  users(query: UserQuery = {}, options?: RequestOptions): Promise<UserPage> {
    return this.request('GET', `/api/users${queryString(query)}`, undefined, options);
  }

  /** `GET /api/users/:id`. */
  user(id: string, options?: RequestOptions): Promise<UserView> {
    return this.request('GET', `/api/users/${encodeURIComponent(id)}`, undefined, options);
  }

  /** `POST /api/users`: creates a user; the answer carries its one-time temporary password. */
  createUser(user: NewUser, options?: RequestOptions): Promise<CreatedUser> {
    return this.request('POST', '/api/users', user, options);
  }

  /** `PATCH /api/users/:id`: changes the given fields. */
  updateUser(id: string, changes: UserUpdate, options?: RequestOptions): Promise<UserView> {
    return this.request('PATCH', `/api/users/${encodeURIComponent(id)}`, changes, options);
  }

  /** `POST /api/users/:id/reset-password`: a new one-time temporary password; ends the user's sessions. */
  resetPassword(id: string, options?: RequestOptions): Promise<PasswordReset> {
    return this.request('POST', `/api/users/${encodeURIComponent(id)}/reset-password`, undefined, options);
  }

  /** `GET /api/catalog`: the services offers are built from. */
  catalog(options?: RequestOptions): Promise<CatalogView> {
    return this.request('GET', '/api/catalog', undefined, options);
  }

  /** `GET /api/offers`: a page of the partner's offers, newest first, with redemption counts. */
  offers(query: OfferQuery = {}, options?: RequestOptions): Promise<OfferPage> {
    return this.request('GET', `/api/offers${queryString(query)}`, undefined, options);
  }

  /** `POST /api/offers`: creates a trial invitation or purchase offer; the answer carries its code and URL. */
  createOffer(offer: NewOffer, options?: RequestOptions): Promise<OfferView> {
    return this.request('POST', '/api/offers', offer, options);
  }

  /** `POST /api/offers/:id/revoke`: no new redemptions; what was redeemed stays. */
  revokeOffer(id: string, options?: RequestOptions): Promise<OfferView> {
    return this.request('POST', `/api/offers/${encodeURIComponent(id)}/revoke`, undefined, options);
  }

  /** `GET /api/public/offers/:code`: the offer a prospect sees; no token needed. 404 unknown, 410 revoked or expired. */
  publicOffer(code: string, options?: RequestOptions): Promise<PublicOfferView> {
    return this.request('GET', `/api/public/offers/${encodeURIComponent(code)}`, undefined, options);
  }

  /**
   * `POST /api/public/offers/:code/redemptions`: signs up a new customer, or with a customer admin's
   * token redeems into their company. Send the same `idempotencyKey` when retrying the same data.
   */
  redeemOffer(code: string, redemption: Redemption, idempotencyKey: string, options: RequestOptions = {}): Promise<RedemptionResult> {
    return this.request('POST', `/api/public/offers/${encodeURIComponent(code)}/redemptions`, redemption, {
      ...options,
      headers: { ...options.headers, 'Idempotency-Key': idempotencyKey },
    });
  }

  /** `GET /api/overview`: figures, series and the attention list's page after `cursor`. */
  overview(query: OverviewQuery = {}, options?: RequestOptions): Promise<OverviewView> {
    return this.request('GET', `/api/overview${queryString(query)}`, undefined, options);
  }

  /** `GET /api/webhook-endpoints`: the partner's endpoints, newest first (needs `webhooks:manage`). */
  webhookEndpoints(options?: RequestOptions): Promise<{ items: WebhookEndpoint[] }> {
    return this.request('GET', '/api/webhook-endpoints', undefined, options);
  }

  /** `POST /api/webhook-endpoints`: 422 `webhook_url_refused` for an address it will not call, 409 `too_many_endpoints` past 10. */
  createWebhookEndpoint(endpoint: NewWebhookEndpoint, options?: RequestOptions): Promise<WebhookSecretView> {
    return this.request('POST', '/api/webhook-endpoints', endpoint, options);
  }

  /** `PATCH /api/webhook-endpoints/:id`: `enabled: true` also clears why it was disabled. */
  updateWebhookEndpoint(id: string, changes: WebhookEndpointUpdate, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this.request('PATCH', webhookPath(id), changes, options);
  }

  /** `DELETE /api/webhook-endpoints/:id`, with its deliveries. */
  deleteWebhookEndpoint(id: string, options?: RequestOptions): Promise<void> {
    return this.request('DELETE', webhookPath(id), undefined, options);
  }

  /** `POST /api/webhook-endpoints/:id/rotate-secret`: a new secret; the old one signs too for 24 hours. */
  rotateWebhookSecret(id: string, options?: RequestOptions): Promise<WebhookSecretView> {
    return this.request('POST', `${webhookPath(id)}/rotate-secret`, undefined, options);
  }

  /** `GET /api/webhook-endpoints/:id/deliveries`: newest first; `limit` 1–100 (default 20). */
  webhookDeliveries(id: string, query: { cursor?: string; limit?: number } = {}, options?: RequestOptions): Promise<WebhookDeliveryPage> {
    return this.request('GET', `${webhookPath(id)}/deliveries${queryString(query)}`, undefined, options);
  }

  /** `POST /api/webhook-endpoints/:id/deliveries/:deliveryId/replay`: sends it again (pending, the same webhook-id). */
  replayWebhookDelivery(id: string, deliveryId: string, options?: RequestOptions): Promise<WebhookDelivery> {
    return this.request('POST', `${webhookPath(id)}/deliveries/${encodeURIComponent(deliveryId)}/replay`, undefined, options);
  }

  /** `POST /api/webhook-endpoints/:id/test`: a `ping` event to this endpoint only. */
  testWebhookEndpoint(id: string, options?: RequestOptions): Promise<WebhookDelivery> {
    return this.request('POST', `${webhookPath(id)}/test`, undefined, options);
  }

  /** `GET /api/customers`: a page of your customers; `q` matches part of the name or domain. */
  customers(query: CustomerQuery = {}, options?: RequestOptions): Promise<CustomerPage> {
    return this.request('GET', `/api/customers${queryString(query)}`, undefined, options);
  }

  /** `GET /api/customers/:id`: one customer with your permissions there. Another partner's customer: 404. */
  customer(id: string, options?: RequestOptions): Promise<CustomerDetail> {
    return this.request('GET', `/api/customers/${encodeURIComponent(id)}`, undefined, options);
  }

  /** `POST /api/customers/:id/delegation-requests`: asks for delegated administration; the answer carries the URL to send. */
  requestDelegation(customerId: string, request: NewDelegationRequest, options?: RequestOptions): Promise<DelegationRequestView> {
    return this.request('POST', `/api/customers/${encodeURIComponent(customerId)}/delegation-requests`, request, options);
  }

  /** `GET /api/customers/:id/users`: the customer's users (needs a delegation in force). */
  customerUsers(customerId: string, query: UserQuery = {}, options?: RequestOptions): Promise<UserPage> {
    return this.request('GET', `/api/customers/${encodeURIComponent(customerId)}/users${queryString(query)}`, undefined, options);
  }

  /** `POST /api/customers/:id/users`: creates a user in the customer (full delegation); the answer carries its temporary password. */
  createCustomerUser(customerId: string, user: NewUser, options?: RequestOptions): Promise<CreatedUser> {
    return this.request('POST', `/api/customers/${encodeURIComponent(customerId)}/users`, user, options);
  }

  /** `PATCH /api/customers/:id/users/:userId`. */
  updateCustomerUser(customerId: string, userId: string, changes: UserUpdate, options?: RequestOptions): Promise<UserView> {
    return this.request('PATCH', `/api/customers/${encodeURIComponent(customerId)}/users/${encodeURIComponent(userId)}`, changes, options);
  }

  /** `POST /api/customers/:id/users/:userId/reset-password`: a one-time temporary password; ends the user's sessions. */
  resetCustomerUserPassword(customerId: string, userId: string, options?: RequestOptions): Promise<PasswordReset> {
    const path = `/api/customers/${encodeURIComponent(customerId)}/users/${encodeURIComponent(userId)}/reset-password`;
    return this.request('POST', path, undefined, options);
  }

  /** `PATCH /api/customers/:id/subscriptions/:subscriptionId`: a new license count within the service's bounds. */
  updateCustomerSubscription(customerId: string, subscriptionId: string, licenses: number, options?: RequestOptions): Promise<SubscriptionView> {
    const path = `/api/customers/${encodeURIComponent(customerId)}/subscriptions/${encodeURIComponent(subscriptionId)}`;
    return this.request('PATCH', path, { licenses }, options);
  }

  /** `GET /api/customers/:id/service-requests`: newest first. */
  serviceRequests(customerId: string, query: ServiceRequestQuery = {}, options?: RequestOptions): Promise<ServiceRequestPage> {
    return this.request('GET', `/api/customers/${encodeURIComponent(customerId)}/service-requests${queryString(query)}`, undefined, options);
  }

  /** `POST /api/customers/:id/service-requests`: opens one. */
  createServiceRequest(customerId: string, request: NewServiceRequest, options?: RequestOptions): Promise<ServiceRequestView> {
    return this.request('POST', `/api/customers/${encodeURIComponent(customerId)}/service-requests`, request, options);
  }

  /** `GET /api/customers/:id/audit`: what your company did in the customer, and its delegation events. */
  customerAudit(customerId: string, query: AuditQuery = {}, options?: RequestOptions): Promise<AuditPage> {
    return this.request('GET', `/api/customers/${encodeURIComponent(customerId)}/audit${queryString(query)}`, undefined, options);
  }

  /** `GET /api/public/delegations/:code`: a partner's request, for the customer's global admin. */
  delegationRequest(code: string, options?: RequestOptions): Promise<PublicDelegationView> {
    return this.request('GET', `/api/public/delegations/${encodeURIComponent(code)}`, undefined, options);
  }

  /** `POST /api/public/delegations/:code/accept`, optionally with an end date (ISO instant). */
  acceptDelegation(code: string, answer: { expiresAt?: string } = {}, options?: RequestOptions): Promise<PublicDelegationView> {
    return this.request('POST', `/api/public/delegations/${encodeURIComponent(code)}/accept`, answer, options);
  }

  /** `POST /api/public/delegations/:code/decline`. */
  declineDelegation(code: string, options?: RequestOptions): Promise<PublicDelegationView> {
    return this.request('POST', `/api/public/delegations/${encodeURIComponent(code)}/decline`, undefined, options);
  }

  /** `GET /api/partners` (customer side): your partners with their delegations. */
  partners(query: { cursor?: string; limit?: number } = {}, options?: RequestOptions): Promise<PartnerPage> {
    return this.request('GET', `/api/partners${queryString(query)}`, undefined, options);
  }

  /** `DELETE /api/partners/:partnerId/delegation`: revokes it; it grants nothing from the next request on. */
  revokeDelegation(partnerId: string, options?: RequestOptions): Promise<DelegationView> {
    return this.request('DELETE', `/api/partners/${encodeURIComponent(partnerId)}/delegation`, undefined, options);
  }

  /** `GET /api/audit` (customer side): what partners did in your company. */
  audit(query: AuditQuery = {}, options?: RequestOptions): Promise<AuditPage> {
    return this.request('GET', `/api/audit${queryString(query)}`, undefined, options);
  }

  /** The audit as CSV (every matching entry): a customer's (partner side) or, with `null`, your own company's (customer side). */
  auditCsv(customerId: string | null, query: Omit<AuditQuery, 'cursor' | 'limit'> = {}, options?: RequestOptions): Promise<Blob> {
    const base = customerId ? `/api/customers/${encodeURIComponent(customerId)}/audit` : '/api/audit';
    return this.download(`${base}${queryString({ ...query, format: 'csv' })}`, 'text/csv', options);
  }
}

const webhookPath = (id: string) => `/api/webhook-endpoints/${encodeURIComponent(id)}`;

/** `?a=1&b=2` from the defined, non-empty values (`''` when there are none). */
function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  return params.size ? `?${params}` : '';
}

/** The BFF's error shape (or whatever came instead) as a thrown error. */
function toRequestError(response: Response, data: unknown): ApiRequestError {
  // Only `{ error: { code, message } }` counts as the BFF's error shape; a proxy's page does not.
  const body = (data as Partial<ErrorBody> | null | undefined)?.error;
  const error = typeof body?.code === 'string' && typeof body.message === 'string' ? body : undefined;
  return new ApiRequestError(
    response.status,
    error?.code ?? 'http_error',
    error?.message ?? `The server answered ${response.status} ${response.statusText}`.trim() + '.',
    error?.details ?? [],
    retryAfterSeconds(response.headers.get('Retry-After')),
  );
}

/** `Retry-After` in seconds (the delta form; the BFF never sends a date). */
function retryAfterSeconds(header: string | null): number | null {
  const seconds = header === null ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

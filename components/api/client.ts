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
    const token = this.#getToken ? await this.#getToken({ refresh: false }) : this.#token;
    const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;

    let response: Response;
    try {
      response = await (this.#fetch ?? globalThis.fetch)(`${this.apiBase}${path}`, {
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

    if (response.status === 204) return undefined as T;
    const data: unknown = await response.json().catch(() => undefined);
    if (response.ok) {
      if (data === undefined) throw new ApiRequestError(response.status, 'invalid_response', 'The server sent an answer that is not JSON.');
      return data as T;
    }
    const error = isErrorBody(data) ? data.error : undefined;
    throw new ApiRequestError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `The server answered ${response.status} ${response.statusText}`.trim() + '.',
      error?.details ?? [],
      retryAfterSeconds(response.headers.get('Retry-After')),
    );
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
    const params = new URLSearchParams();
    if (query.q) params.set('q', query.q);
    if (query.cursor) params.set('cursor', query.cursor);
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    const search = params.size ? `?${params}` : '';
    return this.request('GET', `/api/users${search}`, undefined, options);
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
    const params = new URLSearchParams();
    if (query.kind) params.set('kind', query.kind);
    if (query.status) params.set('status', query.status);
    if (query.cursor) params.set('cursor', query.cursor);
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    const search = params.size ? `?${params}` : '';
    return this.request('GET', `/api/offers${search}`, undefined, options);
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
}

/** `Retry-After` in seconds (the delta form; the BFF never sends a date). */
function retryAfterSeconds(header: string | null): number | null {
  const seconds = header === null ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

function isErrorBody(data: unknown): data is ErrorBody {
  if (typeof data !== 'object' || data === null || !('error' in data)) return false;
  const error = (data as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/**
 * The one API client the widgets use: JSON over fetch, `Authorization: Bearer`, and the BFF's
 * error shape (DESIGN.md §3) turned into a thrown `ApiRequestError`.
 *
 * Response types come from the BFF's zod schemas with `import type` only, so nothing of the
 * BFF ends up in the browser bundle.
 */
import type { z } from 'zod';
import type { meViewSchema, sessionViewSchema } from '../../bff/domain/sessions.ts';
import type { ErrorBody, ErrorDetail } from '../../bff/errors.ts';

/** `POST /api/sessions` and `PUT /api/me/password`: `{ token, expiresAt, user }`. */
export type SessionView = z.infer<typeof sessionViewSchema>;
/** `GET /api/me`: user, company, roles, partner access, permissions, session. */
export type MeView = z.infer<typeof meViewSchema>;
export type UserView = SessionView['user'];
export type { ErrorDetail };

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
}

/** A failed request: the BFF's `{ error: { code, message, details } }`, or `network_error` (status 0). */
export class ApiRequestError extends Error {
  override name = 'ApiRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
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

  /** Sends `body` as JSON and returns the parsed JSON answer (`undefined` for 204). */
  async request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    const token = this.#getToken ? await this.#getToken({ refresh: false }) : this.#token;
    const headers: Record<string, string> = { Accept: 'application/json' };
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

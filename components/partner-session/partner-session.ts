import { ContextProvider } from '@lit/context';
import { html, LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { css } from '../styles/css.ts';
import { ApiClient, ApiRequestError } from '../api/client.ts';
import { apiClientContext } from '../api/context.ts';
import { localeController, msg } from '../localize.ts';

/**
 * What `fetchToken` may resolve to: a token, or `{ token, expiresAt }` as `POST /api/embed-sessions`
 * answers (then the session asks again shortly before `expiresAt`). `null`: nobody is signed in.
 */
export type FetchedToken = string | { token: string; expiresAt?: string | number | Date | null } | null;

/** Your backend's call that mints a token for the person on the page (e.g. through `POST /api/embed-sessions`). */
export type FetchToken = () => Promise<FetchedToken>;

/** Ask for a new token this long before the current one expires (at most a quarter of its lifetime). */
const refreshMarginMs = 60_000;

/**
 * Provides the BFF address and the bearer token to every partnerkit element inside it, as one
 * `ApiClient` through `@lit/context` (api/context.ts). A new client is provided whenever `apiBase` or `token`
 * changes, so the widgets inside follow a new token at once.
 *
 * With `fetchToken` instead (for embedding: your backend mints short-lived embed sessions), the
 * session calls it at start, again shortly before the token expires, and after a 401 — then the
 * refused request is sent once more with the new token. The client stays the same across
 * refreshes, so the widgets keep what they show. `fetchToken` wins over `token`.
 *
 * It adopts the token of a `partner-signed-in` event from inside it and forgets the token on
 * `partner-signed-out`, so a `<partner-sign-in>` inside signs the whole session in and out.
 * The token lives in memory only: never in localStorage, cookies or an attribute it writes.
 *
 * Define it before the widgets (components/index.ts does) so it answers their first request.
 *
 * @slot - The widgets that use this session.
 */
export class PartnerSession extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    token: {},
    fetchToken: { attribute: false },
    locale: {},
  };

  /** Origin (and optional path prefix) of the BFF. Empty: the page's own origin. */
  apiBase = '';

  /** The bearer token the widgets send; set it from your backend (e.g. an embed session). Not reflected. */
  token: string | null = null;

  /** Called for a token at start, before it expires and after a 401; see `FetchToken`. A property only. */
  fetchToken: FetchToken | null = null;

  /** The language of every partnerkit element on the page (`en`, `de`, `ja`; `de-CH` counts as `de`); wins over `<html lang>`. */
  locale?: string;

  readonly #provider = new ContextProvider(this, { context: apiClientContext });
  /** What the current client was made from. */
  #provided: { apiBase: string; token: string | null; fetchToken: FetchToken | null } | undefined;
  /** The last token `fetchToken` gave, and when to ask again (epoch ms; Infinity when it did not say). */
  #fetched: { token: string | null; refreshAt: number } | undefined;
  /** The call to `fetchToken` in flight: concurrent 401s share it. */
  #fetching: Promise<string | null> | undefined;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    localeController(this);
    this.addEventListener('partner-signed-in', (event) => {
      if (!claim(event)) return;
      this.token = event.detail.token;
      this.#provide(); // now, not at the next update: the widget that signed in waits for it
    });
    this.addEventListener('partner-signed-out', (event) => {
      if (!claim(event)) return;
      this.token = null;
      this.#provide();
    });
  }

  /** The client the widgets inside use right now. */
  get client(): ApiClient {
    this.#provide();
    return this.#provider.value!;
  }

  override connectedCallback() {
    super.connectedCallback(); // the provider announces itself: one outside hands over its subscribers inside
    // Provide before the first update, so children upgraded right after us get a client.
    this.#provide();
    if (this.fetchToken && !this.#fetched) void this.#refresh().catch(() => {}); // a widget's request will report it
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#refreshTimer);
    this.#fetched = undefined; // a token may be stale when we come back; ask again then
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('apiBase') || changed.has('token') || changed.has('fetchToken')) this.#provide();
  }

  #provide() {
    const provided = this.#provided;
    if (provided?.apiBase === this.apiBase && provided.token === this.token && provided.fetchToken === this.fetchToken) return;
    // In fetchToken mode a new token does not change the client, so only the function matters.
    if (provided && this.fetchToken && provided.fetchToken === this.fetchToken && provided.apiBase === this.apiBase) return;
    this.#provided = { apiBase: this.apiBase, token: this.token, fetchToken: this.fetchToken };
    clearTimeout(this.#refreshTimer);
    this.#fetched = undefined;
    if (this.fetchToken) {
      this.#provider.setValue(new ApiClient({ apiBase: this.apiBase, getToken: ({ refresh }) => this.#currentToken(refresh) }));
      if (this.isConnected) void this.#refresh().catch(() => {});
    } else {
      this.#provider.setValue(new ApiClient({ apiBase: this.apiBase, token: this.token }));
    }
  }

  /** The token for a request: the one we have, unless it was refused or is about to expire. */
  #currentToken(refresh: boolean): Promise<string | null> | string | null {
    const fetched = this.#fetched;
    if (this.#fetching) return this.#fetching;
    if (!refresh && fetched && Date.now() < fetched.refreshAt) return fetched.token;
    return this.#refresh();
  }

  #refresh(): Promise<string | null> {
    const fetchToken = this.fetchToken;
    if (!fetchToken) return Promise.resolve(this.token);
    if (!this.#fetching) {
      const pending = this.#fetchWith(fetchToken);
      this.#fetching = pending;
      const settled = () => {
        if (this.#fetching === pending) this.#fetching = undefined;
      };
      pending.then(settled, settled);
    }
    return this.#fetching;
  }

  async #fetchWith(fetchToken: FetchToken): Promise<string | null> {
    let answer: FetchedToken;
    try {
      answer = await fetchToken();
    } catch {
      throw new ApiRequestError(0, 'token_unavailable', msg('This page could not get a session for you. Reload the page or sign in again.'));
    }
    const token = typeof answer === 'string' ? answer : (answer?.token ?? null);
    if (this.fetchToken !== fetchToken) return token; // replaced meanwhile: the new function's answer counts
    const expiresAt = answer && typeof answer === 'object' && answer.expiresAt != null ? new Date(answer.expiresAt).getTime() : NaN;
    const lifetime = expiresAt - Date.now();
    // Ask again a minute (at most a quarter of the lifetime) before it expires; without an expiry, only after a 401.
    const refreshAt = Number.isFinite(expiresAt) ? expiresAt - Math.min(refreshMarginMs, Math.max(0, lifetime) / 4) : Infinity;
    this.#fetched = { token, refreshAt };
    clearTimeout(this.#refreshTimer);
    // Refresh ahead of time even when nothing is asking, so the next request never waits.
    if (this.isConnected && refreshAt !== Infinity) {
      this.#refreshTimer = setTimeout(() => void this.#refresh().catch(() => {}), Math.max(0, refreshAt - Date.now()));
    }
    return token;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

// The nearest session takes a sign-in; the event still bubbles on to the page, but an outer
// session (nested providers) leaves it alone.
const claimed = new WeakSet<Event>();
function claim(event: Event): boolean {
  if (claimed.has(event)) return false;
  claimed.add(event);
  return true;
}

export const partnerSessionTag = 'partner-session';
if (!customElements.get(partnerSessionTag)) customElements.define(partnerSessionTag, PartnerSession);

declare global {
  interface HTMLElementTagNameMap {
    'partner-session': PartnerSession;
  }
}

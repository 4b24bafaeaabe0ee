import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ApiClient } from '../api/client.ts';
import { apiClientContext } from '../api/context.ts';

/**
 * Provides the BFF address and the bearer token to every partnerkit element inside it, as one
 * `ApiClient` through `@lit/context`. A new client is provided whenever `apiBase` or `token`
 * changes, so the widgets inside follow a new token at once.
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

  /** Origin (and optional path prefix) of the BFF. Empty: the page's own origin. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** The bearer token the widgets send; set it from your backend (e.g. an embed session). Not reflected. */
  @property() token: string | null = null;

  readonly #provider = new ContextProvider(this, { context: apiClientContext });
  /** What the current client was made from. */
  #provided: { apiBase: string; token: string | null } | undefined;

  constructor() {
    super();
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
    super.connectedCallback();
    // Provide before the first update, so children upgraded right after us get a client.
    this.#provide();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('apiBase') || changed.has('token')) this.#provide();
  }

  #provide() {
    if (this.#provided?.apiBase === this.apiBase && this.#provided.token === this.token) return;
    this.#provided = { apiBase: this.apiBase, token: this.token };
    this.#provider.setValue(new ApiClient(this.#provided));
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

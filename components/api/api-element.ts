import { ContextConsumer } from '@lit/context';
import { LitElement, type PropertyDeclarations } from 'lit';
import { ApiClient } from './client.ts';
import { apiClientContext } from './context.ts';
import { localeController } from '../localize.ts';

/**
 * The base of every partnerkit widget that talks to the BFF: inside `<partner-session>` it uses
 * the session's client (and follows it when the token changes); on its own it makes a client
 * for its `api-base` and `token`.
 */
export class ApiElement extends LitElement {
  // Every element declares its reactive properties in `static properties` rather than with
  // decorators: the same to Lit, and the decorators' helpers and calls stay out of the bundle.
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    token: {},
    locale: {},
  };

  /** Origin (and optional path prefix) of the BFF when used outside `<partner-session>`. Empty: the page's origin. */
  apiBase = '';

  /** The bearer token when used outside `<partner-session>` (e.g. from your backend's embed session). Not reflected. */
  token: string | null = null;

  /** The language of this element and of the page's other partnerkit elements (`en`, `de`, `ja`); see README, Languages. */
  locale?: string;

  constructor() {
    super();
    localeController(this);
  }

  // Subscribed while connected: a new client (another token) updates the element, and a
  // provider that appears nearer takes over.
  readonly #session = new ContextConsumer(this, { context: apiClientContext, subscribe: true });

  #ownClient: ApiClient | undefined;
  #ownClientToken: string | null = null;

  /** The enclosing `<partner-session>`'s client, when there is one. */
  protected get sessionClient(): ApiClient | undefined {
    return this.#session.value;
  }

  /** The client requests go through: the session's, else one of our own for `apiBase` and `token`. */
  get client(): ApiClient {
    if (this.sessionClient) return this.sessionClient;
    const own = this.#ownClient;
    if (own && own.apiBase === this.apiBase.replace(/\/+$/, '') && this.#ownClientToken === this.token) return own;
    this.#ownClientToken = this.token;
    return (this.#ownClient = new ApiClient({ apiBase: this.apiBase, token: this.token }));
  }
}

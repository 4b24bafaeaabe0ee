import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiClient } from './client.ts';
import { apiClientContext } from './context.ts';

/**
 * The base of every partnerkit widget that talks to the BFF: inside `<partner-session>` it uses
 * the session's client (and follows it when the token changes); on its own it makes a client
 * for its `api-base` and `token`.
 */
export class ApiElement extends LitElement {
  /** Origin (and optional path prefix) of the BFF when used outside `<partner-session>`. Empty: the page's origin. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** The bearer token when used outside `<partner-session>` (e.g. from your backend's embed session). Not reflected. */
  @property() token: string | null = null;

  /** The enclosing `<partner-session>`'s client, when there is one. */
  @consume({ context: apiClientContext, subscribe: true })
  @state()
  protected sessionClient: ApiClient | undefined;

  #ownClient: ApiClient | undefined;
  #ownClientToken: string | null = null;

  /** The client requests go through: the session's, else one of our own for `apiBase` and `token`. */
  get client(): ApiClient {
    if (this.sessionClient) return this.sessionClient;
    const own = this.#ownClient;
    if (own && own.apiBase === this.apiBase.replace(/\/+$/, '') && this.#ownClientToken === this.token) return own;
    this.#ownClientToken = this.token;
    return (this.#ownClient = new ApiClient({ apiBase: this.apiBase, token: this.token }));
  }
}

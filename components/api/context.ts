/**
 * The context `<partner-session>` provides and every partnerkit element consumes: the API
 * client for the current BFF and token. A new client is provided whenever either changes, so
 * consumers that subscribe see the change.
 *
 * Both sides speak the community context protocol
 * (https://github.com/webcomponents-cg/community-protocols/blob/main/proposals/context.md) as
 * `@lit/context` does — `context-request` with a callback and an unsubscribe, `context-provider`
 * when a provider appears inside another — so a `ContextConsumer` or `ContextProvider` of
 * `@lit/context` on `apiClientContext` works with ours. Our own few lines for the one context
 * we have keep the library out of the bundle.
 */
import { createContext } from '@lit/context';
import type { ApiClient } from './client.ts';

// Symbol.for: two copies of partnerkit on one page still find each other's provider.
export const apiClientContext = createContext<ApiClient | undefined>(Symbol.for('partnerkit.api-client'));

/** Called with the provided client, and (for a subscriber) the function that ends the subscription. */
type ClientCallback = (client: ApiClient | undefined, unsubscribe?: () => void) => void;

/** The protocol's `context-request` / `context-provider` event, as dispatched and read here. */
interface ContextEvent extends Event {
  context: unknown;
  contextTarget?: Element;
  callback: ClientCallback;
  subscribe?: boolean;
}

const contextEvent = (type: string, fields: Partial<ContextEvent>) =>
  Object.assign(new Event(type, { bubbles: true, composed: true }), fields) as ContextEvent;

/** Asks the nearest provider above `host` for the client, subscribing to changes. */
export function requestClient(host: Element, callback: ClientCallback) {
  host.dispatchEvent(contextEvent('context-request', { context: apiClientContext, contextTarget: host, callback, subscribe: true }));
}

/** Answers the requests that reach `host` with `value`, and tells every subscriber when it changes. */
export class ClientProvider {
  #value: ApiClient | undefined;
  /** Each subscriber's callback, with the element that asked and its unsubscribe. */
  readonly #subscribers = new Map<ClientCallback, [Element, () => void]>();

  constructor(private readonly host: HTMLElement) {
    const ours = (event: Event): event is ContextEvent => {
      const e = event as ContextEvent;
      return e.context === apiClientContext && (e.contextTarget ?? e.composedPath()[0]) !== host;
    };
    host.addEventListener('context-request', (event) => {
      if (!ours(event)) return;
      event.stopPropagation();
      const { callback, subscribe } = event;
      const target = event.contextTarget ?? (event.composedPath()[0] as Element);
      const subscription = this.#subscribers.get(callback) ?? [target, () => this.#subscribers.delete(callback)];
      if (subscribe) this.#subscribers.set(callback, subscription);
      callback(this.#value, subscribe ? subscription[1] : undefined);
    });
    // A provider appeared inside this one: its subscribers ask again, so those inside it find it.
    host.addEventListener('context-provider', (event) => {
      if (!ours(event)) return;
      event.stopPropagation();
      for (const [callback, [target]] of [...this.#subscribers]) requestClient(target, callback);
    });
  }

  get value(): ApiClient | undefined {
    return this.#value;
  }

  setValue(value: ApiClient) {
    this.#value = value;
    for (const [callback, [, unsubscribe]] of this.#subscribers) callback(value, unsubscribe);
  }

  /** Call when the host connects: a provider outside it hands its subscribers inside over to it. */
  announce() {
    this.host.dispatchEvent(contextEvent('context-provider', { context: apiClientContext, contextTarget: this.host }));
  }
}

/**
 * The context `<partner-session>` provides and every partnerkit element consumes: the API
 * client for the current BFF and token. A new client is provided whenever either changes, so
 * consumers that subscribe see the change. Both sides are `@lit/context`'s controllers
 * (`ContextProvider` in partner-session.ts, `ContextConsumer` in api-element.ts), which speak
 * the community context protocol
 * (https://github.com/webcomponents-cg/community-protocols/blob/main/proposals/context.md).
 */
import { createContext } from '@lit/context';
import type { ApiClient } from './client.ts';

// Symbol.for: two copies of partnerkit on one page still find each other's provider.
export const apiClientContext = createContext<ApiClient | undefined>(Symbol.for('partnerkit.api-client'));

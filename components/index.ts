/**
 * Every partnerkit element, for the one-file bundle and for apps that want them all:
 * `import 'partnerkit/components/index.ts'`. The provider comes first so that it is defined
 * before the widgets inside it upgrade and ask it for their client.
 */
export * from './partner-session/partner-session.ts';
export * from './partner-sign-in/partner-sign-in.ts';
export { ApiClient, ApiRequestError } from './api/client.ts';
export type { ApiClientOptions, ErrorDetail, MeView, RequestOptions, SessionView, TokenGetter, UserView } from './api/client.ts';
export { apiClientContext } from './api/context.ts';
export * from './events.ts';

/**
 * Every partnerkit element, for the one-file bundle and for apps that want them all:
 * `import 'partnerkit/components/index.ts'`. The provider comes first so that it is defined
 * before the widgets inside it upgrade and ask it for their client.
 *
 * The rest are grouped by what they share — the company's own settings (profile, webhooks,
 * users, role picker, sign-in), then customers and their delegations, then offers and sign-up — because the
 * bundle keeps this order and gzip finds repeated code and wording only within 32 KB: this
 * order makes dist/partnerkit.js about 0.9 KB smaller gzipped than one that scatters them.
 */
export * from './partner-session/partner-session.ts';
export * from './partner-company-profile/partner-company-profile.ts';
export * from './partner-webhooks/partner-webhooks.ts';
export * from './partner-user-list/partner-user-list.ts';
export * from './partner-role-picker/partner-role-picker.ts';
export * from './partner-sign-in/partner-sign-in.ts';
export * from './partner-customer-list/partner-customer-list.ts';
export * from './partner-customer-detail/partner-customer-detail.ts';
export * from './partner-delegation-consent/partner-delegation-consent.ts';
export * from './partner-offer-builder/partner-offer-builder.ts';
export * from './partner-signup/partner-signup.ts';
export * from './partner-overview/partner-overview.ts';
export * from './partner-portal/partner-portal.ts';
export { ApiClient, ApiRequestError } from './api/client.ts';
export type {
  ApiClientOptions,
  CompanyRole,
  CompanyUpdate,
  CompanyView,
  CreatedUser,
  ErrorDetail,
  MeView,
  NewUser,
  PartnerAccess,
  PasswordReset,
  RequestOptions,
  RolesView,
  SessionView,
  TokenGetter,
  UserPage,
  UserQuery,
  UserUpdate,
  UserView,
} from './api/client.ts';
export type {
  CatalogView,
  NewOffer,
  OfferPage,
  OfferQuery,
  OfferView,
  PublicOfferView,
  Redemption,
  RedemptionResult,
  ServiceView,
} from './api/client.ts';
export type { PartnerListItem, PartnerPage, PublicDelegationView } from './api/client.ts';
export type { AttentionItem, OverviewQuery, OverviewView, WebhooksOverview } from './api/client.ts';
export type {
  EventType,
  NewWebhookEndpoint,
  WebhookAttemptView,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointUpdate,
  WebhookSecretView,
} from './api/client.ts';
export type {
  AuditEntryView,
  AuditPage,
  CustomerDetail,
  CustomerListItem,
  CustomerPage,
  CustomerQuery,
  DelegationRequestView,
  DelegationView,
  ServiceRequestView,
  SubscriptionView,
} from './api/client.ts';
export { apiClientContext } from './api/context.ts';
export * from './events.ts';

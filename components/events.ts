/**
 * The events partnerkit elements fire, typed once. All bubble and are composed, so a host page
 * can listen on the element, on `<partner-session>` or on `document`.
 */
import type {
  CompanyView,
  CustomerDetail,
  CustomerListItem,
  DelegationRequestView,
  OfferView,
  RedemptionResult,
  ServiceRequestView,
  SessionView,
  UserView,
  WebhookDelivery,
  WebhookEndpoint,
} from './api/client.ts';
import type { DelegationView, PublicDelegationView } from './api/client.ts';

/** A session started (sign-in, or a password change that replaced the session): `{ token, expiresAt, user }`. */
export type PartnerSignedInDetail = SessionView;
/** The session ended; nothing more to say yet. */
export type PartnerSignedOutDetail = Record<string, never>;

/** `<partner-user-list>` added a user: the new user (its temporary password is not in the event). */
export type PartnerUserCreatedDetail = UserView;
/** `<partner-user-list>` changed a user's name, roles, partner access or disabled state: the user as saved. */
export type PartnerUserUpdatedDetail = UserView;
/**
 * `<partner-user-list>` or `<partner-customer-detail>` reset a user's password (their sessions
 * ended): `{ user }`, and `customerId` when the user belongs to a customer (delegated admin).
 */
export type PartnerPasswordResetDetail = { user: UserView; customerId?: string };
/** `<partner-company-profile>` saved the profile: the company as saved. */
export type PartnerCompanyUpdatedDetail = CompanyView;
/** `<partner-offer-builder>` created an offer: the offer with its `code` and `url`. */
export type PartnerOfferCreatedDetail = OfferView;
/** `<partner-offer-builder>` revoked an offer: the offer as revoked. */
export type PartnerOfferRevokedDetail = OfferView;
/**
 * `<partner-signup>` redeemed an offer: the customer, its subscriptions, the delegation state and
 * the company's name. `token` / `expiresAt` are a session for the admin who signed up (the new
 * admin's, or the one the person signed in with), so the host page may sign them in; treat it as
 * a secret (memory only).
 */
export type PartnerSignupCompletedDetail = RedemptionResult & { companyName: string };
/** `<partner-customer-list>` opened a customer: the customer as its list row shows it. */
export type PartnerCustomerSelectedDetail = CustomerListItem;
/**
 * `<partner-customer-detail>` (also the one inside `<partner-customer-list>`) loaded the
 * customer, first or again after an action: the customer with its permissions.
 */
export type PartnerCustomerLoadedDetail = CustomerDetail;
/** `<partner-customer-detail>` opened a service request for a customer: the request as saved. */
export type PartnerServiceRequestCreatedDetail = ServiceRequestView;
/** `<partner-customer-detail>` asked a customer for delegated admin: the request, with the consent `url` to send. */
export type PartnerDelegationRequestedDetail = DelegationRequestView;

/** `<partner-delegation-consent>` accepted a partner's request: the request as answered (`status: 'active'`, `expiresAt`). */
export type PartnerDelegationAcceptedDetail = PublicDelegationView;
/** `<partner-delegation-consent>` declined a partner's request: the request as answered (`status: 'declined'`). */
export type PartnerDelegationDeclinedDetail = PublicDelegationView;
/** `<partner-delegation-consent>` revoked a partner's delegated administration: `{ partnerId, delegation }` (as revoked). */
export type PartnerDelegationRevokedDetail = { partnerId: string; delegation: DelegationView };

/** `<partner-webhooks>` added an endpoint: the endpoint as saved (its signing secret is not in the event). */
export type PartnerWebhookEndpointCreatedDetail = WebhookEndpoint;
/** `<partner-webhooks>` enabled or disabled an endpoint: the endpoint as saved. */
export type PartnerWebhookEndpointUpdatedDetail = WebhookEndpoint;
/** `<partner-webhooks>` deleted an endpoint: the endpoint as it was. */
export type PartnerWebhookEndpointDeletedDetail = WebhookEndpoint;
/** `<partner-webhooks>` rotated an endpoint's signing secret: the endpoint (`previousSecretExpiresAt` says until when the old one signs too; the secret is not in the event). */
export type PartnerWebhookSecretRotatedDetail = WebhookEndpoint;
/** `<partner-webhooks>` sent a test event, or a delivery again: `{ endpointId, delivery }` (pending). */
export type PartnerWebhookDeliveryDetail = { endpointId: string; delivery: WebhookDelivery };

/** `<partner-portal>` showed another tab: `{ tab }`. */
export type PartnerTabChangedDetail = { tab: 'overview' | 'customers' | 'offers' | 'users' | 'company' | 'webhooks' };

/**
 * `<partner-overview>` asks its host to go somewhere: `company` (the profile), `trial-invitation`
 * or `purchase-offer` (the offer builder), `customers` (the customer list), `delegation` (a
 * customer's delegated admin), `customer` (one customer, `customerId`), `follow-up` (a purchase
 * offer for `customerId`'s trial, prefilled with `followUp`), or `webhooks` (endpoints disabled
 * after failing). `<partner-portal>` routes each to a
 * tab; a host page with its own pages routes them itself.
 */
export type PartnerActionDetail = {
  action: 'company' | 'trial-invitation' | 'purchase-offer' | 'customers' | 'delegation' | 'customer' | 'follow-up' | 'webhooks';
  customerId?: string;
  followUp?: OfferFollowUp;
};

/** What a follow-up purchase offer starts from: the customer it is addressed to, and the trial's service and license count. */
export type OfferFollowUp = { customer: { id: string; name: string }; serviceId: string; licenses: number };

export interface PartnerEventDetails {
  'partner-signed-in': PartnerSignedInDetail;
  'partner-signed-out': PartnerSignedOutDetail;
  'partner-user-created': PartnerUserCreatedDetail;
  'partner-user-updated': PartnerUserUpdatedDetail;
  'partner-password-reset': PartnerPasswordResetDetail;
  'partner-company-updated': PartnerCompanyUpdatedDetail;
  'partner-offer-created': PartnerOfferCreatedDetail;
  'partner-offer-revoked': PartnerOfferRevokedDetail;
  'partner-signup-completed': PartnerSignupCompletedDetail;
  'partner-customer-selected': PartnerCustomerSelectedDetail;
  'partner-customer-loaded': PartnerCustomerLoadedDetail;
  'partner-service-request-created': PartnerServiceRequestCreatedDetail;
  'partner-delegation-requested': PartnerDelegationRequestedDetail;
  'partner-delegation-accepted': PartnerDelegationAcceptedDetail;
  'partner-delegation-declined': PartnerDelegationDeclinedDetail;
  'partner-delegation-revoked': PartnerDelegationRevokedDetail;
  'partner-webhook-endpoint-created': PartnerWebhookEndpointCreatedDetail;
  'partner-webhook-endpoint-updated': PartnerWebhookEndpointUpdatedDetail;
  'partner-webhook-endpoint-deleted': PartnerWebhookEndpointDeletedDetail;
  'partner-webhook-secret-rotated': PartnerWebhookSecretRotatedDetail;
  'partner-webhook-test-sent': PartnerWebhookDeliveryDetail;
  'partner-webhook-delivery-replayed': PartnerWebhookDeliveryDetail;
  'partner-tab-changed': PartnerTabChangedDetail;
  'partner-action': PartnerActionDetail;
}

/** Builds a partnerkit event: bubbling and composed, so it leaves the shadow DOM. */
export function partnerEvent<K extends keyof PartnerEventDetails>(type: K, detail: PartnerEventDetails[K]): CustomEvent<PartnerEventDetails[K]> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}

/** Each event as listeners receive it. */
type PartnerEvents = { [K in keyof PartnerEventDetails]: CustomEvent<PartnerEventDetails[K]> };

declare global {
  // One list (PartnerEventDetails) types both `partnerEvent` and `addEventListener`.
  interface GlobalEventHandlersEventMap extends PartnerEvents {}
}

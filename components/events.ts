/**
 * The events partnerkit elements fire, typed once. All bubble and are composed, so a host page
 * can listen on the element, on `<partner-session>` or on `document`.
 */
import type { CompanyView, OfferView, RedemptionResult, SessionView, UserView } from './api/client.ts';

/** A session started (sign-in, or a password change that replaced the session): `{ token, expiresAt, user }`. */
export type PartnerSignedInDetail = SessionView;
/** The session ended; nothing more to say yet. */
export type PartnerSignedOutDetail = Record<string, never>;

/** `<partner-user-list>` added a user: the new user (its temporary password is not in the event). */
export type PartnerUserCreatedDetail = UserView;
/** `<partner-user-list>` changed a user's name, roles, partner access or disabled state: the user as saved. */
export type PartnerUserUpdatedDetail = UserView;
/** `<partner-user-list>` reset a user's password (their sessions ended): `{ user }`. */
export type PartnerPasswordResetDetail = { user: UserView };
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
}

/** Builds a partnerkit event: bubbling and composed, so it leaves the shadow DOM. */
export function partnerEvent<K extends keyof PartnerEventDetails>(type: K, detail: PartnerEventDetails[K]): CustomEvent<PartnerEventDetails[K]> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-signed-in': CustomEvent<PartnerSignedInDetail>;
    'partner-signed-out': CustomEvent<PartnerSignedOutDetail>;
    'partner-user-created': CustomEvent<PartnerUserCreatedDetail>;
    'partner-user-updated': CustomEvent<PartnerUserUpdatedDetail>;
    'partner-password-reset': CustomEvent<PartnerPasswordResetDetail>;
    'partner-company-updated': CustomEvent<PartnerCompanyUpdatedDetail>;
    'partner-offer-created': CustomEvent<PartnerOfferCreatedDetail>;
    'partner-offer-revoked': CustomEvent<PartnerOfferRevokedDetail>;
    'partner-signup-completed': CustomEvent<PartnerSignupCompletedDetail>;
  }
}

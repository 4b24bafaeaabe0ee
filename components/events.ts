/**
 * The events partnerkit elements fire, typed once. All bubble and are composed, so a host page
 * can listen on the element, on `<partner-session>` or on `document`.
 */
import type { SessionView } from './api/client.ts';

/** A session started (sign-in, or a password change that replaced the session): `{ token, expiresAt, user }`. */
export type PartnerSignedInDetail = SessionView;
/** The session ended; nothing more to say yet. */
export type PartnerSignedOutDetail = Record<string, never>;

export interface PartnerEventDetails {
  'partner-signed-in': PartnerSignedInDetail;
  'partner-signed-out': PartnerSignedOutDetail;
}

/** Builds a partnerkit event: bubbling and composed, so it leaves the shadow DOM. */
export function partnerEvent<K extends keyof PartnerEventDetails>(type: K, detail: PartnerEventDetails[K]): CustomEvent<PartnerEventDetails[K]> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-signed-in': CustomEvent<PartnerSignedInDetail>;
    'partner-signed-out': CustomEvent<PartnerSignedOutDetail>;
  }
}

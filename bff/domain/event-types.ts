/**
 * The event catalogue's types on their own, importing nothing, so that the webhooks widget
 * (components/partner-webhooks) lists the same ones from the same array as the BFF does.
 */
/** Every event type, in the order the README's catalogue lists them. */
export const eventTypes = [
  'customer.created',
  'offer.redeemed',
  'trial.converted',
  'offer.revoked',
  'offer.expired',
  'trial.ending',
  'trial.ended',
  'delegation.requested',
  'delegation.accepted',
  'delegation.declined',
  'delegation.revoked',
  'delegation.expiring',
  'delegation.expired',
  'user.created',
  'user.access_changed',
  'service_request.created',
] as const;
export type EventType = (typeof eventTypes)[number];

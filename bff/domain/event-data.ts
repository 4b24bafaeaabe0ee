/**
 * What events say about the things they name (README, "Events"): ids and the names a receiver
 * needs to act without calling back, never secrets (offer and delegation codes, password
 * hashes). Every event builds its `data` from these, so one thing reads the same in every type.
 */
import type { Company, Delegation, Service, Subscription, User } from '../../db/schema.ts';
import type { offers } from '../../db/schema.ts';

type Offer = typeof offers.$inferSelect;

const iso = (at: Date | null) => at?.toISOString() ?? null;

export const customerData = (c: Pick<Company, 'id' | 'name'>) => ({ id: c.id, name: c.name });

export const offerData = (o: Pick<Offer, 'id' | 'kind' | 'name'>) => ({ id: o.id, kind: o.kind, name: o.name });

export const delegationData = (d: Pick<Delegation, 'id' | 'level' | 'status' | 'expiresAt' | 'requestExpiresAt'>) => ({
  id: d.id,
  level: d.level,
  status: d.status,
  expiresAt: iso(d.expiresAt),
  requestExpiresAt: iso(d.requestExpiresAt),
});

export const subscriptionData = (
  s: Pick<Subscription, 'id' | 'status' | 'licenses' | 'trialEndsAt'>,
  service: Pick<Service, 'id' | 'sku' | 'name'>,
) => ({ id: s.id, serviceId: service.id, sku: service.sku, name: service.name, status: s.status, licenses: s.licenses, trialEndsAt: iso(s.trialEndsAt) });

/** A partner's own user as its systems would mirror it (no password, hash or session). */
export const userData = (u: Pick<User, 'id' | 'email' | 'displayName' | 'companyRoles' | 'partnerAccess' | 'disabledAt'>) => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  companyRoles: [...u.companyRoles],
  partnerAccess: u.partnerAccess,
  disabled: u.disabledAt !== null,
});

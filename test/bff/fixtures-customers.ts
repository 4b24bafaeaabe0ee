/**
 * Fixtures for the customer, delegation, assist and audit tests: partners, customers linked to
 * them in any delegation state, and users inserted straight through drizzle with one shared
 * password hash (scrypt costs 50–100 ms a hash; only sign-ins pay it, once per actor).
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import {
  auditEvents,
  companies,
  delegations,
  partnerCustomers,
  services,
  subscriptions,
  users,
  type Company,
  type CompanyRole,
  type DelegationLevel,
  type PartnerAccess,
  type Service,
  type User,
} from '../../db/schema.ts';
import { hashPassword } from '../../bff/passwords.ts';
import { defaultPassword, uniqueEmail, uniqueSuffix, type TestApp } from './harness.ts';

const day = 86_400_000;

let sharedHash: Promise<string> | undefined;
/** The hash of `defaultPassword`, computed once per test file. */
export const passwordHash = () => (sharedHash ??= hashPassword(defaultPassword));

export interface Member {
  user: User;
  email: string;
  password: string;
}

export interface SignedIn extends Member {
  token: string;
}

export async function insertUser(
  t: TestApp,
  companyId: string,
  input: { companyRoles?: CompanyRole[]; partnerAccess?: PartnerAccess; displayName?: string; email?: string } = {},
): Promise<Member> {
  const email = input.email ?? uniqueEmail('fx');
  const [user] = await t.db
    .insert(users)
    .values({
      companyId,
      email,
      displayName: input.displayName ?? `User ${uniqueSuffix()}`,
      passwordHash: await passwordHash(),
      companyRoles: input.companyRoles ?? [],
      partnerAccess: input.partnerAccess ?? 'none',
    })
    .returning();
  return { user: user!, email, password: defaultPassword };
}

export async function signedIn(t: TestApp, member: Member): Promise<SignedIn> {
  return { ...member, token: (await t.signIn(member.email, member.password)).token };
}

/** A partner user with the given access (no own-company roles), signed in. */
export async function partnerUser(t: TestApp, partnerId: string, partnerAccess: PartnerAccess, companyRoles: CompanyRole[] = []) {
  return signedIn(t, await insertUser(t, partnerId, { partnerAccess, companyRoles }));
}

/** One service with roomy bounds, unique per call so files sharing a database never collide. */
export async function createService(t: TestApp, bounds: { min?: number; max?: number } = {}): Promise<Service> {
  const tag = uniqueSuffix();
  const [service] = await t.db
    .insert(services)
    .values({ sku: `FX-${tag}`, name: `Fixture ${tag}`, description: 'Fixture service', trialDays: 30, priceMinor: 500, currency: 'USD', minLicenses: bounds.min ?? 1, maxLicenses: bounds.max ?? 300 })
    .returning();
  return service!;
}

/** Delegation states as the tests name them; `expired` is an active delegation past its end. */
export const delegationStates = ['none', 'pending', 'active-full', 'active-limited', 'expired', 'revoked', 'declined'] as const;
export type DelegationFixture = (typeof delegationStates)[number];

/** The level a state leaves in force, as the BFF computes the scope: only an active one counts. */
export function activeLevel(state: DelegationFixture): DelegationLevel | null {
  return state === 'active-full' ? 'full' : state === 'active-limited' ? 'limited' : null;
}

export async function insertDelegation(
  t: TestApp,
  pair: { partnerId: string; customerId: string },
  state: Exclude<DelegationFixture, 'none'>,
  extra: Partial<typeof delegations.$inferInsert> = {},
) {
  const now = t.clock.now();
  const level: DelegationLevel = state === 'active-limited' ? 'limited' : 'full';
  const status = state === 'active-full' || state === 'active-limited' || state === 'expired' ? 'active' : state;
  const [row] = await t.db
    .insert(delegations)
    .values({
      ...pair,
      level,
      status,
      code: randomBytes(20).toString('base64url'),
      requestExpiresAt: status === 'pending' ? new Date(now.getTime() + 30 * day) : null,
      expiresAt: state === 'expired' ? new Date(now.getTime() - 3_600_000) : null,
      answeredAt: status === 'pending' ? null : new Date(now.getTime() - day),
      revokedAt: status === 'revoked' ? now : null,
      createdAt: new Date(now.getTime() - 2 * day),
      ...extra,
    })
    .returning();
  return row!;
}

export interface CustomerFixture {
  customer: Company;
  /** The customer's global admin (not signed in). */
  admin: Member;
  /** A user without admin roles. */
  member: Member;
  subscription: typeof subscriptions.$inferSelect;
}

/** A customer company linked to the partner, with an admin, a member and a subscription through the partner. */
export async function linkCustomer(
  t: TestApp,
  partnerId: string,
  input: {
    name?: string;
    domain?: string | null;
    since?: Date;
    delegation?: DelegationFixture;
    service?: Service;
    subscription?: { status?: 'trial' | 'active' | 'expired' | 'cancelled'; trialEndsAt?: Date | null; licenses?: number };
  } = {},
): Promise<CustomerFixture> {
  const tag = uniqueSuffix();
  const [customer] = await t.db
    .insert(companies)
    .values({ kind: 'customer', name: input.name ?? `Customer ${tag}`, domain: input.domain === undefined ? `c-${tag}.example` : input.domain })
    .returning();
  await t.db.insert(partnerCustomers).values({ partnerId, customerId: customer!.id, isAdvisor: true, createdAt: input.since ?? t.clock.now() });
  const admin = await insertUser(t, customer!.id, { companyRoles: ['global_admin'], displayName: `Admin ${tag}` });
  const member = await insertUser(t, customer!.id, { displayName: `Member ${tag}` });
  const service = input.service ?? (await createService(t));
  const [subscription] = await t.db
    .insert(subscriptions)
    .values({
      customerId: customer!.id,
      serviceId: service.id,
      advisorId: partnerId,
      status: input.subscription?.status ?? 'active',
      licenses: input.subscription?.licenses ?? 10,
      trialEndsAt: input.subscription?.trialEndsAt ?? null,
    })
    .returning();
  if (input.delegation && input.delegation !== 'none') await insertDelegation(t, { partnerId, customerId: customer!.id }, input.delegation);
  return { customer: customer!, admin, member, subscription: subscription! };
}

/** Audit rows in a customer, optionally only one actor's or one action's. */
export async function auditRows(t: TestApp, customerId: string, filter: { actorUserId?: string; action?: string } = {}) {
  return t.db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.customerId, customerId),
        filter.actorUserId ? eq(auditEvents.actorUserId, filter.actorUserId) : undefined,
        filter.action ? eq(auditEvents.action, filter.action) : undefined,
      ),
    );
}

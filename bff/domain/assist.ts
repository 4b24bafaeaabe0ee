/**
 * Assisting a customer under delegated admin (DESIGN.md §2): the customer's users through the
 * very functions that manage a company's own users (same rules, checked with the customer's
 * scope), and license counts. Every change goes through `assist()`: audited in its transaction.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { services, subscriptions, subscriptionStatus } from '../../db/schema.ts';
import type { Deps } from '../env.ts';
import { ApiError, conflict, notFound } from '../errors.ts';
import { assertCan, type Actor } from '../permissions.ts';
import { assist, assistRead, openCustomer, type CustomerAccess, type RecordChange } from './customer-access.ts';
import {
  createUser,
  listUsers,
  resetUserPassword,
  updateUser,
  type createUserSchema,
  type listUsersQuerySchema,
  type updateUserSchema,
  type UserTenant,
} from './users.ts';

/** The customer's users as a tenant for the user functions, audited through `record`. */
function customerTenant(access: CustomerAccess, record?: RecordChange): UserTenant {
  return {
    scope: access.scope,
    ...(record ? { onChange: (tx, change) => record(tx, { targetId: change.user.id, details: change.details }) } : {}),
  };
}

export async function listCustomerUsers(deps: Deps, actor: Actor, customerId: string, query: z.infer<typeof listUsersQuerySchema>) {
  const access = await openCustomer(deps, actor, customerId);
  return assistRead(actor, access, () => listUsers(deps, actor, query, customerTenant(access)));
}

export async function createCustomerUser(deps: Deps, actor: Actor, customerId: string, input: z.infer<typeof createUserSchema>) {
  const access = await openCustomer(deps, actor, customerId);
  return assist(deps, actor, access, { action: 'user.created', targetType: 'user' }, (record) =>
    createUser(deps, actor, input, customerTenant(access, record)),
  );
}

export async function updateCustomerUser(
  deps: Deps,
  actor: Actor,
  customerId: string,
  userId: string,
  input: z.infer<typeof updateUserSchema>,
) {
  const access = await openCustomer(deps, actor, customerId);
  return assist(deps, actor, access, { action: 'user.updated', targetType: 'user', targetId: userId }, (record) =>
    updateUser(deps, actor, userId, input, customerTenant(access, record)),
  );
}

export async function resetCustomerUserPassword(deps: Deps, actor: Actor, customerId: string, userId: string) {
  const access = await openCustomer(deps, actor, customerId);
  return assist(deps, actor, access, { action: 'user.password_reset', targetType: 'user', targetId: userId }, (record) =>
    resetUserPassword(deps, actor, userId, customerTenant(access, record)),
  );
}

export const updateSubscriptionSchema = z.object({
  licenses: z.number().int().min(1).describe('Within the service’s minimum and maximum'),
});

export const subscriptionViewSchema = z.object({
  id: z.string(),
  serviceId: z.string(),
  sku: z.string(),
  name: z.string(),
  status: z.enum([...subscriptionStatus.enumValues.filter((s) => s !== 'expired'), 'expired_trial']).describe('`expired_trial`: a trial past its end'),
  licenses: z.number().int(),
  minLicenses: z.number().int(),
  maxLicenses: z.number().int(),
  trialEndsAt: z.iso.datetime().nullable(),
  advisedByYou: z.boolean().describe('Your company is the subscription advisor'),
});
export type SubscriptionView = z.infer<typeof subscriptionViewSchema>;
export type SubscriptionState = SubscriptionView['status'];

/** A subscription's state as of now: a trial past its end (or marked expired) is an expired trial. */
export function subscriptionState(s: { status: (typeof subscriptionStatus.enumValues)[number]; trialEndsAt: Date | null }, now: Date): SubscriptionState {
  if (s.status === 'expired' || (s.status === 'trial' && s.trialEndsAt && s.trialEndsAt <= now)) return 'expired_trial';
  return s.status;
}

type SubscriptionRow = typeof subscriptions.$inferSelect;
type ServiceRow = typeof services.$inferSelect;

export function toSubscriptionView(s: SubscriptionRow, service: ServiceRow, partnerId: string, now: Date): SubscriptionView {
  return {
    id: s.id,
    serviceId: service.id,
    sku: service.sku,
    name: service.name,
    status: subscriptionState(s, now),
    licenses: s.licenses,
    minLicenses: service.minLicenses,
    maxLicenses: service.maxLicenses,
    trialEndsAt: s.trialEndsAt?.toISOString() ?? null,
    advisedByYou: s.advisorId === partnerId,
  };
}

/** Changes a subscription's license count within the service's bounds (a trial's too). */
export async function updateCustomerSubscription(
  deps: Deps,
  actor: Actor,
  customerId: string,
  subscriptionId: string,
  input: z.infer<typeof updateSubscriptionSchema>,
): Promise<SubscriptionView> {
  const access = await openCustomer(deps, actor, customerId);
  return assist(deps, actor, access, { action: 'subscription.updated', targetType: 'subscription', targetId: subscriptionId }, async (record) => {
    assertCan(actor, 'subscriptions:manage', access.scope);
    const now = deps.clock();
    return deps.db.transaction(async (tx) => {
      const [row] = await tx
        .select({ subscription: subscriptions, service: services })
        .from(subscriptions)
        .innerJoin(services, eq(services.id, subscriptions.serviceId))
        .where(and(eq(subscriptions.id, subscriptionId), eq(subscriptions.customerId, access.customer.id)))
        .for('update', { of: subscriptions });
      if (!row) throw notFound('Subscription');
      const { subscription, service } = row;
      const state = subscriptionState(subscription, now);
      if (state !== 'active' && state !== 'trial') {
        throw conflict('subscription_inactive', `${service.name} is not running (${state.replace('_', ' ')}); its licenses cannot change.`);
      }
      if (input.licenses < service.minLicenses || input.licenses > service.maxLicenses) {
        throw new ApiError(422, 'validation_failed', 'The license count is out of bounds.', [
          { path: 'body.licenses', message: `${service.name} takes between ${service.minLicenses} and ${service.maxLicenses} licenses.` },
        ]);
      }
      const [updated] = await tx
        .update(subscriptions)
        .set({ licenses: input.licenses, updatedAt: now })
        .where(eq(subscriptions.id, subscription.id))
        .returning();
      await record(tx, { details: { service: service.sku, from: subscription.licenses, to: input.licenses } });
      return toSubscriptionView(updated!, service, actor.companyId, now);
    });
  });
}

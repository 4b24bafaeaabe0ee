/**
 * How a partner user reaches a customer: the customer must be the partner's (else 404, like an
 * unknown id), and what the user may do there comes only from the permission table, through
 * the scope `{companyId: customer, delegation: level of the active delegation}`.
 *
 * `assist()` wraps every change made in a customer's tenant: refused without any rights there
 * (`no_delegation`), recorded in the audit trail in the same transaction as the change, and
 * re-checked under a row lock, so a revocation that commits first always wins.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { companies, delegations, partnerCustomers, type Company, type Delegation } from '../../db/schema.ts';
import type { Deps } from '../env.ts';
import { ApiError, notFound } from '../errors.ts';
import { assertCan, permissionsIn, type Actor, type Scope } from '../permissions.ts';
import { recordAudit } from './audit.ts';
import { delegationStatus } from './delegation-state.ts';
import { findActiveDelegation } from './delegations.ts';

export interface CustomerAccess {
  customer: Company;
  isAdvisor: boolean;
  linkedAt: Date;
  /** The partner's delegation in force now, if any. */
  delegation: Delegation | null;
  /** Where `can()` evaluates the actor's rights in this customer. */
  scope: Scope;
}

/**
 * One of the partner's customers, with the actor's scope there. A user without partner access
 * gets 403 before anything is looked up; a customer that is not the partner's is a 404.
 */
export async function openCustomer(deps: Deps, actor: Actor, customerId: string): Promise<CustomerAccess> {
  assertCan(actor, 'partner:use');
  const [row] = await deps.db
    .select({ customer: companies, link: partnerCustomers })
    .from(partnerCustomers)
    .innerJoin(companies, eq(companies.id, partnerCustomers.customerId))
    .where(and(eq(partnerCustomers.partnerId, actor.companyId), eq(partnerCustomers.customerId, customerId)))
    .limit(1);
  if (!row) throw notFound('Customer');
  const delegation = await findActiveDelegation(deps.db, actor.companyId, customerId, deps.clock());
  return {
    customer: row.customer,
    isAdvisor: row.link.isAdvisor,
    linkedAt: row.link.createdAt,
    delegation,
    scope: { companyId: customerId, delegation: delegation?.level ?? null },
  };
}

/** 403 when the table gives the actor nothing at all in this customer: no delegation in force. */
function assertAnyRights(actor: Actor, access: CustomerAccess) {
  if (permissionsIn(actor, access.scope).size > 0) return;
  throw access.delegation
    ? new ApiError(403, 'forbidden', 'Your partner access does not reach this customer’s tenant.')
    : new ApiError(
        403,
        'no_delegation',
        `${access.customer.name} has not granted your company delegated administration (or it was revoked or has expired). Send a delegation request first.`,
      );
}

/** Reading inside the customer's tenant; the read itself checks its permission with `access.scope`. */
export async function assistRead<T>(actor: Actor, access: CustomerAccess, read: () => Promise<T>): Promise<T> {
  assertAnyRights(actor, access);
  return read();
}

export interface AssistAction {
  /** Audit action, e.g. `user.password_reset`. */
  action: string;
  targetType: string;
  /** Known up front for changes to existing things; creations name it when they record. */
  targetId?: string;
}

/** Records the change inside its transaction; a creation passes the new target's id. */
export type RecordChange = (tx: Tx, entry: { targetId?: string; details?: Record<string, unknown> }) => Promise<void>;

/**
 * Runs one change in the customer's tenant. `change` does the work and calls `record` inside
 * its transaction; when the delegation no longer holds by then, the whole change rolls back.
 * A refusal (403) leaves an audit row with outcome `denied`, never `success`.
 */
export async function assist<T>(
  deps: Deps,
  actor: Actor,
  access: CustomerAccess,
  what: AssistAction,
  change: (record: RecordChange) => Promise<T>,
): Promise<T> {
  const now = deps.clock();
  const base = { customerId: access.customer.id, partnerId: actor.companyId, actorUserId: actor.userId, action: what.action, targetType: what.targetType };
  try {
    assertAnyRights(actor, access);
    return await change(async (tx, entry) => {
      await assertStillDelegated(tx, access, now);
      await recordAudit(tx, { ...base, targetId: entry.targetId ?? what.targetId, details: entry.details }, now);
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      await recordAudit(deps.db, { ...base, targetId: what.targetId, outcome: 'denied', details: { reason: error.code, message: error.message } }, now);
    }
    throw error;
  }
}

/**
 * Holds the delegation row (FOR SHARE) until the change commits: a revocation either committed
 * before (and is seen here) or waits until after the change.
 */
async function assertStillDelegated(tx: Tx, access: CustomerAccess, now: Date) {
  const id = access.delegation?.id;
  const [row] = id ? await tx.select().from(delegations).where(eq(delegations.id, id)).for('share') : [];
  if (!row || delegationStatus(row, now) !== 'active') {
    throw new ApiError(403, 'no_delegation', `${access.customer.name} revoked the delegation, or it expired, a moment ago.`);
  }
}

/**
 * A delegation's state as time moves (DESIGN.md §2): an active delegation past its end and a
 * request past its deadline are expired from that instant on, whether or not anything has
 * written that down yet. Every reader works the state out here, in JavaScript or in SQL, from
 * the request's clock; only writes store it (`expireLapsedDelegations`).
 */
import { and, eq, gt, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { delegations, type Delegation } from '../../db/schema.ts';

type StoredStatus = Delegation['status'];
/** What the lists show and filter by: a stored status as of now, or `none` when there never was one. */
export const delegationStates = ['none', 'pending', 'active', 'expired', 'revoked', 'declined'] as const;
export type DelegationState = (typeof delegationStates)[number];

/** The status as of `now`: an active delegation past its end, or a request past its deadline, is expired. */
export function delegationStatus(d: Pick<Delegation, 'status' | 'expiresAt' | 'requestExpiresAt'>, now: Date): StoredStatus {
  if (d.status === 'active' && d.expiresAt && d.expiresAt <= now) return 'expired';
  if (d.status === 'pending' && d.requestExpiresAt && d.requestExpiresAt <= now) return 'expired';
  return d.status;
}

/**
 * An instant in SQL: a Date goes as a bound ISO value (so both drivers pass it the same way);
 * an SQL expression (e.g. a prepared statement's placeholder) is used as it is.
 */
export type Instant = Date | SQL;
export const instant = (at: Instant): SQL => (at instanceof Date ? sql`${at.toISOString()}::timestamptz` : at);

/** `delegationStatus` in SQL, over the `delegations` table of the surrounding query. */
export function delegationStatusSql(now: Instant): SQL<StoredStatus> {
  return sql<StoredStatus>`case
    when ${delegations.status} = 'active' and ${delegations.expiresAt} <= ${instant(now)} then 'expired'
    when ${delegations.status} = 'pending' and ${delegations.requestExpiresAt} <= ${instant(now)} then 'expired'
    else ${delegations.status}::text end`;
}

/** Active, and not past its end: the only state that grants anything. */
export function activeNow(now: Instant) {
  return and(eq(delegations.status, 'active'), or(isNull(delegations.expiresAt), gt(delegations.expiresAt, instant(now))));
}

/** Pending, and not past its deadline: a request the customer can still answer. */
export function pendingNow(now: Instant) {
  return and(eq(delegations.status, 'pending'), or(isNull(delegations.requestExpiresAt), gt(delegations.requestExpiresAt, instant(now))));
}

/** Stored as active or pending, but ended by time at `now`: expired, though not written down yet. */
export function lapsedBy(now: Instant) {
  return or(
    and(eq(delegations.status, 'active'), lte(delegations.expiresAt, instant(now))),
    and(eq(delegations.status, 'pending'), lte(delegations.requestExpiresAt, instant(now))),
  );
}

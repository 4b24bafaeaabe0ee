/**
 * Delegated administration (DESIGN.md §2): a partner asks an existing customer, the customer's
 * global admin accepts or declines through the request's code, and may revoke it at any time;
 * an active delegation may end by itself, and an unanswered request lapses.
 *
 * Status depends on time, so every reader computes it from the clock (`delegationStatus`,
 * `delegationStatusSql`): a delegation past its end counts as expired at once, everywhere. The
 * stored status catches up lazily (`expireLapsedDelegations`), which also writes the one
 * `delegation.expired` audit row. Nothing is cached: a revocation holds from the next request.
 */
import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { uniqueViolation, type Db, type Tx } from '../../db/database.ts';
import { auditEvents, companies, delegationLevel, delegations, delegationStatus as delegationStatusEnum, partnerCustomers, type Company, type Delegation } from '../../db/schema.ts';
import { cursorId, decodeCursor, pageQuerySchema, toPage } from '../cursor.ts';
import type { Auth, Deps } from '../env.ts';
import { ApiError, conflict, notFound } from '../errors.ts';
import { idSchema } from '../ids.ts';
import { assertCan, can, delegationLevels, permissionsIn, type Actor } from '../permissions.ts';
import { generateCode } from '../tokens.ts';
import { auditQuerySchema, lapsedDelegationEntries, recordAudit, type AuditFilter } from './audit.ts';
import { activeNow, delegationStates, delegationStatus, lapsedBy } from './delegation-state.ts';
import { customerData, delegationData } from './event-data.ts';
import { recordEvent, type EventType } from './events.ts';

const day = 86_400_000;

/**
 * Writes down what time already decided: active delegations past their end and requests past
 * their deadline become `expired`, each with its one `delegation.expired` audit row (the entry
 * the trail already showed: `lapsedDelegationEntries`). The row goes first and is keyed by the
 * delegation, so a run cut short between the two statements, or two runs at once, still leave
 * exactly one; running it again finds nothing left to do. Only writes call it: reads work the
 * state out from the clock.
 */
export async function expireLapsedDelegations(db: Db | Tx, where: { partnerId?: string; customerId?: string }, now: Date) {
  await db.insert(auditEvents).select(lapsedDelegationEntries(db, where, now)).onConflictDoNothing();
  await db
    .update(delegations)
    .set({ status: 'expired', updatedAt: now })
    .where(
      and(
        where.partnerId ? eq(delegations.partnerId, where.partnerId) : undefined,
        where.customerId ? eq(delegations.customerId, where.customerId) : undefined,
        lapsedBy(now),
      ),
    );
}

/** The delegation in force between a partner and a customer, if any. */
export async function findActiveDelegation(db: Db | Tx, partnerId: string, customerId: string, now: Date): Promise<Delegation | null> {
  const [row] = await db
    .select()
    .from(delegations)
    .where(and(eq(delegations.partnerId, partnerId), eq(delegations.customerId, customerId), activeNow(now)))
    .limit(1);
  return row ?? null;
}

/**
 * Tells the delegation's partner what became of it, in the change's transaction: the delegation,
 * the customer by name, and whatever the change adds (`reason`, `via`).
 */
export async function recordDelegationEvent(
  tx: Db | Tx,
  type: Extract<EventType, `delegation.${string}`>,
  delegation: Delegation,
  at: Date,
  extra: Record<string, unknown> = {},
) {
  const [customer] = await tx.select({ id: companies.id, name: companies.name }).from(companies).where(eq(companies.id, delegation.customerId));
  const data = { delegation: delegationData(delegation), customer: customer ? customerData(customer) : { id: delegation.customerId, name: null }, ...extra };
  return recordEvent(tx, { partnerId: delegation.partnerId, type, data }, at);
}

export const delegationViewSchema = z.object({
  id: z.string().nullable(),
  status: z.enum(delegationStates),
  level: z.enum(delegationLevel.enumValues).nullable(),
  expiresAt: z.iso.datetime().nullable().describe('When an active delegation ends by itself; null for no end date'),
  requestExpiresAt: z.iso.datetime().nullable().describe('When an unanswered request lapses'),
  answeredAt: z.iso.datetime().nullable(),
});
export type DelegationView = z.infer<typeof delegationViewSchema>;

export const noDelegation: DelegationView = { id: null, status: 'none', level: null, expiresAt: null, requestExpiresAt: null, answeredAt: null };

/** What a view of a delegation needs of it. */
type DelegationFacts = Pick<Delegation, 'id' | 'status' | 'level' | 'expiresAt' | 'requestExpiresAt' | 'answeredAt' | 'createdAt'>;

export function toDelegationView(d: DelegationFacts | null | undefined, now: Date): DelegationView {
  if (!d) return noDelegation;
  return {
    id: d.id,
    status: delegationStatus(d, now),
    level: d.level,
    expiresAt: d.expiresAt?.toISOString() ?? null,
    requestExpiresAt: d.requestExpiresAt?.toISOString() ?? null,
    answeredAt: d.answeredAt?.toISOString() ?? null,
  };
}

/** Among one pair's delegations, the one the lists show: in force, else an open request, else the latest. */
export function pickCurrent<D extends DelegationFacts>(rows: readonly D[], now: Date): D | null {
  const rank = (d: D) => {
    const status = delegationStatus(d, now);
    return status === 'active' ? 2 : status === 'pending' ? 1 : 0;
  };
  const sorted = [...rows].sort((a, b) => rank(b) - rank(a) || b.createdAt.getTime() - a.createdAt.getTime() || (b.id < a.id ? -1 : 1));
  return sorted[0] ?? null;
}

/** An open request the customer can still answer. */
export function pickPending(rows: readonly Delegation[], now: Date): Delegation | null {
  return rows.find((d) => delegationStatus(d, now) === 'pending') ?? null;
}

/** The consent page the BFF hosts, carrying the request's code. */
export function consentUrl(deps: Pick<Deps, 'config'>, code: string): string {
  const url = new URL(`${deps.config.publicUrl}/consent`);
  url.searchParams.set('delegation', code);
  return url.toString();
}

// ---------------------------------------------------------------------------------------------
// Partner side: asking

export const delegationRequestSchema = z.object({
  level: z.enum(delegationLevel.enumValues),
  expiresInDays: z.number().int().min(1).max(90).default(90).describe('Days the customer has to answer (1–90, default 90)'),
});

export const delegationRequestViewSchema = z.object({
  id: z.string(),
  code: z.string().describe('URL-safe, 160 bits of randomness'),
  url: z.string().describe('The consent page to send to the customer’s global admin'),
  level: z.enum(delegationLevel.enumValues),
  status: z.literal('pending'),
  requestExpiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});
export type DelegationRequestView = z.infer<typeof delegationRequestViewSchema>;

export function toDelegationRequestView(deps: Pick<Deps, 'config'>, d: Delegation): DelegationRequestView {
  return {
    id: d.id,
    code: d.code!,
    url: consentUrl(deps, d.code!),
    level: d.level,
    status: 'pending',
    requestExpiresAt: d.requestExpiresAt!.toISOString(),
    createdAt: d.createdAt.toISOString(),
  };
}

/**
 * A new request to a customer the caller has already checked is the partner's. It replaces an
 * open request of the same partner (that one's code stops working), so there is one to answer.
 */
export async function createDelegationRequest(
  deps: Deps,
  actor: Actor,
  customerId: string,
  input: z.infer<typeof delegationRequestSchema>,
): Promise<DelegationRequestView> {
  const now = deps.clock();
  const pair = { partnerId: actor.companyId, customerId };
  await expireLapsedDelegations(deps.db, pair, now);
  try {
    const row = await deps.db.transaction(async (tx) => {
      const replaced = await tx
        .update(delegations)
        .set({ status: 'revoked', revokedAt: now, updatedAt: now })
        .where(and(eq(delegations.partnerId, pair.partnerId), eq(delegations.customerId, customerId), eq(delegations.status, 'pending')))
        .returning();
      for (const old of replaced) {
        await recordAudit(
          tx,
          { ...pair, actorUserId: actor.userId, action: 'delegation.revoked', targetType: 'delegation', targetId: old.id, details: { level: old.level, reason: 'replaced_by_new_request' } },
          now,
        );
        await recordDelegationEvent(tx, 'delegation.revoked', old, now, { reason: 'replaced_by_new_request' });
      }
      const [created] = await tx
        .insert(delegations)
        .values({
          ...pair,
          level: input.level,
          status: 'pending',
          code: generateCode(),
          requestExpiresAt: new Date(now.getTime() + input.expiresInDays * day),
          requestedById: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await recordAudit(
        tx,
        {
          ...pair,
          actorUserId: actor.userId,
          action: 'delegation.requested',
          targetType: 'delegation',
          targetId: created!.id,
          details: { level: input.level, requestExpiresAt: created!.requestExpiresAt!.toISOString() },
        },
        now,
      );
      await recordDelegationEvent(tx, 'delegation.requested', created!, now);
      return created!;
    });
    return toDelegationRequestView(deps, row);
  } catch (error) {
    // Two requests at once: the partial unique index lets one through.
    if (uniqueViolation(error) === 'delegations_one_pending_key') {
      throw conflict('request_in_progress', 'Another delegation request to this customer was just made; reload and try again.');
    }
    throw error;
  }
}

/**
 * Before a new delegation of a partner becomes active (accepted by code, or at an offer's
 * sign-up), its older active one ends: at most one is in force per partner and customer.
 */
export async function revokeReplacedDelegation(
  tx: Tx,
  pair: { partnerId: string; customerId: string },
  actorUserId: string,
  now: Date,
  replacedBy?: string,
) {
  // One that already ran out is expired, not replaced.
  await expireLapsedDelegations(tx, pair, now);
  const replaced = await tx
    .update(delegations)
    .set({ status: 'revoked', revokedAt: now, updatedAt: now })
    .where(and(eq(delegations.partnerId, pair.partnerId), eq(delegations.customerId, pair.customerId), eq(delegations.status, 'active')))
    .returning();
  for (const old of replaced) {
    await recordAudit(
      tx,
      {
        ...pair,
        actorUserId,
        action: 'delegation.revoked',
        targetType: 'delegation',
        targetId: old.id,
        details: { level: old.level, reason: 'replaced', ...(replacedBy ? { replacedBy } : {}) },
      },
      now,
    );
    await recordDelegationEvent(tx, 'delegation.revoked', old, now, { reason: 'replaced', ...(replacedBy ? { replacedBy } : {}) });
  }
}

// ---------------------------------------------------------------------------------------------
// Customer side: answering a request by its code

const partnerInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
});
const toPartnerInfo = (p: Company) => ({ id: p.id, name: p.name, email: p.email, phone: p.phone, website: p.website });

export const publicDelegationViewSchema = z.object({
  code: z.string(),
  status: z.enum(delegationStatusEnum.enumValues),
  level: z.enum(delegationLevel.enumValues),
  label: z.string(),
  description: z.string().describe('What the partner may do in your company at this level'),
  permissions: z.array(z.string()).describe('The permissions the partner’s most trusted users would hold in your company'),
  partner: partnerInfoSchema,
  requestedAt: z.iso.datetime(),
  requestExpiresAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  answeredAt: z.iso.datetime().nullable(),
});
export type PublicDelegationView = z.infer<typeof publicDelegationViewSchema>;

export const acceptDelegationSchema = z.object({
  expiresAt: z.iso.datetime({ offset: true }).optional().describe('An end date for the delegation; none when omitted'),
});

/** The most a level can give: what a partner user with full access holds under it. */
function levelPermissions(partnerId: string, customerId: string, level: Delegation['level']): string[] {
  const fullPartnerUser: Actor = { userId: '', companyId: partnerId, companyKind: 'partner', companyRoles: [], partnerAccess: 'full' };
  return [...permissionsIn(fullPartnerUser, { companyId: customerId, delegation: level })];
}

function toPublicView(d: Delegation, partner: Company, now: Date): PublicDelegationView {
  return {
    code: d.code!,
    status: delegationStatus(d, now),
    level: d.level,
    label: delegationLevels[d.level].label,
    description: delegationLevels[d.level].description,
    permissions: levelPermissions(d.partnerId, d.customerId, d.level),
    partner: toPartnerInfo(partner),
    requestedAt: d.createdAt.toISOString(),
    requestExpiresAt: d.requestExpiresAt?.toISOString() ?? null,
    expiresAt: d.expiresAt?.toISOString() ?? null,
    answeredAt: d.answeredAt?.toISOString() ?? null,
  };
}

/**
 * The request behind a code, for the one person who may answer it: a global admin of the
 * customer it was sent to. 404 unknown code; 403 anyone else; 410 when it lapsed unanswered
 * or the partner replaced it. An answered one is shown with its status.
 */
async function findRequestFor(deps: Deps, auth: Auth, code: string, db: Db | Tx = deps.db, lock = false) {
  const query = db
    .select({ delegation: delegations, partner: companies })
    .from(delegations)
    .innerJoin(companies, eq(companies.id, delegations.partnerId))
    .where(eq(delegations.code, code))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: delegations }) : await query;
  if (!row) throw notFound('Delegation request');
  const { actor } = auth;
  if (actor.companyId !== row.delegation.customerId || !can(actor, 'delegations:manage')) {
    throw new ApiError(403, 'forbidden', 'Only a global admin of the company this request was sent to can view or answer it.');
  }
  const now = deps.clock();
  const status = delegationStatus(row.delegation, now);
  if (!row.delegation.answeredAt && status === 'expired') {
    throw new ApiError(410, 'delegation_expired', 'This delegation request expired before anyone answered it; ask the partner for a new one.');
  }
  if (!row.delegation.answeredAt && status === 'revoked') {
    throw new ApiError(410, 'delegation_withdrawn', 'The partner replaced this request with a newer one; use the latest link.');
  }
  return { ...row, now };
}

export async function getDelegationRequest(deps: Deps, auth: Auth, code: string): Promise<PublicDelegationView> {
  const { delegation, partner, now } = await findRequestFor(deps, auth, code);
  return toPublicView(delegation, partner, now);
}

async function expireByCode(deps: Deps, code: string) {
  const [row] = await deps.db.select({ partnerId: delegations.partnerId, customerId: delegations.customerId }).from(delegations).where(eq(delegations.code, code));
  if (row) await expireLapsedDelegations(deps.db, row, deps.clock());
}

/**
 * Accepts (with an optional end date) or declines a request. Accepting replaces the partner's
 * older active delegation, so at most one is in force per partner and customer.
 */
export async function answerDelegationRequest(
  deps: Deps,
  auth: Auth,
  code: string,
  answer: { accept: true; expiresAt?: string } | { accept: false },
): Promise<PublicDelegationView> {
  const now = deps.clock();
  const expiresAt = answer.accept && answer.expiresAt ? new Date(answer.expiresAt) : null;
  if (expiresAt && expiresAt <= now) {
    throw new ApiError(422, 'validation_failed', 'The end date must be in the future.', [{ path: 'body.expiresAt', message: 'Choose a time in the future.' }]);
  }
  try {
    return await deps.db.transaction(async (tx) => {
      // Locked, so that two answers at once cannot both pass the checks below.
      const { delegation, partner } = await findRequestFor(deps, auth, code, tx, true);
      if (delegation.status !== 'pending') {
        throw conflict('already_answered', `This request was already answered (${delegationStatus(delegation, now)}).`);
      }
      const pair = { partnerId: delegation.partnerId, customerId: delegation.customerId };
      const actorUserId = auth.actor.userId;
      if (answer.accept) await revokeReplacedDelegation(tx, pair, actorUserId, now, delegation.id);
      const [row] = await tx
        .update(delegations)
        .set({ status: answer.accept ? 'active' : 'declined', expiresAt, answeredById: actorUserId, answeredAt: now, updatedAt: now })
        .where(eq(delegations.id, delegation.id))
        .returning();
      await recordAudit(
        tx,
        {
          ...pair,
          actorUserId,
          action: answer.accept ? 'delegation.accepted' : 'delegation.declined',
          targetType: 'delegation',
          targetId: delegation.id,
          details: { level: delegation.level, ...(answer.accept ? { expiresAt: expiresAt?.toISOString() ?? null } : {}) },
        },
        now,
      );
      await recordDelegationEvent(tx, answer.accept ? 'delegation.accepted' : 'delegation.declined', row!, now, { via: 'request' });
      return toPublicView(row!, partner, now);
    });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'delegation_expired') await expireByCode(deps, code);
    if (uniqueViolation(error) === 'delegations_one_active_key') {
      throw conflict('already_answered', 'Another delegation from this partner was just accepted; reload and try again.');
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Customer side: my partners, revoking

export const partnerListItemSchema = partnerInfoSchema.extend({
  isAdvisor: z.boolean().describe('The partner is your subscription advisor'),
  since: z.iso.datetime(),
  delegation: delegationViewSchema.describe('The delegation in force, else an open request, else the latest one'),
  pendingRequest: z
    .object({ id: z.string(), code: z.string(), level: z.enum(delegationLevel.enumValues), requestExpiresAt: z.iso.datetime().nullable() })
    .nullable()
    .describe('An open request you can accept or decline'),
});
export type PartnerListItem = z.infer<typeof partnerListItemSchema>;

export const listPartnersQuerySchema = pageQuerySchema;

/** The customer's partners by name, each with advisor flag and delegation. */
export async function listPartners(deps: Deps, actor: Actor, query: z.infer<typeof listPartnersQuerySchema>) {
  assertCan(actor, 'delegations:manage');
  const now = deps.clock();
  const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const rows = await deps.db
    .select({ partner: companies, link: partnerCustomers })
    .from(partnerCustomers)
    .innerJoin(companies, eq(companies.id, partnerCustomers.partnerId))
    .where(
      and(
        eq(partnerCustomers.customerId, actor.companyId),
        after ? sql`(${companies.name}, ${companies.id}) > (${String(after[0])}, ${cursorId(after[1])}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(companies.name), asc(companies.id))
    .limit(query.limit + 1);
  const ids = rows.slice(0, query.limit).map((r) => r.partner.id);
  const all = ids.length
    ? await deps.db.select().from(delegations).where(and(eq(delegations.customerId, actor.companyId), inArray(delegations.partnerId, ids)))
    : [];
  return toPage(
    rows,
    query.limit,
    (r) => [r.partner.name, r.partner.id],
    ({ partner, link }): PartnerListItem => {
      const mine = all.filter((d) => d.partnerId === partner.id);
      const pending = pickPending(mine, now);
      return {
        ...toPartnerInfo(partner),
        isAdvisor: link.isAdvisor,
        since: link.createdAt.toISOString(),
        delegation: toDelegationView(pickCurrent(mine, now), now),
        pendingRequest: pending ? { id: pending.id, code: pending.code!, level: pending.level, requestExpiresAt: pending.requestExpiresAt?.toISOString() ?? null } : null,
      };
    },
  );
}

/** Ends the partner's delegation now; from the next request on it grants nothing. */
export async function revokeDelegation(deps: Deps, actor: Actor, partnerId: string): Promise<DelegationView> {
  assertCan(actor, 'delegations:manage');
  const pair = { partnerId, customerId: actor.companyId };
  const now = deps.clock();
  await expireLapsedDelegations(deps.db, pair, now);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(delegations)
      .set({ status: 'revoked', revokedAt: now, updatedAt: now })
      .where(and(eq(delegations.partnerId, pair.partnerId), eq(delegations.customerId, pair.customerId), activeNow(now)))
      .returning();
    if (!row) throw new ApiError(404, 'not_found', 'This partner holds no active delegation in your company.');
    await recordAudit(
      tx,
      { ...pair, actorUserId: actor.userId, action: 'delegation.revoked', targetType: 'delegation', targetId: row.id, details: { level: row.level } },
      now,
    );
    await recordDelegationEvent(tx, 'delegation.revoked', row, now, { reason: 'revoked_by_customer' });
    return toDelegationView(row, now);
  });
}

export const tenantAuditQuerySchema = auditQuerySchema.extend({
  partnerId: idSchema('Use the id of one of your partners.').optional().describe('Only what this partner did'),
});

/**
 * The customer side of the audit trail: everything partners did in the caller's company (and
 * lockouts of its users), lapsed delegations as expired.
 */
export async function tenantAuditFilter(deps: Deps, auth: Auth, partnerId?: string): Promise<{ filter: AuditFilter; label: string }> {
  assertCan(auth.actor, 'delegations:manage');
  const customerId = auth.actor.companyId;
  return { filter: { customerId, ...(partnerId ? { partnerId } : {}), asOf: deps.clock() }, label: auth.company.name };
}

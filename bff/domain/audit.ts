/**
 * The audit trail of what happened in a customer's tenant on a partner's behalf. Always written
 * with the transaction of the action it records, so it cannot claim what did not happen; read
 * by both sides, newest first, as pages of JSON or as one CSV export.
 */
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/database.ts';
import { auditEvents, companies, delegations, users, type AuditEvent } from '../../db/schema.ts';
import { lapsedBy } from './delegation-state.ts';
import { beforeInstantCursor, cursorInstant, decodeInstantCursor, encodeCursor, pageQuerySchema } from '../cursor.ts';

export const auditOutcomes = ['success', 'denied', 'failure'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

export interface AuditEntry {
  customerId: string;
  /** Null for events of the tenant itself, such as a user locked out after failed sign-ins. */
  partnerId: string | null;
  /** The acting user; null for events nobody did, like a delegation lapsing. */
  actorUserId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  /** `denied`: a partner user tried an action the delegation does not allow; nothing changed. */
  outcome?: AuditOutcome;
  details?: Record<string, unknown>;
}

/** Copies the actor's and partner's names in, so the entry reads the same after renames. */
export async function recordAudit(tx: Tx | Db, entry: AuditEntry, at: Date) {
  const [[actor], [partner]] = await Promise.all([
    entry.actorUserId
      ? tx.select({ name: users.displayName, email: users.email }).from(users).where(eq(users.id, entry.actorUserId))
      : Promise.resolve([]),
    entry.partnerId ? tx.select({ name: companies.name }).from(companies).where(eq(companies.id, entry.partnerId)) : Promise.resolve([]),
  ]);
  await tx.insert(auditEvents).values({
    customerId: entry.customerId,
    partnerId: entry.partnerId,
    partnerName: partner?.name ?? null,
    actorUserId: entry.actorUserId,
    actorName: actor?.name ?? null,
    actorEmail: actor?.email ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    outcome: entry.outcome ?? 'success',
    details: entry.details ?? null,
    createdAt: at,
  });
}

export const auditQuerySchema = pageQuerySchema.extend({
  from: z.iso.datetime({ offset: true }).optional().describe('Only entries at or after this instant'),
  to: z.iso.datetime({ offset: true }).optional().describe('Only entries before this instant'),
  format: z.enum(['json', 'csv']).optional().describe('`csv` (or `Accept: text/csv`) exports every matching entry as CSV'),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntryViewSchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  customerId: z.string(),
  partner: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  actor: z
    .object({ id: z.string().nullable(), name: z.string().nullable(), email: z.string().nullable() })
    .nullable()
    .describe('Null for events nobody did, such as a delegation expiring'),
  action: z.string().describe('e.g. `user.password_reset`, `delegation.accepted`'),
  target: z.object({ type: z.string(), id: z.string().nullable() }).nullable(),
  outcome: z.enum(auditOutcomes),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

function toAuditEntryView(row: AuditEvent): AuditEntryView {
  return {
    id: row.id,
    at: row.createdAt.toISOString(),
    customerId: row.customerId,
    partner: { id: row.partnerId, name: row.partnerName },
    actor: row.actorUserId || row.actorName ? { id: row.actorUserId, name: row.actorName, email: row.actorEmail } : null,
    action: row.action,
    target: row.targetType ? { type: row.targetType, id: row.targetId } : null,
    outcome: auditOutcomes.includes(row.outcome as AuditOutcome) ? (row.outcome as AuditOutcome) : 'failure',
    details: row.details,
  };
}

/** Whose trail: one customer's, optionally only what one partner did there, as of an instant. */
export interface AuditFilter {
  customerId: string;
  partnerId?: string;
  /** Lapsed delegations count as expired from this instant on, written down yet or not. */
  asOf: Date;
}

type Scope = { customerId?: string; partnerId?: string };

/**
 * Delegations that time has ended but whose end is not written down yet, as the audit entries
 * `expireLapsedDelegations` writes for them (same id, the delegation's, and same time: when it
 * lapsed). Reading the trail adds these, so it shows an expiry the moment it happens without a
 * read having to write anything; writing it down later changes nothing anyone sees.
 */
export function lapsedDelegationEntries(db: Db | Tx, scope: Scope, asOf: Date) {
  const wasPending = sql`${delegations.answeredAt} is null`;
  return db
    .select({
      id: sql<string>`${delegations.id}`.as('id'),
      customerId: sql<string>`${delegations.customerId}`.as('customer_id'),
      partnerId: sql<string | null>`${delegations.partnerId}`.as('partner_id'),
      partnerName: sql<string | null>`${companies.name}`.as('partner_name'),
      actorUserId: sql<string | null>`null::uuid`.as('actor_user_id'),
      actorName: sql<string | null>`null::text`.as('actor_name'),
      actorEmail: sql<string | null>`null::text`.as('actor_email'),
      action: sql<string>`'delegation.expired'::text`.as('action'),
      targetType: sql<string | null>`'delegation'::text`.as('target_type'),
      targetId: sql<string | null>`${delegations.id}::text`.as('target_id'),
      outcome: sql<string>`'success'::text`.as('outcome'),
      details: sql<Record<string, unknown> | null>`jsonb_build_object('level', ${delegations.level}, 'was', case when ${wasPending} then 'pending' else 'active' end)`.as('details'),
      createdAt: sql<Date>`case when ${wasPending} then ${delegations.requestExpiresAt} else ${delegations.expiresAt} end`
        .mapWith(auditEvents.createdAt)
        .as('created_at'),
    })
    .from(delegations)
    .leftJoin(companies, eq(companies.id, delegations.partnerId))
    .where(
      and(
        scope.customerId ? eq(delegations.customerId, scope.customerId) : undefined,
        scope.partnerId ? eq(delegations.partnerId, scope.partnerId) : undefined,
        lapsedBy(asOf),
      ),
    );
}

/** The stored entries, in the shape of `lapsedDelegationEntries`. */
function storedEntries(db: Db, scope: Scope) {
  return db
    .select({
      id: auditEvents.id,
      customerId: auditEvents.customerId,
      partnerId: auditEvents.partnerId,
      partnerName: auditEvents.partnerName,
      actorUserId: auditEvents.actorUserId,
      actorName: auditEvents.actorName,
      actorEmail: auditEvents.actorEmail,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      outcome: auditEvents.outcome,
      details: auditEvents.details,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .where(and(scope.customerId ? eq(auditEvents.customerId, scope.customerId) : undefined, scope.partnerId ? eq(auditEvents.partnerId, scope.partnerId) : undefined));
}

async function auditRows(db: Db, filter: AuditFilter, query: AuditQuery, after: [string, string] | null, limit: number) {
  const scope = { customerId: filter.customerId, partnerId: filter.partnerId };
  const trail = storedEntries(db, scope).unionAll(lapsedDelegationEntries(db, scope, filter.asOf)).as('trail');
  const { id, customerId, partnerId, partnerName, actorUserId, actorName, actorEmail, action, targetType, targetId, outcome, details, createdAt } = trail;
  const rows = await db
    .select({ id, customerId, partnerId, partnerName, actorUserId, actorName, actorEmail, action, targetType, targetId, outcome, details, createdAt, cursorAt: cursorInstant(createdAt) })
    .from(trail)
    .where(
      and(
        query.from ? gte(trail.createdAt, new Date(query.from)) : undefined,
        query.to ? lt(trail.createdAt, new Date(query.to)) : undefined,
        after ? beforeInstantCursor(trail.createdAt, trail.id, after) : undefined,
      ),
    )
    .orderBy(desc(trail.createdAt), desc(trail.id))
    .limit(limit);
  return rows.map(({ cursorAt, ...row }): { row: AuditEvent; cursorAt: string } => ({ row, cursorAt }));
}

/** One page, newest first. */
export async function listAudit(db: Db, filter: AuditFilter, query: AuditQuery) {
  const rows = await auditRows(db, filter, query, query.cursor ? decodeInstantCursor(query.cursor) : null, query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => toAuditEntryView(r.row)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.cursorAt, last.row.id]) : null,
  };
}

const csvColumns = ['time', 'partner_id', 'partner', 'actor_name', 'actor_email', 'action', 'target_type', 'target_id', 'outcome', 'details'] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled.
 * Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe (OWASP "CSV injection"): names and emails come from users.
 */
export function csvField(value: string | null | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(row: AuditEvent): string {
  const cells: Record<(typeof csvColumns)[number], string | null> = {
    time: row.createdAt.toISOString(),
    partner_id: row.partnerId,
    partner: row.partnerName,
    actor_name: row.actorName,
    actor_email: row.actorEmail,
    action: row.action,
    target_type: row.targetType,
    target_id: row.targetId,
    outcome: row.outcome,
    details: row.details ? JSON.stringify(row.details) : null,
  };
  return `${csvColumns.map((c) => csvField(cells[c])).join(',')}\r\n`;
}

/**
 * Every matching entry (from the cursor on, when one is given) as CSV, newest first, read in
 * keyset batches so a long trail never sits in memory whole.
 */
export function auditCsv(db: Db, filter: AuditFilter, query: AuditQuery): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batch = 1000;
  let after: [string, string] | null = query.cursor ? decodeInstantCursor(query.cursor) : null;
  let headerSent = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${csvColumns.join(',')}\r\n`));
        return;
      }
      if (done) return controller.close();
      const rows = await auditRows(db, filter, query, after, batch);
      if (rows.length) controller.enqueue(encoder.encode(rows.map((r) => csvLine(r.row)).join('')));
      const last = rows.at(-1);
      if (rows.length < batch || !last) done = true;
      else after = [last.cursorAt, last.row.id];
    },
  });
}

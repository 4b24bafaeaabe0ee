/**
 * The audit trail of what happened in a customer's tenant on a partner's behalf. Always written
 * with the transaction of the action it records, so it cannot claim what did not happen.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.ts';
import { auditEvents, companies, users } from '../../db/schema.ts';

export interface AuditEntry {
  customerId: string;
  partnerId: string;
  actorUserId: string;
  action: string;
  targetType?: string;
  targetId?: string;
  outcome?: 'success' | 'failure';
  details?: Record<string, unknown>;
}

/** Copies the actor's and partner's names in, so the entry reads the same after renames. */
export async function recordAudit(tx: Tx, entry: AuditEntry, at: Date) {
  const [[actor], [partner]] = await Promise.all([
    tx.select({ name: users.displayName, email: users.email }).from(users).where(eq(users.id, entry.actorUserId)),
    tx.select({ name: companies.name }).from(companies).where(eq(companies.id, entry.partnerId)),
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

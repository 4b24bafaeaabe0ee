/**
 * Service requests a partner opens and follows for a customer under delegated admin
 * (`service-requests:manage` in the customer's scope). The list shows every request of the
 * customer, as its own admins would see them, with who opened each and for which customer.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database.ts';
import { companies, serviceRequests, serviceRequestStatus, severity, users, type ServiceRequest } from '../../db/schema.ts';
import { beforeInstantCursor, cursorInstant, decodeInstantCursor, encodeCursor, pageQuerySchema } from '../cursor.ts';
import type { Deps } from '../env.ts';
import { assertCan, type Actor } from '../permissions.ts';
import { assist, assistRead, openCustomer, type CustomerAccess } from './customer-access.ts';
import { customerData } from './event-data.ts';
import { recordEvent } from './events.ts';

export const createServiceRequestSchema = z.object({
  title: z.string().trim().min(1, 'Give the request a title.').max(200),
  description: z.string().trim().min(1, 'Describe what is needed.').max(10_000),
  severity: z.enum(severity.enumValues).default('normal'),
});

export const listServiceRequestsQuerySchema = pageQuerySchema.extend({
  status: z.enum(serviceRequestStatus.enumValues).optional(),
});

export const serviceRequestViewSchema = z.object({
  id: z.string(),
  customer: z.object({ id: z.string(), name: z.string() }),
  title: z.string(),
  description: z.string(),
  severity: z.enum(severity.enumValues),
  status: z.enum(serviceRequestStatus.enumValues),
  openedBy: z
    .object({ name: z.string(), email: z.string(), company: z.string().nullable().describe('The partner it was opened for, when a partner opened it') })
    .nullable()
    .describe('Null when that user no longer exists'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ServiceRequestView = z.infer<typeof serviceRequestViewSchema>;

const partners = alias(companies, 'partner');

/** Requests of one customer, newest first, with their openers. */
async function selectServiceRequests(db: Db, access: CustomerAccess, where: ReturnType<typeof and>, limit: number) {
  return db
    .select({
      request: serviceRequests,
      cursorAt: cursorInstant(serviceRequests.createdAt),
      opener: { name: users.displayName, email: users.email },
      partnerName: partners.name,
    })
    .from(serviceRequests)
    .leftJoin(users, eq(users.id, serviceRequests.openedById))
    .leftJoin(partners, eq(partners.id, serviceRequests.partnerId))
    .where(and(eq(serviceRequests.customerId, access.customer.id), where))
    .orderBy(desc(serviceRequests.createdAt), desc(serviceRequests.id))
    .limit(limit);
}

type Row = Awaited<ReturnType<typeof selectServiceRequests>>[number];

function toView(access: CustomerAccess, { request, opener, partnerName }: Pick<Row, 'request' | 'opener' | 'partnerName'>): ServiceRequestView {
  return {
    id: request.id,
    customer: { id: access.customer.id, name: access.customer.name },
    title: request.title,
    description: request.description,
    severity: request.severity,
    status: request.status,
    openedBy: opener ? { ...opener, company: partnerName } : null,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
  };
}

export async function listServiceRequests(deps: Deps, actor: Actor, customerId: string, query: z.infer<typeof listServiceRequestsQuerySchema>) {
  const access = await openCustomer(deps, actor, customerId);
  return assistRead(actor, access, async () => {
    assertCan(actor, 'service-requests:manage', access.scope);
    const after = query.cursor ? decodeInstantCursor(query.cursor) : null;
    const rows = await selectServiceRequests(
      deps.db,
      access,
      and(
        query.status ? eq(serviceRequests.status, query.status) : undefined,
        after ? beforeInstantCursor(serviceRequests.createdAt, serviceRequests.id, after) : undefined,
      ),
      query.limit + 1,
    );
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map((r) => toView(access, r)),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.cursorAt, last.request.id]) : null,
    };
  });
}

/** The customer's requests still being worked on, for the customer detail view (at most `limit`). */
export async function openServiceRequests(db: Db, access: CustomerAccess, limit = 20): Promise<ServiceRequestView[]> {
  const rows = await selectServiceRequests(db, access, inArray(serviceRequests.status, ['open', 'in_progress']), limit);
  return rows.map((r) => toView(access, r));
}

export async function createServiceRequest(deps: Deps, actor: Actor, customerId: string, input: z.infer<typeof createServiceRequestSchema>) {
  const access = await openCustomer(deps, actor, customerId);
  return assist(deps, actor, access, { action: 'service_request.created', targetType: 'service_request' }, async (record) => {
    assertCan(actor, 'service-requests:manage', access.scope);
    const now = deps.clock();
    const request: ServiceRequest = await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(serviceRequests)
        .values({
          customerId: access.customer.id,
          partnerId: actor.companyId,
          title: input.title,
          description: input.description,
          severity: input.severity,
          openedById: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await record(tx, { targetId: row!.id, details: { title: input.title, severity: input.severity } });
      const [opener] = await tx.select({ id: users.id, name: users.displayName, email: users.email }).from(users).where(eq(users.id, actor.userId));
      await recordEvent(
        tx,
        {
          partnerId: actor.companyId,
          type: 'service_request.created',
          data: {
            serviceRequest: { id: row!.id, title: row!.title, description: row!.description, severity: row!.severity, status: row!.status },
            customer: customerData(access.customer),
            openedBy: opener ?? null,
          },
        },
        now,
      );
      return row!;
    });
    const [opener] = await deps.db.select({ name: users.displayName, email: users.email }).from(users).where(eq(users.id, actor.userId));
    const [partner] = await deps.db.select({ name: companies.name }).from(companies).where(eq(companies.id, actor.companyId));
    return toView(access, { request, opener: opener ?? null, partnerName: partner?.name ?? null });
  });
}


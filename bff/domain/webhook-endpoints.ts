/**
 * A partner's webhook endpoints (issue 14): where its events are sent, the signing secret
 * (shown on creation and rotation only, kept encrypted), the deliveries with their attempt log,
 * replaying one, and a test ping. Global admins of partner companies only (`webhooks:manage`);
 * another partner's endpoint or delivery is simply not found.
 */
import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/database.ts';
import { companies, events, webhookDeliveries, webhookDeliveryStatus, webhookEndpoints, type WebhookEndpoint } from '../../db/schema.ts';
import { beforeInstantCursor, cursorInstant, decodeInstantCursor, encodeCursor, pageQuerySchema } from '../cursor.ts';
import type { Deps } from '../env.ts';
import { ApiError, conflict, forbidden, notFound } from '../errors.ts';
import { assertCan, type Actor } from '../permissions.ts';
import { queueAttempt, queueDeliveries, webhookId } from '../webhooks/delivery.ts';
import { decryptSecret, encryptSecret, generateSigningSecret, previousSecretValidMs, secretKey } from '../webhooks/secrets.ts';
import { refusedUrl } from '../webhooks/ssrf.ts';
import { eventTypes, pingType, recordEvent, type EventType } from './events.ts';

/** Endpoints per partner: enough for a few systems and environments, bounded so fan-out stays cheap. */
export const maxEndpointsPerPartner = 10;

const urlSchema = z.url({ protocol: /^https?$/, error: 'An absolute https URL.' }).max(2000).describe('https; http only to loopback in development');
const descriptionSchema = z.string().trim().max(500);
const eventTypesSchema = z
  .array(z.enum(eventTypes))
  .max(eventTypes.length)
  .transform((types) => [...new Set(types)])
  .describe('The event types to send; empty for all');

export const createEndpointSchema = z.object({
  url: urlSchema,
  description: descriptionSchema.optional(),
  eventTypes: eventTypesSchema.default([]),
  enabled: z.boolean().default(true),
});

export const updateEndpointSchema = z
  .object({
    url: urlSchema,
    description: descriptionSchema.nullable(),
    eventTypes: eventTypesSchema,
    enabled: z.boolean().describe('false turns it off (reason `manual`); true turns it on and forgets past failures'),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Change at least one of url, description, eventTypes, enabled.');

export const endpointViewSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  eventTypes: z.array(z.enum(eventTypes)),
  enabled: z.boolean(),
  disabledReason: z.enum(['manual', 'failing']).nullable().describe('`failing`: deliveries failed for 3 days'),
  disabledAt: z.iso.datetime().nullable(),
  failingSince: z.iso.datetime().nullable().describe('Deliveries have failed since then without a success'),
  previousSecretExpiresAt: z.iso.datetime().nullable().describe('Until then the secret before the last rotation signs too'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type EndpointView = z.infer<typeof endpointViewSchema>;
export const endpointListSchema = z.object({ items: z.array(endpointViewSchema) });
export const endpointWithSecretSchema = z.object({
  endpoint: endpointViewSchema,
  secret: z.string().describe('`whsec_…`: verify signatures with it; shown only in this answer'),
});

export const deliveryViewSchema = z.object({
  id: z.string(),
  webhookId: z.string().describe('The `webhook-id` header: the same on every attempt and replay'),
  event: z.object({ id: z.string(), type: z.enum([...eventTypes, pingType]), createdAt: z.iso.datetime() }),
  status: z.enum(webhookDeliveryStatus.enumValues),
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime().nullable(),
  lastAttemptAt: z.iso.datetime().nullable(),
  lastStatusCode: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
  attemptLog: z
    .array(
      z.object({
        attempt: z.number().int(),
        at: z.iso.datetime(),
        statusCode: z.number().int().nullable(),
        latencyMs: z.number().int(),
        error: z.string().nullable(),
        responseExcerpt: z.string().nullable().describe('The first 4 KB of the answer'),
      }),
    )
    .describe('The latest 10 attempts, latest first'),
});
export type DeliveryView = z.infer<typeof deliveryViewSchema>;

export const listDeliveriesQuerySchema = pageQuerySchema.extend({ limit: z.coerce.number().int().min(1).max(100).default(20) });

/** Webhooks are a partner feature; a customer's global admin holds `webhooks:manage` but has no events. */
function assertManages(actor: Actor): void {
  assertCan(actor, 'webhooks:manage');
  if (actor.companyKind !== 'partner') throw forbidden('Webhooks are for partner companies.');
}

function checkUrl(deps: Pick<Deps, 'config'>, url: string): void {
  const why = refusedUrl(url, { allowHttpLoopback: deps.config.webhooksAllowHttpLoopback });
  if (why) throw new ApiError(422, 'webhook_url_refused', `This URL cannot receive webhooks: ${why}`, [{ path: 'body.url', message: why }]);
}

const iso = (at: Date | null) => at?.toISOString() ?? null;

export function toEndpointView(row: WebhookEndpoint): EndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    // Text columns, written only through the schemas above, so only catalogue types are stored.
    eventTypes: row.eventTypes as EventType[],
    enabled: row.enabled,
    disabledReason: row.disabledReason === 'manual' || row.disabledReason === 'failing' ? row.disabledReason : null,
    disabledAt: iso(row.disabledAt),
    failingSince: iso(row.failingSince),
    previousSecretExpiresAt: iso(row.previousSecretExpiresAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const ownEndpoint = (actor: Actor, id: string) => and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.partnerId, actor.companyId));

async function findEndpoint(db: Db | Tx, actor: Actor, id: string): Promise<WebhookEndpoint> {
  const [row] = await db.select().from(webhookEndpoints).where(ownEndpoint(actor, id));
  if (!row) throw notFound('Webhook endpoint');
  return row;
}

export async function listEndpoints(deps: Pick<Deps, 'db'>, actor: Actor) {
  assertManages(actor);
  const rows = await deps.db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.partnerId, actor.companyId))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  return { items: rows.map(toEndpointView) };
}

export async function getEndpoint(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<EndpointView> {
  assertManages(actor);
  return toEndpointView(await findEndpoint(deps.db, actor, id));
}

export async function createEndpoint(deps: Pick<Deps, 'db' | 'clock' | 'config'>, actor: Actor, input: z.infer<typeof createEndpointSchema>) {
  assertManages(actor);
  checkUrl(deps, input.url);
  const now = deps.clock();
  // The id is made here because the encrypted secret is bound to it.
  const id = randomUUID();
  const secret = generateSigningSecret();
  const row = await deps.db.transaction(async (tx) => {
    // The partner's row, locked, counts its endpoints one creation at a time.
    await tx.select({ id: companies.id }).from(companies).where(eq(companies.id, actor.companyId)).for('update');
    const [existing] = await tx.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.partnerId, actor.companyId));
    if ((existing?.n ?? 0) >= maxEndpointsPerPartner) {
      throw conflict('too_many_endpoints', `A partner may register at most ${maxEndpointsPerPartner} webhook endpoints; delete one first.`);
    }
    const [inserted] = await tx
      .insert(webhookEndpoints)
      .values({
        id,
        partnerId: actor.companyId,
        url: input.url,
        description: input.description || null,
        eventTypes: input.eventTypes,
        enabled: input.enabled,
        disabledReason: input.enabled ? null : 'manual',
        disabledAt: input.enabled ? null : now,
        secretCiphertext: encryptSecret(secretKey(deps.config), secret, id),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return inserted!;
  });
  return { endpoint: toEndpointView(row), secret };
}

export async function updateEndpoint(deps: Pick<Deps, 'db' | 'clock' | 'config'>, actor: Actor, id: string, patch: z.infer<typeof updateEndpointSchema>) {
  assertManages(actor);
  if (patch.url !== undefined) checkUrl(deps, patch.url);
  const now = deps.clock();
  const onOff =
    patch.enabled === false
      ? // Turning off what is off already keeps when and why it went off.
        { enabled: false, disabledReason: sql`coalesce(${webhookEndpoints.disabledReason}, 'manual')`, disabledAt: sql`coalesce(${webhookEndpoints.disabledAt}, ${now.toISOString()}::timestamptz)` }
      : patch.enabled === true
        ? { enabled: true, disabledReason: null, disabledAt: null, failingSince: null }
        : {};
  const [row] = await deps.db
    .update(webhookEndpoints)
    .set({
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.description !== undefined ? { description: patch.description || null } : {}),
      ...(patch.eventTypes !== undefined ? { eventTypes: patch.eventTypes } : {}),
      ...onOff,
      updatedAt: now,
    })
    .where(ownEndpoint(actor, id))
    .returning();
  if (!row) throw notFound('Webhook endpoint');
  return toEndpointView(row);
}

/** Its deliveries and attempt log go with it. */
export async function deleteEndpoint(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<void> {
  assertManages(actor);
  const [row] = await deps.db.delete(webhookEndpoints).where(ownEndpoint(actor, id)).returning({ id: webhookEndpoints.id });
  if (!row) throw notFound('Webhook endpoint');
}

/**
 * A new secret; the current one keeps signing beside it for 24 hours so the receiver can switch
 * without dropping messages. A secret rotated out earlier and still valid stops at once: two
 * signatures at most. A current secret that no longer decrypts (WEBHOOKS_SECRET_KEY was lost or
 * changed) is dropped rather than kept: rotating is then how the endpoint signs again.
 */
export async function rotateSecret(deps: Pick<Deps, 'db' | 'clock' | 'config'>, actor: Actor, id: string) {
  assertManages(actor);
  const now = deps.clock();
  const key = secretKey(deps.config);
  const secret = generateSigningSecret();
  return deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(webhookEndpoints).where(ownEndpoint(actor, id)).for('update');
    if (!current) throw notFound('Webhook endpoint');
    const keepsCurrent = decrypts(key, current.secretCiphertext, id);
    const [row] = await tx
      .update(webhookEndpoints)
      .set({
        previousSecretCiphertext: keepsCurrent ? current.secretCiphertext : null,
        previousSecretExpiresAt: keepsCurrent ? new Date(now.getTime() + previousSecretValidMs) : null,
        secretCiphertext: encryptSecret(key, secret, id),
        updatedAt: now,
      })
      .where(eq(webhookEndpoints.id, id))
      .returning();
    return { endpoint: toEndpointView(row!), secret };
  });
}

function decrypts(key: Buffer, stored: string, endpointId: string): boolean {
  try {
    decryptSecret(key, stored, endpointId);
    return true;
  } catch {
    return false;
  }
}

type AttemptJson = { attempt: number; at: string; statusCode: number | null; latencyMs: number; error: string | null; responseExcerpt: string | null };

/** Deliveries as the API shows them, with their latest 10 attempts, newest delivery first. */
async function selectDeliveries(db: Db | Tx, where: SQL | undefined, limit: number) {
  const rows = await db
    .select({
      delivery: webhookDeliveries,
      event: { id: events.id, type: events.type, createdAt: events.createdAt },
      cursorAt: cursorInstant(webhookDeliveries.createdAt),
      attemptLog: sql<AttemptJson[]>`(select coalesce(json_agg(a order by a.attempt desc), '[]'::json) from (
        select attempt, created_at as at, status_code as "statusCode", latency_ms as "latencyMs", error, response_excerpt as "responseExcerpt"
        from webhook_attempts where delivery_id = ${webhookDeliveries.id} order by attempt desc limit 10) a)`,
    })
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(where)
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
  return rows.map((r) => ({
    cursorAt: r.cursorAt,
    view: {
      id: r.delivery.id,
      webhookId: webhookId(r.event.id),
      event: { id: r.event.id, type: r.event.type as EventType | typeof pingType, createdAt: r.event.createdAt.toISOString() },
      status: r.delivery.status,
      attempts: r.delivery.attempts,
      nextAttemptAt: iso(r.delivery.nextAttemptAt),
      lastAttemptAt: iso(r.delivery.lastAttemptAt),
      lastStatusCode: r.delivery.lastStatusCode,
      createdAt: r.delivery.createdAt.toISOString(),
      attemptLog: r.attemptLog.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
    } satisfies DeliveryView,
  }));
}

async function deliveryView(db: Db | Tx, deliveryId: string): Promise<DeliveryView> {
  const [row] = await selectDeliveries(db, eq(webhookDeliveries.id, deliveryId), 1);
  return row!.view;
}

export async function listDeliveries(deps: Pick<Deps, 'db'>, actor: Actor, endpointId: string, query: z.infer<typeof listDeliveriesQuerySchema>) {
  assertManages(actor);
  await findEndpoint(deps.db, actor, endpointId);
  const after = query.cursor ? decodeInstantCursor(query.cursor) : null;
  const rows = await selectDeliveries(
    deps.db,
    and(eq(webhookDeliveries.endpointId, endpointId), after ? beforeInstantCursor(webhookDeliveries.createdAt, webhookDeliveries.id, after) : undefined),
    query.limit + 1,
  );
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items: items.map((r) => r.view), nextCursor: rows.length > query.limit && last ? encodeCursor([last.cursorAt, last.view.id]) : null };
}

function assertEnabled(endpoint: WebhookEndpoint): void {
  if (!endpoint.enabled) throw conflict('endpoint_disabled', 'The endpoint is turned off; turn it on to send to it again.');
}

/**
 * Sends the delivery again, with the same `webhook-id`: pending again, a first attempt of a new
 * round of retries queued now. An attempt already scheduled and this one are the same attempt
 * number, so only one of them is made.
 */
export async function replayDelivery(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, endpointId: string, deliveryId: string): Promise<DeliveryView> {
  assertManages(actor);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    assertEnabled(await findEndpoint(tx, actor, endpointId));
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ status: 'pending', nextAttemptAt: now })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId)))
      .returning({ attempts: webhookDeliveries.attempts });
    if (!row) throw notFound('Delivery');
    await queueAttempt(tx, { deliveryId, attempt: row.attempts + 1, retry: 0 });
    return deliveryView(tx, deliveryId);
  });
}

/** A `ping` event for this endpoint alone (even while it is turned off: checking a fix comes before turning it on). */
export async function testEndpoint(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, endpointId: string): Promise<DeliveryView> {
  assertManages(actor);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    await findEndpoint(tx, actor, endpointId);
    const event = { partnerId: actor.companyId, type: pingType, data: { endpointId } } as const;
    const eventId = (await recordEvent(tx, event, now))!;
    // Made here rather than by the fan-out job, so the answer can show it; the job then finds it made.
    const [deliveryId] = await queueDeliveries(tx, { id: eventId, ...event }, now);
    return deliveryView(tx, deliveryId!);
  });
}

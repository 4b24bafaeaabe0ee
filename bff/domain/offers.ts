/**
 * Trial invitations and purchase offers (DESIGN.md §2): a partner builds them from the catalog
 * and shares a URL whose code names the partner as subscription advisor.
 */
import { and, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/database.ts';
import { companies, delegationLevel, offerItems, offerKind, offerRedemptions, offers, partnerCustomers, services, subscriptions, type Company } from '../../db/schema.ts';
import { decodeCursor, pageQuerySchema, toPage } from '../cursor.ts';
import type { Deps } from '../env.ts';
import { ApiError, notFound } from '../errors.ts';
import { idSchema } from '../ids.ts';
import { assertCan, type Actor } from '../permissions.ts';
import { generateCode } from '../tokens.ts';
import { servicesById } from './catalog.ts';
import { offerData } from './event-data.ts';
import { recordEvent } from './events.ts';

type Offer = typeof offers.$inferSelect;
export const offerStatuses = ['active', 'expired', 'revoked'] as const;
export type OfferStatus = (typeof offerStatuses)[number];

const serviceId = idSchema('Use the id of a service from the catalog.');
const common = {
  name: z.string().trim().min(1).max(200).optional(),
  delegatedAdmin: z.enum(delegationLevel.enumValues).optional().describe('Ask the customer for delegated administration at this level'),
  expiresAt: z.iso.datetime({ offset: true }).optional().describe('After this instant the offer can no longer be redeemed'),
};

export const createOfferSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('trial'), serviceId, ...common }).strict(),
  z
    .object({
      kind: z.literal('purchase'),
      items: z
        .array(z.object({ serviceId, licenses: z.number().int().min(1) }))
        .min(1, 'A purchase offer needs at least one service.')
        .max(20)
        .refine((items) => new Set(items.map((i) => i.serviceId)).size === items.length, 'List each service once.'),
      customerId: idSchema('Use the id of one of your customers.')
        .optional()
        .describe('Address the offer to one of your customers (a follow-up): only its admins can redeem it, into their company'),
      ...common,
    })
    .strict(),
]);
export type CreateOfferInput = z.infer<typeof createOfferSchema>;

export const listOffersQuerySchema = pageQuerySchema.extend({
  kind: z.enum(offerKind.enumValues).optional(),
  status: z.enum(offerStatuses).optional(),
});

export const offerItemViewSchema = z.object({
  serviceId: z.string(),
  sku: z.string(),
  name: z.string(),
  description: z.string(),
  trialDays: z.number().int(),
  priceMinor: z.number().int(),
  currency: z.string(),
  minLicenses: z.number().int(),
  maxLicenses: z.number().int(),
  licenses: z.number().int().nullable().describe('Proposed license count (purchase offers)'),
});

export const offerViewSchema = z.object({
  id: z.string(),
  kind: z.enum(offerKind.enumValues),
  code: z.string(),
  url: z.string(),
  name: z.string().nullable(),
  delegatedAdmin: z.enum(delegationLevel.enumValues).nullable(),
  status: z.enum(offerStatuses),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  items: z.array(offerItemViewSchema),
  redemptions: z.number().int().describe('How many customers redeemed it'),
  conversions: z
    .number()
    .int()
    .describe('Trials turned into paid subscriptions: by this purchase offer, or (a trial invitation) of the trials it started'),
  customer: z.object({ id: z.string(), name: z.string() }).nullable().describe('The customer a follow-up offer is addressed to'),
});
export type OfferView = z.infer<typeof offerViewSchema>;

export function offerStatus(offer: Pick<Offer, 'revokedAt' | 'expiresAt'>, now: Date): OfferStatus {
  if (offer.revokedAt) return 'revoked';
  if (offer.expiresAt && offer.expiresAt <= now) return 'expired';
  return 'active';
}

/** The partner's own sign-up page when it has one, else the page the BFF hosts. */
export function offerUrl(deps: Pick<Deps, 'config'>, partner: Pick<Company, 'signupUrl'>, code: string): string {
  const url = new URL(partner.signupUrl ?? `${deps.config.publicUrl}/signup`);
  url.searchParams.set('offer', code);
  return url.toString();
}

type OfferItemRow = z.infer<typeof offerItemViewSchema> & { offerId: string };

/** Items, redemption and conversion counts and addressees for many offers in four queries (never one per offer). */
export async function loadOfferDetails(db: Db, offerIds: string[]) {
  if (offerIds.length === 0) {
    return { items: new Map<string, OfferItemRow[]>(), counts: new Map<string, number>(), conversions: new Map<string, number>(), customers: new Map<string, { id: string; name: string }>() };
  }
  const [itemRows, countRows, conversionRows, customerRows] = await Promise.all([
    db
      .select({
        offerId: offerItems.offerId,
        serviceId: services.id,
        sku: services.sku,
        name: services.name,
        description: services.description,
        trialDays: services.trialDays,
        priceMinor: services.priceMinor,
        currency: services.currency,
        minLicenses: services.minLicenses,
        maxLicenses: services.maxLicenses,
        licenses: offerItems.licenses,
      })
      .from(offerItems)
      .innerJoin(services, eq(services.id, offerItems.serviceId))
      .where(inArray(offerItems.offerId, offerIds))
      .orderBy(services.name),
    db
      .select({ offerId: offerRedemptions.offerId, count: sql<number>`count(distinct ${offerRedemptions.customerId})::int` })
      .from(offerRedemptions)
      .where(inArray(offerRedemptions.offerId, offerIds))
      .groupBy(offerRedemptions.offerId),
    // A conversion belongs to the purchase offer that made it and to the trial offer that began it.
    db.execute(sql`select offer_id as "offerId", count(*)::int as count from (
        select ${subscriptions.convertedByOfferId} as offer_id from ${subscriptions} where ${inArray(subscriptions.convertedByOfferId, offerIds)}
        union all
        select ${subscriptions.trialOfferId} from ${subscriptions} where ${inArray(subscriptions.trialOfferId, offerIds)} and ${isNotNull(subscriptions.convertedAt)}
      ) c group by offer_id`),
    db
      .select({ offerId: offers.id, id: companies.id, name: companies.name })
      .from(offers)
      .innerJoin(companies, eq(companies.id, offers.customerId))
      .where(inArray(offers.id, offerIds)),
  ]);
  const items = new Map<string, OfferItemRow[]>();
  for (const row of itemRows) items.set(row.offerId, [...(items.get(row.offerId) ?? []), row]);
  const conversions = (Array.isArray(conversionRows) ? conversionRows : (conversionRows as { rows: unknown[] }).rows) as { offerId: string; count: number }[];
  return {
    items,
    counts: new Map(countRows.map((r) => [r.offerId, Number(r.count)])),
    conversions: new Map(conversions.map((r) => [r.offerId, Number(r.count)])),
    customers: new Map(customerRows.map((r) => [r.offerId, { id: r.id, name: r.name }])),
  };
}

function toOfferView(deps: Deps, partner: Company, offer: Offer, details: Awaited<ReturnType<typeof loadOfferDetails>>): OfferView {
  return {
    id: offer.id,
    kind: offer.kind,
    code: offer.code,
    url: offerUrl(deps, partner, offer.code),
    name: offer.name,
    delegatedAdmin: offer.delegatedAdmin,
    status: offerStatus(offer, deps.clock()),
    expiresAt: offer.expiresAt?.toISOString() ?? null,
    revokedAt: offer.revokedAt?.toISOString() ?? null,
    createdAt: offer.createdAt.toISOString(),
    items: (details.items.get(offer.id) ?? []).map(({ offerId: _, ...item }) => item),
    redemptions: details.counts.get(offer.id) ?? 0,
    conversions: details.conversions.get(offer.id) ?? 0,
    customer: details.customers.get(offer.id) ?? null,
  };
}

async function loadPartner(db: Db, actor: Actor): Promise<Company> {
  const [partner] = await db.select().from(companies).where(eq(companies.id, actor.companyId));
  if (!partner) throw notFound('Company');
  return partner;
}

const outOfBounds = (path: string, s: { name: string; minLicenses: number; maxLicenses: number }) =>
  ({ path, message: `${s.name} takes between ${s.minLicenses} and ${s.maxLicenses} licenses.` });

export async function createOffer(deps: Deps, actor: Actor, input: CreateOfferInput): Promise<OfferView> {
  assertCan(actor, 'partner:use');
  const now = deps.clock();
  if (input.expiresAt && new Date(input.expiresAt) <= now) {
    throw new ApiError(422, 'validation_failed', 'The expiry must be in the future.', [{ path: 'body.expiresAt', message: 'Choose a time in the future.' }]);
  }
  const requested = input.kind === 'trial' ? [{ serviceId: input.serviceId, licenses: null }] : input.items;
  const catalog = await servicesById(deps.db, requested.map((i) => i.serviceId));
  const problems = requested.flatMap((item, i) => {
    const path = input.kind === 'trial' ? 'body.serviceId' : `body.items.${i}`;
    const service = catalog.get(item.serviceId);
    if (!service) return [{ path: input.kind === 'trial' ? path : `${path}.serviceId`, message: 'No such service in the catalog.' }];
    if (item.licenses !== null && (item.licenses < service.minLicenses || item.licenses > service.maxLicenses)) {
      return [outOfBounds(`${path}.licenses`, service)];
    }
    return [];
  });
  if (problems.length) throw new ApiError(422, 'validation_failed', 'The offer is not valid; see details.', problems);
  const customerId = input.kind === 'purchase' ? (input.customerId ?? null) : null;
  if (customerId) {
    // Addressed to a company that is not this partner's customer: as for any other tenant, 404.
    const [link] = await deps.db
      .select({ id: partnerCustomers.customerId })
      .from(partnerCustomers)
      .where(and(eq(partnerCustomers.partnerId, actor.companyId), eq(partnerCustomers.customerId, customerId)));
    if (!link) throw notFound('Customer');
  }

  const partner = await loadPartner(deps.db, actor);
  const offer = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(offers)
      .values({
        partnerId: actor.companyId,
        kind: input.kind,
        code: generateCode(),
        name: input.name ?? null,
        delegatedAdmin: input.delegatedAdmin ?? null,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        customerId,
        createdById: actor.userId,
        createdAt: now,
      })
      .returning();
    await tx.insert(offerItems).values(requested.map((i) => ({ offerId: row!.id, serviceId: i.serviceId, licenses: i.licenses })));
    return row!;
  });
  return toOfferView(deps, partner, offer, await loadOfferDetails(deps.db, [offer.id]));
}

function statusCondition(status: OfferStatus | undefined, now: Date) {
  switch (status) {
    case 'revoked':
      return isNotNull(offers.revokedAt);
    case 'expired':
      return and(isNull(offers.revokedAt), lte(offers.expiresAt, now));
    case 'active':
      return and(isNull(offers.revokedAt), or(isNull(offers.expiresAt), gt(offers.expiresAt, now)));
    default:
      return undefined;
  }
}

export async function listOffers(deps: Deps, actor: Actor, query: z.infer<typeof listOffersQuerySchema>) {
  assertCan(actor, 'partner:use');
  const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
  const rows = await deps.db
    .select()
    .from(offers)
    .where(
      and(
        eq(offers.partnerId, actor.companyId),
        query.kind ? eq(offers.kind, query.kind) : undefined,
        statusCondition(query.status, deps.clock()),
        // Newest first: the next page holds rows strictly "before" the last one seen.
        after ? sql`(${offers.createdAt}, ${offers.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(offers.createdAt), desc(offers.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const [partner, details] = await Promise.all([loadPartner(deps.db, actor), loadOfferDetails(deps.db, page.map((o) => o.id))]);
  return toPage(rows, query.limit, (o) => [o.createdAt.toISOString(), o.id], (o) => toOfferView(deps, partner, o, details));
}

/** One of the actor's own offers; another partner's is a 404, like an unknown one. */
async function findOwnOffer(db: Db | Tx, actor: Actor, id: string): Promise<Offer> {
  const [offer] = await db
    .select()
    .from(offers)
    .where(and(eq(offers.id, id), eq(offers.partnerId, actor.companyId)));
  if (!offer) throw notFound('Offer');
  return offer;
}

export async function getOffer(deps: Deps, actor: Actor, id: string): Promise<OfferView> {
  assertCan(actor, 'partner:use');
  const offer = await findOwnOffer(deps.db, actor, id);
  return toOfferView(deps, await loadPartner(deps.db, actor), offer, await loadOfferDetails(deps.db, [offer.id]));
}

/** Revoking stops new redemptions; what was already redeemed stays. Revoking twice is harmless. */
export async function revokeOffer(deps: Deps, actor: Actor, id: string): Promise<OfferView> {
  assertCan(actor, 'partner:use');
  const offer = await findOwnOffer(deps.db, actor, id);
  const now = deps.clock();
  const row = offer.revokedAt
    ? offer
    : await deps.db.transaction(async (tx) => {
        // `revoked_at is null`: of two revocations at once, only the one that revokes tells.
        const [revoked] = await tx.update(offers).set({ revokedAt: now }).where(and(eq(offers.id, offer.id), isNull(offers.revokedAt))).returning();
        if (!revoked) return findOwnOffer(tx, actor, id);
        await recordEvent(tx, { partnerId: revoked.partnerId, type: 'offer.revoked', data: { offer: { ...offerData(revoked), revokedAt: now.toISOString() }, revokedBy: { id: actor.userId } } }, now);
        return revoked;
      });
  return toOfferView(deps, await loadPartner(deps.db, actor), row, await loadOfferDetails(deps.db, [offer.id]));
}


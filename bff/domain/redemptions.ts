/**
 * The prospect's side of an offer: what the offer shows before sign-up, and redeeming it —
 * a new customer company and admin, or an existing customer admin's own company — in one
 * transaction: everything exists afterwards, or nothing does.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { uniqueViolation, type Tx } from '../../db/database.ts';
import {
  companies,
  delegationLevel,
  delegations,
  offerKind,
  offerRedemptions,
  offers,
  partnerCustomers,

  subscriptions,
  subscriptionStatus,
  users,
  type Company,
} from '../../db/schema.ts';
import type { Auth, Deps } from '../env.ts';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError, conflict, notFound, type ErrorBody, type ErrorDetail } from '../errors.ts';
import { claimIdempotencyKey, completeIdempotencyKey, fingerprint, releaseIdempotencyKey } from '../idempotency.ts';
import { hashPassword, newPasswordSchema, verifyPassword } from '../passwords.ts';
import { can, delegationLevels } from '../permissions.ts';
import { recordAudit } from './audit.ts';
import { recordDelegationEvent, revokeReplacedDelegation } from './delegations.ts';
import { customerData, offerData, subscriptionData } from './event-data.ts';
import { recordEvent } from './events.ts';
import { createSession } from './sessions.ts';
import { loadOfferDetails, offerItemViewSchema, offerStatus } from './offers.ts';

/** Seats a trial starts with, within the service's bounds. */
const trialLicenses = 25;

export const publicOfferViewSchema = z.object({
  code: z.string(),
  kind: z.enum(offerKind.enumValues),
  name: z.string().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  items: z.array(offerItemViewSchema),
  delegatedAdmin: z
    .object({ level: z.enum(delegationLevel.enumValues), label: z.string(), description: z.string() })
    .nullable()
    .describe('Present when the partner asks for delegated administration'),
  advisor: z.object({
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
  }),
  addressedTo: z
    .object({ name: z.string() })
    .nullable()
    .describe('A follow-up offer made for one existing customer: only its admins can redeem it, signed in'),
});
export type PublicOfferView = z.infer<typeof publicOfferViewSchema>;

export const redemptionSchema = z.object({
  company: z
    .object({
      name: z.string().trim().min(1, 'Enter the company name.').max(200),
      phone: z.string().trim().max(40).optional(),
    })
    .optional()
    .describe('The new customer company; omit when redeeming with a customer admin token'),
  admin: z
    .object({
      email: z.email({ message: 'Enter an email address like you@company.com.' }).max(320),
      displayName: z.string().trim().min(1, 'Enter your name.').max(200),
      password: newPasswordSchema,
    })
    .optional()
    .describe('The first global admin of the new company'),
  licenses: z
    .record(z.string().max(100), z.number().int().min(1))
    .optional()
    .describe('License count per service id, within each service’s bounds (purchase offers)'),
  acceptDelegatedAdmin: z.boolean().default(false),
});
export type RedemptionInput = z.infer<typeof redemptionSchema>;

export const redemptionResultSchema = z.object({
  customerId: z.string(),
  subscriptions: z.array(
    z.object({
      id: z.string(),
      serviceId: z.string(),
      sku: z.string(),
      name: z.string(),
      status: z.enum(subscriptionStatus.enumValues),
      licenses: z.number().int(),
      trialEndsAt: z.iso.datetime().nullable(),
    }),
  ),
  delegation: z.object({
    status: z.enum(['active', 'declined', 'not_requested']),
    level: z.enum(delegationLevel.enumValues).nullable(),
  }),
  token: z.string().nullable().describe('A session for the new admin; null when redeemed with an existing token'),
  expiresAt: z.iso.datetime().nullable(),
});
export type RedemptionResult = z.infer<typeof redemptionResultSchema>;

type OfferRow = typeof offers.$inferSelect;

/** The offer behind a code, with its partner: 404 unknown, 410 revoked or expired. */
export async function findRedeemableOffer(deps: Deps, code: string): Promise<{ offer: OfferRow; partner: Company }> {
  const [row] = await deps.db
    .select({ offer: offers, partner: companies })
    .from(offers)
    .innerJoin(companies, eq(companies.id, offers.partnerId))
    .where(eq(offers.code, code))
    .limit(1);
  if (!row) throw notFound('Offer');
  const status = offerStatus(row.offer, deps.clock());
  if (status === 'revoked') throw new ApiError(410, 'offer_revoked', 'This offer was withdrawn by the partner.');
  if (status === 'expired') throw new ApiError(410, 'offer_expired', 'This offer has expired.');
  return row;
}

export async function getPublicOffer(deps: Deps, code: string): Promise<PublicOfferView> {
  const { offer, partner } = await findRedeemableOffer(deps, code);
  const details = await loadOfferDetails(deps.db, [offer.id]);
  const addressee = details.customers.get(offer.id);
  return {
    code: offer.code,
    kind: offer.kind,
    name: offer.name,
    expiresAt: offer.expiresAt?.toISOString() ?? null,
    items: (details.items.get(offer.id) ?? []).map(({ offerId: _, ...item }) => item),
    delegatedAdmin: offer.delegatedAdmin
      ? { level: offer.delegatedAdmin, label: delegationLevels[offer.delegatedAdmin].label, description: delegationLevels[offer.delegatedAdmin].description }
      : null,
    advisor: { name: partner.name, email: partner.email, phone: partner.phone, website: partner.website },
    addressedTo: addressee ? { name: addressee.name } : null,
  };
}

const invalid = (message: string, details: ErrorDetail[]) => new ApiError(422, 'validation_failed', message, details);

/**
 * Redeems the offer behind `code`. `auth` is a signed-in customer admin redeeming into their own
 * company; without it, `input.company` and `input.admin` describe the new customer.
 * `onCommit` runs inside the transaction with the answer (the idempotency record is stored there).
 */
export async function redeemOffer(
  deps: Deps,
  code: string,
  auth: Auth | null,
  input: RedemptionInput,
  onCommit?: (tx: Tx, result: RedemptionResult & { adminUserId: string }) => Promise<void>,
): Promise<RedemptionResult & { adminUserId: string }> {
  const { offer, partner } = await findRedeemableOffer(deps, code);
  const details = await loadOfferDetails(deps.db, [offer.id]);
  const items = details.items.get(offer.id) ?? [];

  // License counts: the offer's proposal, changed by the prospect within each service's bounds.
  const offered = new Set(items.map((i) => i.serviceId));
  const problems: ErrorDetail[] = Object.keys(input.licenses ?? {})
    .filter((id) => !offered.has(id))
    .map((id) => ({ path: `body.licenses.${id}`, message: 'This service is not part of the offer.' }));
  const lines = items.map((item) => {
    const chosen = input.licenses?.[item.serviceId];
    const licenses =
      offer.kind === 'trial'
        ? Math.min(item.maxLicenses, Math.max(item.minLicenses, chosen ?? trialLicenses))
        : (chosen ?? item.licenses ?? item.minLicenses);
    if (licenses < item.minLicenses || licenses > item.maxLicenses) {
      problems.push({ path: `body.licenses.${item.serviceId}`, message: `${item.name} takes between ${item.minLicenses} and ${item.maxLicenses} licenses.` });
    }
    return { ...item, licenses };
  });
  if (!auth && !input.company) problems.push({ path: 'body.company', message: 'Describe the new company, or sign in as its admin.' });
  if (!auth && !input.admin) problems.push({ path: 'body.admin', message: 'Give the first admin’s name, email and password, or sign in.' });
  if (auth && (input.company || input.admin)) {
    problems.push({ path: 'body.company', message: 'Signed in: the offer is redeemed into your own company; omit company and admin.' });
  }
  if (problems.length) throw invalid('The sign-up is not valid; see details.', problems);

  if (offer.customerId && auth?.actor.companyId !== offer.customerId) {
    throw new ApiError(403, 'offer_addressed', 'This offer was made for another company: sign in as an admin of that company to redeem it.');
  }
  if (auth) {
    if (auth.actor.companyKind !== 'customer' || !can(auth.actor, 'subscriptions:manage')) {
      throw new ApiError(403, 'forbidden', 'Only an admin of a customer company who manages subscriptions can redeem an offer into it.');
    }
  } else {
    const [taken] = await deps.db
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, input.admin!.email.toLowerCase()))
      .limit(1);
    if (taken) throw conflict('email_taken', 'An account with this email already exists; sign in to redeem the offer into your company.');
  }
  // Hash outside the transaction: it is the slow part and needs no lock.
  const passwordHash = input.admin ? await hashPassword(input.admin.password) : null;
  const now = deps.clock();
  const day = 86_400_000;

  try {
    return await deps.db.transaction(async (tx) => {
      let customerId: string;
      let adminUserId: string;
      let customer: Pick<Company, 'id' | 'name'>;
      if (auth) {
        customerId = auth.actor.companyId;
        adminUserId = auth.actor.userId;
        customer = auth.company;
      } else {
        const email = input.admin!.email.toLowerCase();
        const [company] = await tx
          .insert(companies)
          .values({ kind: 'customer', name: input.company!.name, phone: input.company!.phone ?? null, email, domain: email.split('@')[1] ?? null })
          .returning();
        const [admin] = await tx
          .insert(users)
          .values({ companyId: company!.id, email, displayName: input.admin!.displayName, passwordHash: passwordHash!, companyRoles: ['global_admin'] })
          .returning();
        customerId = company!.id;
        adminUserId = admin!.id;
        customer = company!;
        await recordEvent(
          tx,
          {
            partnerId: partner.id,
            type: 'customer.created',
            data: {
              customer: { ...customerData(company!), domain: company!.domain },
              admin: { id: admin!.id, email: admin!.email, displayName: admin!.displayName },
              offer: offerData(offer),
            },
          },
          now,
        );
      }

      const existing = await tx
        .select()
        .from(subscriptions)
        .where(and(eq(subscriptions.customerId, customerId), inArray(subscriptions.serviceId, lines.map((l) => l.serviceId))))
        .for('update');
      const created = [];
      for (const line of lines) {
        const current = existing.find((s) => s.serviceId === line.serviceId);
        const convertible = current && current.status !== 'active' && offer.kind === 'purchase';
        if (current && !convertible) {
          throw conflict('already_subscribed', `Your company already has ${line.name}${current.status === 'trial' ? ' on trial' : ''}.`);
        }
        // A trial (running or run out) of this partner's, bought through this partner: a conversion.
        // The trial's subscription becomes the paid one and keeps where it began.
        const converts = convertible && current.trialStartedAt !== null && current.advisorId === partner.id;
        const values = {
          status: offer.kind === 'trial' ? ('trial' as const) : ('active' as const),
          licenses: line.licenses,
          trialEndsAt: offer.kind === 'trial' ? new Date(now.getTime() + line.trialDays * day) : null,
          advisorId: partner.id,
          offerId: offer.id,
          updatedAt: now,
          ...(offer.kind === 'trial' ? { trialStartedAt: now, trialOfferId: offer.id } : {}),
          ...(converts ? { convertedAt: now, convertedByOfferId: offer.id } : {}),
        };
        const [row] = current
          ? await tx.update(subscriptions).set(values).where(eq(subscriptions.id, current.id)).returning()
          : await tx.insert(subscriptions).values({ ...values, customerId, serviceId: line.serviceId, createdAt: now }).returning();
        created.push({ row: row!, line });
        if (converts) {
          await recordEvent(
            tx,
            {
              partnerId: partner.id,
              type: 'trial.converted',
              data: {
                customer: customerData(customer),
                offer: offerData(offer),
                subscription: subscriptionData(row!, { id: line.serviceId, sku: line.sku, name: line.name }),
                trial: { offerId: current.trialOfferId, startedAt: current.trialStartedAt?.toISOString() ?? null, endsAt: current.trialEndsAt?.toISOString() ?? null },
              },
            },
            now,
          );
        }
      }

      await tx
        .insert(partnerCustomers)
        .values({ partnerId: partner.id, customerId, isAdvisor: true, offerId: offer.id, createdAt: now })
        .onConflictDoUpdate({ target: [partnerCustomers.partnerId, partnerCustomers.customerId], set: { isAdvisor: true } });

      let delegation: RedemptionResult['delegation'] = { status: 'not_requested', level: null };
      if (offer.delegatedAdmin) {
        const accepted = input.acceptDelegatedAdmin;
        // An existing customer may already have granted this partner: the new grant replaces it.
        if (accepted && auth) await revokeReplacedDelegation(tx, { partnerId: partner.id, customerId }, adminUserId, now);
        const [row] = await tx
          .insert(delegations)
          .values({
            partnerId: partner.id,
            customerId,
            level: offer.delegatedAdmin,
            status: accepted ? 'active' : 'declined',
            requestedById: offer.createdById,
            answeredById: adminUserId,
            answeredAt: now,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        await recordDelegationEvent(tx, accepted ? 'delegation.accepted' : 'delegation.declined', row!, now, { via: 'offer', offer: offerData(offer) });
        await recordAudit(
          tx,
          {
            customerId,
            partnerId: partner.id,
            actorUserId: adminUserId,
            action: accepted ? 'delegation.accepted' : 'delegation.declined',
            targetType: 'delegation',
            targetId: row!.id,
            details: { level: offer.delegatedAdmin, via: 'offer', offerId: offer.id },
          },
          now,
        );
        delegation = { status: accepted ? 'active' : 'declined', level: offer.delegatedAdmin };
      }

      await tx.insert(offerRedemptions).values({ offerId: offer.id, customerId, redeemedById: adminUserId, createdAt: now });
      const session = auth ? null : await createSession(tx, deps, adminUserId);
      const result = {
        customerId,
        adminUserId,
        subscriptions: created.map(({ row, line }) => ({
          id: row.id,
          serviceId: line.serviceId,
          sku: line.sku,
          name: line.name,
          status: row.status,
          licenses: row.licenses,
          trialEndsAt: row.trialEndsAt?.toISOString() ?? null,
        })),
        delegation,
        token: session?.token ?? null,
        expiresAt: session?.expiresAt ?? null,
      };
      await recordEvent(
        tx,
        {
          partnerId: partner.id,
          type: 'offer.redeemed',
          data: {
            offer: offerData(offer),
            customer: customerData(customer),
            newCustomer: !auth,
            subscriptions: created.map(({ row, line }) => subscriptionData(row, { id: line.serviceId, sku: line.sku, name: line.name })),
            delegation,
          },
        },
        now,
      );
      await onCommit?.(tx, result);
      return result;
    });
  } catch (error) {
    // Two redemptions racing (one email, or one company and service): the unique index lets one
    // win and the other gets a 409 instead of a 500.
    const constraint = uniqueViolation(error);
    if (constraint === 'users_email_lower_key') throw conflict('email_taken', 'An account with this email already exists.');
    if (constraint !== null) throw conflict('already_subscribed', 'Your company already has one of these services.');
    throw error;
  }
}


type StoredResult = Omit<RedemptionResult, 'token' | 'expiresAt'> & { adminUserId: string };

/**
 * `redeemOffer` under an `Idempotency-Key`. The session token is never stored with the answer
 * (secrets are kept only hashed): a replay for a new customer checks the password against the
 * admin it created and hands out a fresh session instead.
 */
export async function redeemOfferOnce(
  deps: Deps,
  code: string,
  idempotencyKey: string,
  auth: Auth | null,
  input: RedemptionInput,
): Promise<{ status: 201; body: RedemptionResult }> {
  const scope = `offer-redemption:${code}`;
  // The password stays out of the fingerprint: it would be a fast hash of a secret at rest.
  const requestHash = fingerprint({ input: { ...input, admin: input.admin && { ...input.admin, password: undefined } }, user: auth?.actor.userId ?? null });
  const claim = await claimIdempotencyKey(deps.db, scope, idempotencyKey, requestHash, deps.clock());

  if (claim.kind === 'replay') {
    if (claim.status !== 201) {
      const { error } = claim.body as ErrorBody;
      throw new ApiError(claim.status as ContentfulStatusCode, error.code, error.message, error.details);
    }
    const stored = claim.body as StoredResult;
    let session: { token: string; expiresAt: string } | null = null;
    if (!auth) {
      const [admin] = await deps.db.select().from(users).where(eq(users.id, stored.adminUserId));
      if (!admin || !input.admin || !(await verifyPassword(input.admin.password, admin.passwordHash))) {
        throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request body.');
      }
      session = await createSession(deps.db, deps, admin.id);
    }
    const { adminUserId: _, ...body } = stored;
    return { status: 201, body: { ...body, token: session?.token ?? null, expiresAt: session?.expiresAt ?? null } };
  }

  try {
    const { adminUserId: _, ...result } = await redeemOffer(deps, code, auth, input, async (tx, r) => {
      const { token: _t, expiresAt: _e, ...stored } = r;
      await completeIdempotencyKey(tx, scope, idempotencyKey, 201, stored);
    });
    return { status: 201, body: result };
  } catch (error) {
    // A definite answer (409 email taken, 410 expired, …) is kept and replayed like a success;
    // anything worth retrying (rate limits, outages, bugs) frees the key for another try.
    if (error instanceof ApiError && error.status < 500 && error.status !== 429) {
      const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
      await completeIdempotencyKey(deps.db, scope, idempotencyKey, error.status, body);
    } else {
      await releaseIdempotencyKey(deps.db, scope, idempotencyKey).catch(() => {});
    }
    throw error;
  }
}

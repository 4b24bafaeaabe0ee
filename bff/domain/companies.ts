/**
 * Companies (tenants): how they are shown, and how partner companies come to exist.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { companies, companyKind, users, type Company } from '../../db/schema.ts';
import type { Deps } from '../env.ts';
import { ApiError, conflict, notFound } from '../errors.ts';
import { generateTemporaryPassword, hashPassword } from '../passwords.ts';
import { assertCan, type Actor } from '../permissions.ts';
import { userData } from './event-data.ts';
import { recordEvent } from './events.ts';

const line = z.string().trim().max(200);
const addressSchema = z.object({
  line1: line.optional(),
  line2: line.optional(),
  city: line.optional(),
  region: line.optional(),
  postalCode: z.string().trim().max(20).optional(),
  country: z.string().trim().max(100).optional(),
});

// An origin is scheme + host + optional port, nothing else: `https://host[:port]`, or plain
// http only for local development on localhost.
const originPattern =
  /^(https:\/\/([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*|http:\/\/(localhost|127\.0\.0\.1))(:\d{1,5})?$/;
export const originSchema = z
  .string()
  .trim()
  .transform((v) => v.toLowerCase())
  .refine((v) => originPattern.test(v) && Number(v.split(':')[2] ?? 1) <= 65535, {
    message: 'Use an origin like https://www.example.com or https://example.com:8443 (http only for http://localhost:PORT), with no path.',
  });

const webUrl = z
  .url({ protocol: /^https?$/, message: 'Use a full web address starting with https://.' })
  .max(500);

export const companyViewSchema = z.object({
  id: z.string(),
  kind: z.enum(companyKind.enumValues),
  name: z.string(),
  domain: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  address: addressSchema.nullable(),
  allowedOrigins: z.array(z.string()),
  signupUrl: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type CompanyView = z.infer<typeof companyViewSchema>;

export function toCompanyView(company: Company): CompanyView {
  return {
    id: company.id,
    kind: company.kind,
    name: company.name,
    domain: company.domain,
    email: company.email,
    phone: company.phone,
    website: company.website,
    address: company.address ?? null,
    allowedOrigins: company.allowedOrigins,
    signupUrl: company.signupUrl,
    createdAt: company.createdAt.toISOString(),
  };
}

export const updateCompanySchema = z
  .object({
    name: z.string().trim().min(1, 'The company needs a name.').max(200),
    email: z.email({ message: 'Use an email address like support@example.com.' }).max(320).nullable(),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^\+?[0-9 ().-]{5,}$/, 'Use digits, spaces and + ( ) - only, e.g. +1 425 555 0100.')
      .nullable(),
    website: webUrl.nullable(),
    address: addressSchema.nullable(),
    allowedOrigins: z
      .array(originSchema)
      .max(20)
      .transform((list) => [...new Set(list)]),
    /** The partner's own page hosting the sign-up widget; offer URLs point there when set. */
    signupUrl: webUrl.nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change.');

async function findCompany(db: Db, id: string): Promise<Company> {
  const [company] = await db.select().from(companies).where(eq(companies.id, id)).limit(1);
  if (!company) throw notFound('Company');
  return company;
}

export async function getCompany(deps: Deps, actor: Actor) {
  assertCan(actor, 'company:read');
  return toCompanyView(await findCompany(deps.db, actor.companyId));
}

export async function updateCompany(deps: Deps, actor: Actor, input: z.infer<typeof updateCompanySchema>) {
  assertCan(actor, 'company:update');
  if (input.signupUrl && actor.companyKind !== 'partner') {
    throw new ApiError(422, 'validation_failed', 'Only partner companies have a sign-up page.', [
      { path: 'body.signupUrl', message: 'Only partner companies have a sign-up page.' },
    ]);
  }
  const [company] = await deps.db
    .update(companies)
    .set({ ...input, updatedAt: deps.clock() })
    .where(eq(companies.id, actor.companyId))
    .returning();
  if (!company) throw notFound('Company');
  return toCompanyView(company);
}

export const createPartnerSchema = z.object({
  name: z.string().trim().min(1).max(200),
  adminEmail: z.email().max(320),
  adminName: z.string().trim().min(1).max(200).optional(),
});

/**
 * Creates a partner company whose first user is a global admin with full partner access and
 * a temporary password (the operator hands it over; it must be changed at first sign-in).
 */
export async function createPartner(db: Db, input: z.infer<typeof createPartnerSchema>) {
  const password = generateTemporaryPassword();
  const passwordHash = await hashPassword(password);
  const email = input.adminEmail.toLowerCase();
  return db.transaction(async (tx) => {
    const [company] = await tx
      .insert(companies)
      .values({ kind: 'partner', name: input.name, email, domain: email.split('@')[1] ?? null })
      .returning();
    const [user] = await tx
      .insert(users)
      .values({
        companyId: company!.id,
        email,
        displayName: input.adminName ?? email.split('@')[0]!,
        passwordHash,
        passwordTemporary: true,
        companyRoles: ['global_admin'],
        partnerAccess: 'full',
      })
      .onConflictDoNothing()
      .returning();
    if (!user) throw conflict('email_taken', `A user with the email ${email} already exists.`);
    // The first admin, like every user created later (users.ts): the partner's systems may mirror them.
    await recordEvent(tx, { partnerId: company!.id, type: 'user.created', data: { user: userData(user) } }, user.createdAt);
    return { companyId: company!.id, userId: user.id, email, password };
  });
}

/**
 * Companies (tenants): how they are shown, and how partner companies come to exist.
 */
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { companies, companyKind, users, type Company } from '../../db/schema.ts';
import { conflict } from '../errors.ts';
import { generateTemporaryPassword, hashPassword } from '../passwords.ts';

const addressSchema = z.object({
  line1: z.string().optional(),
  line2: z.string().optional(),
  city: z.string().optional(),
  region: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().optional(),
});

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
    return { companyId: company!.id, userId: user.id, email, password };
  });
}

/**
 * What a partner does once in the portal before embedding it, done here for the demo partner at
 * every start: list the site's origin in the company's allowed origins, and create an API key
 * for the site's backend (replacing the key of the previous start, whose sessions end with it).
 */
import { and, asc, arrayContains, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { companies, users } from '../../db/schema.ts';
import { demoPartnerName } from '../../db/seed.ts';
import { createApiKey, deleteApiKey, listApiKeys } from '../../bff/domain/api-keys.ts';
import type { Actor } from '../../bff/permissions.ts';

const keyName = 'Demo partner site';

export interface Provisioned {
  apiKey: string;
  partnerName: string;
  /** The partner's users, whom the site's visitor may be. */
  visitors: { email: string; displayName: string }[];
}

/** Null when the demo partner is not there (the seed was skipped) or has no global admin. */
export async function provisionPartnerSite(db: Db, origin: string): Promise<Provisioned | null> {
  const [partner] = await db.select().from(companies).where(eq(companies.name, demoPartnerName)).limit(1);
  if (!partner) return null;
  const people = await db
    .select()
    .from(users)
    .where(and(eq(users.companyId, partner.id), sql`${users.disabledAt} is null`))
    .orderBy(asc(users.createdAt), asc(users.email));
  const admin = people.find((u) => u.companyRoles.includes('global_admin'));
  if (!admin) return null;

  const [listed] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.id, partner.id), arrayContains(companies.allowedOrigins, [origin])));
  if (!listed) {
    await db
      .update(companies)
      .set({ allowedOrigins: sql`array_append(${companies.allowedOrigins}, ${origin})` })
      .where(eq(companies.id, partner.id));
  }

  const actor: Actor = {
    userId: admin.id,
    companyId: partner.id,
    companyKind: 'partner',
    companyRoles: admin.companyRoles,
    partnerAccess: admin.partnerAccess,
  };
  const deps = { db, clock: () => new Date() };
  for (const key of (await listApiKeys(deps, actor)).items) if (key.name === keyName) await deleteApiKey(deps, actor, key.id);
  const { key } = await createApiKey(deps, actor, { name: keyName });
  return {
    apiKey: key,
    partnerName: partner.name,
    visitors: people.map((u) => ({ email: u.email, displayName: u.displayName })),
  };
}

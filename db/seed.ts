/**
 * Demo data: a service catalog, a demo partner with a user for each role, and customers in
 * each state. Runs once: a second call finds the demo partner and changes nothing.
 *
 * `hashPassword` is passed in because db/ imports nothing of the BFF's.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import {
  companies,
  delegations,
  offerItems,
  offerRedemptions,
  offers,
  partnerCustomers,
  services,
  subscriptions,
  users,
  type CompanyRole,
  type PartnerAccess,
} from './schema.ts';

export const demoPassword = 'demo-partner-2026';
export const demoPartnerName = 'Northwind Cloud Partners';

export const demoCatalog = [
  { sku: 'MAIL-STD', name: 'Business Mail', description: 'Hosted mailboxes with 50 GB each, calendars and shared contacts.', trialDays: 30, priceMinor: 600, currency: 'USD', minLicenses: 1, maxLicenses: 300 },
  { sku: 'OFFICE-PRO', name: 'Office Suite Pro', description: 'Desktop and web office apps with 1 TB of file storage per user.', trialDays: 30, priceMinor: 1250, currency: 'USD', minLicenses: 1, maxLicenses: 300 },
  { sku: 'SEC-PLUS', name: 'Security Plus', description: 'Device management, conditional access and threat protection.', trialDays: 14, priceMinor: 900, currency: 'USD', minLicenses: 5, maxLicenses: 5000 },
  { sku: 'MEET-ROOM', name: 'Meeting Rooms', description: 'Video meeting room devices licence with scheduling panels.', trialDays: 30, priceMinor: 1500, currency: 'USD', minLicenses: 1, maxLicenses: 100 },
  { sku: 'BACKUP-365', name: 'Cloud Backup', description: 'Daily backup of mail, files and sites with one-year retention.', trialDays: 60, priceMinor: 300, currency: 'USD', minLicenses: 10, maxLicenses: 10000 },
];

const demoUsers: { email: string; displayName: string; companyRoles: CompanyRole[]; partnerAccess: PartnerAccess }[] = [
  { email: 'admin@northwind.example', displayName: 'Ada Admin', companyRoles: ['global_admin'], partnerAccess: 'full' },
  { email: 'billing@northwind.example', displayName: 'Bill Ledger', companyRoles: ['billing_admin'], partnerAccess: 'none' },
  { email: 'passwords@northwind.example', displayName: 'Pat Reset', companyRoles: ['password_admin'], partnerAccess: 'limited' },
  { email: 'service@northwind.example', displayName: 'Sam Service', companyRoles: ['service_admin'], partnerAccess: 'none' },
  { email: 'people@northwind.example', displayName: 'Uma Users', companyRoles: ['user_management_admin'], partnerAccess: 'none' },
  { email: 'helpdesk@northwind.example', displayName: 'Hal Helpdesk', companyRoles: [], partnerAccess: 'limited' },
  { email: 'staff@northwind.example', displayName: 'Stu Staff', companyRoles: [], partnerAccess: 'none' },
];

type DemoCustomer = {
  name: string;
  domain: string;
  /**
   * `trialDaysLeft`: when the trial ends (negative: it has ended); `trialFrom`: the demo trial
   * invitation that started it; `convertedDaysAgo`: the follow-up purchase bought it.
   */
  subscription: {
    sku: string;
    status: 'trial' | 'active' | 'expired';
    licenses: number;
    trialDaysLeft?: number;
    trialFrom?: 'office-trial';
    convertedDaysAgo?: number;
  };
  /**
   * `endsInDays`: an end date for an accepted delegation (negative: it has already run out);
   * `askedDaysAgo`: when an open request was made.
   */
  delegation?: { level: 'full' | 'limited'; status: 'active' | 'pending' | 'revoked' | 'declined' | 'expired'; endsInDays?: number; askedDaysAgo?: number };
};

// The overview tells a story: trials ending in 2 and 20 days, one trial converted by a follow-up,
// a delegation ending in 5 days, a request unanswered for a week.
const demoCustomers: DemoCustomer[] = [
  // Accepted with an end date that has passed: the BFF records it as expired on its next look.
  { name: 'Contoso Pharmacy', domain: 'contoso-pharmacy.example', subscription: { sku: 'OFFICE-PRO', status: 'active', licenses: 18 }, delegation: { level: 'limited', status: 'active', endsInDays: -3 } },
  { name: 'Fabrikam Bakery', domain: 'fabrikam.example', subscription: { sku: 'MAIL-STD', status: 'active', licenses: 12 }, delegation: { level: 'full', status: 'active', endsInDays: 5 } },
  { name: 'Tailspin Toys', domain: 'tailspin.example', subscription: { sku: 'OFFICE-PRO', status: 'trial', licenses: 25, trialDaysLeft: 20, trialFrom: 'office-trial' }, delegation: { level: 'limited', status: 'active' } },
  { name: 'Wide World Importers', domain: 'wideworld.example', subscription: { sku: 'SEC-PLUS', status: 'active', licenses: 40 }, delegation: { level: 'full', status: 'pending', askedDaysAgo: 7 } },
  { name: 'Lucerne Publishing', domain: 'lucerne.example', subscription: { sku: 'BACKUP-365', status: 'expired', licenses: 10, trialDaysLeft: -5 } },
  { name: 'Adventure Works Cycles', domain: 'adventure-works.example', subscription: { sku: 'MAIL-STD', status: 'active', licenses: 8 }, delegation: { level: 'limited', status: 'revoked' } },
  { name: 'Coho Winery', domain: 'coho.example', subscription: { sku: 'MEET-ROOM', status: 'trial', licenses: 3, trialDaysLeft: 2 }, delegation: { level: 'full', status: 'declined' } },
  { name: "Margie's Travel", domain: 'margie.example', subscription: { sku: 'OFFICE-PRO', status: 'active', licenses: 15, trialDaysLeft: -10, trialFrom: 'office-trial', convertedDaysAgo: 12 } },
];

/** Inserts the catalog (by sku, so it can be re-run) and returns the services by sku. */
export async function seedCatalog(db: Db) {
  await db.insert(services).values(demoCatalog).onConflictDoNothing({ target: services.sku });
  const rows = await db.select().from(services);
  return new Map(rows.map((s) => [s.sku, s]));
}

export async function seedDemo(db: Db, hashPassword: (password: string) => Promise<string>, now = new Date()) {
  const catalog = await seedCatalog(db);
  const [existing] = await db.select({ id: companies.id }).from(companies).where(eq(companies.name, demoPartnerName)).limit(1);
  if (existing) return { created: false as const, partnerId: existing.id };

  const passwordHash = await hashPassword(demoPassword);
  const day = 86_400_000;
  return db.transaction(async (tx) => {
    const [partner] = await tx
      .insert(companies)
      .values({
        kind: 'partner',
        name: demoPartnerName,
        domain: 'northwind.example',
        email: 'hello@northwind.example',
        phone: '+1 425 555 0100',
        website: 'https://northwind.example',
        address: { line1: '1 Harbour Way', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' },
      })
      .returning();
    const partnerId = partner!.id;
    const [admin] = await tx
      .insert(users)
      .values(demoUsers.map((u) => ({ ...u, companyId: partnerId, passwordHash })))
      .returning();

    // A trial invitation for Office Suite Pro, and the follow-up that bought one of its trials.
    const [officeTrial] = await tx
      .insert(offers)
      .values({ partnerId, kind: 'trial', code: randomBytes(20).toString('base64url'), name: 'Office Suite trial', createdById: admin!.id, createdAt: new Date(now.getTime() - 45 * day) })
      .returning();
    const office = catalog.get('OFFICE-PRO')!;
    await tx.insert(offerItems).values({ offerId: officeTrial!.id, serviceId: office.id });

    for (const [i, c] of demoCustomers.entries()) {
      // A customer whose trial began earlier has been one since its trial began.
      const trialLeft = c.subscription.trialDaysLeft;
      const trialDays = catalog.get(c.subscription.sku)!.trialDays;
      const createdAt = new Date(now.getTime() - Math.max(demoCustomers.length - i, trialLeft === undefined ? 0 : trialDays - trialLeft) * day);
      const [customer] = await tx
        .insert(companies)
        .values({ kind: 'customer', name: c.name, domain: c.domain, email: `it@${c.domain}`, createdAt, updatedAt: createdAt })
        .returning();
      await tx.insert(users).values([
        { companyId: customer!.id, email: `admin@${c.domain}`, displayName: `${c.name} Admin`, passwordHash, companyRoles: ['global_admin'] },
        { companyId: customer!.id, email: `user@${c.domain}`, displayName: `${c.name} User`, passwordHash },
      ]);
      await tx.insert(partnerCustomers).values({ partnerId, customerId: customer!.id, isAdvisor: true, createdAt });
      const service = catalog.get(c.subscription.sku)!;
      const { trialDaysLeft, trialFrom, convertedDaysAgo } = c.subscription;
      const trialEndsAt = trialDaysLeft === undefined ? null : new Date(now.getTime() + trialDaysLeft * day);
      const trialOfferId = trialFrom === 'office-trial' ? officeTrial!.id : null;
      let followUpId: string | null = null;
      if (convertedDaysAgo !== undefined) {
        const [followUp] = await tx
          .insert(offers)
          .values({
            partnerId,
            kind: 'purchase',
            code: randomBytes(20).toString('base64url'),
            name: `${service.name} for ${c.name}`,
            customerId: customer!.id,
            createdById: admin!.id,
            createdAt: new Date(now.getTime() - (convertedDaysAgo + 2) * day),
          })
          .returning();
        await tx.insert(offerItems).values({ offerId: followUp!.id, serviceId: service.id, licenses: c.subscription.licenses });
        await tx.insert(offerRedemptions).values({ offerId: followUp!.id, customerId: customer!.id, createdAt: new Date(now.getTime() - convertedDaysAgo * day) });
        followUpId = followUp!.id;
      }
      if (trialOfferId) await tx.insert(offerRedemptions).values({ offerId: trialOfferId, customerId: customer!.id, createdAt });
      await tx.insert(subscriptions).values({
        customerId: customer!.id,
        serviceId: service.id,
        advisorId: partnerId,
        offerId: followUpId ?? trialOfferId,
        status: c.subscription.status,
        licenses: c.subscription.licenses,
        trialEndsAt,
        // A trial started `trialDays` before it ends.
        trialStartedAt: trialEndsAt ? new Date(trialEndsAt.getTime() - service.trialDays * day) : null,
        trialOfferId,
        convertedAt: convertedDaysAgo === undefined ? null : new Date(now.getTime() - convertedDaysAgo * day),
        convertedByOfferId: followUpId,
      });
      if (c.delegation) {
        const answered = c.delegation.status !== 'pending';
        await tx.insert(delegations).values({
          partnerId,
          customerId: customer!.id,
          level: c.delegation.level,
          status: c.delegation.status,
          requestedById: admin!.id,
          // An open request carries a code (160 bits, as the BFF makes them) so its consent page opens.
          code: answered ? null : randomBytes(20).toString('base64url'),
          requestExpiresAt: answered ? null : new Date(now.getTime() + (90 - (c.delegation.askedDaysAgo ?? 0)) * day),
          createdAt: new Date(now.getTime() - (c.delegation.askedDaysAgo ?? 0) * day),
          answeredAt: answered ? createdAt : null,
          revokedAt: c.delegation.status === 'revoked' ? now : null,
          expiresAt: c.delegation.endsInDays === undefined ? null : new Date(now.getTime() + c.delegation.endsInDays * day),
        });
      }
    }
    return { created: true as const, partnerId };
  });
}

export const demoSignIns = demoUsers.map(({ email, companyRoles, partnerAccess }) => ({ email, companyRoles, partnerAccess }));

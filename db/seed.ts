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
  subscription: { sku: string; status: 'trial' | 'active' | 'expired'; licenses: number; trialDaysLeft?: number };
  /** `endsInDays`: an end date for an accepted delegation (negative: it has already run out). */
  delegation?: { level: 'full' | 'limited'; status: 'active' | 'pending' | 'revoked' | 'declined' | 'expired'; endsInDays?: number };
};

const demoCustomers: DemoCustomer[] = [
  // Accepted with an end date that has passed: the BFF records it as expired on its next look.
  { name: 'Contoso Pharmacy', domain: 'contoso-pharmacy.example', subscription: { sku: 'OFFICE-PRO', status: 'active', licenses: 18 }, delegation: { level: 'limited', status: 'active', endsInDays: -3 } },
  { name: 'Fabrikam Bakery', domain: 'fabrikam.example', subscription: { sku: 'MAIL-STD', status: 'active', licenses: 12 }, delegation: { level: 'full', status: 'active', endsInDays: 60 } },
  { name: 'Tailspin Toys', domain: 'tailspin.example', subscription: { sku: 'OFFICE-PRO', status: 'trial', licenses: 25, trialDaysLeft: 18 }, delegation: { level: 'limited', status: 'active' } },
  { name: 'Wide World Importers', domain: 'wideworld.example', subscription: { sku: 'SEC-PLUS', status: 'active', licenses: 40 }, delegation: { level: 'full', status: 'pending' } },
  { name: 'Lucerne Publishing', domain: 'lucerne.example', subscription: { sku: 'BACKUP-365', status: 'expired', licenses: 10, trialDaysLeft: -5 } },
  { name: 'Adventure Works Cycles', domain: 'adventure-works.example', subscription: { sku: 'MAIL-STD', status: 'active', licenses: 8 }, delegation: { level: 'limited', status: 'revoked' } },
  { name: 'Coho Winery', domain: 'coho.example', subscription: { sku: 'MEET-ROOM', status: 'trial', licenses: 3, trialDaysLeft: 27 }, delegation: { level: 'full', status: 'declined' } },
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

    for (const [i, c] of demoCustomers.entries()) {
      const createdAt = new Date(now.getTime() - (demoCustomers.length - i) * day);
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
      await tx.insert(subscriptions).values({
        customerId: customer!.id,
        serviceId: service.id,
        advisorId: partnerId,
        status: c.subscription.status,
        licenses: c.subscription.licenses,
        trialEndsAt: c.subscription.trialDaysLeft === undefined ? null : new Date(now.getTime() + c.subscription.trialDaysLeft * day),
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
          requestExpiresAt: answered ? null : new Date(now.getTime() + 90 * day),
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

/**
 * The service catalog partners build offers from.
 */
import { asc, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/database.ts';
import { services, type Service } from '../../db/schema.ts';

export const serviceViewSchema = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  description: z.string(),
  trialDays: z.number().int(),
  priceMinor: z.number().int().describe('Monthly price of one license in minor units (e.g. cents)'),
  currency: z.string(),
  minLicenses: z.number().int(),
  maxLicenses: z.number().int(),
});
export type ServiceView = z.infer<typeof serviceViewSchema>;

export function toServiceView(s: Service): ServiceView {
  return {
    id: s.id,
    sku: s.sku,
    name: s.name,
    description: s.description,
    trialDays: s.trialDays,
    priceMinor: s.priceMinor,
    currency: s.currency,
    minLicenses: s.minLicenses,
    maxLicenses: s.maxLicenses,
  };
}

export async function listCatalog(db: Db) {
  const rows = await db.select().from(services).orderBy(asc(services.name));
  return { items: rows.map(toServiceView) };
}

/** The services with these ids, by id; unknown ids are simply absent. */
export async function servicesById(db: Db | Tx, ids: string[]): Promise<Map<string, Service>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(services).where(inArray(services.id, ids));
  return new Map(rows.map((s) => [s.id, s]));
}

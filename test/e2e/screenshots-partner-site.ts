/**
 * Screenshots of the demo partner site (the second origin) with <partner-portal> and its own
 * sign-up page, at desktop and phone widths, light and dark, for a person to look at:
 * `node --import tsx test/e2e/screenshots-partner-site.ts [outDir]` (after `npm run build`).
 */
import { mkdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { companies } from '../../db/schema.ts';
import { demoPartnerName } from '../../db/seed.ts';
import { recordEvent } from '../../bff/domain/events.ts';
import { launchBrowser, startDemoServer } from './harness.ts';

const outDir = process.argv[2] ?? '/tmp/pk-shots';
mkdirSync(outDir, { recursive: true });
const server = await startDemoServer();
const browser = await launchBrowser();
// Something for the site's backend to hear by webhook (the shots below change nothing).
const [partner] = await server.db.select().from(companies).where(eq(companies.name, demoPartnerName));
await server.db.transaction((tx) =>
  recordEvent(tx, { partnerId: partner!.id, type: 'customer.created', data: { customer: { id: partner!.id, name: 'Lucerne Publishing' } } }, new Date()),
);
try {
  for (const [label, width, height] of [['desktop', 1280, 900], ['phone', 390, 844]] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme });
      await page.goto(server.partnerSiteUrl);
      const portal = page.locator('partner-portal');
      const overview = portal.locator('partner-overview');
      await overview.getByRole('heading', { name: 'Needs attention' }).waitFor();
      await page.screenshot({ path: `${outDir}/site-overview-${label}-${colorScheme}.png`, fullPage: true });
      // The follow-up: the builder prefilled for the customer whose trial ends soonest.
      await overview.getByRole('button', { name: 'Follow up with a purchase offer' }).first().click();
      await portal.locator('partner-offer-builder').getByRole('note').waitFor();
      await page.screenshot({ path: `${outDir}/site-follow-up-${label}-${colorScheme}.png` });
      await portal.getByRole('tab', { name: 'Customers' }).click();
      await portal.locator('partner-customer-list').getByText('Fabrikam Bakery').first().waitFor();
      await page.screenshot({ path: `${outDir}/site-portal-${label}-${colorScheme}.png`, fullPage: false });
      await portal.getByRole('tab', { name: 'Offers' }).click();
      await portal.locator('partner-offer-builder').getByRole('heading', { name: 'New offer' }).waitFor();
      await page.screenshot({ path: `${outDir}/site-offers-${label}-${colorScheme}.png` });
      await page.goto(`${server.partnerSiteUrl}/trial`);
      await page.locator('partner-signup').getByRole('heading', { name: /Your advisor/ }).waitFor();
      await page.screenshot({ path: `${outDir}/site-signup-${label}-${colorScheme}.png`, fullPage: true });
      // What the site's backend heard by webhook: the section at the foot of the site's page.
      await page.goto(server.partnerSiteUrl);
      const heard = page.locator('.webhooks');
      await heard.locator('li').first().waitFor({ timeout: 30_000 }).catch(() => {});
      await heard.screenshot({ path: `${outDir}/site-webhooks-${label}-${colorScheme}.png` });
      await page.close();
    }
  }
  console.log(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  await server.close();
}

/**
 * Screenshots of the demo partner site (the second origin) with <partner-portal> and its own
 * sign-up page, at desktop and phone widths, light and dark, for a person to look at:
 * `node --import tsx test/e2e/screenshots-partner-site.ts [outDir]` (after `npm run build`).
 */
import { mkdirSync } from 'node:fs';
import { launchBrowser, startDemoServer } from './harness.ts';

const outDir = process.argv[2] ?? '/tmp/pk-shots';
mkdirSync(outDir, { recursive: true });
const server = await startDemoServer();
const browser = await launchBrowser();
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
      await page.close();
    }
  }
  console.log(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  await server.close();
}

/**
 * Screenshots of the hosted consent page (`/consent`, also the demo's customer admin page) for a
 * person to look at, at desktop (1280) and phone (390) widths, in light and dark: a partner's
 * request as the customer's global admin sees it, the answer, and the company's partners with
 * the audit of what they did (and a revocation waiting for its confirmation).
 *
 *   npm run build && node --import tsx test/e2e/screenshots-consent.ts [out-dir]   (default /tmp/shots)
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { demoPassword } from '../../db/seed.ts';
import { demoApi, launchBrowser, northwindInFabrikam, startDemoServer } from './harness.ts';

const outDir = process.argv[2] ?? '/tmp/shots';
mkdirSync(outDir, { recursive: true });

const server = await startDemoServer();
const browser = await launchBrowser();

const demo = demoApi(server.url);
const { api, signIn } = demo;

async function signInOnPage(page: Page, email: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

try {
  // Northwind asks two customers, and does a few things in Fabrikam, so the audit has something to show.
  const northwind = await signIn('admin@northwind.example');
  const { fabrikam, wideWorld } = await northwindInFabrikam(demo, northwind, await signIn('helpdesk@northwind.example'));
  await api('POST', `/api/customers/${fabrikam}/service-requests`, northwind, {
    title: 'Mailbox quota for the front desk',
    description: 'The front desk mailbox is nearly full; please raise it.',
    severity: 'normal',
  });

  for (const [device, width, height] of [['desktop', 1280, 800], ['phone', 390, 844]] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme, deviceScaleFactor: device === 'phone' ? 2 : 1 });
      const page = await context.newPage();
      const name = (state: string) => `${outDir}/${device}-${colorScheme}-${state}.png`;

      // A fresh request each time (it replaces the last one), opened from its link.
      const { url } = await api<{ url: string }>('POST', `/api/customers/${wideWorld}/delegation-requests`, northwind, { level: 'full', expiresInDays: 14 });
      const link = new URL(url); // its origin is PUBLIC_URL; open the same path here
      await page.goto(`${server.url}${link.pathname}${link.search}`);
      const consent = page.locator('partner-delegation-consent');
      await consent.getByText('Sign in as a global admin of your company to see and answer this request.').waitFor();
      await page.screenshot({ path: name('consent-signed-out'), fullPage: true });
      await signInOnPage(page, 'admin@wideworld.example');
      await consent.getByRole('heading', { name: 'Northwind Cloud Partners asks for full administration of your company' }).waitFor();
      await page.screenshot({ path: name('consent-request'), fullPage: true });

      const endDate = new Date(Date.now() + 90 * 86_400_000);
      await consent.getByLabel('End date (optional)').fill(endDate.toISOString().slice(0, 10));
      await consent.getByRole('button', { name: 'Accept' }).click();
      await consent.getByRole('heading', { name: 'Request accepted' }).waitFor();
      await page.screenshot({ path: name('consent-accepted'), fullPage: true });

      // The customer admin page: partners and the audit.
      await page.goto(`${server.url}/consent`);
      await signInOnPage(page, 'admin@fabrikam.example');
      await consent.locator('[part~="entry"]').first().waitFor();
      await page.screenshot({ path: name('consent-partners'), fullPage: true });
      await consent.getByRole('button', { name: 'Revoke the access of Northwind Cloud Partners' }).click();
      await consent.locator('[part~="partners"]').screenshot({ path: name('consent-revoke-confirm') });
      await context.close();
    }
  }
  console.log(`Screenshots in ${outDir}`);
} finally {
  await browser.close();
  await server.close();
}

/**
 * Screenshots of the offer builder (in the demo) and the hosted sign-up page for a person to look
 * at, at desktop (1280) and phone (390) widths, in light and dark:
 * builder form with a running total, the created URL, the list; the sign-up page with the offer,
 * filled in, with an error, and after success.
 *
 *   npm run build && node --import tsx test/e2e/screenshots-offers.ts [out-dir]   (default /tmp/shots)
 */
import { mkdirSync } from 'node:fs';
import { demoPassword } from '../../db/seed.ts';
import { launchBrowser, startDemoServer } from './harness.ts';

const outDir = process.argv[2] ?? '/tmp/shots';
mkdirSync(outDir, { recursive: true });

const server = await startDemoServer();
const browser = await launchBrowser();
try {
  for (const [device, width, height] of [['desktop', 1280, 800], ['phone', 390, 844]] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme, deviceScaleFactor: device === 'phone' ? 2 : 1 });
      const page = await context.newPage();
      const name = (state: string) => `${outDir}/${device}-${colorScheme}-${state}.png`;
      await page.goto(server.url);
      await page.getByLabel('Email').fill('admin@northwind.example');
      await page.getByLabel('Password').fill(demoPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();

      const builder = page.locator('partner-offer-builder');
      await builder.getByRole('heading', { name: 'New offer' }).waitFor();
      await builder.getByLabel('Purchase offer').check();
      await builder.getByLabel('Office Suite Pro').check();
      await builder.getByLabel('Security Plus').check();
      await builder.getByLabel('Licenses of Office Suite Pro').fill('20');
      await builder.getByRole('button', { name: 'One license more of Security Plus' }).click();
      await builder.getByLabel('Ask the customer for delegated administration').check();
      await builder.getByLabel('Limited administration').check();
      await builder.getByLabel('Offer name (optional)').fill(`Office + Security for ${device} ${colorScheme}`);
      await builder.locator('[part~="builder"]').screenshot({ path: name('offer-builder-form') });

      await builder.getByRole('button', { name: 'Create offer' }).click();
      await builder.getByRole('heading', { name: 'Offer ready' }).waitFor();
      await builder.locator('[part~="created"]').screenshot({ path: name('offer-builder-created') });
      const offerUrl = new URL(await builder.getByLabel('Offer link').inputValue());
      await builder.locator('[part~="list"] [part~="offer"]').first().waitFor();
      await builder.getByRole('button', { name: 'Revoke' }).first().click();
      await builder.locator('[part~="list"]').screenshot({ path: name('offer-builder-list') });

      // The prospect's side, on the page the BFF hosts (the URL's origin is PUBLIC_URL; see offers.test.ts).
      const signupUrl = new URL(offerUrl.pathname + offerUrl.search, server.url).href;
      const prospect = await context.newPage();
      await prospect.goto(signupUrl);
      const signup = prospect.locator('partner-signup');
      await signup.getByRole('heading', { name: 'Your advisor: Northwind Cloud Partners' }).waitFor();
      await prospect.screenshot({ path: name('signup-offer'), fullPage: true });

      await signup.getByLabel('Licenses of Security Plus').fill('12');
      await signup.getByLabel('Company name').fill('Proseware Labs');
      await signup.getByLabel('Your name').fill('Pat Prospect');
      await signup.getByLabel('Email').fill(`pat-${device}-${colorScheme}@proseware.example`);
      await signup.getByLabel('Password').fill('onlylettershere');
      await signup.getByRole('checkbox', { name: 'Give Northwind Cloud Partners limited administration of my company' }).check();
      await prospect.screenshot({ path: name('signup-filled'), fullPage: true });

      await signup.getByRole('button', { name: /^Create account/ }).click();
      await signup.locator('[part~="field-error"]').first().waitFor();
      await prospect.screenshot({ path: name('signup-error'), fullPage: true });

      await signup.getByLabel('Password').fill('proseware-2026');
      await signup.getByRole('button', { name: /^Create account/ }).click();
      await signup.getByRole('heading', { name: 'Welcome, your company Proseware Labs is set up' }).waitFor();
      await prospect.screenshot({ path: name('signup-success'), fullPage: true });

      // A second sign-up with the same email: the "sign in instead" message. Light only: sign-ups are
      // rate limited to 10 a minute per address (SIGNUP_RATE_LIMIT), and every attempt counts.
      if (colorScheme === 'dark') {
        await context.close();
        continue;
      }
      await prospect.goto(signupUrl);
      await signup.getByLabel('Company name').fill('Proseware Labs');
      await signup.getByLabel('Your name').fill('Pat Prospect');
      await signup.getByLabel('Email').fill(`pat-${device}-${colorScheme}@proseware.example`);
      await signup.getByLabel('Password').fill('proseware-2026');
      await signup.getByRole('button', { name: /^Create account/ }).click();
      await signup.getByRole('button', { name: 'Sign in instead' }).waitFor();
      await prospect.screenshot({ path: name('signup-email-taken'), fullPage: true });
      await context.close();
    }
  }
  console.log(`Screenshots in ${outDir}`);
} finally {
  await browser.close();
  await server.close();
}

/**
 * Screenshots of the demo page for a person to look at: signed out, error, signed in, and the
 * temporary-password form, at desktop (1280) and phone (390) widths, in light and dark.
 *
 *   npm run build && node --import tsx test/e2e/screenshots.ts [out-dir]   (default /tmp/shots)
 */
import { mkdirSync } from 'node:fs';
import { createPartner } from '../../bff/domain/companies.ts';
import { demoPassword } from '../../db/seed.ts';
import { launchBrowser, startDemoServer } from './harness.ts';

const outDir = process.argv[2] ?? '/tmp/shots';
mkdirSync(outDir, { recursive: true });

const server = await startDemoServer();
const browser = await launchBrowser();
try {
  for (const [device, width, height] of [['desktop', 1280, 800], ['phone', 390, 844]] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme, deviceScaleFactor: device === 'phone' ? 2 : 1 });
      const shot = (state: string) =>
        page.screenshot({ path: `${outDir}/${device}-${colorScheme}-${state}.png`, fullPage: true });
      await page.goto(server.url);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await shot('signed-out');
      // Keyboard only: Tab from the email field through the password to the button.
      await page.getByLabel('Email').focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await shot('keyboard-focus');

      await page.getByLabel('Email').fill('admin@northwind.example');
      await page.getByLabel('Password').fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: 'not correct' }).waitFor();
      await page.getByLabel('Password').focus();
      await shot('error');

      await page.getByLabel('Password').fill(demoPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await shot('signed-in');

      // A partner admin's first sign-in, with the temporary password the CLI printed.
      await page.getByRole('button', { name: 'Sign out' }).click();
      const partner = await createPartner(server.db, {
        name: 'Contoso Cloud Advisors',
        adminEmail: `first-admin-${device}-${colorScheme}@contoso.example`,
        adminName: 'Fay First',
      });
      await page.getByLabel('Email').fill(partner.email);
      await page.getByLabel('Password').fill(partner.password);
      await page.keyboard.press('Enter');
      await page.getByLabel('Temporary password').waitFor();
      await page.getByLabel('Temporary password').fill(partner.password);
      await page.getByLabel('New password').fill('onlylettershere');
      await page.keyboard.press('Enter');
      await page.locator('partner-sign-in [part~="field-error"]').waitFor();
      await shot('change-password');
      await page.close();
    }
  }
  console.log(`Screenshots in ${outDir}`);
} finally {
  await browser.close();
  await server.close();
}

/**
 * Screenshots of the company, users and roles widgets in the demo for a person to look at: the
 * user list, the add-user dialog with the role picker, a temporary password shown once, the
 * company profile with a validation error (admin) and read-only (billing admin), and the
 * form-association demo; at desktop (1280) and phone (390) widths, in light and dark.
 *
 *   npm run build && node --import tsx test/e2e/screenshots-users.ts [out-dir]   (default /tmp/shots)
 */
import { mkdirSync } from 'node:fs';
import { launchBrowser, signInToDemo as signIn, startDemoServer } from './harness.ts';

const outDir = process.argv[2] ?? '/tmp/shots';
mkdirSync(outDir, { recursive: true });

const server = await startDemoServer();
const browser = await launchBrowser();
try {
  for (const [device, width, height] of [['desktop', 1280, 800], ['phone', 390, 844]] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme, deviceScaleFactor: device === 'phone' ? 2 : 1 });
      const name = (state: string) => `${outDir}/${device}-${colorScheme}-${state}.png`;
      await page.goto(server.url);
      await signIn(page, 'admin@northwind.example');

      const list = page.locator('partner-user-list');
      await list.locator('[part~="row"]').first().waitFor();
      await list.screenshot({ path: name('users-list') });

      await list.getByRole('button', { name: 'Add user' }).click();
      const dialog = list.getByRole('dialog');
      await dialog.getByLabel('Display name').fill('Lena Limited');
      await dialog.getByLabel('Email', { exact: true }).fill(`lena-${device}-${colorScheme}@northwind.example`);
      await dialog.getByRole('group', { name: 'Administrative access to your company' }).getByRole('radio', { name: 'Yes', exact: true }).check();
      const partner = dialog.getByRole('group', { name: 'Administrative access to companies you support' });
      await partner.getByRole('radio', { name: 'Yes', exact: true }).check();
      await partner.getByRole('radio', { name: 'Limited' }).check();
      // "Yes" without a role: the browser's own message points at the roles.
      await dialog.getByRole('button', { name: 'Create user' }).click();
      await page.screenshot({ path: name('users-create-invalid') });
      await dialog.getByRole('group', { name: 'Administrative access to your company' }).getByRole('radio', { name: 'No', exact: true }).check();
      await page.screenshot({ path: name('users-create') });

      await dialog.getByRole('button', { name: 'Create user' }).click();
      await dialog.getByLabel('Temporary password').waitFor();
      await page.screenshot({ path: name('users-temporary-password') });
      await dialog.getByRole('button', { name: 'Done' }).click();

      // An admin saving an origin with a path: the server's message beside that origin.
      const profile = page.locator('partner-company-profile');
      await profile.getByRole('button', { name: 'Add origin' }).click();
      await profile.getByLabel('Allowed origin 2').fill('https://shop.northwind.example/embed');
      await profile.getByLabel('Contact email').fill('hello@northwind');
      await profile.getByRole('button', { name: 'Save changes' }).click();
      await profile.locator('[part~="field-error"]').first().waitFor();
      await profile.screenshot({ path: name('company-profile-error') });

      const form = page.locator('#access-form');
      await form.getByRole('button', { name: 'Submit' }).click();
      await page.locator('.form-demo').screenshot({ path: name('form-association') });
      await page.screenshot({ path: name('page-admin'), fullPage: true });

      await page.locator('partner-sign-in').getByRole('button', { name: 'Sign out' }).click();
      await signIn(page, 'billing@northwind.example');
      await profile.getByText('Only a global admin can change it.').waitFor();
      await list.getByText('Your role does not include').waitFor();
      await profile.screenshot({ path: name('company-profile-readonly') });
      await page.close();
    }
  }
  console.log(`Screenshots in ${outDir}`);
} finally {
  await browser.close();
  await server.close();
}

/**
 * Screenshots of the customer list in the demo for a person to look at: the list with the seeded
 * customers (one in each delegation state), a search with no match, a customer's detail (users,
 * service requests, audit), the reset confirmation and the one-time password, a service request
 * with the server's messages, and a delegation request with its link to send; at desktop (1280)
 * and phone (390) widths, in light and dark.
 *
 *   npm run build && node --import tsx test/e2e/screenshots-customers.ts [out-dir]   (default /tmp/shots)
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
      const page = await browser.newPage({ viewport: { width, height }, colorScheme, deviceScaleFactor: device === 'phone' ? 2 : 1 });
      const name = (state: string) => `${outDir}/${device}-${colorScheme}-${state}.png`;
      await page.goto(server.url);
      const signIn = page.locator('partner-sign-in');
      await signIn.getByLabel('Email', { exact: true }).fill('admin@northwind.example');
      await signIn.getByLabel('Password', { exact: true }).fill(demoPassword);
      await signIn.getByRole('button', { name: 'Sign in' }).click();

      const customers = page.locator('partner-customer-list');
      await customers.locator('[part~="row"]').first().waitFor();
      await customers.screenshot({ path: name('customers-list') });

      const search = customers.getByLabel('Search by name or domain');
      await search.fill('zzz');
      await customers.getByText('No customers match').waitFor();
      await customers.screenshot({ path: name('customers-empty') });
      await search.fill('');
      await customers.getByText(/^\d+ customers\.$/).waitFor();

      // Fabrikam: full delegation, so everything is offered.
      await customers.getByRole('button', { name: 'Fabrikam Bakery' }).click();
      await customers.getByRole('button', { name: 'Reset password of Fabrikam Bakery User' }).waitFor();
      await customers.getByRole('button', { name: 'Reset password of Fabrikam Bakery User' }).click();
      await page.screenshot({ path: name('customers-reset-confirm') });
      const dialog = customers.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Reset password' }).click();
      await dialog.getByLabel('Temporary password').waitFor();
      await page.screenshot({ path: name('customers-reset-password') });
      await dialog.getByRole('button', { name: 'Done' }).click();

      await customers.getByRole('button', { name: 'New service request' }).click();
      await dialog.getByLabel('Title').fill(' ');
      await dialog.getByLabel('Description').fill(' ');
      await dialog.getByRole('button', { name: 'Open request' }).click();
      await dialog.locator('[part~="field-error"]').first().waitFor();
      await page.screenshot({ path: name('customers-service-request-invalid') });
      await dialog.getByLabel('Title').fill('Mail not arriving');
      await dialog.getByLabel('Description').fill('Since this morning no mail from outside arrives at orders@fabrikam.example.');
      await dialog.getByLabel('Severity').selectOption('high');
      await dialog.getByRole('button', { name: 'Open request' }).click();
      await customers.locator('[part~="section"]', { hasText: 'Audit trail' }).getByText('Service request opened').first().waitFor();
      await customers.screenshot({ path: name('customers-detail') });

      // Lucerne: no delegation; ask for it.
      await customers.getByRole('button', { name: 'Back to customers' }).click();
      await customers.getByRole('button', { name: 'Lucerne Publishing' }).click();
      await customers.getByRole('button', { name: 'Request delegated admin' }).click();
      await dialog.getByText('Full administration').click();
      await dialog.getByLabel('Days to answer (optional)').fill('30');
      await page.screenshot({ path: name('customers-delegation-request') });
      await dialog.getByRole('button', { name: 'Request', exact: true }).click();
      await customers.getByLabel('Link to send to a global admin of Lucerne Publishing').waitFor();
      await customers.locator('[part~="detail"] [part~="badge"][part~="pending"]').waitFor();
      await customers.screenshot({ path: name('customers-delegation-link') });

      await customers.getByRole('button', { name: 'Back to customers' }).click();
      await customers.screenshot({ path: name('customers-list-after') });
      await page.close();
    }
  }
  console.log(`Screenshots in ${outDir}`);
} finally {
  await browser.close();
  await server.close();
}

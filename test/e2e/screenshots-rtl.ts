/**
 * Screenshots of the demo page right to left (`dir="rtl"` on its <html>), for a person to look
 * at: signed in, with a customer open and with the role picker's dialog, at desktop (1280) and
 * phone (390) widths.
 *
 *   npm run build && node --import tsx test/e2e/screenshots-rtl.ts [out-dir]   (default /tmp/shots-rtl)
 */
import { mkdirSync } from 'node:fs';
import { launchBrowser, signInToDemo, startDemoServer } from './harness.ts';

const outDir = process.argv[2] ?? '/tmp/shots-rtl';
mkdirSync(outDir, { recursive: true });

const server = await startDemoServer();
const browser = await launchBrowser();
try {
  for (const [device, width, height] of [['desktop', 1280, 800], ['phone', 390, 844]] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    // The whole page, and in screen-high pieces that an image viewer shows at full size.
    const shot = async (state: string) => {
      await page.screenshot({ path: `${outDir}/${device}-rtl-${state}.png`, fullPage: true });
      const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, n = 1; y < pageHeight; y += height, n++) {
        const clip = { x: 0, y, width, height: Math.min(height, pageHeight - y) };
        await page.screenshot({ path: `${outDir}/${device}-rtl-${state}-${n}.png`, fullPage: true, clip });
      }
    };
    await page.goto(server.url);
    await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await shot('signed-out');
    await signInToDemo(page, 'admin@northwind.example');
    await page.locator('partner-overview').getByRole('heading', { name: 'Needs attention' }).waitFor();
    await page.locator('partner-customer-list').getByRole('button', { name: 'Fabrikam Bakery' }).waitFor();
    await shot('signed-in');
    const list = page.locator('partner-customer-list');
    await list.getByRole('button', { name: 'Fabrikam Bakery' }).click();
    await list.getByRole('heading', { name: 'Fabrikam Bakery', level: 2 }).waitFor();
    await list.screenshot({ path: `${outDir}/${device}-rtl-customer.png` });
    const users = page.locator('partner-user-list');
    await users.getByRole('button', { name: 'Add user' }).click();
    await users.getByRole('dialog').locator('partner-role-picker').waitFor();
    await page.screenshot({ path: `${outDir}/${device}-rtl-add-user.png` });
    await page.close();
  }
  console.log(`Screenshots in ${outDir}`);
} finally {
  await browser.close();
  await server.close();
}

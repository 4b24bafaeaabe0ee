/**
 * Screenshots of `<partner-webhooks>` in the demo for a person to look at: the endpoints with one
 * endpoint's deliveries and an attempt log open, the add dialog with a refused address, the
 * signing secret shown once, the empty state, and the overview's notice of failing endpoints; at
 * desktop (1280) and phone (390) widths, in light and dark. Also says whether the phone page
 * scrolls sideways.
 *
 * The webhook API answers from the component fixtures (test/components/fixtures-webhooks.ts),
 * routed in the browser: deliveries that failed eight times and an endpoint disabled after three
 * days of failures take days to produce for real. Everything else is the real BFF and demo.
 *
 *   npm run build && node --import tsx test/e2e/screenshots-webhooks.ts [out-dir]   (default /tmp/shots)
 */
import { mkdirSync } from 'node:fs';
import type { Page, Route } from 'playwright-core';
import { created, deliveriesPage1, deliveriesPage2, endpointList, failing, ping, replayed } from '../components/fixtures-webhooks.ts';
import { launchBrowser, signInToDemo, startDemoServer } from './harness.ts';

const outDir = process.argv[2] ?? '/tmp/shots';
mkdirSync(outDir, { recursive: true });

/** The webhook API from fixtures: `empty` answers no endpoints at first; adding one works either way. */
async function fakeWebhooks(page: Page, empty = false) {
  let items = empty ? [] : [...endpointList.items];
  const json = (route: Route, status: number, body: unknown) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  await page.route('**/api/webhook-endpoints**', (route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname;
    const method = request.method();
    if (method === 'GET' && path.endsWith('/deliveries')) return json(route, 200, new URL(request.url()).searchParams.get('cursor') ? deliveriesPage2 : deliveriesPage1);
    if (method === 'GET') return json(route, 200, { items });
    if (path.endsWith('/replay')) return json(route, 202, replayed);
    if (path.endsWith('/test')) return json(route, 202, ping);
    if (method === 'POST' && path === '/api/webhook-endpoints') {
      const url = (request.postDataJSON() as { url: string }).url;
      if (/\/\/(10|127|192\.168)\./.test(url)) return json(route, 422, { error: { code: 'webhook_url_refused', message: 'Refused.' } });
      items = [created.endpoint, ...items];
      return json(route, 201, created);
    }
    return json(route, 404, { error: { code: 'not_found', message: 'Not in the fixtures.' } });
  });
  // The overview as the BFF serves it, plus the contract's `webhooks` part.
  await page.route('**/api/overview*', async (route) => {
    const response = await route.fetch();
    const body = { ...(await response.json()), webhooks: { disabled: [{ id: failing.id, url: failing.url, disabledAt: failing.disabledAt }] } };
    await route.fulfill({ response, body: JSON.stringify(body) });
  });
}

const server = await startDemoServer();
const browser = await launchBrowser();
try {
  for (const [device, width, height] of [['desktop', 1280, 800], ['phone', 390, 844]] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const name = (state: string) => `${outDir}/${device}-${colorScheme}-${state}.png`;
      const page = await browser.newPage({ viewport: { width, height }, colorScheme, deviceScaleFactor: device === 'phone' ? 2 : 1 });
      await fakeWebhooks(page);
      await page.goto(server.url);
      await signInToDemo(page, 'admin@northwind.example');

      const overviewNotice = page.locator('partner-overview').locator('[part~="webhooks-notice"]');
      await overviewNotice.waitFor();
      await page.locator('partner-overview').screenshot({ path: name('webhooks-overview-notice') });

      const widget = page.locator('partner-webhooks');
      await widget.locator('[part~="row"]').first().waitFor();
      await widget.getByRole('button', { name: /^Deliveries for https:\/\/crm\./ }).click();
      await widget.locator('[part~="delivery"]').first().waitFor();
      await widget.locator('[part~="attempt-log"] summary').first().click();
      await widget.locator('[part~="attempt-log"] summary').nth(1).click();
      await widget.getByRole('button', { name: /^Send test event for https:\/\/ops\./ }).click();
      await widget.getByText('Test event queued').waitFor();
      // Keyboard focus on a row button (Tab, so that :focus-visible holds), to see the ring.
      await widget.getByRole('button', { name: /^Disable for https:\/\/crm\./ }).focus();
      await page.keyboard.press('Tab');
      await widget.screenshot({ path: name('webhooks-list') });
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (sideways > 0) console.log(`${device} ${colorScheme}: the page scrolls sideways by ${sideways} px`);

      await widget.getByRole('button', { name: 'Add endpoint' }).click();
      const dialog = widget.getByRole('dialog');
      await dialog.getByLabel('URL').fill('https://10.0.0.5/hooks');
      await dialog.getByLabel('offer.redeemed').check();
      await dialog.getByLabel('trial.converted').check();
      await dialog.getByRole('button', { name: 'Add endpoint' }).click();
      await dialog.locator('#url-error').waitFor();
      await page.screenshot({ path: name('webhooks-add-refused') });

      await dialog.getByLabel('URL').fill(created.endpoint.url);
      await dialog.getByRole('button', { name: 'Add endpoint' }).click();
      await dialog.getByLabel('Signing secret').waitFor();
      await page.screenshot({ path: name('webhooks-secret') });
      await dialog.getByRole('button', { name: 'Done' }).click();
      await page.close();

      const empty = await browser.newPage({ viewport: { width, height }, colorScheme, deviceScaleFactor: device === 'phone' ? 2 : 1 });
      await fakeWebhooks(empty, true);
      await empty.goto(server.url);
      await signInToDemo(empty, 'admin@northwind.example');
      const emptyWidget = empty.locator('partner-webhooks');
      await emptyWidget.getByText('No endpoints yet.').waitFor();
      await emptyWidget.screenshot({ path: name('webhooks-empty') });
      await empty.close();
    }
  }
  console.log(`Screenshots in ${outDir}`);
} finally {
  await browser.close();
  await server.close();
}

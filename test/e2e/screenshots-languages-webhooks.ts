/**
 * Screenshots of `<partner-webhooks>` and `<partner-company-profile>` in German and Japanese for a
 * person to look at (long German words, Japanese line breaks), at 1280 and 390 px: the endpoints
 * with one endpoint's deliveries and attempt logs open, the add dialog with a refused address,
 * the signing secret, and the company profile as a form (global admin) and read-only (billing
 * admin). The language comes from the demo page's switch (`<html lang>`), after signing in.
 * Also says whether a phone page scrolls sideways.
 *
 * The endpoint list and the deliveries come from the component fixtures, routed in the browser
 * (failing endpoints and failed deliveries take days to produce for real), as in
 * screenshots-webhooks.ts; everything else is the real BFF and demo.
 *
 *   npm run build && node --import tsx test/e2e/screenshots-languages-webhooks.ts [outDir]   (default /tmp/pk-shots-languages-webhooks)
 */
import type { Browser, Page } from 'playwright-core';
import { created, crm, deliveriesPage1, deliveriesPage2, endpointList } from '../components/fixtures-webhooks.ts';
import { screenshotsInLanguages, signInToDemo, type ShotView } from './harness.ts';

// No words of their own: the elements are found by part, the language set through the demo's switch.
const languages = { de: null, ja: null };

/** The endpoints and deliveries from the fixtures; adding answers 422 for a private address, else the fixture's new endpoint. */
async function routeWebhooks(page: Page) {
  await page.route('**/api/webhook-endpoints**', (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const json = (status: number, body: unknown) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
    if (request.method() === 'GET') return json(200, url.pathname.endsWith('/deliveries') ? (url.searchParams.get('cursor') ? deliveriesPage2 : deliveriesPage1) : endpointList);
    if (/\/\/10\./.test((request.postDataJSON() as { url: string }).url)) return json(422, { error: { code: 'webhook_url_refused', message: 'Refused.' } });
    return json(201, created);
  });
}

/** A page signed in as `email` on the demo, switched to `lang`. */
async function signedIn(browser: Browser, url: string, email: string, lang: string, options: ShotView['options']): Promise<Page> {
  const page = await browser.newPage(options);
  await routeWebhooks(page);
  await page.goto(url);
  await signInToDemo(page, email);
  await page.selectOption('#language', lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  return page;
}

async function sideways(page: Page, what: string) {
  const by = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (by > 0) console.log(`${what}: the page scrolls sideways by ${by} px`);
}

await screenshotsInLanguages('webhooks', languages, async ({ browser, server, lang, view, path: name }) => {
  const page = await signedIn(browser, server.url, 'admin@northwind.example', lang, view.options);

  const profile = page.locator('partner-company-profile');
  await profile.locator('form').waitFor();
  await profile.locator('[part~="save"]').click(); // "Nothing to save", in the live region
  await profile.locator('[part~="notice"]:not(:empty)').waitFor();
  await profile.screenshot({ path: name('company-form') });

  const widget = page.locator('partner-webhooks');
  await widget.locator('[part~="row"]').first().waitFor();
  await widget.locator(`#deliveries-${crm.id}`).click();
  await widget.locator('[part~="delivery"]').first().waitFor();
  await widget.locator('[part~="attempt-log"] summary').first().click();
  await widget.locator('[part~="attempt-log"] summary').nth(1).click();
  await widget.locator(`#toggle-${crm.id}`).focus();
  await widget.screenshot({ path: name('webhooks-list') });
  await sideways(page, `${lang} ${view.device} webhooks`);

  await widget.locator('#add').click();
  const dialog = widget.getByRole('dialog');
  await dialog.locator('#url').fill('https://10.0.0.5/hooks');
  await dialog.locator('#submit').click();
  await dialog.locator('#url-error').waitFor();
  await page.screenshot({ path: name('webhooks-add-refused') });
  await dialog.locator('#url').fill(created.endpoint.url);
  await dialog.locator('#submit').click();
  await dialog.locator('#signing-secret').waitFor();
  await dialog.locator('[part~="copy"]').click();
  await page.screenshot({ path: name('webhooks-secret') });
  await page.close();

  const billing = await signedIn(browser, server.url, 'billing@northwind.example', lang, view.options);
  const readOnly = billing.locator('partner-company-profile');
  await readOnly.locator('[part~="details"]').waitFor();
  await readOnly.screenshot({ path: name('company-read-only') });
  await sideways(billing, `${lang} ${view.device} company profile`);
  await billing.close();
});

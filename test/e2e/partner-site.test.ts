/**
 * End to end across origins: the demo partner's own website (a second origin that `npm start`
 * serves) loads partnerkit.js from the BFF, gets an embed session from its own backend, and shows
 * <partner-portal> filled from the BFF; a prospect then signs up on the site's own sign-up page.
 *
 * Needs `npm run build` first (npm test does it).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { companies, sessions } from '../../db/schema.ts';
import { useDemo, watchErrors } from './harness.ts';

const e2e = useDemo();

test('the partner site shows the portal, filled from the BFF across origins', async () => {
  const { url: bff, partnerSiteUrl: site } = e2e.server;
  assert.notEqual(new URL(site).origin, new URL(bff).origin, 'two origins');
  const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  const apiCalls: { url: string; origin: string | undefined; authorization: string | undefined; allowOrigin: string | undefined }[] = [];
  page.on('response', async (response) => {
    if (!response.url().startsWith(`${bff}/api/`)) return;
    const request = response.request();
    const headers = await request.allHeaders();
    apiCalls.push({
      url: response.url(),
      origin: headers.origin,
      authorization: headers.authorization,
      allowOrigin: (await response.allHeaders())['access-control-allow-origin'],
    });
  });
  try {
    await page.goto(site);
    const portal = page.locator('partner-portal');
    // The portal opens on the overview; the customer list is the next tab.
    await portal.getByRole('tab', { name: 'Overview', selected: true }).waitFor();
    await portal.locator('partner-overview').getByRole('heading', { name: 'Needs attention' }).waitFor();
    await portal.getByRole('tab', { name: 'Customers' }).click();
    const customers = portal.locator('partner-customer-list');
    await customers.getByText('Fabrikam Bakery').first().waitFor();
    await customers.getByText('Tailspin Toys').first().waitFor();

    // The bundle came from the BFF's origin, and the API calls went there with the embed token.
    const listCall = apiCalls.find((c) => new URL(c.url).pathname === '/api/customers');
    assert.ok(listCall, 'the customer list was fetched from the BFF');
    assert.equal(listCall.origin, new URL(site).origin);
    assert.equal(listCall.allowOrigin, new URL(site).origin, 'the BFF echoed the listed origin');
    assert.match(listCall.authorization ?? '', /^Bearer pks_/);
    // The token is an embed session minted with the site's API key, for the chosen visitor.
    const [session] = await e2e.server.db
      .select({ kind: sessions.kind, apiKeyId: sessions.apiKeyId })
      .from(sessions)
      .where(eq(sessions.kind, 'embed'))
      .limit(1);
    assert.ok(session?.apiKeyId, 'an embed session made with an API key');

    // Another tab of the overview, still across origins.
    await portal.getByRole('tab', { name: 'Users' }).click();
    await portal.locator('partner-user-list').getByText('admin@northwind.example').first().waitFor();

    // The site's theme reaches the widgets through the custom properties.
    const accent = await portal
      .getByRole('tab', { name: 'Users' })
      .evaluate((tab) => getComputedStyle(tab).borderBottomColor);
    assert.equal(accent, 'rgb(15, 92, 85)');
    assert.deepEqual(errors, [], 'no page threw');
  } finally {
    await page.close();
  }
});

test("a prospect signs up on the partner's own sign-up page", async () => {
  const { partnerSiteUrl: site } = e2e.server;
  const page = await e2e.browser.newPage({ viewport: { width: 390, height: 844 } });
  const errors = watchErrors(page);
  try {
    await page.goto(site);
    await page.getByRole('link', { name: 'Start a free trial' }).click();
    await page.waitForURL(/\/signup\?offer=/);
    assert.equal(new URL(page.url()).origin, new URL(site).origin, "the partner's own page");
    const signup = page.locator('partner-signup');
    await signup.getByRole('heading', { name: 'Your advisor: Northwind Cloud Partners' }).waitFor();
    await signup.getByLabel('Company name').fill('Margie Travel');
    await signup.getByLabel('Your name').fill('Margie Shoop');
    await signup.getByLabel('Email').fill('margie@margie-travel.example');
    await signup.getByLabel('Password').fill('margie-travel-2026');
    const primary = signup.getByRole('button', { name: 'Create account and start the trial' });
    assert.equal(await primary.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(15, 92, 85)', "the site's colour");
    await primary.click();
    await signup.getByRole('heading', { name: 'Welcome, your company Margie Travel is set up' }).waitFor();

    const [customer] = await e2e.server.db.select().from(companies).where(eq(companies.name, 'Margie Travel'));
    assert.equal(customer?.kind, 'customer');
    assert.deepEqual(errors, [], 'no page threw');
  } finally {
    await page.close();
  }
});

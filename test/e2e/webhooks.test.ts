/**
 * End to end, the partner's own systems hearing about a change (issue 14): the demo partner
 * site's backend registered a webhook endpoint at start; a prospect signs up on the site, and
 * the BFF's workers deliver the signed events, which the site verifies with `standardwebhooks`
 * and shows on its page. The portal's Webhooks tab shows the endpoint and its deliveries.
 *
 * Needs `npm run build` first (npm test does it).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useDemo, watchErrors } from './harness.ts';

const e2e = useDemo();

test("a sign-up on the partner's site reaches its backend as verified webhooks, and the portal shows the deliveries", async () => {
  const { partnerSiteUrl: site } = e2e.server;
  const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  try {
    await page.goto(site);
    await page.getByRole('heading', { name: 'What our backend heard' }).waitFor();
    await page.getByText('Nothing yet: change something in the portal.').waitFor();

    await page.getByRole('link', { name: 'Start a free trial' }).click();
    const signup = page.locator('partner-signup');
    await signup.getByLabel('Company name').fill('Lucerne Publishing');
    await signup.getByLabel('Your name').fill('Lucerne Admin');
    await signup.getByLabel('Email').fill('admin@lucerne-publishing.example');
    await signup.getByLabel('Password').fill('lucerne-publishing-2026');
    await signup.getByRole('button', { name: 'Create account and start the trial' }).click();
    await signup.getByRole('heading', { name: 'Welcome, your company Lucerne Publishing is set up' }).waitFor();

    // The site's page asks its backend every few seconds; the queue delivers within seconds.
    await page.goto(site);
    const heard = page.locator('#webhook-events');
    await heard.locator('li[data-type="customer.created"]', { hasText: 'Lucerne Publishing' }).waitFor({ timeout: 30_000 });
    await heard.locator('li[data-type="offer.redeemed"]', { hasText: 'Lucerne Publishing' }).waitFor({ timeout: 30_000 });

    // What the site's backend kept passed the signature check (it keeps nothing else).
    const state = (await (await fetch(`${site}/webhook-events`)).json()) as { receiving: boolean; events: { id: string; type: string }[] };
    assert.equal(state.receiving, true);
    assert.ok(state.events.every((event) => event.id.startsWith('msg_')), 'each carries its webhook-id');

    // An unsigned or forged delivery is refused by the site.
    const forged = await fetch(`${site}/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'webhook-id': 'msg_forged', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': 'v1,AAAA' },
      body: JSON.stringify({ type: 'customer.created', timestamp: new Date().toISOString(), data: {} }),
    });
    assert.equal(forged.status, 400);

    // The admin sees the site's endpoint and its successful deliveries in the portal.
    const portal = page.locator('partner-portal');
    await portal.getByRole('tab', { name: 'Webhooks' }).click();
    const webhooks = portal.locator('partner-webhooks');
    await webhooks.getByText(`${site}/webhooks`).first().waitFor();
    assert.deepEqual(errors, [], 'no page threw');
  } finally {
    await page.close();
  }
});

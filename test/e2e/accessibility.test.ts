/**
 * End to end, accessibility of the pages as served (strict CSP, the built bundle, real data):
 * axe finds no serious or critical WCAG 2.1 A/AA violation on the demo page after sign-in, the
 * hosted sign-up page, the consent page and the partner site; and under
 * `prefers-reduced-motion: reduce` nothing in the widgets moves.
 *
 * Needs `npm run build` first (npm test does it).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoPassword } from '../../db/seed.ts';
import { seriousViolations } from './axe.ts';
import { signInToDemo, useDemo, watchErrors } from './harness.ts';

const e2e = useDemo();

/** Calls the BFF as `email` would, for the codes the pages take (offer, delegation request). */
async function api(email: string) {
  const base = e2e.server.url;
  const session = await fetch(`${base}/api/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  }).then((r) => r.json() as Promise<{ token: string }>);
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.clone().text()}`);
    return response.json() as Promise<T>;
  };
}

async function audited(page: Page, what: string) {
  const found = await seriousViolations(page);
  assert.deepEqual(found, [], `${what}: serious or critical accessibility violations`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious or critical violation on the demo, sign-up, consent and partner pages (${colorScheme})`, async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(e2e.server.url);
      await page.locator('partner-sign-in').getByRole('button', { name: 'Sign in' }).waitFor();
      await audited(page, 'demo, signed out');
      await signInToDemo(page, 'admin@northwind.example');
      await page.locator('partner-offer-builder').getByRole('heading', { name: 'New offer' }).waitFor();
      await page.locator('partner-customer-list').getByRole('button', { name: 'Fabrikam Bakery' }).waitFor();
      await audited(page, 'demo, signed in');

      const partner = await api('admin@northwind.example');
      const catalog = await partner<{ items: { id: string }[] }>('GET', '/api/catalog');
      const offer = await partner<{ url: string }>('POST', '/api/offers', { kind: 'trial', serviceId: catalog.items[0]!.id, delegatedAdmin: 'limited' });
      const offerUrl = new URL(offer.url);
      await page.goto(new URL(offerUrl.pathname + offerUrl.search, e2e.server.url).href);
      await page.locator('partner-signup').getByRole('heading', { name: 'Your advisor: Northwind Cloud Partners' }).waitFor();
      await audited(page, 'hosted sign-up');

      const { items } = await partner<{ items: { id: string; name: string }[] }>('GET', '/api/customers?q=Lucerne');
      const request = await partner<{ url: string }>('POST', `/api/customers/${items[0]!.id}/delegation-requests`, { level: 'limited' });
      const consentUrl = new URL(request.url);
      await page.goto(new URL(consentUrl.pathname + consentUrl.search, e2e.server.url).href);
      await page.locator('partner-sign-in').getByRole('button', { name: 'Sign in' }).waitFor();
      await audited(page, 'consent, signed out');
      await signInToDemo(page, 'admin@lucerne.example');
      await page.locator('partner-delegation-consent').getByRole('button', { name: 'Accept' }).waitFor();
      await audited(page, 'consent, the request');

      await page.goto(e2e.server.partnerSiteUrl);
      const portal = page.locator('partner-portal');
      await portal.locator('partner-overview').getByRole('heading', { name: 'Needs attention' }).waitFor();
      await audited(page, 'partner site, overview');
      await portal.getByRole('tab', { name: 'Customers' }).click();
      await portal.locator('partner-customer-list').getByText('Fabrikam Bakery').first().waitFor();
      await audited(page, 'partner site, customers');
      assert.deepEqual(errors, [], 'no page threw, and the CSP refused nothing');
    } finally {
      await context.close();
    }
  });
}

test('under prefers-reduced-motion: reduce, the widgets stop their transitions', async () => {
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    await page.goto(e2e.server.url);
    const button = page.locator('partner-sign-in').getByRole('button', { name: 'Sign in' });
    await button.waitFor();
    const seconds = (value: string) => Math.max(...value.split(',').map((s) => parseFloat(s)));
    const motion = () =>
      button.evaluate((b) => {
        const style = getComputedStyle(b);
        return { transition: style.transitionDuration, animation: style.animationDuration };
      });
    const reduced = await motion();
    assert.ok(seconds(reduced.transition) < 0.001, `transition ${reduced.transition}`);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    const normal = await motion();
    assert.ok(seconds(normal.transition) >= 0.1, `transition ${normal.transition} without the preference`);
  } finally {
    await context.close();
  }
});

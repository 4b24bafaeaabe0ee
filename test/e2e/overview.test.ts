/**
 * End to end, the business loop of issue 13 on the partner site's <partner-portal>: the overview
 * shows the demo's trial ending in 2 days, "Follow up with a purchase offer" opens the offer
 * builder prefilled and addressed to that customer, the customer's admin redeems the link into
 * their own company (over HTTP), and back on the overview the conversion is counted and the trial
 * no longer needs attention.
 *
 * Needs `npm run build` first (npm test does it).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { companies, subscriptions } from '../../db/schema.ts';
import { demoPassword } from '../../db/seed.ts';
import { useDemo, watchErrors } from './harness.ts';

const e2e = useDemo();

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${e2e.server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

test('an ending trial is followed up from the overview, redeemed by its customer, and counted as a conversion', async () => {
  const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  try {
    await page.goto(e2e.server.partnerSiteUrl);
    const portal = page.locator('partner-portal');
    await portal.getByRole('tab', { name: 'Overview', selected: true }).waitFor();
    const overview = portal.locator('partner-overview');
    const converted = overview.locator('[part~="tile"]').filter({ hasText: 'Trials converted' });
    await converted.waitFor();
    const before = (await converted.locator('[part~="tile-note"]').textContent()) ?? '';
    const [, convertedBefore, startedBefore] = /(\d+) of (\d+) trials/.exec(before) ?? [];
    assert.ok(convertedBefore && startedBefore, `the conversion tile counts trials: "${before}"`);

    const item = overview.locator('[part~="item"]').filter({ hasText: 'Coho Winery' }).filter({ hasText: 'Trial ends' });
    assert.match((await item.locator('[part~="item-text"]').textContent()) ?? '', /Meeting Rooms trial ends in 2 days · 3 licenses/);
    await item.getByRole('button', { name: 'Follow up with a purchase offer' }).click();

    // The builder, prefilled: a purchase offer of the trial's service for Coho Winery only.
    await portal.getByRole('tab', { name: 'Offers', selected: true }).waitFor();
    const builder = portal.locator('partner-offer-builder');
    await builder.getByRole('note').filter({ hasText: 'Follow-up for Coho Winery' }).waitFor();
    assert.equal(await builder.getByLabel('Purchase offer').isChecked(), true);
    const licenses = builder.locator('input[id^="licenses-"]');
    await licenses.waitFor();
    assert.equal(await licenses.inputValue(), '3');
    await builder.getByRole('button', { name: 'Create offer' }).click();
    await builder.getByRole('heading', { name: 'Offer ready' }).waitFor();
    const code = new URL(await builder.getByLabel('Offer link').inputValue()).searchParams.get('offer')!;

    // Coho Winery's admin redeems it into their company; another customer's admin may not.
    const other = await post('/api/sessions', { email: 'admin@fabrikam.example', password: demoPassword });
    const refused = await post(`/api/public/offers/${code}/redemptions`, {}, { Authorization: `Bearer ${other.body.token}`, 'Idempotency-Key': 'e2e-other' });
    assert.deepEqual([refused.status, (refused.body.error as { code: string }).code], [403, 'offer_addressed']);
    const coho = await post('/api/sessions', { email: 'admin@coho.example', password: demoPassword });
    assert.equal(coho.status, 201);
    const redeemed = await post(`/api/public/offers/${code}/redemptions`, {}, { Authorization: `Bearer ${coho.body.token}`, 'Idempotency-Key': 'e2e-coho' });
    assert.equal(redeemed.status, 201, JSON.stringify(redeemed.body));

    // One subscription: the trial became the paid one.
    const db = e2e.server.db;
    const [customer] = await db.select().from(companies).where(eq(companies.name, 'Coho Winery'));
    const rows = await db.select().from(subscriptions).where(and(eq(subscriptions.customerId, customer!.id)));
    assert.deepEqual(rows.map((r) => [r.status, r.licenses, r.convertedAt !== null]), [['active', 3, true]]);

    // Back on the overview (it loads again): one more conversion, and the trial has left the list.
    await portal.getByRole('tab', { name: 'Overview' }).click();
    await converted.locator('[part~="tile-note"]').filter({ hasText: `${Number(convertedBefore) + 1} of ${startedBefore} trials` }).waitFor();
    await overview.locator('[part~="item"]').filter({ hasText: 'Coho Winery' }).filter({ hasText: 'Trial ends' }).waitFor({ state: 'detached' });
    // The offer list counts the conversion too.
    await portal.getByRole('tab', { name: 'Offers' }).click();
    await builder.getByRole('button', { name: 'Build another offer' }).click();
    await builder.getByRole('button', { name: 'Refresh' }).click();
    await builder.locator('[part~="offer"]').filter({ hasText: 'for Coho Winery only' }).getByText('1 trial converted').waitFor();
    assert.deepEqual(errors, [], 'no page threw');
  } finally {
    await page.close();
  }
});

/**
 * End to end: the demo partner builds a trial invitation with delegated admin in
 * <partner-offer-builder>, opens its URL (the hosted /signup page) in the same browser, signs up
 * there as a prospect accepting delegated admin, and back in the demo sees the offer redeemed once.
 *
 * Needs `npm run build` first (npm test does it).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { companies, delegations, users } from '../../db/schema.ts';
import { demoPassword } from '../../db/seed.ts';
import { useDemo, watchErrors } from './harness.ts';

const e2e = useDemo();

test('an offer built in the demo is opened, signed up for with delegated admin, and counted', async () => {
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const demo = await context.newPage();
    const demoErrors = watchErrors(demo);
    await demo.goto(e2e.server.url);
    await demo.getByLabel('Email').fill('admin@northwind.example');
    await demo.getByLabel('Password').fill(demoPassword);
    await demo.getByRole('button', { name: 'Sign in' }).click();

    // The builder: a trial of Business Mail asking for full delegated administration.
    const builder = demo.locator('partner-offer-builder');
    await builder.getByRole('heading', { name: 'New offer' }).waitFor();
    await builder.getByLabel('Trial invitation').check();
    await builder.getByLabel('Business Mail').check();
    await builder.getByLabel('Ask the customer for delegated administration').check();
    await builder.getByLabel('Full administration').check();
    await builder.getByLabel('Offer name (optional)').fill('E2E mail trial');
    await builder.getByRole('button', { name: 'Create offer' }).click();
    await builder.getByRole('heading', { name: 'Offer ready' }).waitFor();
    const offerUrl = new URL(await builder.getByLabel('Offer link').inputValue());
    assert.equal(offerUrl.pathname, '/signup');
    const code = offerUrl.searchParams.get('offer') ?? '';
    assert.match(code, /^[A-Za-z0-9_-]{22,}$/, 'an unguessable, URL-safe code');
    assert.match(
      (await builder.getByRole('link', { name: 'Send by email' }).getAttribute('href')) ?? '',
      new RegExp(`^mailto:\\?subject=.+&body=.*${code}`),
    );

    // The URL's origin is the BFF's PUBLIC_URL; the test server listens on a port chosen at start
    // (PORT=0), so open the same path and query on the server's real address.
    const prospect = await context.newPage();
    const prospectErrors = watchErrors(prospect);
    await prospect.goto(new URL(offerUrl.pathname + offerUrl.search, e2e.server.url).href);
    assert.equal(await prospect.title(), 'Sign up');
    const signup = prospect.locator('partner-signup');
    await signup.getByRole('heading', { name: 'Your advisor: Northwind Cloud Partners' }).waitFor();
    assert.equal(await signup.getByRole('heading', { level: 2 }).textContent(), 'E2E mail trial');
    assert.match((await signup.locator('[part~="item"]').textContent()) ?? '', /Business Mail[\s\S]*Free for 30 days, then \$6\.00 per license\/month/);

    const consent = signup.getByLabel('Give Northwind Cloud Partners full administration of my company');
    assert.equal(await consent.isChecked(), false, 'the delegated-admin choice starts unticked');
    await signup.getByLabel('Company name').fill('Proseware Labs');
    await signup.getByLabel('Your name').fill('Pat Prospect');
    await signup.getByLabel('Email').fill('pat@proseware.example');
    await signup.getByLabel('Password').fill('proseware-2026');
    await consent.check();
    await signup.getByRole('button', { name: 'Create account and start the trial' }).click();

    await signup.getByRole('heading', { name: 'Welcome, your company Proseware Labs is set up' }).waitFor();
    assert.match((await signup.locator('[part~="subscriptions"]').textContent()) ?? '', /Business Mail[\s\S]*Free trial until[\s\S]*25 licenses/);
    assert.equal(
      (await signup.locator('[part~="delegation"]').textContent())?.trim(),
      'Northwind Cloud Partners now has full administration of your company. You can revoke it at any time.',
    );

    // What the sign-up created: the customer, its admin, and the active delegation.
    const db = e2e.server.db;
    const [customer] = await db.select().from(companies).where(eq(companies.name, 'Proseware Labs'));
    assert.equal(customer?.kind, 'customer');
    const [admin] = await db.select().from(users).where(eq(users.email, 'pat@proseware.example'));
    assert.deepEqual(admin?.companyRoles, ['global_admin']);
    const [delegation] = await db.select().from(delegations).where(and(eq(delegations.customerId, customer!.id)));
    assert.deepEqual([delegation?.level, delegation?.status], ['full', 'active']);

    // Back in the demo: the offer shows one redemption.
    await demo.bringToFront();
    await builder.getByRole('button', { name: 'Build another offer' }).click();
    await builder.getByRole('button', { name: 'Refresh' }).click();
    const row = builder.locator('[part~="offer"]').filter({ has: demo.getByRole('heading', { name: 'E2E mail trial' }) });
    await row.getByText('1 customer signed up').waitFor();
    assert.equal((await row.locator('[part~="badge"]').textContent())?.trim(), 'Active');

    assert.deepEqual([...demoErrors, ...prospectErrors], [], 'no page threw');
  } finally {
    await context.close();
  }
});

test('the hosted sign-up page says when an offer link is not valid', async () => {
  const page = await e2e.browser.newPage();
  try {
    await page.goto(`${e2e.server.url}/signup?offer=no-such-offer`);
    await page.locator('partner-signup').getByRole('heading', { name: 'This offer link is not valid' }).waitFor();
  } finally {
    await page.close();
  }
});

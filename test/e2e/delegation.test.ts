/**
 * End to end, delegated administration from request to revocation, across three people in one
 * browser (each in a context of their own): a partner admin requests limited delegated admin for
 * a customer in <partner-customer-list>; the customer's global admin accepts in
 * <partner-delegation-consent> on the hosted /consent page; a limited partner user resets a
 * customer user's password in the customer list; the customer admin sees it in the audit and
 * revokes; the partner user's next reset is refused.
 *
 * Needs `npm run build` first (npm test does it).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { auditEvents, companies, delegations, users } from '../../db/schema.ts';
import { demoPassword } from '../../db/seed.ts';
import { useDemo, watchErrors } from './harness.ts';

const e2e = useDemo();
const customerName = 'Lucerne Publishing';

async function signedIn(context: BrowserContext, path: string, email: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(new URL(path, e2e.server.url).href);
  const signIn = page.locator('partner-sign-in');
  await signIn.getByLabel('Email').fill(email);
  await signIn.getByLabel('Password').fill(demoPassword);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await signIn.getByRole('heading', { name: 'Signed in' }).waitFor();
  return { page, errors };
}

/** Opens the customer in the demo's customer list and returns the list. */
async function openCustomer(page: Page) {
  const list = page.locator('partner-customer-list');
  await list.getByRole('button', { name: customerName }).click();
  await list.getByRole('heading', { name: customerName, level: 2 }).waitFor();
  return list;
}

test('delegated admin: requested, accepted, used by a limited user, audited, revoked, refused', async () => {
  const browser = e2e.browser;
  const contexts = await Promise.all([0, 1, 2].map(() => browser.newContext({ viewport: { width: 1280, height: 900 } })));
  const [partnerContext, customerContext, helpdeskContext] = contexts as [BrowserContext, BrowserContext, BrowserContext];
  try {
    // 1. The partner's global admin asks for limited delegated administration.
    const partner = await signedIn(partnerContext, '/', 'admin@northwind.example');
    let list = await openCustomer(partner.page);
    await list.getByRole('button', { name: 'Request delegated admin' }).click();
    await list.getByLabel('Limited administration').check();
    await list.getByRole('button', { name: 'Request', exact: true }).click();
    const link = new URL(await list.getByLabel(`Link to send to a global admin of ${customerName}`).inputValue());
    assert.equal(link.pathname, '/consent');
    const code = link.searchParams.get('delegation') ?? '';
    assert.match(code, /^[A-Za-z0-9_-]{22,}$/);

    // 2. The customer's global admin opens the link, signs in and accepts.
    const customer = await signedIn(customerContext, link.pathname + link.search, 'admin@lucerne.example');
    const consent = customer.page.locator('partner-delegation-consent');
    await consent.getByText('Northwind Cloud Partners').first().waitFor();
    await consent.getByRole('button', { name: 'Accept' }).click();
    await consent.getByRole('heading', { name: 'Request accepted' }).waitFor();

    // 3. A partner user with limited access resets a customer user's password.
    const helpdesk = await signedIn(helpdeskContext, '/', 'helpdesk@northwind.example');
    list = await openCustomer(helpdesk.page);
    await list.getByRole('button', { name: `Reset password of ${customerName} User` }).click();
    await list.getByRole('dialog').getByRole('button', { name: 'Reset password' }).click();
    const temporary = await list.getByLabel('Temporary password').inputValue();
    assert.ok(temporary.length >= 12, 'a temporary password is shown once');
    await list.getByRole('button', { name: 'Done' }).click();
    // Limited access: no admin's password and no new users.
    assert.equal(await list.getByRole('button', { name: `Reset password of ${customerName} Admin` }).count(), 0);
    assert.equal(await list.getByRole('button', { name: 'Add user' }).count(), 0);

    // 4. The customer admin sees the reset in the audit of partner activity, then revokes.
    await customer.page.goto(new URL('/consent', e2e.server.url).href);
    const signIn = customer.page.locator('partner-sign-in');
    await signIn.getByLabel('Email').fill('admin@lucerne.example');
    await signIn.getByLabel('Password').fill(demoPassword);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    const activity = consent.locator('[part~="entry"]').filter({ hasText: 'Password reset' });
    await activity.first().waitFor();
    assert.match((await activity.first().textContent()) ?? '', /Northwind Cloud Partners · Hal Helpdesk \(helpdesk@northwind\.example\)/);
    await consent.getByRole('button', { name: 'Revoke the access of Northwind Cloud Partners' }).click();
    await consent.getByRole('button', { name: 'Revoke access' }).click();
    await consent.locator('[part~="entry"]').filter({ hasText: /revoked/i }).first().waitFor();

    // 5. The partner user's next reset is refused, and says why.
    await list.getByRole('button', { name: `Reset password of ${customerName} User` }).click();
    await list.getByRole('dialog').getByRole('button', { name: 'Reset password' }).click();
    await list.getByRole('alert').filter({ hasText: `${customerName} has not granted your company delegated administration` }).first().waitFor();

    // What the database holds: the delegation revoked, the user's password reset once, and the
    // refused attempt recorded as denied (never as a success).
    const db = e2e.server.db;
    const [lucerne] = await db.select().from(companies).where(eq(companies.name, customerName));
    const [delegation] = await db.select().from(delegations).where(and(eq(delegations.customerId, lucerne!.id), eq(delegations.code, code)));
    assert.equal(delegation?.status, 'revoked');
    const [member] = await db.select().from(users).where(eq(users.email, 'user@lucerne.example'));
    assert.equal(member?.passwordTemporary, true);
    const resets = await db
      .select({ outcome: auditEvents.outcome })
      .from(auditEvents)
      .where(and(eq(auditEvents.customerId, lucerne!.id), eq(auditEvents.action, 'user.password_reset')));
    assert.deepEqual(resets.map((r) => r.outcome).sort(), ['denied', 'success']);

    assert.deepEqual([...partner.errors, ...customer.errors, ...helpdesk.errors], [], 'no page threw');
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});

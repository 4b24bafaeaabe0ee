/**
 * End to end: the real BFF (in-process, serving the built demo) and headless Chromium. A person
 * opens the demo, signs in through <partner-sign-in> and sees who they are; a wrong password
 * shows the server's message.
 *
 * Needs `npm run build` first (npm test does it).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { createPartner } from '../../bff/domain/companies.ts';
import { demoPassword } from '../../db/seed.ts';
import { useDemo } from './harness.ts';

const e2e = useDemo();

async function openDemo(): Promise<Page> {
  const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  await page.goto(e2e.server.url);
  // Playwright locators pierce open shadow roots, so the widget's own form is reachable.
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  assert.deepEqual(failures, [], 'the demo page threw');
  return page;
}

test('the demo page carries partnerkit elements', async () => {
  const page = await openDemo();
  try {
    assert.equal(await page.locator('h1').textContent(), 'partnerkit demo');
    assert.equal(await page.locator('partner-session').count(), 1);
    assert.equal(await page.locator('partner-session partner-sign-in').count(), 1);
    assert.ok(await page.evaluate(() => customElements.get('partner-sign-in') !== undefined), 'partner-sign-in is defined');
  } finally {
    await page.close();
  }
});

test('signing in as the demo admin shows who is signed in, and signing out returns to the form', async () => {
  const page = await openDemo();
  try {
    await page.getByLabel('Email').fill('admin@northwind.example');
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const widget = page.locator('partner-sign-in');
    await widget.getByRole('heading', { name: 'Signed in' }).waitFor();
    assert.equal(await widget.locator('[part~="name"]').textContent(), 'Ada Admin');
    assert.equal(await widget.locator('[part~="email"]').textContent(), 'admin@northwind.example');
    assert.match((await widget.locator('[part~="details"]').textContent()) ?? '', /Northwind Cloud Partners/);
    assert.match((await page.locator('#session-status').textContent()) ?? '', /Signed in as Ada Admin/);
    // The token stays in memory: nothing in storage or cookies.
    assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]), [0, 0, '']);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.match((await page.locator('#session-status').textContent()) ?? '', /Not signed in/);
  } finally {
    await page.close();
  }
});

test('a wrong password shows the server\u2019s message in the alert region', async () => {
  const page = await openDemo();
  try {
    await page.getByLabel('Email').fill('admin@northwind.example');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();

    const alert = page.locator('partner-sign-in').getByRole('alert');
    await alert.filter({ hasText: /\S/ }).waitFor();
    assert.equal((await alert.textContent())?.trim(), 'The email or password is not correct.');
    assert.equal(await page.getByRole('heading', { name: 'Signed in' }).count(), 0);
  } finally {
    await page.close();
  }
});

test('a partner admin with a temporary password chooses a new one, then is signed in', async () => {
  const partner = await createPartner(e2e.server.db, { name: 'E2E Cloud Co', adminEmail: 'first-admin@e2e-cloud.example', adminName: 'Fay First' });
  const page = await openDemo();
  try {
    await page.getByLabel('Email').fill(partner.email);
    await page.getByLabel('Password').fill(partner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('Temporary password').fill(partner.password);
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    // The browser's own check (minlength) stops this one before the server sees it.
    assert.equal(await page.getByLabel('New password').evaluate((input: HTMLInputElement) => input.validity.tooShort), true);

    await page.getByLabel('New password').fill('onlylettershere');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('partner-sign-in').getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    assert.match((await page.locator('partner-sign-in [part~="field-error"]').textContent()) ?? '', /Mix letters with at least one digit or symbol/);

    await page.getByLabel('New password').fill('a-new-password-2026');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Signed in' }).waitFor();
    assert.equal(await page.locator('partner-sign-in [part~="name"]').textContent(), 'Fay First');
    assert.match((await page.locator('partner-sign-in [part~="details"]').textContent()) ?? '', /E2E Cloud Co/);
  } finally {
    await page.close();
  }
});

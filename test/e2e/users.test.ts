/**
 * End to end: the demo admin adds a partner user with limited access through <partner-user-list>
 * (and its <partner-role-picker>), hands over the temporary password, and the new user signs in
 * with it, chooses a password, and is signed in with limited partner access. Also: the company
 * profile is read-only for that user, and the demo's plain form submits and resets the role picker
 * (its validity is covered by the component tests).
 *
 * Needs `npm run build` first (npm test does it).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoPassword } from '../../db/seed.ts';
import { useDemo } from './harness.ts';

const e2e = useDemo();

async function openDemo(): Promise<{ page: Page; failures: string[] }> {
  const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  await page.goto(e2e.server.url);
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  return { page, failures };
}

async function signIn(page: Page, email: string, password: string) {
  const signInWidget = page.locator('partner-sign-in');
  await signInWidget.getByLabel('Email', { exact: true }).fill(email);
  await signInWidget.getByLabel('Password', { exact: true }).fill(password);
  await signInWidget.getByRole('button', { name: 'Sign in' }).click();
}

test('an admin adds a limited-access partner user, who signs in with the temporary password', async () => {
  const { page, failures } = await openDemo();
  try {
    await signIn(page, 'admin@northwind.example', demoPassword);
    const list = page.locator('partner-user-list');
    await list.getByRole('button', { name: 'Add user' }).click();

    const dialog = list.getByRole('dialog', { name: 'Add a user' });
    await dialog.getByLabel('Display name').fill('Lena Limited');
    await dialog.getByLabel('Email', { exact: true }).fill('lena@northwind.example');
    const companyAccess = dialog.getByRole('group', { name: 'Administrative access to your company' });
    const partnerAccess = dialog.getByRole('group', { name: 'Administrative access to companies you support' });
    assert.equal(await companyAccess.getByRole('radio', { name: 'No', exact: true }).isChecked(), true);
    await partnerAccess.getByRole('radio', { name: 'Yes', exact: true }).check();
    await partnerAccess.getByRole('radio', { name: 'Limited' }).check();
    await dialog.getByRole('button', { name: 'Create user' }).click();

    const shown = list.getByRole('dialog', { name: 'User added' });
    const temporaryPassword = await shown.getByLabel('Temporary password').inputValue();
    assert.match(temporaryPassword, /^\S{12,}$/);
    assert.match((await shown.locator('[part~="once-note"]').textContent()) ?? '', /Shown once/);
    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'hidden' });

    const row = list.locator('[part~="row"]', { hasText: 'lena@northwind.example' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Partner access\s*Limited/);
    assert.match((await row.textContent()) ?? '', /Must change password/);

    // Sign out, and sign in as Lena with the temporary password.
    await page.locator('partner-sign-in').getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, 'lena@northwind.example', temporaryPassword);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('Temporary password').fill(temporaryPassword);
    await page.getByLabel('New password').fill('lena-chose-this-2026');
    await page.getByRole('button', { name: 'Change password' }).click();

    const signedIn = page.locator('partner-sign-in');
    await signedIn.getByRole('heading', { name: 'Signed in' }).waitFor();
    assert.equal(await signedIn.locator('[part~="name"]').textContent(), 'Lena Limited');
    const details = (await signedIn.locator('[part~="details"]').textContent()) ?? '';
    assert.match(details, /Roles\s*No admin role/);
    assert.match(details, /Partner access\s*Limited/);

    // Lena has no admin role: the profile is read-only, and the users are not hers to see.
    const profile = page.locator('partner-company-profile');
    await profile.getByText('Only a global admin can change it.').waitFor();
    assert.equal(await profile.locator('input').count(), 0);
    await list.getByText('Your role does not include seeing the users').waitFor();
    assert.equal(await list.getByRole('button').count(), 0);
    assert.deepEqual(failures, [], 'the demo page threw');
  } finally {
    await page.close();
  }
});

test('the demo form submits the role picker with its other fields, validates it, and resets it', async () => {
  const { page, failures } = await openDemo();
  try {
    await signIn(page, 'admin@northwind.example', demoPassword);
    const form = page.locator('#access-form');
    const partnerAccess = form.getByRole('group', { name: 'Administrative access to companies you support' });
    await partnerAccess.getByRole('radio', { name: 'Limited' }).waitFor();
    await form.getByRole('button', { name: 'Submit' }).click();
    const output = page.locator('#form-output');
    assert.equal(await output.textContent(), 'displayName = Jordan Example\naccess.companyRoles = billing_admin\naccess.partnerAccess = limited');

    await form.getByRole('group', { name: 'Administrative access to your company' }).getByRole('radio', { name: 'No', exact: true }).check();
    await partnerAccess.getByRole('radio', { name: 'Full', exact: true }).check();
    await form.getByRole('button', { name: 'Submit' }).click();
    assert.equal(await output.textContent(), 'displayName = Jordan Example\naccess.partnerAccess = full');

    // The browser validates it with the form: an empty name stops the submission, as does "Yes" without a role.
    await form.getByLabel('Name').fill('');
    await form.getByRole('button', { name: 'Submit' }).click();
    assert.equal(await output.textContent(), 'displayName = Jordan Example\naccess.partnerAccess = full');
    assert.equal(await form.evaluate((f: HTMLFormElement) => f.querySelector('partner-role-picker')!.checkValidity()), true);

    await form.getByRole('button', { name: 'Reset' }).click();
    await form.getByRole('button', { name: 'Submit' }).click();
    assert.equal(await output.textContent(), 'displayName = Jordan Example\naccess.companyRoles = billing_admin\naccess.partnerAccess = limited');
    assert.deepEqual(failures, [], 'the demo page threw');
  } finally {
    await page.close();
  }
});

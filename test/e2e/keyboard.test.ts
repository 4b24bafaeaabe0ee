/**
 * End to end with the keyboard only (no click, no fill): on the demo page a partner admin signs
 * in, creates a trial offer, finds a customer and requests delegated administration. Every control
 * the focus passes on the way shows a visible focus indicator, and a dialog gives the focus back
 * to the button that opened it when it closes.
 *
 * Needs `npm run build` first (npm test does it).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoPassword } from '../../db/seed.ts';
import { useDemo, watchErrors } from './harness.ts';

const e2e = useDemo();

interface Focused {
  /** What a person would call it: its label, its text or its aria-label. */
  name: string;
  tag: string;
  /** Inside an open <dialog>. */
  inDialog: boolean;
  /** It matches :focus-visible and it, or the label that stands for a hidden radio, has an outline. */
  shown: boolean;
  outline: string;
}

/** The element that has the focus, through the shadow roots it sits in. */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    const input = el instanceof HTMLInputElement ? el : null;
    const name = (el.getAttribute('aria-label') ?? input?.labels?.[0]?.textContent ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    // A segmented radio is transparent over its label, which draws the ring (:has(input:focus-visible)).
    const drawn = [el, el.closest('label')].filter((e): e is Element => e !== null).map((e) => getComputedStyle(e));
    const ring = drawn.find((s) => s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0);
    return {
      name,
      tag: el.localName,
      inDialog: el.closest('dialog[open]') !== null,
      // Past a date field's last segment the focus is on its calendar button, inside the input's
      // own shadow root (the input no longer matches :focus); Chromium draws that ring itself.
      shown: (el.matches(':focus-visible') && ring !== undefined) || (input?.type === 'date' && !el.matches(':focus')),
      outline: ring ? `${ring.outlineStyle} ${ring.outlineWidth} ${ring.outlineColor}` : 'none',
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focus is on a control named `name`, asserting on each
 * control it passes that the focus is visible. Returns how many presses it took.
 */
async function tabTo(page: Page, name: string | RegExp, { back = false, max = 300 } = {}): Promise<number> {
  const seen: string[] = [];
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (!now) continue; // the page itself, between the last control and the address bar
    seen.push(now.name);
    assert.ok(now.shown, `focus on ${now.tag} "${now.name}" is not visible (outline ${now.outline})`);
    if (typeof name === 'string' ? now.name === name : name.test(now.name)) return presses;
  }
  assert.fail(`"${name}" never took the focus; it went through ${seen.slice(-20).join(' | ')}`);
}

async function expectFocus(page: Page, name: string | RegExp, why: string) {
  const now = await focused(page);
  assert.ok(now && (typeof name === 'string' ? now.name === name : name.test(now.name)), `${why}: focus is on ${now?.tag} "${now?.name}"`);
}

test('sign in, create a trial offer, find a customer and request delegated admin, keyboard only', async () => {
  const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  try {
    await page.goto(e2e.server.url);
    await page.locator('partner-sign-in').getByRole('button', { name: 'Sign in' }).waitFor();

    // Sign in: Tab to the email field, type; Tab, type the password; Shift+Tab back to check; Enter.
    await tabTo(page, 'Email');
    await page.keyboard.type('admin@northwind.example');
    await tabTo(page, 'Password');
    await page.keyboard.type(demoPassword);
    await tabTo(page, 'Email', { back: true });
    assert.equal(await page.locator('partner-sign-in').getByLabel('Email').inputValue(), 'admin@northwind.example');
    await tabTo(page, 'Sign in');
    await page.keyboard.press('Enter');
    await page.locator('partner-sign-in').getByRole('button', { name: 'Sign out' }).waitFor();
    const builder = page.locator('partner-offer-builder');
    await builder.getByRole('heading', { name: 'New offer' }).waitFor();

    // A trial invitation: the kind switch is a radio group (arrows), the services a list of radios.
    await tabTo(page, /^(Trial invitation|Purchase offer)$/);
    if (!(await builder.getByLabel('Trial invitation').isChecked())) await page.keyboard.press('ArrowLeft');
    assert.equal(await builder.getByLabel('Trial invitation').isChecked(), true);
    await tabTo(page, 'Business Mail');
    await page.keyboard.press('Space');
    assert.equal(await builder.getByLabel('Business Mail').isChecked(), true);
    await tabTo(page, 'Ask the customer for delegated administration');
    await page.keyboard.press('Space');
    await tabTo(page, 'Full administration');
    await page.keyboard.press('Space');
    await tabTo(page, 'Offer name (optional)');
    await page.keyboard.type('Keyboard trial');
    await tabTo(page, 'Create offer');
    await page.keyboard.press('Enter');
    await builder.getByRole('heading', { name: 'Offer ready' }).waitFor();
    assert.match(await builder.getByLabel('Offer link').inputValue(), /\/signup\?offer=/);

    // Find a customer: type in the search, Tab to the row's button, Enter opens it.
    const list = page.locator('partner-customer-list');
    await tabTo(page, 'Search by name or domain');
    await page.keyboard.type('Lucerne');
    await list.getByRole('button', { name: 'Fabrikam Bakery' }).waitFor({ state: 'detached' });
    await tabTo(page, 'Lucerne Publishing');
    await page.keyboard.press('Enter');
    await list.getByRole('heading', { name: 'Lucerne Publishing', level: 2 }).waitFor();

    // The dialog: it takes the focus; Escape closes it and the focus is back on its button.
    await tabTo(page, 'Request delegated admin');
    await page.keyboard.press('Enter');
    await list.getByRole('dialog').waitFor();
    assert.equal((await focused(page))?.inDialog, true, 'the open dialog has the focus');
    await page.keyboard.press('Escape');
    await list.getByRole('dialog').waitFor({ state: 'hidden' });
    await expectFocus(page, 'Request delegated admin', 'after Escape');

    // Again, this time to the end: Limited (arrow keys in the level group), then Request.
    await page.keyboard.press('Enter');
    await list.getByRole('dialog').waitFor();
    await tabTo(page, /^(Full|Limited) administration$/);
    const level = (await focused(page))!.name;
    await page.keyboard.press(level === 'Full administration' ? 'ArrowRight' : 'Space');
    assert.equal(await list.getByLabel('Limited administration').isChecked(), true);
    // Shift+Tab from the level leaves the dialog's first control; Tab forwards to its buttons.
    await tabTo(page, 'Cancel');
    await tabTo(page, 'Request', { back: true });
    await page.keyboard.press('Enter');
    await list.getByRole('dialog').waitFor({ state: 'hidden' });
    const link = await list.getByLabel('Link to send to a global admin of Lucerne Publishing').inputValue();
    assert.match(link, /\/consent\?delegation=/);
    await expectFocus(page, /^(Request delegated admin|Link to send to a global admin of Lucerne Publishing)$/, 'after the request');

    assert.deepEqual(errors, [], 'no page threw');
  } finally {
    await page.close();
  }
});

/** Small ways to act on a widget's shadow DOM as a person would. */
import { fixtureCleanup, waitUntil } from '@open-wc/testing';
import { getLocale } from '../../components/localize.ts';

export function $<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`${el.localName} has no ${selector} in its shadow root`);
  return found;
}

/** The input a `<label>` names, found through the label's text (as a person finds it). */
export function inputLabelled(el: Element, text: string): HTMLInputElement {
  const label = [...el.shadowRoot!.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  if (!label) throw new Error(`no label "${text}" in ${el.localName}`);
  const input = label.control;
  if (!(input instanceof HTMLInputElement)) throw new Error(`label "${text}" names no input`);
  return input;
}

export function fill(el: Element, label: string, value: string) {
  const input = inputLabelled(el, label);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export function button(el: Element, name: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}" in ${el.localName}`);
  return found;
}

export function text(el: Element, selector: string): string {
  return $(el, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Waits until the widget shows a heading with this text. */
export async function heading(el: Element, name: string) {
  await waitUntil(() => el.shadowRoot!.querySelector('h2')?.textContent?.trim() === name, `"${name}" never appeared`);
}

/** A radio of `<partner-role-picker>`, found by its label (No / Yes, a role, a level) inside one setting. */
export function pickerRadio(picker: Element, setting: 'company' | 'partner', label: string): HTMLInputElement {
  const group = picker.shadowRoot!.querySelector(`[part~="group"][part~="${setting}"]`);
  if (!group) throw new Error(`no ${setting} setting in ${picker.localName}`);
  const found = [...group.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find(
    (input) => (input.labels?.[0]?.textContent ?? '').trim() === label,
  );
  if (!found) throw new Error(`no radio "${label}" in the ${setting} setting`);
  return found;
}

/** Clicks a role picker's radio as a person would (input and change follow). */
export async function pick(picker: Element & { updateComplete: Promise<unknown> }, setting: 'company' | 'partner', label: string) {
  pickerRadio(picker, setting, label).click();
  await picker.updateComplete;
}

/** A button by its text inside part of a shadow DOM, e.g. a section or the dialog. */
export function buttonIn(scope: ParentNode, name: string): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim() === name);
  if (!found) throw new Error(`no button "${name}" there`);
  return found;
}

/** Picks `value` in the `<select>` a `<label>` names, as a person would (change follows). */
export function select(el: Element, label: string, value: string) {
  const control = [...el.shadowRoot!.querySelectorAll('label')].find((l) => l.textContent?.trim() === label)!.control as HTMLSelectElement;
  control.value = value;
  control.dispatchEvent(new Event('change'));
}

/**
 * After a test in another language: English again for the next test and the other test files.
 * With the elements that had a `locale` attribute gone and no `<html lang>`, the page's language
 * is the browser's (English here).
 */
export async function backToEnglish() {
  fixtureCleanup();
  document.documentElement.removeAttribute('lang');
  await waitUntil(() => getLocale() === 'en', 'back to English', { timeout: 3000 });
}

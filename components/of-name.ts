/**
 * Whom a button in a list acts on, for screen readers only ("Reset password" is read "Reset
 * password of Stu Staff"): one message, so every list's buttons say it the same way.
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from './localize.ts';

/**
 * Words read after a button's own text, and not shown. The space before them is in the
 * expression, not the template: the build's HTML minifier drops a space that opens a template,
 * which made the text "Deliveriesfor …".
 */
export const heardAfter = (words: string): TemplateResult => html`<span class="visually-hidden">${` ${words}`}</span>`;

export const ofName = (name: string): TemplateResult => heardAfter(msg(str`of ${name}`, { desc: 'Read after a button’s text, naming whom or what it acts on' }));

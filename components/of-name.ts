/**
 * Whom a button in a list acts on, for screen readers only ("Reset password" is read "Reset
 * password of Stu Staff"): one message, so every list's buttons say it the same way.
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from './localize.ts';

export const ofName = (name: string): TemplateResult =>
  html`<span class="visually-hidden"> ${msg(str`of ${name}`, { desc: 'Read after a button’s text, naming whom or what it acts on' })}</span>`;

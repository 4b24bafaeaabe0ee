/**
 * How every widget shows work in progress, the same everywhere: the spinner with a loading line,
 * and buttons that say what they are doing while their request runs (`.spinner` and the parts
 * are styled in styles/controls.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';

/** "Loading users…" with the spinner, in a live region. */
export const loadingLine = (text: string): TemplateResult =>
  html`<p part="status" role="status"><span class="spinner" aria-hidden="true"></span>${text}</p>`;

/**
 * A button with `part="button …"`: a submit button without `onClick`. While `busy` is a label it
 * shows the spinner and that label; while `busy` is set at all it is `aria-disabled` rather than
 * disabled (a disabled button would drop the keyboard focus) — its handler ignores the click.
 */
export const busyButton = (part: string, label: unknown, busy: string | boolean | null | undefined, onClick?: (event: Event) => unknown, id?: string, describedBy?: string): TemplateResult =>
  html`<button type=${onClick ? 'button' : 'submit'} id=${id ?? nothing} part="button ${part}" aria-disabled=${busy ? 'true' : nothing} aria-describedby=${describedBy ?? nothing} @click=${onClick}>${typeof busy === 'string' ? html`<span class="spinner" aria-hidden="true"></span>${busy}` : label}</button>`;

/**
 * The parts every partnerkit widget shares, styled once: card, title, fields and inputs, the
 * alert region, buttons, the loading line, badges (with state colours), list filters, copy
 * rows and dialogs. Include after `tokens` and before the widget's own styles.
 */
import { css } from './css.ts';

export const controls = css`
  [part~='card'] {
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    padding: calc(var(--_space) * 1.5);
    display: grid;
    gap: var(--_space);
  }

  [part~='title'] {
    margin: 0;
    font-size: 1.25em;
    font-weight: 600;
    line-height: 1.3;
  }

  [part~='title']:focus {
    outline: none;
  }

  [part~='title']:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
    border-radius: 2px;
  }

  [part~='intro'] {
    margin: 0;
    color: var(--_color-muted);
  }

  /* A heading with the button that belongs to it (e.g. "Add user"), wrapping on narrow widths. */
  [part~='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5);
  }

  form {
    display: grid;
    gap: var(--_space);
  }

  [part~='field'] {
    display: grid;
    align-content: start;
    gap: calc(var(--_space) * 0.25);
    min-width: 0;
  }

  [part~='label'] {
    font-weight: 600;
    font-size: 0.9375em;
  }

  [part~='input'] {
    font: inherit;
    color: inherit;
    width: 100%;
    min-height: 2.75rem;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    background: var(--_color-surface);
    border: 1px solid var(--_color-input-border);
    border-radius: calc(var(--_radius) * 0.75);
    transition: border-color 120ms ease, box-shadow 120ms ease;
  }

  [part~='input']:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
    border-color: var(--_color-focus);
  }

  [part~='input'][aria-invalid='true'] {
    border-color: var(--_color-danger);
  }

  [part~='input'][readonly] {
    background: var(--_color-surface-alt);
  }

  [part~='hint'],
  [part~='field-error'] {
    margin: 0;
    font-size: 0.875em;
    color: var(--_color-muted);
  }

  [part~='field-error'] {
    color: var(--_color-danger);
  }

  [part~='error'] {
    color: var(--_color-danger);
  }

  [part~='error'].shown {
    background: var(--_color-danger-surface);
    border: 1px solid;
    border-radius: calc(var(--_radius) * 0.75);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
  }

  /* Out of the grid while empty, so it adds no gap; still in the accessibility tree. */
  [part~='error']:not(.shown) {
    position: absolute;
  }

  [part~='error'] ul {
    margin: calc(var(--_space) * 0.25) 0 0;
    padding-inline-start: 1.25em;
  }

  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    align-items: center;
  }

  [part~='button'] {
    font: inherit;
    font-weight: 600;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.75rem;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 1.25);
    border-radius: calc(var(--_radius) * 0.75);
    border: 1px solid var(--_color-input-border);
    background: var(--_color-surface);
    color: var(--_color-text);
    cursor: pointer;
    transition: filter 120ms ease, background-color 120ms ease;
  }

  [part~='primary'] {
    background: var(--_color-accent);
    border-color: var(--_color-accent);
    color: var(--_color-on-accent);
  }

  [part~='danger'] {
    background: var(--_color-danger);
    border-color: var(--_color-danger);
    color: var(--_color-on-accent);
  }

  [part~='button']:hover {
    filter: brightness(0.95);
  }

  [part~='primary']:hover,
  [part~='danger']:hover {
    filter: brightness(1.1);
  }

  [part~='button']:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }

  [part~='button'][aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }

  .spinner {
    flex: none;
    width: 1em;
    height: 1em;
    /* One clear side turning; the top one, so it turns alike in either direction. */
    border: 2px solid;
    border-top-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  [part~='status'] {
    margin: 0;
    display: flex;
    align-items: center;
    gap: 0.5em;
    color: var(--_color-muted);
  }

  /* "Nothing matches" in place of a list. */
  [part~='status'].empty {
    padding: var(--_space);
    justify-content: center;
    border: 1px dashed var(--_color-border);
    border-radius: calc(var(--_radius) * 0.75);
  }

  [part~='badge'] {
    display: inline-block;
    padding: 0 0.5em;
    border: 1px solid var(--_color-border);
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 600;
    line-height: 1.6;
    white-space: nowrap;
    background: var(--_color-surface-alt);
  }

  /* A badge that names a state carries it as a second part: part="badge active". */
  [part~='badge'][part~='active'],
  [part~='badge'][part~='success'] {
    color: var(--_color-success);
    border-color: currentColor;
    background: var(--_color-success-surface);
  }

  [part~='badge'][part~='revoked'],
  [part~='badge'][part~='declined'],
  [part~='badge'][part~='denied'],
  [part~='badge'][part~='failure'],
  [part~='badge'][part~='disabled-badge'],
  [part~='badge'][part~='high'],
  [part~='badge'][part~='critical'] {
    color: var(--_color-danger);
    border-color: currentColor;
    background: var(--_color-danger-surface);
  }

  [part~='badge'][part~='pending'],
  [part~='badge'][part~='trial'] {
    color: var(--_color-accent);
    border-color: currentColor;
  }

  [part~='badge'][part~='expired'],
  [part~='badge'][part~='cancelled'],
  [part~='badge'][part~='temporary-badge'] {
    color: var(--_color-muted);
  }

  /* A row of list filters (labelled selects) under a list's heading. */
  [part~='filters'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space);
  }

  [part~='filters'] [part~='field'] {
    flex: 1 1 8rem;
    max-width: 14rem;
  }

  select[part~='input'] {
    cursor: pointer;
  }

  /* An input with its button, e.g. a one-time password or a link with "Copy". */
  [part~='copy-row'] {
    display: flex;
    gap: calc(var(--_space) * 0.5);
  }

  [part~='temporary-password'],
  [part~='secret'] {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 1.125em;
    letter-spacing: 0.05em;
  }

  /* An empty live region stays in the accessibility tree (so "Copied" is announced) but takes no room. */
  [part~='status']:empty {
    position: absolute;
  }

  /* A modal form over the page (<dialog part="dialog">, opened with showModal()). */
  [part~='dialog'] {
    width: min(36rem, calc(100vw - 1.5rem));
    max-height: calc(100dvh - 1.5rem);
    overflow: auto;
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    box-shadow: 0 12px 32px rgb(0 0 0 / 0.25);
  }

  [part~='dialog']::backdrop {
    background: rgb(15 20 25 / 0.55);
  }

  @media (max-width: 30rem) {
    [part~='dialog'] {
      padding: var(--_space);
    }
  }

  [part~='dialog'] [part~='form'] {
    display: grid;
    gap: var(--_space);
  }

  /* A definition list in two columns, label and value: class="pairs" on the <dl>. */
  .pairs {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_space) * 0.375) var(--_space);
    margin: 0;
  }

  .pairs > div {
    display: contents;
  }

  .pairs dt {
    color: var(--_color-muted);
  }

  .pairs dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  /*
   * A phone-wide element (one that is a size container): each value under its label, so that a
   * long value (a German role name) need not break inside a word beside a long label.
   */
  @container (max-width: 26rem) {
    .pairs {
      grid-template-columns: minmax(0, 1fr);
      row-gap: 0;
    }

    .pairs dt {
      margin-top: calc(var(--_space) * 0.375);
      font-size: 0.875em;
    }
  }

  /* A short message set off from the text around it: class="note". */
  .note {
    margin: 0;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    border-inline-start: 3px solid var(--_color-accent);
    background: var(--_color-surface-alt);
    border-start-end-radius: calc(var(--_radius) * 0.5);
    border-end-end-radius: calc(var(--_radius) * 0.5);
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

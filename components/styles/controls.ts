/**
 * The parts every partnerkit widget shares, styled once: card, title, fields and inputs, the
 * alert region, buttons, the loading line, badges. Include after `tokens` and before the
 * widget's own styles.
 */
import { css } from 'lit';

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
    border: 1px solid currentColor;
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
    border: 2px solid currentColor;
    border-right-color: transparent;
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

  /* A short message set off from the text around it: class="note". */
  .note {
    margin: 0;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    border-inline-start: 3px solid var(--_color-accent);
    background: var(--_color-surface-alt);
    border-radius: 0 calc(var(--_radius) * 0.5) calc(var(--_radius) * 0.5) 0;
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

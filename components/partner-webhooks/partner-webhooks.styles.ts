/** The endpoint rows, the deliveries' panel (its entries' own styles come with them: webhook-deliveries.ts) and the add form's checkboxes; everything wraps on narrow widths. */
import { css } from '../styles/css.ts';

export default css`
  :host {
    display: block;
  }

  [part~='list'],
  [part~='delivery-list'],
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    min-width: 0;
  }

  [part~='list'] {
    border-top: 1px solid var(--_color-border);
  }

  [part~='row'] {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding-block: calc(var(--_space) * 0.75);
    border-bottom: 1px solid var(--_color-border);
    min-width: 0;
  }

  [part~='url'],
  .url {
    font-weight: 600;
  }

  /* Long addresses wrap anywhere rather than widen a row or the dialog (phones). */
  [part~='url'],
  [part~='intro'] {
    overflow-wrap: anywhere;
  }

  [part~='description'] {
    margin: 0;
    color: var(--_color-muted);
    overflow-wrap: anywhere;
  }

  [part~='facts'] {
    font-size: 0.9375em;
  }

  /* "Disabled because failing since …" wraps on a phone: a rounded box then, not a pill. */
  [part~='badge'] {
    white-space: normal;
    border-radius: 0.75em;
  }

  [part~='row-actions'] [part~='button'] {
    min-height: 2.25rem;
    padding-block: calc(var(--_space) * 0.25);
    padding-inline: calc(var(--_space) * 0.75);
    font-size: 0.9375em;
  }

  [part~='deliveries'] {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding: calc(var(--_space) * 0.75);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_color-surface-alt);
    min-width: 0;
  }

  [part~='deliveries'] [part~='title'] {
    font-size: 1em;
  }

  [part~='delivery-list'] {
    gap: calc(var(--_space) * 0.5);
  }

  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9375em;
    overflow-wrap: anywhere;
  }

  [part~='checkbox']:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }

  .choices {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: 0.25em var(--_space);
  }

  .choices label {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2rem;
  }

  [part~='checkbox'] {
    width: 1.125em;
    height: 1.125em;
    margin: 0;
    accent-color: var(--_color-accent);
  }
`;

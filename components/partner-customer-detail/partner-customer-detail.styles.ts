/** The customer detail's own layout; fields, buttons, badges, copy rows and dialogs come from the shared styles. */
import { css } from '../styles/css.ts';

export default css`
  :host {
    display: block;
    /* Entries put their buttons under them when the widget (not the window) is narrow. */
    container-type: inline-size;
  }

  [part~='items'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  [part~='meta'] {
    color: var(--_color-muted);
    font-size: 0.9375em;
    overflow-wrap: anywhere;
  }

  [part~='section'] {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding-top: var(--_space);
    border-top: 1px solid var(--_color-border);
  }

  [part~='section'] > p {
    margin: 0;
  }

  [part~='section'] > [part~='field'] {
    margin-top: calc(var(--_space) * 0.5);
  }

  [part~='section-title'] {
    margin: 0;
    font-size: 1.0625em;
    font-weight: 600;
  }

  [part~='section'] [part~='header'] [part~='button'],
  [part~='item'] [part~='button'] {
    min-height: 2.25rem;
    padding-block: calc(var(--_space) * 0.25);
    padding-inline: calc(var(--_space) * 0.75);
    font-size: 0.9375em;
  }

  /* A section's entry: what it is, its details below, its buttons at the end of the line. */
  [part~='item'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: calc(var(--_space) * 0.25) var(--_space);
    align-items: center;
    padding-block: calc(var(--_space) * 0.625);
    border-bottom: 1px solid var(--_color-border);
  }

  [part~='item'] > * {
    grid-column: 1;
  }

  [part~='item'] > [part~='actions'] {
    grid-column: 2;
    grid-row: 1 / span 2;
  }

  @container (max-width: 30rem) {
    [part~='item'] > [part~='actions'] {
      grid-column: 1;
      grid-row: auto;
    }
  }

  [part~='item']:last-child {
    border-bottom: 0;
  }

  [part~='item'] > div:first-child {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.5em;
  }

  [part~='name'] {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  [part~='item'] p {
    margin: 0;
  }

  .description {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  [part~='consent-url'] {
    flex: 1 1 16rem;
    min-width: 0;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
  }

  /* On a phone the link takes the whole line, and "Copy link" goes under it. */
  [part~='copy-row']:has([part~='consent-url']) {
    flex-wrap: wrap;
  }
`;

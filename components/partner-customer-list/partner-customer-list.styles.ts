/** The customer list's own layout; fields, buttons, badges and filters come from the shared styles. */
import { css } from '../styles/css.ts';

export default css`
  :host {
    display: block;
    /* The rows become stacked cards when the widget (not the window) is narrow. */
    container-type: inline-size;
  }

  /* The list stays in the DOM (hidden) while a customer is open. */
  [hidden] {
    display: none !important;
  }

  [part~='filters'] [part~='field']:first-child {
    flex: 3 1 14rem;
    max-width: none;
  }

  [part~='rows'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  [part~='rows'] {
    border-top: 1px solid var(--_color-border);
  }

  [part~='row'] {
    display: grid;
    grid-template-columns: minmax(11rem, 1fr) minmax(0, 2fr);
    gap: calc(var(--_space) * 0.5) var(--_space);
    align-items: start;
    padding-block: calc(var(--_space) * 0.75);
    border-bottom: 1px solid var(--_color-border);
  }

  [part~='identity'] {
    display: grid;
    justify-items: start;
    min-width: 0;
  }

  [part~='open'] {
    font: inherit;
    font-weight: 600;
    color: var(--_color-accent);
    background: none;
    border: 0;
    padding: 0;
    text-align: start;
    cursor: pointer;
    overflow-wrap: anywhere;
  }

  [part~='open']:hover {
    text-decoration: underline;
  }

  [part~='open']:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
    border-radius: 2px;
  }

  [part~='domain'],
  [part~='note'] {
    color: var(--_color-muted);
    font-size: 0.9375em;
    overflow-wrap: anywhere;
  }

  [part~='states'] {
    font-size: 0.9375em;
  }

  [part~='states'] dd {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.75em;
  }

  .service {
    display: inline-flex;
    align-items: baseline;
    gap: 0.375em;
  }

  @container (max-width: 40rem) {
    [part~='row'] {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  /* "Back to customers", which the list puts into the open customer's detail. */
  [part~='back'] {
    /* When its words wrap (German on a narrow phone), they stay beside the arrow, at the start. */
    justify-content: start;
    text-align: start;
    min-height: 2.25rem;
    padding-block: calc(var(--_space) * 0.25);
    padding-inline: calc(var(--_space) * 0.75);
  }

  /* Its arrow points back, to the start edge: leftwards, or rightwards right to left. */
  [part~='back'] span:dir(rtl) {
    transform: scaleX(-1);
  }
`;

/** The offer builder's own layout; fields, buttons and options come from the shared styles, the steppers with license-stepper.ts. */
import { css } from '../styles/css.ts';

export default css`
  :host {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    min-width: 0;
  }

  .optional {
    font-weight: 400;
    color: var(--_color-muted);
  }

  .check {
    display: flex;
    gap: 0.5em;
    align-items: center;
    min-height: 2.75rem;
    cursor: pointer;
  }

  .check input {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: var(--_color-accent);
  }

  .levels {
    margin-top: calc(var(--_space) * 0.5);
  }

  fieldset > [part~='hint'] {
    margin-top: calc(var(--_space) * 0.5);
  }

  [part~='options'] {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
  }

  .details {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
    gap: var(--_space);
  }

  .offers {
    display: grid;
    gap: 0;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part~='offer'] {
    display: grid;
    gap: calc(var(--_space) * 0.25);
    padding-block: var(--_space);
    border-top: 1px solid var(--_color-border);
  }

  .offer-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
  }

  [part~='offer-title'] {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  [part~='offer-meta'],
  [part~='redemptions'] {
    margin: 0;
    font-size: 0.9375em;
    color: var(--_color-muted);
  }

  [part~='redemptions'] {
    color: var(--_color-text);
  }

  [part~='offer'] [part~='actions'] {
    margin-top: calc(var(--_space) * 0.25);
  }

  [part~='offer'] [part~='button'] {
    min-height: 2.25rem;
    padding-block: calc(var(--_space) * 0.25);
    font-size: 0.9375em;
  }

  .confirm {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_color-danger);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_color-danger-surface);
  }

  .confirm p {
    margin: 0;
  }

  [part~='addressed'] {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    background: var(--_color-surface-alt);
    border-inline-start: 3px solid var(--_color-accent);
    border-radius: calc(var(--_radius) * 0.5);
  }
`;

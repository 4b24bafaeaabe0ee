/** The sign-up card's own layout; fields, buttons and the total come from the shared styles, the steppers with license-stepper.ts. */
import { css } from '../styles/css.ts';

export default css`
  :host {
    display: block;
    max-width: 40rem;
    min-width: 0;
  }

  a {
    color: var(--_color-accent);
  }

  a:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
    border-radius: 2px;
  }

  .head {
    display: grid;
    gap: calc(var(--_space) * 0.25);
  }

  [part~='eyebrow'] {
    margin: 0;
    font-size: 0.8125em;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_color-muted);
  }

  [part~='title'] {
    font-size: 1.5em;
    overflow-wrap: anywhere;
  }

  [part~='subtitle'] {
    margin: 0;
    font-size: 1.0625em;
    font-weight: 600;
  }

  [part~='advisor'] {
    display: grid;
    gap: calc(var(--_space) * 0.25);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_color-surface-alt);
    border: 1px solid var(--_color-border);
  }

  form {
    gap: calc(var(--_space) * 1.5);
  }

  .items,
  .account,
  [part~='consent'] {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    min-width: 0;
  }

  [part~='items'] {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part~='item'] {
    display: grid;
    gap: calc(var(--_space) * 0.25);
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_color-border);
    border-radius: calc(var(--_radius) * 0.75);
  }

  [part~='item-name'] {
    margin: 0;
    font-weight: 600;
  }

  [part~='account'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5);
  }

  [part~='account'] p {
    margin: 0;
  }

  [part~='consent'] {
    padding: var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: calc(var(--_radius) * 0.75);
  }

  .check {
    display: flex;
    gap: 0.625em;
    align-items: flex-start;
    font-weight: 600;
    cursor: pointer;
  }

  .check input {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
    accent-color: var(--_color-accent);
  }

  [part~='consent-description'] {
    margin: 0;
    padding-inline-start: calc(1.25rem + 0.625em);
    font-size: 0.9375em;
    color: var(--_color-muted);
  }

  form > [part~='actions'] [part~='submit'] {
    width: 100%;
  }
`;

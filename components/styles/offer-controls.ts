/**
 * Styles the offer widgets (`<partner-offer-builder>`, `<partner-signup>`) share: the segmented
 * choice (radios that look like one switch), option cards for services, the monthly total.
 * Include after `controls`. The license stepper brings its own (license-stepper.ts).
 */
import { css } from './css.ts';

export const offerControls = css`
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  legend {
    padding: 0;
    margin-bottom: calc(var(--_space) * 0.5);
    font-weight: 600;
    font-size: 0.9375em;
  }

  /* Equal halves that share the width on a phone; the labels wrap inside them rather than the row wrapping. */
  [part~='segmented'] {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
    width: fit-content;
    max-width: 100%;
    border: 1px solid var(--_color-input-border);
    border-radius: calc(var(--_radius) * 0.75);
    overflow: hidden;
  }

  [part~='segment'] {
    position: relative;
    display: flex;
    align-items: center;
    justify-content: center;
    text-align: center;
    min-height: 2.75rem;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 1);
    cursor: pointer;
    font-weight: 600;
    line-height: 1.25;
    background: var(--_color-surface);
  }

  [part~='segment'] + [part~='segment'] {
    border-inline-start: 1px solid var(--_color-input-border);
  }

  /* The radio stays focusable and in the accessibility tree; the label shows its state. */
  [part~='segment'] input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: pointer;
  }

  [part~='segment']:has(input:checked) {
    background: var(--_color-accent);
    color: var(--_color-on-accent);
  }

  [part~='segment']:has(input:focus-visible) {
    outline: 2px solid var(--_color-focus);
    outline-offset: -4px;
  }

  [part~='options'] {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part~='option'] {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    column-gap: calc(var(--_space) * 0.75);
    row-gap: calc(var(--_space) * 0.25);
    align-items: start;
    /* Cards in one row share a height; keep the extra space below the text, not between its lines. */
    align-content: start;
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_color-border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_color-surface);
  }

  [part~='option']:has(> input:checked) {
    border-color: var(--_color-accent);
    box-shadow: inset 0 0 0 1px var(--_color-accent);
  }

  [part~='option'] > input {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0.2rem 0 0;
    accent-color: var(--_color-accent);
  }

  [part~='option'] > :not(input) {
    grid-column: 2;
  }

  [part~='option-label'] {
    font-weight: 600;
    cursor: pointer;
  }

  [part~='description'],
  [part~='price'] {
    margin: 0;
    font-size: 0.9375em;
    color: var(--_color-muted);
  }

  [part~='price'] {
    color: var(--_color-text);
  }

  [part~='total'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding: calc(var(--_space) * 0.75);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_color-surface-alt);
    font-weight: 600;
  }

  [part~='total'] output,
  [part~='total'] strong {
    font-variant-numeric: tabular-nums;
    font-size: 1.125em;
  }
`;

import { css } from '../styles/css.ts';

export default css`
  :host {
    display: block;
  }

  [part~='picker'] {
    display: grid;
    gap: var(--_space);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  [part~='group'] {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }

  [part~='legend'] {
    padding: 0;
    margin-bottom: calc(var(--_space) * 0.5);
    font-weight: 600;
    font-size: 0.9375em;
  }

  [part~='sublegend'] {
    font-size: 0.875em;
    color: var(--_color-muted);
    margin-bottom: calc(var(--_space) * 0.25);
  }

  [part~='choices'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) var(--_space);
  }

  [part~='choice'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.75rem;
    padding-inline: 0.25em 0.75em;
    cursor: pointer;
  }

  [part~='options'] {
    display: grid;
    gap: calc(var(--_space) * 0.25);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    border-inline-start: 3px solid var(--_color-border);
    background: var(--_color-surface-alt);
    border-start-end-radius: calc(var(--_radius) * 0.5);
    border-end-end-radius: calc(var(--_radius) * 0.5);
  }

  /* The options list gets its own legend line; float the legend so it sits inside the box. */
  [part~='options'] > legend {
    float: inline-start;
    width: 100%;
  }

  [part~='option'] {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.625em;
    align-items: center;
    padding-block: 0.25em;
  }

  [part~='option-label'] {
    font-weight: 600;
    cursor: pointer;
  }

  [part~='description'] {
    grid-column: 2;
    margin: 0;
    font-size: 0.875em;
    color: var(--_color-muted);
  }

  [part~='radio'] {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--_color-accent);
    cursor: pointer;
  }

  [part~='radio']:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }

  fieldset:disabled [part~='choice'],
  fieldset:disabled [part~='option-label'],
  fieldset:disabled [part~='radio'] {
    cursor: default;
  }

  fieldset:disabled {
    opacity: 0.65;
  }

  [part~='options'] > [part~='field-error'] {
    color: var(--_color-muted);
  }

  [part~='options'] > [part~='field-error'].shown {
    color: var(--_color-danger);
    font-weight: 600;
  }

  [part~='error'] [part~='button'] {
    margin-top: calc(var(--_space) * 0.5);
  }
`;

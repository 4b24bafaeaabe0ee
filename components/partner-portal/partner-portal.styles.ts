/** The tab strip and panels; the widgets inside style themselves. */
import { css } from '../styles/css.ts';

export default css`
  :host {
    display: block;
    container-type: inline-size;
  }

  [part~='tabs'] {
    display: flex;
    gap: calc(var(--_space) * 0.25);
    overflow-x: auto;
    border-bottom: 1px solid var(--_color-border);
    margin-bottom: var(--_space);
  }

  [part~='tab'] {
    font: inherit;
    color: var(--_color-muted);
    background: none;
    border: 0;
    border-bottom: 3px solid transparent;
    padding: calc(var(--_space) * 0.625) calc(var(--_space) * 0.875);
    cursor: pointer;
    white-space: nowrap;
    font-weight: 600;
  }

  [part~='tab']:hover {
    color: var(--_color-text);
  }

  [part~='tab'][aria-selected='true'] {
    color: var(--_color-text);
    border-bottom-color: var(--_color-accent);
  }

  [part~='tab']:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: -2px;
    border-radius: calc(var(--_radius) * 0.5);
  }

  [part~='panel']:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 4px;
  }

  partner-sign-in {
    margin-inline: auto;
  }
`;

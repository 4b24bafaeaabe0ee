/** The overview's tiles, attention items and charts; narrow widths stack everything. */
import { css } from '../styles/css.ts';

export default css`
  :host {
    display: grid;
    gap: var(--_space);
  }

  a {
    color: var(--_color-accent);
  }

  a:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--_color-focus);
  }

  dl,
  ul,
  ol,
  figure {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: calc(var(--_space) * 0.5);
    min-width: 0;
    overflow-wrap: anywhere;
  }

  [part~='tiles'],
  [part~='charts'] {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
  }

  [part~='charts'] {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    align-items: start;
  }

  [part~='tile'] {
    padding: calc(var(--_space) * 0.75);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_color-surface-alt);
  }

  dd,
  [part~='item'] p {
    margin: 0;
    overflow-wrap: anywhere;
  }

  [part~='tile-label'],
  [part~='tile-note'],
  [part~='chart-summary'],
  [part~='chart-axis'] {
    color: var(--_color-muted);
    font-size: 0.875em;
  }

  [part~='tile-value'] {
    font-size: 1.5em;
    font-weight: 600;
  }

  [part~='item'] {
    padding-inline-start: calc(var(--_space) * 0.75);
    border-inline-start: 3px solid var(--_color-border);
  }

  [part~='urgent'] {
    border-color: var(--partner-color-warning, #9a6700);
  }

  [part~='webhooks-notice'] {
    display: block;
    margin: 0;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-inline-start: 4px solid var(--partner-color-warning, #9a6700);
  }

  .item-head,
  [part~='chart-axis'] {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    justify-content: space-between;
  }

  h4 {
    margin: 0;
  }

  /* "in 3 Tagen", "5 日後": a relative time is not broken across lines. */
  time {
    white-space: nowrap;
  }

  svg {
    width: 100%;
    height: 8rem;
    fill: var(--_color-accent);
  }

  /* Right to left, time and bars run from the start edge as the axis labels do. */
  svg:dir(rtl) {
    transform: scaleX(-1);
  }

  [part~='hbar'] {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0 0.5em;
  }

  [part~='hbar'] svg {
    height: 0.75rem;
  }

  [part~='hbar-label'] {
    grid-column: 1 / -1;
  }

  td,
  th {
    text-align: start;
    border-bottom: 1px solid var(--_color-border);
  }
`;

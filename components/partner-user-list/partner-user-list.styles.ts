import { css } from '../styles/css.ts';

export default css`
  :host {
    display: block;
    /* The rows become stacked cards when the widget (not the window) is narrow. */
    container-type: inline-size;
  }

  [part~='search'] {
    max-width: 28rem;
  }

  /* Wide: one grid for the whole list, and each row a subgrid of it, so the columns line up. The
     first column holds an email of usual length whole, however wide the buttons' language makes
     the last one (German's are half as wide again as English's). */
  [part~='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    border-top: 1px solid var(--_color-border);
    display: grid;
    grid-template-columns: minmax(15rem, 1.4fr) minmax(17.5rem, 1fr) auto;
    column-gap: var(--_space);
  }

  [part~='row'] {
    grid-column: 1 / -1;
    display: grid;
    grid-template-columns: subgrid;
    align-items: center;
    row-gap: calc(var(--_space) * 0.5);
    padding-block: calc(var(--_space) * 0.75);
    border-bottom: 1px solid var(--_color-border);
  }

  [part~='identity'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.5em;
    min-width: 0;
  }

  [part~='name'] {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  [part~='email'] {
    flex-basis: 100%;
    color: var(--_color-muted);
    font-size: 0.9375em;
    overflow-wrap: anywhere;
  }

  [part~='access'] {
    gap: 0 0.75em;
    font-size: 0.9375em;
  }

  [part~='badges'] {
    flex-basis: 100%;
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em;
    margin-top: 0.25em;
  }

  [part~='row-actions'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: calc(var(--_space) * 0.5);
  }

  [part~='row-actions'] [part~='button'] {
    min-height: 2.25rem;
    padding-block: calc(var(--_space) * 0.25);
    padding-inline: calc(var(--_space) * 0.75);
    font-size: 0.9375em;
  }

  /* Below the three columns' minimum with the buttons' narrowest (and some air). */
  @container (max-width: 48rem) {
    [part~='list'] {
      display: block;
    }

    [part~='row'] {
      grid-template-columns: minmax(0, 1fr);
      gap: calc(var(--_space) * 0.5);
    }

    [part~='row-actions'] {
      justify-content: flex-start;
    }

    [part~='row-actions'] [part~='button'] {
      min-height: 2.75rem;
    }
  }

  [part~='dialog'] [part~='access'] {
    padding: calc(var(--_space) * 0.75);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_color-surface-alt);
  }

  [part~='checkbox-field'] {
    grid-template-columns: auto 1fr;
    align-items: center;
    column-gap: 0.625em;
  }

  [part~='checkbox-field'] [part~='hint'] {
    grid-column: 2;
  }

  [part~='checkbox'] {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--_color-accent);
  }

  [part~='checkbox']:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
`;

import { css } from '../styles/css.ts';

export default css`
  :host {
    display: block;
    container-type: inline-size;
  }

  [part~='fields'] {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: var(--_space);
  }

  [part~='fields'] > .wide {
    grid-column: 1 / -1;
  }

  @container (max-width: 36rem) {
    [part~='fields'] {
      grid-template-columns: minmax(0, 1fr);
    }

    fieldset {
      padding: calc(var(--_space) * 0.75);
    }
  }

  fieldset {
    margin: 0;
    min-width: 0;
    padding: var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: calc(var(--_radius) * 0.75);
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }

  [part~='legend'] {
    padding-inline: 0.375em;
    font-weight: 600;
  }

  [part~='origin-list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }

  [part~='origin'] {
    display: grid;
    gap: calc(var(--_space) * 0.25);
  }

  [part~='origin-row'] {
    display: flex;
    gap: calc(var(--_space) * 0.5);
  }

  [part~='origin-row'] [part~='input'] {
    flex: 1;
    min-width: 0;
  }

  [part~='remove-origin'] {
    padding-inline: calc(var(--_space) * 0.75);
  }

  /* Empty: no room taken, still in the accessibility tree so the next message is announced. */
  [part~='notice']:empty {
    position: absolute;
    padding: 0;
    border: 0;
  }

  [part~='details'] {
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 1.5);
  }

  [part~='details'] ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .unset {
    color: var(--_color-muted);
    font-style: italic;
  }

  @container (max-width: 30rem) {
    [part~='details'] {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }

    [part~='details'] dd {
      margin-bottom: calc(var(--_space) * 0.5);
    }
  }
`;

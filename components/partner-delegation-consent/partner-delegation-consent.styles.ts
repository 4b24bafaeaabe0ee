/** The consent widget's own layout; cards, fields, buttons, badges, notes and filters come from the shared styles. */
import { css } from '../styles/css.ts';

export default css`
  :host {
    display: grid;
    gap: var(--_space);
    max-width: 56rem;
    min-width: 0;
    /* Rows and audit entries stack when the widget (not the window) is narrow. */
    container-type: inline-size;
  }

  [part~='partner'] {
    display: grid;
    gap: calc(var(--_space) * 0.25);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_color-surface-alt);
  }

  [part~='partner-name'],
  [part~='subtitle'],
  [part~='name'] {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }

  [part~='description'],
  [part~='confirm'] p,
  [part~='entry'] p {
    margin: 0;
  }

  [part~='form'] [part~='input'] {
    max-width: 20rem;
  }

  .mark {
    color: var(--_color-success);
  }

  [part~='list'],
  [part~='entries'] {
    list-style: none;
    margin: 0;
    padding: 0;
    border-top: 1px solid var(--_color-border);
  }

  [part~='row'],
  [part~='entry'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1.5fr) max-content;
    align-items: start;
    gap: calc(var(--_space) * 0.5) var(--_space);
    padding-block: calc(var(--_space) * 0.75);
    border-bottom: 1px solid var(--_color-border);
  }

  [part~='identity'],
  [part~='entry'] p {
    overflow-wrap: anywhere;
  }

  [part~='identity'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.5em;
  }

  [part~='identity'] [part~='contact'] {
    flex-basis: 100%;
  }

  [part~='identity'] [part~='contact'],
  [part~='delegation'],
  [part~='time'],
  [part~='who'] {
    font-size: 0.9375em;
  }

  /* A long label ("Delegierte Administration") wraps, rather than squeezing its value into broken words. */
  [part~='delegation'] {
    grid-template-columns: fit-content(50%) minmax(0, 1fr);
  }

  [part~='row-actions'] {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }

  [part~='confirm'] {
    grid-column: 1 / -1;
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }

  [part~='entry'] {
    grid-template-columns: 11rem minmax(0, 1fr);
    row-gap: 0;
  }

  [part~='time'],
  [part~='who'] {
    color: var(--_color-muted);
  }

  [part~='who'] {
    grid-column: 2;
  }

  [part~='action'] {
    font-weight: 600;
  }

  @container (max-width: 40rem) {
    [part~='row'],
    [part~='entry'] {
      grid-template-columns: minmax(0, 1fr);
    }

    [part~='row-actions'] {
      display: flex;
      flex-wrap: wrap;
    }

    [part~='who'] {
      grid-column: auto;
    }
  }
`;

/** The sign-in card's own pieces; fields, buttons and the alert come from styles/controls.ts. */
import { css } from '../styles/css.ts';

export default css`
  :host {
    display: block;
    max-width: 28rem;
  }

  form > [part~='primary'] {
    width: 100%;
  }

  [part~='user'] {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
  }

  [part~='avatar'] {
    flex: none;
    display: grid;
    place-items: center;
    width: 2.75rem;
    height: 2.75rem;
    border-radius: 50%;
    background: var(--_color-accent);
    color: var(--_color-on-accent);
    font-weight: 600;
  }

  [part~='name'],
  [part~='email'] {
    margin: 0;
    overflow-wrap: anywhere;
  }

  [part~='name'] {
    font-weight: 600;
    font-size: 1.125em;
  }

  [part~='email'] {
    color: var(--_color-muted);
  }

  [part~='details'] {
    padding: var(--_space) 0 0;
    border-top: 1px solid var(--_color-border);
  }
`;

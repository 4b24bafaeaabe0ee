/**
 * Design tokens every partnerkit widget includes first in its `styles`.
 *
 * Public knobs are `--partner-*` custom properties. A host page may set them anywhere above the
 * widget (`:root`, a wrapper, the element itself); each widget reads them into private
 * `--_*` properties on `:host` with a default, so an unset knob falls back to the default and a
 * set one is inherited. The defaults follow `prefers-color-scheme`.
 *
 * The knobs (each widget's JSDoc lists them as `@cssprop`, so they reach the manifest):
 * `--partner-font-family`, `--partner-font-size`, `--partner-radius`, `--partner-space`,
 * `--partner-density`, and the colours `--partner-color-{text, muted, surface, surface-alt,
 * border, input-border, accent, on-accent, focus, danger, danger-surface}` and `--partner-shadow`.
 * Setting a colour knob overrides it in both schemes; set it inside your own
 * `@media (prefers-color-scheme: dark)` to theme only one.
 */
import { css } from './css.ts';

export const tokens = css`
  :host {
    color-scheme: light dark;
    /* Japanese wraps between phrases (正しく stays whole) where the browser can: only text in
       lang="ja" is affected; elsewhere this is the normal wrapping. */
    word-break: auto-phrase;
    --_font-family: var(
      --partner-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    --_font-size: var(--partner-font-size, 1rem);
    --_radius: var(--partner-radius, 8px);
    /* Density scales every gap and padding: 1 is comfortable, 0.75 compact, 1.25 roomy. */
    --_space: calc(var(--partner-space, 1rem) * var(--partner-density, 1));
    --_color-text: var(--partner-color-text, #1f2328);
    --_color-muted: var(--partner-color-muted, #59636e);
    --_color-surface: var(--partner-color-surface, #ffffff);
    --_color-surface-alt: var(--partner-color-surface-alt, #f6f8fa);
    --_color-border: var(--partner-color-border, #d1d9e0);
    --_color-input-border: var(--partner-color-input-border, #6e7781);
    --_color-accent: var(--partner-color-accent, #0969da);
    --_color-on-accent: var(--partner-color-on-accent, #ffffff);
    --_color-focus: var(--partner-color-focus, #0969da);
    --_color-danger: var(--partner-color-danger, #b42318);
    --_color-danger-surface: var(--partner-color-danger-surface, #fef3f2);
    --_color-success: var(--partner-color-success, #1a7f37);
    --_color-success-surface: var(--partner-color-success-surface, #dafbe1);
    --_shadow: var(--partner-shadow, 0 1px 3px rgb(31 35 40 / 0.12));

    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_color-text);
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_color-text: var(--partner-color-text, #e6edf3);
      --_color-muted: var(--partner-color-muted, #9198a1);
      --_color-surface: var(--partner-color-surface, #151b23);
      --_color-surface-alt: var(--partner-color-surface-alt, #0d1117);
      --_color-border: var(--partner-color-border, #3d444d);
      --_color-input-border: var(--partner-color-input-border, #8b949e);
      --_color-accent: var(--partner-color-accent, #4493f8);
      --_color-on-accent: var(--partner-color-on-accent, #0d1117);
      --_color-focus: var(--partner-color-focus, #79b8ff);
      --_color-danger: var(--partner-color-danger, #ff9492);
      --_color-danger-surface: var(--partner-color-danger-surface, #2d1517);
      --_color-success: var(--partner-color-success, #3fb950);
      --_color-success-surface: var(--partner-color-success-surface, #12261e);
      --_shadow: var(--partner-shadow, 0 1px 3px rgb(0 0 0 / 0.5));
    }
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  ::before,
  ::after {
    box-sizing: border-box;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    ::before,
    ::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
    }
  }
`;

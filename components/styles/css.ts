/**
 * The `css` tag of every partnerkit stylesheet: Lit's `unsafeCSS` of the literal. That is safe
 * because our styles are plain literals (the one-parameter signature makes an interpolation a
 * type error); Lit's own `css` checks interpolated values at run time, which would cost the
 * bundle its code and messages. The build's minifier finds these literals by the tag's name.
 */
import { unsafeCSS, type CSSResult } from 'lit';

export const css = (strings: TemplateStringsArray): CSSResult => unsafeCSS(strings[0]);

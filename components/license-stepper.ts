/**
 * A license-count stepper: a number input between a service's bounds with − and + buttons.
 * The offer builder (proposed counts) and the sign-up widget (the prospect's counts) both use it.
 *
 * It is a part the offer widgets load on demand (load-part.ts), so it brings its own `styles`,
 * which come after the widget's.
 *
 * The count is kept as the text the person typed, so typing "1" on the way to "15" is not
 * corrected under their fingers; `parseLicenses` says whether the text is a count in bounds.
 * The bounds are shown as they are typed in the number input (`5000`, not `5,000` or `5.000`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from './localize.ts';
import { formatMoney } from './money.ts';
import { css } from './styles/css.ts';
import { fieldError } from './text-field.ts';

/** The stepper and its line; `controls` styles the buttons and the input. */
export const styles = css`
  [part~='stepper'] {
    display: grid;
    gap: calc(var(--_space) * 0.25);
    justify-items: start;
  }

  [part~='stepper-controls'] {
    display: flex;
    align-items: stretch;
  }

  [part~='stepper-controls'] [part~='input'] {
    width: 6.5rem;
    text-align: center;
    border-radius: 0;
    margin-inline: -1px;
    position: relative;
    /* Keep the number readable; the browser's own spin buttons duplicate − and +. */
    appearance: textfield;
    -moz-appearance: textfield;
  }

  [part~='stepper-controls'] [part~='input']::-webkit-inner-spin-button,
  [part~='stepper-controls'] [part~='input']::-webkit-outer-spin-button {
    -webkit-appearance: none;
    margin: 0;
  }

  [part~='stepper-controls'] [part~='input']:focus-visible {
    z-index: 1;
  }

  [part~='step'] {
    min-width: 2.75rem;
    padding-inline: 0;
    font-size: 1.25em;
    line-height: 1;
  }

  [part~='step']:first-child {
    border-start-end-radius: 0;
    border-end-end-radius: 0;
  }

  [part~='step']:last-child {
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }

  [part~='step'][aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.45;
  }

  /* A stepper with its line's monthly subtotal (renderLicenseLine). */
  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5) var(--_space);
    margin-top: calc(var(--_space) * 0.25);
  }

  [part~='subtotal'] {
    margin: 0 0 0.2rem;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
`;

export interface LicenseStepperOptions {
  /** The input's id (unique in the shadow root). */
  id: string;
  /** What is counted, for the accessible names, e.g. the service's name. */
  serviceName: string;
  /** The count as typed. */
  value: string;
  min: number;
  max: number;
  /** Read-only while a request is in flight. */
  busy?: boolean;
  /** Server messages about this count. */
  messages?: string[];
  /** Called with the new text: typed, or one step from the buttons. */
  onChange: (value: string) => void;
}

/** The count, when the text is a whole number within the bounds; else `null`. */
export function parseLicenses(value: string, min: number, max: number): number | null {
  const n = Number(value);
  return value.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** `step` (±1) from the typed count, kept within the bounds; unreadable text starts from the nearer bound. */
function stepped(value: string, step: number, min: number, max: number): string {
  const n = Number(value);
  const from = value.trim() === '' || !Number.isFinite(n) ? (step > 0 ? min - 1 : max + 1) : Math.round(n);
  return String(Math.min(max, Math.max(min, from + step)));
}

export function renderLicenseStepper(o: LicenseStepperOptions): TemplateResult {
  const count = parseLicenses(o.value, o.min, o.max);
  const n = Number(o.value);
  const outOfBounds = count === null && o.value.trim() !== '';
  const messages = [...(o.messages ?? []), ...(outOfBounds && !o.messages?.length ? [msg(str`Choose ${o.min} to ${o.max}.`)] : [])];
  const atMin = Number.isFinite(n) && n <= o.min;
  const atMax = Number.isFinite(n) && n >= o.max;
  const step = (delta: number, blocked: boolean) => () => {
    if (!blocked && !o.busy) o.onChange(stepped(o.value, delta, o.min, o.max));
  };
  const describedBy = `${o.id}-bounds${messages.length ? ` ${o.id}-error` : ''}`;
  // aria-disabled rather than disabled at a bound: a disabled button would drop the keyboard focus.
  return html`
    <div part="stepper">
      <label part="label" for=${o.id}>${msg('Licenses')}<span class="visually-hidden">${msg(str` of ${o.serviceName}`, { desc: 'Heard after "Licenses": "Licenses of Office Suite Pro"' })}</span></label>
      <div part="stepper-controls">
        <button
          type="button"
          part="button step"
          aria-label=${msg(str`One license fewer of ${o.serviceName}`)}
          aria-disabled=${atMin || o.busy ? 'true' : nothing}
          @click=${step(-1, atMin)}
        >−</button>
        <input
          part="input licenses"
          id=${o.id}
          type="number"
          inputmode="numeric"
          min=${o.min}
          max=${o.max}
          step="1"
          required
          .value=${o.value}
          ?readonly=${o.busy}
          aria-invalid=${messages.length ? 'true' : nothing}
          aria-describedby=${describedBy}
          @input=${(e: Event) => o.onChange((e.target as HTMLInputElement).value)}
        />
        <button
          type="button"
          part="button step"
          aria-label=${msg(str`One license more of ${o.serviceName}`)}
          aria-disabled=${atMax || o.busy ? 'true' : nothing}
          @click=${step(1, atMax)}
        >+</button>
      </div>
      <p part="hint" id="${o.id}-bounds">${msg(str`${o.min} to ${o.max}`, { desc: 'Fewest and most licenses' })}</p>
      ${fieldError(o.id, messages)}
    </div>
  `;
}

/** The stepper with the line's monthly subtotal beside it (empty while the count is not valid). */
export function renderLicenseLine(o: LicenseStepperOptions & { priceMinor: number; currency: string }): TemplateResult {
  const count = parseLicenses(o.value, o.min, o.max);
  return html`
    <div class="line">
      ${renderLicenseStepper(o)}
      <p part="price subtotal">${count === null ? '' : msg(str`${formatMoney(o.priceMinor * count, o.currency)}/month`)}</p>
    </div>
  `;
}

/**
 * A labelled `<select>` the same in every widget (list filters, a form's choice): `part="field"`
 * around `label` and `input select`, its options as `[value, text]` pairs.
 */
import { html, type TemplateResult } from 'lit';

/** With `onPick` the choice is applied at once (a filter); without, it is a plain form field named `id`. */
export function selectField(id: string, label: string, options: readonly (readonly [string, string])[], value: string, onPick?: (value: string) => void): TemplateResult {
  return html`
    <div part="field">
      <label part="label" for=${id}>${label}</label>
      <select part="input select" id=${id} name=${id} @change=${(e: Event) => onPick?.((e.target as HTMLSelectElement).value)}>
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
      </select>
    </div>
  `;
}

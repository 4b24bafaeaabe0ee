/**
 * One labelled text input with its hint and the server's messages about it, the same in every
 * widget: `part="field"` around `label`, `input`, `hint` and `field-error`, wired together with
 * `for`, `aria-describedby` and `aria-invalid`.
 */
import { html, nothing, type TemplateResult } from 'lit';

export interface TextField {
  id: string;
  /** Text, or markup such as a lighter "(optional)". */
  label: string | TemplateResult;
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'date' | 'number';
  /** The form data name; default: `id`. */
  name?: string;
  /** The value to show, set on the input whenever it changes (what the person typed stays until then). Omit for an input the person alone fills. */
  value?: string;
  /** Default `off`. */
  autocomplete?: string;
  required?: boolean;
  minlength?: number;
  maxlength?: number;
  /** The earliest value (a date field's `yyyy-mm-dd`, a number field's number). */
  min?: string;
  /** The largest value (a number field's). */
  max?: string;
  placeholder?: string;
  hint?: string;
  /** The server's messages about this field. */
  messages?: readonly string[];
  /** While a request runs: the person can read and select, not change. */
  readonly?: boolean;
  /** A class on the field, e.g. for a wider grid cell. */
  class?: string;
}

export function textField(field: TextField): TemplateResult {
  const messages = field.messages ?? [];
  // Names and titles keep the browser's spelling check and capitals; addresses, passwords and numbers do not.
  const type = field.type ?? 'text';
  const describedBy = [field.hint ? `${field.id}-hint` : '', messages.length ? `${field.id}-error` : ''].filter(Boolean).join(' ');
  return html`
    <div part="field" class=${field.class ?? nothing}>
      <label part="label" for=${field.id}>${field.label}</label>
      <input
        part="input"
        id=${field.id}
        name=${field.name ?? field.id}
        type=${type}
        autocomplete=${field.autocomplete ?? 'off'}
        minlength=${field.minlength ?? nothing}
        maxlength=${field.maxlength ?? nothing}
        min=${field.min ?? nothing}
        max=${field.max ?? nothing}
        placeholder=${field.placeholder ?? nothing}
        ?required=${field.required ?? false}
        ?readonly=${field.readonly ?? false}
        .value=${field.value ?? nothing}
        aria-invalid=${messages.length ? 'true' : nothing}
        aria-describedby=${describedBy || nothing}
        spellcheck=${type === 'text' ? nothing : 'false'}
        autocapitalize=${type === 'text' ? nothing : 'off'}
      />
      ${field.hint ? html`<p part="hint" id="${field.id}-hint">${field.hint}</p>` : nothing}
      ${fieldError(field.id, messages)}
    </div>
  `;
}

/** The server's messages about a field (or a group of them), `id="<id>-error"` for its `aria-describedby`; nothing without any. */
export function fieldError(id: string, messages: readonly string[] | undefined): TemplateResult | typeof nothing {
  return messages?.length ? html`<p part="field-error" id="${id}-error">${messages.join(' ')}</p>` : nothing;
}

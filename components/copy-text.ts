/**
 * "Copy" buttons: the clipboard API, and where the browser refuses it (no permission, a page
 * that is not secure), the text selected in its read-only input for the person to copy.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from './localize.ts';

export type CopyResult = 'copied' | 'selected';

/** Copies `text`; on refusal focuses and selects `input`, which shows the same text. */
export async function copyText(text: string, input: HTMLInputElement | null | undefined): Promise<CopyResult> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    input?.focus();
    input?.select();
    return 'selected';
  }
}

/** What a live region says after a copy. */
export function copyMessage(result: CopyResult | null): string {
  if (result === 'copied') return msg('Copied to the clipboard.');
  return result === 'selected' ? msg('Selected: press Ctrl+C (⌘C on a Mac) to copy.') : '';
}

export interface CopyField {
  id: string;
  label: string;
  value: string;
  /** More parts for the input besides `input`, e.g. `temporary-password`. */
  part?: string;
  /** Default "Copy". */
  buttonLabel?: string;
  /** A line under the input (`id="<id>-hint"`, which describes the input). */
  hint?: string;
  /** The id of another element that describes the value, e.g. a note under the field. */
  describedBy?: string;
  /** The last copy's result, for the live region. */
  copied: CopyResult | null;
  /** Called with the copy's result; the host keeps it in `copied`. */
  onCopied: (result: CopyResult) => void;
}

/** A labelled read-only value with "Copy" (e.g. a link to send, a one-time password), and a live region saying how the copy went. */
export function copyField(f: CopyField): TemplateResult {
  const copy = async (event: Event) => {
    const input = (event.currentTarget as HTMLElement).previousElementSibling as HTMLInputElement;
    f.onCopied(await copyText(f.value, input));
  };
  return html`
    <div part="field">
      <label part="label" for=${f.id}>${f.label}</label>
      <div part="copy-row">
        <input
          part="input ${f.part ?? ''}"
          id=${f.id}
          readonly
          .value=${f.value}
          aria-describedby=${f.hint ? `${f.id}-hint` : (f.describedBy ?? nothing)}
          spellcheck="false"
          autocomplete="off"
          @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
        />
        <button type="button" part="button copy" @click=${copy}>${f.buttonLabel ?? msg('Copy')}</button>
      </div>
      ${f.hint ? html`<p part="hint" id="${f.id}-hint">${f.hint}</p>` : nothing}
      <p part="status" role="status">${copyMessage(f.copied)}</p>
    </div>
  `;
}

/**
 * The dialog content that hands over an endpoint's signing secret, once: after the endpoint is
 * added, or after its secret is rotated. Loaded with the request that yields the secret
 * (load-part.ts), so `<partner-webhooks>` carries it only when it is needed.
 */
import { html, type TemplateResult } from 'lit';
import type { WebhookSecretView } from '../api/client.ts';
import { copyField, type CopyResult } from '../copy-text.ts';
import { formatDateTime } from '../dates.ts';
import { msg, str } from '../localize.ts';

export interface WebhookSecret {
  view: WebhookSecretView;
  reason: 'created' | 'rotated';
  /** The last copy's result, for the live region. */
  copied: CopyResult | null;
  /** Called with the copy's result; the host keeps it in `copied`. */
  onCopied: (result: CopyResult) => void;
  /** "Done": the host closes the dialog and forgets the secret. */
  onDone: () => void;
}

/** Inside the `<dialog>`; the heading has the id `dialog-title`, the input `signing-secret` (focus it). */
export function webhookSecretView(s: WebhookSecret): TemplateResult {
  const { endpoint, secret } = s.view;
  const until = endpoint.previousSecretExpiresAt;
  // The address on a line of its own (as in the confirmation), so that each sentence is whole for a translator.
  return html`
    <div part="form">
      <h2 id="dialog-title" part="title">${s.reason === 'created' ? msg('Endpoint added') : msg('Signing secret rotated')}</h2>
      <p part="intro" class="url">${endpoint.url}</p>
      <p part="intro">
        ${s.reason === 'created'
          ? msg("Webhooks to this endpoint are signed with this secret (Standard Webhooks). Put it in your receiver's configuration so it can check each signature.")
          : until
            ? msg(str`Webhooks to this endpoint are now signed with this secret. The old secret signs them too until ${formatDateTime(until)}: update your receiver before then.`)
            : msg('Webhooks to this endpoint are now signed with this secret. The old secret signs them too for 24 hours: update your receiver before then.')}
      </p>
      ${copyField({ id: 'signing-secret', label: msg('Signing secret'), value: secret, part: 'secret', describedBy: 'once-note', copied: s.copied, onCopied: s.onCopied })}
      <p part="once-note" class="note" id="once-note">
        <strong>${msg('You will not see it again.')}</strong>
        ${msg('Copy it now: once you close this, it cannot be shown again. If it is lost, rotate the secret.')}
      </p>
      <div part="actions">
        <button type="button" part="button primary" @click=${s.onDone}>${msg('Done')}</button>
      </div>
    </div>
  `;
}

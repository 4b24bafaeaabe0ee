/**
 * The dialog content that hands over a one-time temporary password (a user was added, or a
 * password reset): the password in a read-only input with "Copy", and a "shown once" note.
 * The same wherever users are managed: `<partner-user-list>` and `<partner-customer-list>`.
 */
import { html, type TemplateResult } from 'lit';
import type { UserView } from './api/client.ts';
import { copyField, type CopyResult } from './copy-text.ts';
import { msg, str } from './localize.ts';

export interface TemporaryPassword {
  user: Pick<UserView, 'displayName' | 'email'>;
  password: string;
  reason: 'created' | 'reset';
  /** The last copy's result, for the live region. */
  copied: CopyResult | null;
  /** Called with the copy's result; the host keeps it in `copied`. */
  onCopied: (result: CopyResult) => void;
  /** "Done": the host closes the dialog and forgets the password. */
  onDone: () => void;
}

/** Inside the `<dialog>`; the heading has the id `dialog-title`, the input `temporary-password` (focus it). */
export function temporaryPasswordView(t: TemporaryPassword): TemplateResult {
  return html`
    <div part="form">
      <h2 id="dialog-title" part="title">${t.reason === 'created' ? msg('User added') : msg('Password reset')}</h2>
      <p part="intro">${msg(str`Give ${t.user.displayName} (${t.user.email}) this temporary password. It signs in once; then they choose their own.`)}</p>
      ${copyField({
        id: 'temporary-password',
        label: msg('Temporary password'),
        value: t.password,
        part: 'temporary-password',
        describedBy: 'once-note',
        copied: t.copied,
        onCopied: t.onCopied,
      })}
      <p part="once-note" class="note" id="once-note"><strong>${msg('Shown once.')}</strong> ${msg('Copy it now: it cannot be shown again after you close this.')}</p>
      <div part="actions">
        <button type="button" part="button primary" @click=${t.onDone}>${msg('Done')}</button>
      </div>
    </div>
  `;
}

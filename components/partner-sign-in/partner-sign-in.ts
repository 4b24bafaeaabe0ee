import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ApiElement } from '../api/api-element.ts';
import { ApiRequestError, type MeView, type SessionView } from '../api/client.ts';
import { busyButton, loadingLine } from '../busy.ts';
import { errorAlert, errorText, fieldMessages as messagesByField, toApiError } from '../error-messages.ts';
import { partnerEvent } from '../events.ts';
import { textField } from '../text-field.ts';
import { controls } from '../styles/controls.ts';
import { tokens } from '../styles/tokens.ts';
import styles from './partner-sign-in.styles.ts';
import { msg, str } from '../localize.ts';
import { accessName, roleName } from '../role-names.ts';

type Busy = 'sign-in' | 'change-password' | 'sign-out' | null;
type FocusTarget = 'email' | 'current-password' | 'signed-in';

/** The form fields whose server-side messages (`details[].path`) are shown beside the field. */
const fieldPaths: Record<string, string> = {
  'body.email': 'email',
  'body.password': 'password',
  'body.currentPassword': 'current-password',
  'body.newPassword': 'new-password',
};

/**
 * Signs a user in with email and password (partner staff, or a customer's admin on the consent
 * page), shows who is signed in, and signs out.
 * A session started with a temporary password first asks for a new password.
 *
 * Inside `<partner-session>` it uses (and, by its events, sets) that session's client and token;
 * on its own it talks to `api-base` and keeps the token in its `token` property (memory only).
 *
 * @fires partner-signed-in - A session started (sign-in or password change). `detail`: `{ token, expiresAt, user }`.
 * @fires partner-signed-out - The user signed out. `detail`: `{}`.
 *
 * @csspart card - The box around each view.
 * @csspart title - The heading of each view.
 * @csspart intro - The explanatory line under a heading.
 * @csspart form - The sign-in and password forms.
 * @csspart field - A label with its input and messages.
 * @csspart label - A field's label.
 * @csspart input - A text or password input.
 * @csspart hint - Help text under an input.
 * @csspart field-error - A server message about one field.
 * @csspart error - The alert region with the server's message.
 * @csspart actions - The row of buttons.
 * @csspart button - Every button; also `primary`, `submit`, `sign-out`.
 * @csspart user - Avatar, name and email of the signed-in user.
 * @csspart avatar - The initials circle.
 * @csspart name - The signed-in user's display name.
 * @csspart email - The signed-in user's email.
 * @csspart details - Company, roles and partner access.
 * @csspart status - The loading line.
 *
 * @cssprop [--partner-font-family=system-ui, …] - Font.
 * @cssprop [--partner-font-size=1rem] - Base font size.
 * @cssprop [--partner-radius=8px] - Corner radius.
 * @cssprop [--partner-space=1rem] - Spacing unit.
 * @cssprop [--partner-density=1] - Scales every gap and padding (0.75 compact, 1.25 roomy).
 * @cssprop [--partner-color-text=#1f2328] - Text.
 * @cssprop [--partner-color-muted=#59636e] - Secondary text.
 * @cssprop [--partner-color-surface=#ffffff] - Card and input background.
 * @cssprop [--partner-color-surface-alt=#f6f8fa] - Read-only input background.
 * @cssprop [--partner-color-border=#d1d9e0] - Card border and dividers.
 * @cssprop [--partner-color-input-border=#6e7781] - Input and button border.
 * @cssprop [--partner-color-accent=#0969da] - Primary button and avatar.
 * @cssprop [--partner-color-on-accent=#ffffff] - Text on the accent color.
 * @cssprop [--partner-color-focus=#0969da] - Focus ring.
 * @cssprop [--partner-color-danger=#b42318] - Error text and border.
 * @cssprop [--partner-color-danger-surface=#fef3f2] - Error background.
 * @cssprop [--partner-shadow=0 1px 3px rgb(31 35 40 / 0.12)] - Card shadow.
 */
export class PartnerSignIn extends ApiElement {
  static override styles = [tokens, controls, styles];
  static override properties: PropertyDeclarations = {
    busy: { state: true },
    actionError: { state: true },
  };

  private busy: Busy = null;
  private actionError: ApiRequestError | null = null;

  #focusAfterUpdate: FocusTarget | null = null;

  /** Who is signed in: `null` when there is no token. */
  readonly #me = new Task(this, {
    args: () => [this.client] as const,
    task: ([client], { signal }): Promise<MeView | null> => (client.hasCredentials ? client.me({ signal }) : Promise.resolve(null)),
  });

  protected override render() {
    const { status, value, error } = this.#me;
    const sessionEnded = error instanceof ApiRequestError && error.status === 401;

    const signedOut = !this.client.hasCredentials || (status === TaskStatus.COMPLETE && !value);
    if (signedOut || this.busy === 'sign-in' || sessionEnded) {
      // A 401 from /api/me: the token expired or was revoked; say so above the form.
      return this.#renderSignIn(this.actionError ?? (sessionEnded && !this.busy ? error : null));
    }
    if (status === TaskStatus.ERROR) return this.#renderLoadError(error);
    if (status === TaskStatus.COMPLETE && value) {
      return value.passwordChangeRequired ? this.#renderChangePassword(value) : this.#renderSignedIn(value);
    }
    // Pending: keep the password form up while its change is being confirmed.
    if (this.busy === 'change-password' && value) return this.#renderChangePassword(value);
    return this.#renderLoading();
  }

  protected override updated() {
    const target = this.#focusAfterUpdate;
    if (!target) return;
    this.#focusAfterUpdate = null;
    this.renderRoot.querySelector<HTMLElement>(target === 'signed-in' ? '#signed-in-title' : `#${target}`)?.focus();
  }

  #renderSignIn(error: unknown): TemplateResult {
    const busy = this.busy === 'sign-in';
    const fieldErrors = fieldMessages(error);
    return html`
      <div part="card">
        <form part="form" @submit=${this.#onSignIn}>
          <h2 id="sign-in-title" part="title">${msg('Sign in')}</h2>
          ${this.#renderField({ id: 'email', label: msg('Email'), type: 'email', autocomplete: 'username', busy, fieldErrors })}
          ${this.#renderField({ id: 'password', label: msg('Password'), type: 'password', autocomplete: 'current-password', busy, fieldErrors })}
          ${this.#renderAlert(error, fieldErrors)}
          ${this.#renderSubmit(busy, msg('Sign in'), msg('Signing in…'))}
        </form>
      </div>
    `;
  }

  #renderChangePassword(me: MeView): TemplateResult {
    const busy = this.busy === 'change-password';
    const error = this.actionError;
    const fieldErrors = fieldMessages(error);
    return html`
      <div part="card">
        <form part="form" @submit=${this.#onChangePassword}>
          <h2 id="change-password-title" part="title">${msg('Choose a new password')}</h2>
          <p part="intro">
            ${msg(str`${me.user.displayName}, you signed in with a temporary password. Choose your own password to continue.`)}
          </p>
          ${this.#renderField({ id: 'current-password', label: msg('Temporary password'), type: 'password', autocomplete: 'current-password', busy, fieldErrors })}
          ${this.#renderField({
            id: 'new-password',
            label: msg('New password'),
            type: 'password',
            autocomplete: 'new-password',
            busy,
            fieldErrors,
            minlength: 10,
            hint: msg('At least 10 characters, mixing letters with a digit or symbol.'),
          })}
          ${this.#renderAlert(error, fieldErrors)}
          <div part="actions">
            ${this.#renderSubmit(busy, msg('Change password'), msg('Changing password…'))}
            <button type="button" part="button sign-out" @click=${this.#onSignOut}>${msg('Sign out')}</button>
          </div>
        </form>
      </div>
    `;
  }

  #renderSignedIn(me: MeView): TemplateResult {
    const roles = me.roles.map(roleName).join(', ') || msg('No admin role');
    return html`
      <div part="card">
        <h2 id="signed-in-title" part="title" tabindex="-1">${msg('Signed in')}</h2>
        <div part="user">
          <span part="avatar" aria-hidden="true">${initials(me.user.displayName)}</span>
          <div>
            <p part="name">${me.user.displayName}</p>
            <p part="email">${me.user.email}</p>
          </div>
        </div>
        <dl part="details" class="pairs">
          <div><dt>${msg('Company')}</dt><dd>${me.company.name}</dd></div>
          <div><dt>${msg('Roles')}</dt><dd>${roles}</dd></div>
          ${me.company.kind === 'partner'
            ? html`<div><dt>${msg('Partner access')}</dt><dd>${accessName({ id: me.partnerAccess })}</dd></div>`
            : nothing}
        </dl>
        <div part="actions">
          ${busyButton('sign-out', msg('Sign out'), this.busy === 'sign-out' && msg('Signing out…'), this.#onSignOut)}
        </div>
      </div>
    `;
  }

  #renderLoading(): TemplateResult {
    return html`
      <div part="card" aria-busy="true">${loadingLine(msg('Checking your session…'))}</div>
    `;
  }

  #renderLoadError(error: unknown): TemplateResult {
    return html`
      <div part="card">
        <h2 id="load-error-title" part="title">${msg('Could not load your account')}</h2>
        <div part="error" role="alert" class="shown">${errorText(error)}</div>
        <div part="actions">
          <button type="button" part="button primary" @click=${() => this.#me.run()}>${msg('Try again')}</button>
          <button type="button" part="button sign-out" @click=${this.#onSignOut}>${msg('Sign out')}</button>
        </div>
      </div>
    `;
  }

  #renderField(field: {
    id: string;
    label: string;
    type: 'email' | 'password';
    autocomplete: string;
    busy: boolean;
    fieldErrors: Map<string, string[]>;
    minlength?: number;
    hint?: string;
  }): TemplateResult {
    const { busy, fieldErrors, ...rest } = field;
    return textField({ ...rest, required: true, readonly: busy, messages: fieldErrors.get(field.id) });
  }

  #renderAlert(error: unknown, fieldErrors: Map<string, string[]>): TemplateResult {
    return errorAlert(error, (path) => (fieldErrors.has(fieldPaths[path] ?? '') ? path : undefined));
  }

  #renderSubmit(busy: boolean, label: string, busyLabel: string): TemplateResult {
    return busyButton('primary submit', label, busy && busyLabel);
  }

  #onSignIn = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    await this.#act('sign-in', async () => {
      const session = await this.client.signIn(String(data.get('email') ?? '').trim(), String(data.get('password') ?? ''));
      await this.#startSession(session);
    });
  };

  #onChangePassword = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    await this.#act('change-password', async () => {
      const session = await this.client.changePassword(String(data.get('current-password') ?? ''), String(data.get('new-password') ?? ''));
      await this.#startSession(session);
    });
  };

  #onSignOut = async () => {
    if (this.busy) return;
    this.busy = 'sign-out';
    try {
      await this.client.signOut();
    } catch {
      // Already expired or revoked (401), or the server is unreachable: the token is dropped
      // below either way, and it never left memory, so the session ends here.
    } finally {
      this.busy = null;
    }
    this.actionError = null;
    this.token = null;
    this.#focusAfterUpdate = 'email';
    this.dispatchEvent(partnerEvent('partner-signed-out', {}));
  };

  /** Runs a form action with its busy state; a failure goes to the alert region. */
  async #act(busy: Exclude<Busy, null>, action: () => Promise<void>) {
    this.busy = busy;
    this.actionError = null;
    try {
      await action();
    } catch (error) {
      this.actionError = toApiError(error);
    } finally {
      this.busy = null;
    }
  }

  /** Adopts a new session's token, announces it, and waits until /api/me has answered for it. */
  async #startSession(session: SessionView) {
    // Inside <partner-session> the provider takes the token from the event and hands every
    // widget a new client; on our own we keep it.
    if (!this.sessionClient) this.token = session.token;
    this.dispatchEvent(partnerEvent('partner-signed-in', session));
    await this.updateComplete;
    const me = await this.#me.taskComplete.catch(() => null);
    this.#focusAfterUpdate = me?.passwordChangeRequired ? 'current-password' : 'signed-in';
  }
}

/** Server messages per form field, from `details[].path` (e.g. `body.newPassword`). */
function fieldMessages(error: unknown): Map<string, string[]> {
  return messagesByField(error, (path) => fieldPaths[path]);
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? (words.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

export const partnerSignInTag = 'partner-sign-in';
if (!customElements.get(partnerSignInTag)) customElements.define(partnerSignInTag, PartnerSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'partner-sign-in': PartnerSignIn;
  }
}

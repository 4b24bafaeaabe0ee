/**
 * What `<partner-customer-detail>`'s dialog shows: the forms that request delegated admin, add a
 * user, open a service request and confirm a password reset, and the one-time password after.
 * The element keeps the state (which dialog, busy, the last error) and runs the requests; these
 * templates only show it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { DelegationView, ServiceRequestView, UserView } from '../api/client.ts';
import { busyButton } from '../busy.ts';
import type { CopyResult } from '../copy-text.ts';
import { severityLabels } from '../customer-states.ts';
import { levelLabel } from '../level-texts.ts';
import { errorAlert, fieldMessages } from '../error-messages.ts';
import { msg, str } from '../localize.ts';
import { selectField } from '../select-field.ts';
import { temporaryPasswordView } from '../temporary-password.ts';
import { css } from '../styles/css.ts';
import { offerControls } from '../styles/offer-controls.ts';
import { fieldError, textField } from '../text-field.ts';

/** The styles of the dialogs' own controls (the segmented level choice, the description); nothing else in the detail uses them. */
export const styles = [
  offerControls,
  css`
    textarea[part~='input'] {
      resize: vertical;
    }

    fieldset [part~='hint'] {
      margin-top: calc(var(--_space) * 0.5);
    }

    /* A long level name ("Eingeschränkte Administration") breaks inside its word rather than overflow. */
    [part~='segment'] {
      overflow-wrap: anywhere;
      hyphens: auto;
    }

    /*
     * Too narrow for the two levels side by side (a phone: at 390 px the German names broke inside
     * their words, "Administratio/n"): one above the other.
     */
    @media (max-width: 26rem) {
      [part~='segmented'] {
        grid-auto-flow: row;
        width: 100%;
      }

      [part~='segment'] + [part~='segment'] {
        border-inline-start: 0;
        border-top: 1px solid var(--_color-input-border);
      }
    }
  `,
];

export type Level = NonNullable<DelegationView['level']>;
export type Severity = ServiceRequestView['severity'];

export type Dialog =
  | { kind: 'delegation' }
  | { kind: 'user' }
  | { kind: 'request' }
  | { kind: 'reset'; user: UserView }
  | { kind: 'password'; user: UserView; password: string; reason: 'created' | 'reset' };

export interface DialogState {
  /** The customer's name. */
  name: string;
  /** The last action's failure: beside its field, or in the alert. */
  error: unknown;
  /** Rewords an error for this customer (its 403s). */
  explain: (error: unknown) => unknown;
  /** A request runs: the fields are read-only and the submit button says so. */
  busy: boolean;
  /** The level chosen in the delegation request, which its hint explains. */
  level: Level | null;
  onLevel: (level: Level) => void;
  /** How the temporary password's copy went. */
  copied: CopyResult | null;
  onCopied: (result: CopyResult) => void;
  /** Cancel and Done. */
  onCancel: () => void;
  onRequestDelegation: (event: SubmitEvent) => unknown;
  onCreateUser: (event: SubmitEvent) => unknown;
  onCreateRequest: (event: SubmitEvent) => unknown;
  onReset: (event: SubmitEvent, user: UserView) => unknown;
}

const severities: readonly Severity[] = ['low', 'normal', 'high', 'critical'];
/** What each level lets the partner do, told to the partner (GET /api/roles words it for the customer). */
const levelDescriptions: Record<Level, () => string> = {
  full: () => msg('You act as its global admin: users and admin roles, subscriptions, service requests, company information.'),
  limited: () => msg('You act as its password admin: read users, reset passwords of users without admin roles, open service requests.'),
};
/** The dialogs' fields whose server messages (`details[].path`) are shown beside them. */
const fieldPaths: Record<string, string> = {
  'body.level': 'level',
  'body.expiresInDays': 'days',
  'body.displayName': 'display-name',
  'body.email': 'email',
  'body.title': 'title',
  'body.description': 'description',
  'body.severity': 'severity',
};

/** The content of the `<dialog>` for `dialog`; its heading has the id `dialog-title`. */
export function customerDialog(dialog: Dialog, s: DialogState): TemplateResult {
  const { name, busy } = s;
  const errors = fieldMessages(s.error, (path) => fieldPaths[path]);
  const alert = errorAlert(s.explain(s.error), (path) => fieldPaths[path]);
  const submit = (label: string, busyLabel: string, variant = 'primary') => busyButton(variant, label, busy && busyLabel);
  const cancel = html`<button type="button" part="button" @click=${s.onCancel}>${msg('Cancel')}</button>`;
  switch (dialog.kind) {
    case 'delegation':
      return html`
        <form part="form" @submit=${s.onRequestDelegation}>
          <h2 id="dialog-title" part="title">${msg(str`Request delegated admin from ${name}`)}</h2>
          <p part="intro">${msg(str`You get a link to send to a global admin of ${name}, who accepts or declines.`)}</p>
          <fieldset aria-describedby="level-hint">
            <legend>${msg('Level')}</legend>
            <div part="segmented">
              ${(['full', 'limited'] as const).map(
                (l) => html`
                  <label part="segment">
                    <input type="radio" name="level" value=${l} required .checked=${s.level === l} @change=${() => s.onLevel(l)} />
                    ${levelLabel(l)}
                  </label>
                `,
              )}
            </div>
            <p part="hint" id="level-hint">${s.level ? levelDescriptions[s.level]() : msg('Choose how much the customer lets you do.')}</p>
            ${fieldError('level', errors.get('level'))}
          </fieldset>
          ${textField({ id: 'days', name: 'expiresInDays', label: msg('Days to answer (optional)'), type: 'number', min: '1', max: '90', hint: msg('1 to 90; empty: 90 days.'), readonly: busy, messages: errors.get('days') })}
          ${alert}
          <div part="actions">${submit(msg('Request'), msg('Requesting…'))} ${cancel}</div>
        </form>
      `;
    case 'user':
      return html`
        <form part="form" @submit=${s.onCreateUser}>
          <h2 id="dialog-title" part="title">${msg(str`Add a user to ${name}`)}</h2>
          <p part="intro">${msg('The user gets no admin role; a temporary password is shown once when they are added.')}</p>
          ${textField({ id: 'display-name', name: 'displayName', label: msg('Display name'), required: true, maxlength: 200, readonly: busy, messages: errors.get('display-name') })}
          ${textField({ id: 'email', label: msg('Email'), type: 'email', required: true, maxlength: 320, readonly: busy, messages: errors.get('email') })}
          ${alert}
          <div part="actions">${submit(msg('Add user'), msg('Adding…'))} ${cancel}</div>
        </form>
      `;
    case 'request':
      return html`
        <form part="form" @submit=${s.onCreateRequest}>
          <h2 id="dialog-title" part="title">${msg(str`New service request for ${name}`)}</h2>
          ${textField({ id: 'title', label: msg('Title'), required: true, maxlength: 200, readonly: busy, messages: errors.get('title') })}
          <div part="field">
            <label part="label" for="description">${msg('Description')}</label>
            <textarea
              part="input"
              id="description"
              name="description"
              rows="5"
              required
              maxlength="10000"
              ?readonly=${busy}
              aria-invalid=${errors.has('description') ? 'true' : nothing}
              aria-describedby=${errors.has('description') ? 'description-error' : nothing}
            ></textarea>
            ${fieldError('description', errors.get('description'))}
          </div>
          ${selectField('severity', msg('Severity'), severities.map((v) => [v, severityLabels[v]()]), 'normal')}
          ${alert}
          <div part="actions">${submit(msg('Open request', { id: 'service-request-submit', desc: 'Button: opens a new service request' }), msg('Opening…'))} ${cancel}</div>
        </form>
      `;
    case 'reset':
      return html`
        <form part="form" @submit=${(e: SubmitEvent) => s.onReset(e, dialog.user)}>
          <h2 id="dialog-title" part="title">${msg(str`Reset the password of ${dialog.user.displayName}?`)}</h2>
          <p part="intro">
            ${msg(str`${dialog.user.displayName} (${dialog.user.email}) is signed out everywhere and gets a temporary password, which you pass on. The reset is recorded in ${name}’s audit trail.`)}
          </p>
          ${alert}
          <div part="actions">${submit(msg('Reset password'), msg('Resetting…'), 'danger')} ${cancel}</div>
        </form>
      `;
    case 'password':
      return temporaryPasswordView({ ...dialog, copied: s.copied, onCopied: s.onCopied, onDone: s.onCancel });
  }
}

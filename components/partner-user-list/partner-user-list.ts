import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiElement } from '../api/api-element.ts';
import type { ApiClient, MeView, RolesView, UserUpdate, UserView } from '../api/client.ts';
import { busyButton, loadingLine } from '../busy.ts';
import { errorAlert, fieldMessages, retryAlert, toApiError } from '../error-messages.ts';
import { partnerEvent } from '../events.ts';
import { fieldError, textField } from '../text-field.ts';
import { PagedList, pagedView } from '../paged-list.ts';
import { SearchController } from '../search-controller.ts';
import type { CopyResult } from '../copy-text.ts';
import { loadElement } from '../load-element.ts';
import { onDemandPart } from '../load-part.ts';
import { OnDemand } from '../on-demand.ts';
import type { PartnerRolePicker, RolePickerValue } from '../partner-role-picker/partner-role-picker.ts';
import { controls } from '../styles/controls.ts';
import { tokens } from '../styles/tokens.ts';
import styles from './partner-user-list.styles.ts';
import { msg, str } from '../localize.ts';
import { accessName, inCatalogue, roleName } from '../role-names.ts';
import { ofName } from '../of-name.ts';
import { formatNumber, plural } from '../numbers.ts';

/** Who is signed in, what they may do, and the roles table: what the list needs before it can show users. */
interface Setup {
  client: ApiClient;
  me: MeView;
  roles: RolesView;
  can: (permission: string) => boolean;
}

type Editor =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserView; access: RolePickerValue }
  | { kind: 'reset'; user: UserView }
  | { kind: 'password'; user: UserView; temporaryPassword: string; reason: 'created' | 'reset' };

/** The dialog's fields whose server messages (`details[].path`) are shown beside them. */
const fieldPaths: Record<string, string> = {
  'body.displayName': 'display-name',
  'body.email': 'email',
  'body.companyRoles': 'access',
  'body.partnerAccess': 'access',
  'body.disabled': 'disabled',
};

/** The same rule as the BFF: any admin role or partner access makes a user an admin, whom only a global admin manages. */
function isAdmin(user: Pick<UserView, 'companyRoles' | 'partnerAccess'>): boolean {
  return user.companyRoles.length > 0 || user.partnerAccess !== 'none';
}

const sameRoles = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((r) => b.includes(r));

/**
 * The status line under the search once the users are in: how many are shown, whether more can be
 * loaded, and what they match. Whole sentences, so that each language can order them its own way.
 */
function usersSummary(n: number, more: boolean, query: string): string {
  const count = formatNumber(n);
  if (n === 0) return query ? msg(str`No users match “${query}”.`) : msg('No users yet.');
  if (query && more) {
    return plural(n, {
      one: () => msg(str`${count} user, more to load matching “${query}”.`),
      other: () => msg(str`${count} users, more to load matching “${query}”.`),
    });
  }
  if (query) return plural(n, { one: () => msg(str`${count} user matching “${query}”.`), other: () => msg(str`${count} users matching “${query}”.`) });
  if (more) return plural(n, { one: () => msg(str`${count} user, more to load.`), other: () => msg(str`${count} users, more to load.`) });
  return plural(n, { one: () => msg(str`${count} user.`), other: () => msg(str`${count} users.`) });
}

/**
 * The users of the signed-in user's company: search (by name or email), paging, and — as far as
 * the signed-in user's permissions reach — adding users, editing them (name, admin roles and
 * partner access with `<partner-role-picker>`, disabling) and resetting passwords. A new or
 * reset temporary password is shown once, with a copy button. Controls the signed-in user may
 * not use are not shown; the BFF checks everything again.
 *
 * Uses `<partner-session>`'s client, or its own `api-base` and `token`.
 *
 * @fires partner-user-created - A user was added. `detail`: the user.
 * @fires partner-user-updated - A user was edited (name, roles, access, disabled). `detail`: the user.
 * @fires partner-password-reset - A user's password was reset. `detail`: `{ user }`.
 *
 * @csspart card - The box around the widget.
 * @csspart header - Title and "Add user".
 * @csspart title - The widget's heading and the dialog's heading.
 * @csspart search - The search form.
 * @csspart list - The list of users.
 * @csspart row - One user: identity (with badges), access, actions (a card on narrow widths).
 * @csspart name - A user's display name.
 * @csspart email - A user's email.
 * @csspart access - A user's admin role and partner access.
 * @csspart badges - A user's "Disabled" and "Must change password" badges.
 * @csspart badge - "You", "Disabled", "Must change password"; also `disabled-badge`, `temporary-badge`.
 * @csspart row-actions - A user's buttons.
 * @csspart more - The "Load more" button.
 * @csspart status - The loading line and result count.
 * @csspart dialog - The add, edit, reset and password dialog.
 * @csspart form - The dialog's form.
 * @csspart field - A label with its input and messages.
 * @csspart label - A field's label.
 * @csspart input - A text input.
 * @csspart hint - Help text.
 * @csspart field-error - A server message about one field.
 * @csspart error - The alert region with the server's message.
 * @csspart actions - A row of buttons.
 * @csspart button - Every button; also `primary`, `danger`, `add`, `edit`, `reset`, `copy`.
 * @csspart role-picker - The `<partner-role-picker>` in the dialog (style it further through its own parts).
 * @csspart temporary-password - The one-time password.
 * @csspart once-note - "Shown once" note under the password.
 *
 * @cssprop [--partner-font-family=system-ui, …] - Font.
 * @cssprop [--partner-font-size=1rem] - Base font size.
 * @cssprop [--partner-radius=8px] - Corner radius.
 * @cssprop [--partner-space=1rem] - Spacing unit.
 * @cssprop [--partner-density=1] - Scales every gap and padding (0.75 compact, 1.25 roomy).
 * @cssprop [--partner-color-text=#1f2328] - Text.
 * @cssprop [--partner-color-muted=#59636e] - Secondary text.
 * @cssprop [--partner-color-surface=#ffffff] - Card, dialog and input background.
 * @cssprop [--partner-color-surface-alt=#f6f8fa] - Badges and read-only inputs.
 * @cssprop [--partner-color-border=#d1d9e0] - Borders and row dividers.
 * @cssprop [--partner-color-input-border=#6e7781] - Input and button border.
 * @cssprop [--partner-color-accent=#0969da] - Primary buttons.
 * @cssprop [--partner-color-on-accent=#ffffff] - Text on the accent color.
 * @cssprop [--partner-color-focus=#0969da] - Focus ring.
 * @cssprop [--partner-color-danger=#b42318] - Errors, "Disabled" and the reset button.
 * @cssprop [--partner-color-danger-surface=#fef3f2] - Error background.
 * @cssprop [--partner-shadow=0 1px 3px rgb(31 35 40 / 0.12)] - Card shadow.
 */
export class PartnerUserList extends ApiElement {
  static override styles = [tokens, controls, styles];
  static override properties: PropertyDeclarations = {
    pageSize: { type: Number, attribute: 'page-size' },
    editor: { state: true },
    busy: { state: true },
    actionError: { state: true },
    copyStatus: { state: true },
  };

  /** How many users a page holds (1–100). */
  pageSize = 25;

  private editor: Editor | null = null;
  private busy = false;
  private actionError: unknown = null;
  private copyStatus: CopyResult | null = null;

  readonly #search = new SearchController(this);
  /** Loaded with the first dialog that shows it (dist/elements; the bundle has it at once). */
  readonly #picker = new OnDemand(this, () => customElements.get('partner-role-picker'), () => loadElement('partner-role-picker'));
  /** The one-time password's view, loaded with the first request that yields one. */
  readonly #passwordView = onDemandPart(this, 'temporary-password');
  #focusAfterUpdate: string | null = null;

  /** The signed-in user, their permissions and the roles table; null when there is no session. */
  readonly #setup = new Task(this, {
    args: () => [this.client] as const,
    task: async ([client], { signal }): Promise<Setup | null> => {
      // Another session (sign-out, another user): nothing of the previous one stays on screen.
      this.#users.clear();
      this.editor = null;
      if (!client.hasCredentials) return null;
      const [me, roles] = await Promise.all([client.me({ signal }), client.roles({ signal })]);
      const granted = new Set(me.permissions);
      return { client, me, roles, can: (permission) => granted.has(permission) };
    },
  });

  /** The users for the current search, page by page. A newer search aborts an older one and wins. */
  readonly #users = new PagedList<UserView, readonly [Setup | null | undefined, string, number]>(
    this,
    () => [this.#setup.value, this.#search.query, this.pageSize] as const,
    ([setup, q, limit], cursor, signal) => (setup?.can('users:read') ? setup.client.users({ q: q || undefined, cursor, limit }, { signal }) : initialState),
  );

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#users.abort();
  }

  protected override render() {
    const { status, value, error } = this.#setup;
    if (!this.client.hasCredentials || (status === TaskStatus.COMPLETE && !value)) {
      return this.#renderCard(html`<p part="intro">${msg('Sign in to see your company’s users.')}</p>`);
    }
    if (status === TaskStatus.ERROR) {
      return this.#renderCard(retryAlert(error, () => this.#setup.run(), 'primary'));
    }
    if (!value) return this.#renderCard(loadingLine(msg('Loading users…')));
    if (!value.can('users:read')) {
      const company = value.me.company.name;
      return this.#renderCard(html`<p part="intro">${msg(str`Your role does not include seeing the users of ${company}. Ask a global admin if you need it.`)}</p>`);
    }
    return html`
      ${this.#renderCard(html`
        ${this.#renderSearch()} ${this.#renderResults(value)}
      `, value.can('users:manage'))}
      ${this.#renderDialog(value)}
    `;
  }

  #renderCard(content: TemplateResult, canCreate = false): TemplateResult {
    return html`
      <section part="card" aria-labelledby="users-title">
        <div part="header">
          <h2 id="users-title" part="title">${msg('Users')}</h2>
          ${canCreate
            ? html`<button type="button" part="button primary add" @click=${() => this.#open({ kind: 'create' }, 'display-name')}>${msg('Add user')}</button>`
            : nothing}
        </div>
        ${content}
      </section>
    `;
  }

  #renderSearch(): TemplateResult {
    return html`<form part="search" role="search" @submit=${this.#search.submit}>${this.#search.field(msg('Search by name or email'))}</form>`;
  }

  #renderResults(setup: Setup): TemplateResult {
    const list = this.#users;
    const n = list.items.length;
    const query = this.#search.query;
    return pagedView(list, 'users-title', msg('Loading users…'), usersSummary(n, !!list.nextCursor, query), (u) => this.#renderRow(setup, u), 'list', undefined, msg('Searching…'));
  }

  #renderRow(setup: Setup, user: UserView): TemplateResult {
    const self = user.id === setup.me.user.id;
    const manage = isAdmin(user) ? 'users:manage-admins' : 'users:manage';
    const canEdit = self || setup.can(manage);
    const canReset = !self && setup.can(isAdmin(user) ? 'users:manage-admins' : 'users:reset-password');
    const partner = setup.me.company.kind === 'partner';
    return html`
      <li part="row">
        <div part="identity">
          <span part="name">${user.displayName}</span>
          ${self ? html`<span part="badge">${msg('You', { desc: 'Badge beside your own name' })}</span>` : nothing}
          <span part="email">${user.email}</span>
          ${user.disabled || user.passwordTemporary
            ? html`<span part="badges">
                ${user.disabled ? html`<span part="badge disabled-badge">${msg('Disabled')}</span>` : nothing}
                ${user.passwordTemporary ? html`<span part="badge temporary-badge">${msg('Must change password')}</span>` : nothing}
              </span>`
            : nothing}
        </div>
        <dl part="access" class="pairs">
          ${this.#renderAccess(setup, user, partner)}
        </dl>
        <div part="row-actions">
          ${canEdit
            ? html`<button type="button" part="button edit" @click=${() => this.#open({ kind: 'edit', user, access: { companyRoles: [...user.companyRoles], partnerAccess: user.partnerAccess } }, 'display-name')}>
                ${msg('Edit')}<span class="visually-hidden"> ${user.displayName}</span>
              </button>`
            : nothing}
          ${canReset
            ? html`<button type="button" part="button reset" @click=${() => this.#open({ kind: 'reset', user }, 'confirm-reset')}>
                ${msg('Reset password')}${ofName(user.displayName)}
              </button>`
            : nothing}
        </div>
      </li>
    `;
  }

  #roleLabels(roles: RolesView, user: Pick<UserView, 'companyRoles'>): string {
    return user.companyRoles.map((id) => roleName(inCatalogue(roles.companyRoles, id))).join(', ') || msg('None', { id: 'admin-role-none', desc: 'No admin role' });
  }

  /** A user's admin role and, in a partner company, partner access: the pairs of a `<dl class="pairs">`. */
  #renderAccess(setup: Setup, user: UserView, partner: boolean): TemplateResult {
    return html`
      <div><dt>${msg('Admin role')}</dt><dd>${this.#roleLabels(setup.roles, user)}</dd></div>
      ${partner ? html`<div><dt>${msg('Partner access')}</dt><dd>${this.#accessLabel(setup.roles, user)}</dd></div>` : nothing}
    `;
  }

  #accessLabel(roles: RolesView, user: Pick<UserView, 'partnerAccess'>): string {
    return accessName(inCatalogue(roles.partnerAccess, user.partnerAccess));
  }

  // ---- the dialog -------------------------------------------------------------------------

  #renderDialog(setup: Setup): TemplateResult {
    const editor = this.editor;
    let content: TemplateResult | typeof nothing = nothing;
    if (editor?.kind === 'create') content = this.#renderCreate(setup);
    else if (editor?.kind === 'edit') content = this.#renderEdit(setup, editor.user, editor.access);
    else if (editor?.kind === 'reset') content = this.#renderReset(editor.user);
    else if (editor?.kind === 'password') {
      // Loaded with the request that made the password; only a failed load leaves it missing.
      const view = this.#passwordView.value;
      content = view
        ? view.temporaryPasswordView({
            user: editor.user,
            password: editor.temporaryPassword,
            reason: editor.reason,
            copied: this.copyStatus,
            onCopied: (result) => (this.copyStatus = result),
            onDone: this.#close,
          })
        : this.#passwordView.placeholder();
    }
    return html`
      <dialog part="dialog" aria-labelledby="dialog-title" @cancel=${this.#onDialogCancel} @close=${this.#onDialogClose}>
        ${content}
      </dialog>
    `;
  }

  #renderCreate(setup: Setup): TemplateResult {
    const errors = this.#fieldErrors();
    return html`
      <form part="form" @submit=${this.#onCreate}>
        <h2 id="dialog-title" part="title">${msg('Add a user')}</h2>
        ${this.#renderField({ id: 'display-name', name: 'displayName', label: msg('Display name'), errors })}
        ${this.#renderField({ id: 'email', name: 'email', label: msg('Email'), type: 'email', errors })}
        ${setup.can('users:manage-admins')
          ? this.#renderPicker(setup, { companyRoles: [], partnerAccess: 'none' }, errors)
          : html`<p part="hint">${msg('New users get no admin role or partner access; a global admin can give them one.')}</p>`}
        ${errorAlert(this.actionError, (p) => (errors.has(fieldPaths[p] ?? '') ? p : undefined))}
        <div part="actions">
          ${this.#renderSubmit(msg('Create user'), msg('Creating…'))}
          ${this.#renderCancel()}
        </div>
      </form>
    `;
  }

  #renderEdit(setup: Setup, user: UserView, access: RolePickerValue): TemplateResult {
    const errors = this.#fieldErrors();
    const self = user.id === setup.me.user.id;
    const canManage = setup.can(isAdmin(user) ? 'users:manage-admins' : 'users:manage');
    return html`
      <form part="form" @submit=${(e: SubmitEvent) => this.#onEdit(e, setup, user)}>
        <h2 id="dialog-title" part="title">${msg(str`Edit ${user.displayName}`)}</h2>
        <p part="intro">${user.email}</p>
        ${this.#renderField({ id: 'display-name', name: 'displayName', label: msg('Display name'), errors, value: user.displayName })}
        ${setup.can('users:manage-admins')
          ? this.#renderPicker(setup, access, errors)
          : html`
              <dl part="access" class="pairs">${this.#renderAccess(setup, user, setup.me.company.kind === 'partner')}</dl>
              <p part="hint">${msg('Only a global admin changes admin roles and partner access.')}</p>
            `}
        ${canManage && !self
          ? html`
              <div part="field checkbox-field">
                <input part="checkbox" type="checkbox" id="disabled" name="disabled" ?checked=${user.disabled} aria-describedby="disabled-hint" />
                <label part="label" for="disabled">${msg('Account disabled')}</label>
                <p part="hint" id="disabled-hint">${msg('A disabled user cannot sign in, and their sessions end at once.')}</p>
              </div>
            `
          : nothing}
        ${errorAlert(this.actionError, (p) => (errors.has(fieldPaths[p] ?? '') ? p : undefined))}
        <div part="actions">
          ${this.#renderSubmit(msg('Save changes'), msg('Saving…'))}
          ${this.#renderCancel()}
        </div>
      </form>
    `;
  }

  #renderReset(user: UserView): TemplateResult {
    return html`
      <form part="form" @submit=${(e: SubmitEvent) => this.#onReset(e, user)}>
        <h2 id="dialog-title" part="title">${msg(str`Reset the password of ${user.displayName}?`)}</h2>
        <p part="intro">
          ${msg(str`${user.displayName} (${user.email}) is signed out everywhere and gets a temporary password, which you pass on. At the next sign-in they choose a new password.`)}
        </p>
        ${errorAlert(this.actionError)}
        <div part="actions">
          ${this.#renderSubmit(msg('Reset password'), msg('Resetting…'), 'confirm-reset', 'danger')}
          ${this.#renderCancel()}
        </div>
      </form>
    `;
  }

  #renderPicker(setup: Setup, access: RolePickerValue, errors: Map<string, string[]>): TemplateResult {
    const messages = errors.get('access') ?? [];
    // Until it is here, a submit keeps the access as it is (a new user: none), as the picker starts.
    if (!this.#picker.value) {
      return html`<div part="field">${this.#picker.placeholder(msg('Loading roles…'))}</div>`;
    }
    return html`
      <div part="field">
        <partner-role-picker
          part="role-picker"
          id="access"
          name="access"
          .roles=${setup.roles}
          company-kind=${setup.me.company.kind}
          .value=${access}
          aria-describedby=${messages.length ? 'access-error' : nothing}
        ></partner-role-picker>
        ${fieldError('access', messages)}
      </div>
    `;
  }

  #renderField(field: { id: string; name: string; label: string; type?: 'text' | 'email'; errors: Map<string, string[]>; value?: string }): TemplateResult {
    const { errors, ...rest } = field;
    return textField({ ...rest, required: true, maxlength: field.type === 'email' ? 320 : 200, readonly: this.busy, messages: errors.get(field.id) });
  }

  #renderSubmit(label: string, busyLabel: string, id = 'submit', variant = 'primary'): TemplateResult {
    return busyButton(`${variant} submit`, label, this.busy && busyLabel, undefined, id);
  }

  #renderCancel(): TemplateResult {
    return html`<button type="button" part="button" @click=${this.#close}>${msg('Cancel')}</button>`;
  }

  /** Server messages beside their fields; a taken email is about the email field too. */
  #fieldErrors(): Map<string, string[]> {
    const errors = fieldMessages(this.actionError, (path) => fieldPaths[path]);
    const error = this.actionError;
    if (error && toApiError(error).code === 'email_taken') errors.set('email', [msg('Another user already has this email.')]);
    return errors;
  }

  protected override updated(changed: PropertyValues<this>) {
    super.updated(changed);
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && this.editor && !dialog.open) dialog.showModal();
    if (dialog && !this.editor && dialog.open) dialog.close();
    const target = this.#focusAfterUpdate;
    if (target && dialog?.open) {
      this.#focusAfterUpdate = null;
      const element = this.renderRoot.querySelector<HTMLElement>(`#${target}`);
      element?.focus();
      if (element instanceof HTMLInputElement && element.readOnly) element.select();
    }
  }

  #open(editor: Editor, focus: string) {
    if ((editor.kind === 'create' || editor.kind === 'edit') && this.#setup.value?.can('users:manage-admins')) void this.#picker.load();
    this.actionError = null;
    this.copyStatus = null;
    this.editor = editor;
    this.#focusAfterUpdate = focus;
  }

  #close = () => {
    if (this.busy) return;
    // Forget a temporary password the moment its dialog closes: it is shown once.
    this.editor = null;
    this.actionError = null;
    this.copyStatus = null;
  };

  #onDialogCancel = (event: Event) => {
    if (this.busy) event.preventDefault(); // Escape while a request runs: let it finish
  };

  #onDialogClose = () => {
    if (this.editor) this.#close();
  };

  /** Runs a dialog action with its busy state; a failure goes to the dialog's alert. */
  async #act(action: () => Promise<void>) {
    if (this.busy) return;
    this.busy = true;
    this.actionError = null;
    try {
      await action();
    } catch (error) {
      this.actionError = toApiError(error);
      void this.#focusFirstInvalid();
    } finally {
      this.busy = false;
    }
  }

  /** After a refusal, focus the first field the server named (else the alert is read out). */
  async #focusFirstInvalid() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('dialog [aria-invalid="true"], dialog partner-role-picker[aria-describedby]')?.focus();
  }

  #pickerElement(): PartnerRolePicker | null {
    return this.renderRoot.querySelector('partner-role-picker');
  }

  #onCreate = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const access = this.#pickerElement()?.value ?? { companyRoles: [], partnerAccess: 'none' };
    void this.#act(async () => {
      const setup = this.#setup.value!;
      const [created] = await Promise.all([
        setup.client.createUser({
          displayName: String(data.get('displayName') ?? '').trim(),
          email: String(data.get('email') ?? '').trim(),
          companyRoles: access.companyRoles,
          partnerAccess: access.partnerAccess,
        }),
        this.#passwordView.load(),
      ]);
      this.editor = { kind: 'password', user: created.user, temporaryPassword: created.temporaryPassword, reason: 'created' };
      this.#focusAfterUpdate = 'temporary-password';
      this.dispatchEvent(partnerEvent('partner-user-created', created.user));
      void this.#users.first.run(); // the new user takes its place in the sorted list
    });
  };

  #onEdit(event: SubmitEvent, setup: Setup, user: UserView) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const changes: UserUpdate = {};
    const displayName = String(data.get('displayName') ?? '').trim();
    if (displayName !== user.displayName) changes.displayName = displayName;
    const access = this.#pickerElement()?.value;
    if (access && !sameRoles(access.companyRoles, user.companyRoles)) changes.companyRoles = access.companyRoles;
    if (access && access.partnerAccess !== user.partnerAccess) changes.partnerAccess = access.partnerAccess;
    const disabled = form.querySelector<HTMLInputElement>('#disabled');
    if (disabled && disabled.checked !== user.disabled) changes.disabled = disabled.checked;
    if (Object.keys(changes).length === 0) {
      this.#close();
      return;
    }
    void this.#act(async () => {
      const updated = await setup.client.updateUser(user.id, changes);
      this.#users.replace(updated);
      this.editor = null;
      this.dispatchEvent(partnerEvent('partner-user-updated', updated));
    });
  }

  #onReset(event: SubmitEvent, user: UserView) {
    event.preventDefault();
    void this.#act(async () => {
      const [reset] = await Promise.all([this.#setup.value!.client.resetPassword(user.id), this.#passwordView.load()]);
      this.#users.replace(reset.user);
      this.editor = { kind: 'password', user: reset.user, temporaryPassword: reset.temporaryPassword, reason: 'reset' };
      this.#focusAfterUpdate = 'temporary-password';
      this.dispatchEvent(partnerEvent('partner-password-reset', { user: reset.user }));
    });
  }
}

export const partnerUserListTag = 'partner-user-list';
if (!customElements.get(partnerUserListTag)) customElements.define(partnerUserListTag, PartnerUserList);

declare global {
  interface HTMLElementTagNameMap {
    'partner-user-list': PartnerUserList;
  }
}

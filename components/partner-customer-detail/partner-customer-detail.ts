import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiElement } from '../api/api-element.ts';
import { ApiRequestError } from '../api/client.ts';
import type { ApiClient, AuditEntryView, CustomerDetail, CustomerListItem, RolesView, ServiceRequestView, UserView } from '../api/client.ts';
import { busyButton, loadingLine as loading } from '../busy.ts';
import type { CopyResult } from '../copy-text.ts';
import { delegationBadge } from '../customer-states.ts';
import { formatDate } from '../dates.ts';
import { errorAlert, errorText, retryAlert, toApiError } from '../error-messages.ts';
import { partnerEvent } from '../events.ts';
import { FocusAfterUpdate } from '../focus-after-update.ts';
import { onDemandPart } from '../load-part.ts';
import { msg, str } from '../localize.ts';
import { PagedList, pagedView } from '../paged-list.ts';
import { saveFile } from '../save-file.ts';
import { controls } from '../styles/controls.ts';
import { tokens } from '../styles/tokens.ts';
import type { Dialog, Level, Severity } from './customer-dialogs.ts';
import type * as Sections from './customer-sections.ts';
import styles from './partner-customer-detail.styles.ts';

const userPage = 25;
const shortPage = 10;

/** A 403 in words: the BFF's `no_delegation` says it already; other refusals get what they mean here. */
function explained(error: unknown, customer: string): ApiRequestError {
  const e = toApiError(error);
  if (e.status !== 403 || e.code === 'no_delegation') return e;
  return new ApiRequestError(
    403,
    // A code of its own: in German or Japanese, errorText() would show the words for `forbidden` instead of this sentence.
    'forbidden_in_customer',
    msg(str`Not allowed: in ${customer} you may do what your partner access allows, within the delegated administration ${customer} granted, and this is beyond it. (${errorText(e)})`),
    e.details,
  );
}

/**
 * One of the partner's customers: delegated administration (with "Request delegated admin",
 * which yields the consent link to send), subscriptions, and — as far as the delegation and the
 * signed-in user's partner access reach — its users (reset password, add user), service requests,
 * and the audit trail of what the partner did there (with a CSV download). Actions the user may
 * not take are not offered; a refusal from the BFF is shown in words, and the detail is loaded
 * again so that what is offered matches the rights that hold now.
 *
 * `<partner-customer-list>` shows it when a customer is opened; a page may also show it on its
 * own for a `customer-id`. `focus()` moves the focus to the customer's name. Uses
 * `<partner-session>`'s client, or its own `api-base` and `token`. How the sections show their
 * entries is loaded with the customer, the dialogs' forms with the first dialog opened
 * (dist/elements; the bundle has them at once).
 *
 * @fires partner-customer-loaded - The customer's detail was loaded, first or again after an action. `detail`: the customer.
 * @fires partner-delegation-requested - Delegated admin was requested. `detail`: the request, with the consent `url` to send.
 * @fires partner-password-reset - A customer's user's password was reset. `detail`: `{ user, customerId }`.
 * @fires partner-service-request-created - A service request was opened. `detail`: the service request.
 *
 * @slot back - Above the customer's name, e.g. the list's "Back to customers".
 *
 * @csspart card - The detail view; also `detail`.
 * @csspart title - The customer's name and the dialog's heading.
 * @csspart intro - The line under a heading, and explanations.
 * @csspart section - A part of the detail: delegated administration, subscriptions, users, service requests, audit trail.
 * @csspart header - A section's heading with its button.
 * @csspart section-title - A section's heading.
 * @csspart items - The list of a section; `item` is one entry, `name` its title, `meta` its details.
 * @csspart badge - A state: also `none`, `pending`, `active`, `expired`, `revoked`, `declined`, `trial`, `cancelled`, a severity, an outcome.
 * @csspart status - Loading lines, counts, copy confirmations.
 * @csspart more - A "Load more" button.
 * @csspart consent-url - The consent link of an open delegation request.
 * @csspart field - A label with its input and messages; `label`, `input`, `select`, `hint`, `field-error`.
 * @csspart error - An alert region with the server's message.
 * @csspart actions - A row of buttons.
 * @csspart button - Every button; also `primary`, `danger`, `copy`, `request`, `add`, `reset`, `new-request`, `download`.
 * @csspart dialog - The dialog of delegation requests, users, passwords and service requests; `form` inside it.
 * @csspart segmented - The level choice of a delegation request; `segment` is one level.
 * @csspart temporary-password - A one-time password; `once-note` the note under it.
 *
 * @cssprop [--partner-font-family=system-ui, …] - Font.
 * @cssprop [--partner-font-size=1rem] - Base font size.
 * @cssprop [--partner-radius=8px] - Corner radius.
 * @cssprop [--partner-space=1rem] - Spacing unit.
 * @cssprop [--partner-color-text=#1f2328] - Text.
 * @cssprop [--partner-color-muted=#59636e] - Secondary text, ended states.
 * @cssprop [--partner-color-surface=#ffffff] - Card, dialog and input background.
 * @cssprop [--partner-color-surface-alt=#f6f8fa] - Badges and read-only inputs.
 * @cssprop [--partner-color-border=#d1d9e0] - Borders and dividers.
 * @cssprop [--partner-color-input-border=#6e7781] - Input and button border.
 * @cssprop [--partner-color-accent=#0969da] - Primary buttons, pending and trial states.
 * @cssprop [--partner-color-on-accent=#ffffff] - Text on the accent color.
 * @cssprop [--partner-color-focus=#0969da] - Focus ring.
 * @cssprop [--partner-color-danger=#b42318] - Errors; revoked, declined and refused states; high severity.
 * @cssprop [--partner-color-danger-surface=#fef3f2] - Error background.
 * @cssprop [--partner-color-success=#1a7f37] - Active states.
 * @cssprop [--partner-color-success-surface=#dafbe1] - Active badges' background.
 * @cssprop [--partner-shadow=0 1px 3px rgb(31 35 40 / 0.12)] - Card shadow.
 */
export class PartnerCustomerDetail extends ApiElement {
  static override styles = [tokens, controls, styles];
  static override properties: PropertyDeclarations = {
    customerId: { attribute: 'customer-id' },
    customer: { attribute: false },
    roles: { attribute: false },
    detail: { state: true },
    dialog: { state: true },
    level: { state: true },
    busy: { state: true },
    actionError: { state: true },
    copied: { state: true },
    downloading: { state: true },
    downloadError: { state: true },
  };

  /** The customer to show. */
  customerId = '';

  /** The customer's list row, if the page has it: its name and dates show at once, before the detail loads. A property only. */
  customer: CustomerListItem | null = null;

  /** The roles table (`GET /api/roles`) for the users' role labels; loaded when not given. A property only. */
  roles: RolesView | null = null;

  private detail: CustomerDetail | null = null;
  private dialog: Dialog | null = null;
  private level: Level | null = null;
  private busy = false;
  private actionError: unknown = null;
  /** The last copy: which input, and how it went. */
  private copied: { id: string; result: CopyResult } | null = null;
  private downloading = false;
  private downloadError: unknown = null;
  /** The client the detail shown was loaded with. */
  #shownClient: ApiClient | undefined;

  readonly #focus = new FocusAfterUpdate(this);
  readonly #dialogs = onDemandPart(this, 'customer-dialogs');
  /**
   * How the sections show their entries: fetched while the customer is, so the entry a page loads
   * first carries only what shows before the detail is there (the element's budget, issue 15).
   */
  readonly #sections = onDemandPart(this, 'customer-sections');
  /** The consent link's field, loaded with a customer that has an open request, or with the request. */
  readonly #copyField = onDemandPart(this, 'copy-text');
  /** A dialog opened: its first field gets the focus once its form is here. */
  #focusDialog = false;

  readonly #loadedRoles = new Task(this, {
    args: () => [this.roles ? undefined : this.client] as const,
    task: ([client], { signal }) => (client?.hasCredentials ? client.roles({ signal }) : initialState),
  });

  readonly #detailTask = new Task(this, {
    args: () => [this.client, this.customerId] as const,
    task: async ([client, id], { signal }) => {
      if (!client.hasCredentials || !id) return initialState;
      const [detail, sections] = await Promise.all([client.customer(id, { signal }), this.#sections.load()]);
      if (!sections) throw this.#sections.error;
      if (detail.pendingRequest) await this.#copyField.load();
      return detail;
    },
    onComplete: (detail) => {
      this.detail = detail;
      this.dispatchEvent(partnerEvent('partner-customer-loaded', detail));
    },
  });

  readonly #users = new PagedList<UserView, readonly [ApiClient, string | undefined]>(
    this,
    () => [this.client, this.#can('users:read') ? this.detail?.id : undefined] as const,
    ([client, id], cursor, signal) => (id ? client.customerUsers(id, { cursor, limit: userPage }, { signal }) : initialState),
  );

  readonly #requests = new PagedList<ServiceRequestView, readonly [ApiClient, string | undefined]>(
    this,
    () => [this.client, this.#can('service-requests:manage') ? this.detail?.id : undefined] as const,
    ([client, id], cursor, signal) => (id ? client.serviceRequests(id, { cursor, limit: shortPage }, { signal }) : initialState),
  );

  readonly #audit = new PagedList<AuditEntryView, readonly [ApiClient, string | undefined]>(
    this,
    () => [this.client, this.detail?.id] as const,
    ([client, id], cursor, signal) => (id ? client.customerAudit(id, { cursor, limit: shortPage }, { signal }) : initialState),
  );

  /** Focuses the customer's name, where a reader starts (e.g. right after opening it from a list). */
  override focus(options?: FocusOptions) {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus(options));
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    for (const list of [this.#users, this.#requests, this.#audit]) list.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // Another customer or another session: nothing of the previous one stays on screen.
    if (changed.has('customerId') || this.client !== this.#shownClient) {
      this.#shownClient = this.client;
      this.renderRoot.querySelector('dialog')?.close();
      this.detail = this.dialog = this.copied = this.downloadError = null;
    }
  }

  #can(permission: string): boolean {
    return this.detail?.permissions.includes(permission) ?? false;
  }

  /** Errors get their 403s explained for this customer. */
  #explain = (error: unknown) => (error ? explained(error, (this.detail ?? this.#row)?.name ?? msg('this customer', { desc: 'In place of a company name' })) : error);

  /** The list row given for this customer, if any. */
  get #row(): CustomerListItem | null {
    return this.customer?.id === this.customerId ? this.customer : null;
  }

  protected override render() {
    const detail = this.detail;
    const sections = this.#sections.value;
    const c = detail ?? this.#row;
    const { status, error } = this.#detailTask;
    return html`
      <section part="card detail" aria-labelledby="detail-title">
        <slot name="back"></slot>
        <div>
          <h2 id="detail-title" part="title" tabindex="-1">${c?.name ?? msg('Customer')}</h2>
          ${c
            ? html`<p part="intro">
                ${[c.domain, msg(str`customer since ${formatDate(c.since)}`), c.isAdvisor ? msg('you are its subscription advisor') : ''].filter(Boolean).join(' \u00b7 ')}
              </p>`
            : nothing}
        </div>
        ${!this.client.hasCredentials
          ? html`<p part="intro">${msg('Sign in to see this customer.')}</p>`
          : status === TaskStatus.ERROR && !detail
            ? retryAlert(this.#explain(error), () => this.#detailTask.run())
            : detail && sections
              ? html`
                  ${this.#renderDelegation(detail, sections)} ${this.#renderSubscriptions(detail, sections)}
                  ${this.#can('users:read') ? this.#renderUsers(sections) : nothing}
                  ${this.#can('service-requests:manage') ? this.#renderRequests(sections) : nothing} ${this.#renderAudit(sections)}
                `
              : loading(msg('Loading the customer…'))}
      </section>
      <dialog part="dialog" aria-labelledby="dialog-title" @cancel=${(e: Event) => this.busy && e.preventDefault()} @close=${this.#closeDialog}>
        ${this.dialog && this.#dialogs.value
          ? this.#dialogs.value.customerDialog(this.dialog, {
              name: detail?.name ?? '',
              error: this.actionError,
              explain: this.#explain,
              busy: this.busy,
              level: this.level,
              onLevel: (level) => (this.level = level),
              copied: this.copied?.id === 'temporary-password' ? this.copied.result : null,
              onCopied: (result) => (this.copied = { id: 'temporary-password', result }),
              onCancel: this.#cancel,
              onRequestDelegation: this.#onRequestDelegation,
              onCreateUser: this.#onCreateUser,
              onCreateRequest: this.#onCreateRequest,
              onReset: (event, user) => this.#onReset(event, user),
            })
          : this.dialog
            ? this.#renderDialogLoading()
            : nothing}
      </dialog>
    `;
  }

  #section(id: string, title: string, action: unknown, content: unknown): TemplateResult {
    return html`
      <section part="section" aria-labelledby=${id}>
        <div part="header">
          <h3 id=${id} part="section-title">${title}</h3>
          ${action}
        </div>
        ${content}
      </section>
    `;
  }

  /** A section's paged list, its errors explained for this customer. */
  #renderPaged<T extends { id: string }, A extends readonly unknown[]>(
    list: PagedList<T, A>,
    labelledBy: string,
    loadingText: string,
    empty: string,
    row: (item: T) => TemplateResult,
  ): TemplateResult {
    return pagedView(list, labelledBy, loadingText, list.items.length ? null : empty, row, undefined, this.#explain);
  }

  #renderDelegation(detail: CustomerDetail, { delegationSentence, requestHint }: typeof Sections): TemplateResult {
    const request = detail.pendingRequest;
    // The state's sentence already tells a pending request's level and date.
    const pending = detail.delegation.status === 'pending';
    const assisting = this.#can('users:read') || this.#can('service-requests:manage');
    const copy = this.#copyField.value;
    return this.#section(
      'delegation-title',
      msg('Delegated administration'),
      html`<button type="button" part="button request" @click=${() => this.#openDialog({ kind: 'delegation' })}>${msg('Request delegated admin')}</button>`,
      html`
        <p>
          ${delegationBadge(detail.delegation)} ${delegationSentence(detail)}
          ${detail.delegation.status === 'active' && !assisting ? msg('Your own partner access does not reach into its tenant.') : nothing}
        </p>
        ${!request
          ? nothing
          : !copy
            ? this.#copyField.placeholder(msg('Loading…'))
            : copy.copyField({
                id: 'consent-url',
                label: msg(str`Link to send to a global admin of ${detail.name}`),
                value: request.url,
                part: 'consent-url',
                buttonLabel: msg('Copy link'),
                hint: requestHint(request, pending),
                copied: this.copied?.id === 'consent-url' ? this.copied.result : null,
                onCopied: (result) => (this.copied = { id: 'consent-url', result }),
              })}
      `,
    );
  }

  #renderSubscriptions(detail: CustomerDetail, { subscriptionItem }: typeof Sections): TemplateResult {
    return this.#section(
      'subscriptions-title',
      msg('Subscriptions'),
      nothing,
      detail.subscriptions.length
        ? html`<ul part="items" aria-labelledby="subscriptions-title">${detail.subscriptions.map(subscriptionItem)}</ul>`
        : html`<p part="intro">${msg('No subscriptions through you.')}</p>`,
    );
  }

  #renderUsers({ userItem }: typeof Sections): TemplateResult {
    const roles = this.roles ?? this.#loadedRoles.value;
    return this.#section(
      'users-title',
      msg('Users'),
      this.#can('users:manage')
        ? html`<button type="button" part="button add" @click=${() => this.#openDialog({ kind: 'user' })}>${msg('Add user')}</button>`
        : nothing,
      this.#renderPaged(this.#users, 'users-title', msg('Loading users…'), msg('No users.'), (u) =>
        // The BFF's rule: a user with an admin role is reset only by someone who manages admins.
        userItem(u, roles, this.#can(u.companyRoles.length ? 'users:manage-admins' : 'users:reset-password') ? () => this.#openDialog({ kind: 'reset', user: u }) : null),
      ),
    );
  }

  #renderRequests({ serviceRequestItem }: typeof Sections): TemplateResult {
    return this.#section(
      'requests-title',
      msg('Service requests'),
      html`<button type="button" part="button new-request" @click=${() => this.#openDialog({ kind: 'request' })}>${msg('New service request')}</button>`,
      this.#renderPaged(this.#requests, 'requests-title', msg('Loading service requests…'), msg('No service requests.'), serviceRequestItem),
    );
  }

  #renderAudit({ auditItem }: typeof Sections): TemplateResult {
    return this.#section(
      'audit-title',
      msg('Audit trail'),
      busyButton('download', msg('Download CSV'), this.downloading && msg('Preparing…'), this.#download),
      html`
        <p part="intro">${msg('What your company did in this customer, and its delegation events, newest first.')}</p>
        ${errorAlert(this.#explain(this.downloadError))}
        ${this.#renderPaged(this.#audit, 'audit-title', msg('Loading the audit trail…'), msg('Nothing yet.'), auditItem)}
      `,
    );
  }

  // ---- the dialog -------------------------------------------------------------------------

  /** While the dialogs' forms load (only the first time): the dialog says so, or why they did not come. */
  #renderDialogLoading(): TemplateResult {
    return html`
      <div part="form" id="dialog-title">
        ${this.#dialogs.placeholder(msg('Loading…'))}
        <div part="actions"><button type="button" part="button" @click=${this.#cancel}>${msg('Cancel')}</button></div>
      </div>
    `;
  }

  protected override updated() {
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog || !this.dialog) return;
    if (!dialog.open) {
      dialog.showModal();
      this.#focusDialog = true;
    }
    if (this.#focusDialog && this.#dialogs.value) {
      this.#focusDialog = false;
      dialog.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
    }
  }

  #openDialog(dialog: Dialog) {
    this.actionError = this.copied = this.level = null;
    this.dialog = dialog;
    void this.#dialogs.load();
  }

  /** Cancel and Done; not while a request runs. */
  #cancel = () => {
    if (!this.busy) this.#dismiss();
  };

  /**
   * Closes the dialog at once (focus returns to the button that opened it, before anything else
   * moves it), and forgets what it showed, such as a temporary password.
   */
  #dismiss() {
    this.renderRoot.querySelector('dialog')?.close();
    this.#closeDialog();
  }

  /** The dialog closed, also by Escape. */
  #closeDialog = () => {
    this.dialog = this.actionError = null;
    if (this.copied?.id === 'temporary-password') this.copied = null;
  };

  /** Runs a dialog action with its busy state; a failure goes to the dialog's alert. */
  async #act(event: SubmitEvent, action: (client: ApiClient, customer: CustomerDetail, data: FormData) => Promise<void>) {
    event.preventDefault();
    const customer = this.detail;
    if (this.busy || !customer) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    this.busy = true;
    this.actionError = null;
    try {
      await action(this.client, customer, data);
      void this.#audit.first.run(); // the action is in the audit trail now
    } catch (error) {
      this.actionError = toApiError(error);
      // A refusal may mean the delegation changed (revoked, expired): show what holds now.
      if (this.actionError instanceof ApiRequestError && this.actionError.status === 403) void this.#detailTask.run();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('dialog [aria-invalid="true"]')?.focus();
    } finally {
      this.busy = false;
    }
  }

  #onRequestDelegation = (event: SubmitEvent) =>
    this.#act(event, async (client, customer, data) => {
      const days = String(data.get('expiresInDays') ?? '');
      const [request] = await Promise.all([
        client.requestDelegation(customer.id, { level: data.get('level') as Level, ...(days ? { expiresInDays: Number(days) } : {}) }),
        this.#copyField.load(),
      ]);
      this.detail = { ...customer, pendingRequest: request };
      this.#dismiss();
      this.#focus.request('#consent-url');
      this.dispatchEvent(partnerEvent('partner-delegation-requested', request));
      void this.#detailTask.run(); // its state (e.g. none → requested), here and in the list
    });

  #onCreateUser = (event: SubmitEvent) =>
    this.#act(event, async (client, customer, data) => {
      const created = await client.createCustomerUser(customer.id, {
        displayName: String(data.get('displayName') ?? '').trim(),
        email: String(data.get('email') ?? '').trim(),
        companyRoles: [],
        partnerAccess: 'none',
      });
      this.#showPassword(created.user, created.temporaryPassword, 'created');
      void this.#users.first.run(); // the new user takes its place in the sorted list
    });

  #onCreateRequest = (event: SubmitEvent) =>
    this.#act(event, async (client, customer, data) => {
      const request = await client.createServiceRequest(customer.id, {
        title: String(data.get('title') ?? ''),
        description: String(data.get('description') ?? ''),
        severity: data.get('severity') as Severity,
      });
      this.#requests.prepend(request);
      this.#dismiss();
      this.dispatchEvent(partnerEvent('partner-service-request-created', request));
    });

  #onReset(event: SubmitEvent, user: UserView) {
    return this.#act(event, async (client, customer) => {
      const reset = await client.resetCustomerUserPassword(customer.id, user.id);
      this.#users.replace(reset.user);
      this.#showPassword(reset.user, reset.temporaryPassword, 'reset');
      this.dispatchEvent(partnerEvent('partner-password-reset', { user: reset.user, customerId: customer.id }));
    });
  }

  #showPassword(user: UserView, password: string, reason: 'created' | 'reset') {
    this.dialog = { kind: 'password', user, password, reason };
    this.#focus.request('#temporary-password');
  }

  #download = async () => {
    const customer = this.detail;
    if (this.downloading || !customer) return;
    this.downloading = true;
    this.downloadError = null;
    try {
      saveFile(await this.client.auditCsv(customer.id), `audit-${(customer.domain ?? customer.name).replace(/[^\w.-]+/g, '-')}.csv`);
    } catch (error) {
      this.downloadError = error;
    } finally {
      this.downloading = false;
    }
  };
}

export const partnerCustomerDetailTag = 'partner-customer-detail';
if (!customElements.get(partnerCustomerDetailTag)) customElements.define(partnerCustomerDetailTag, PartnerCustomerDetail);

declare global {
  interface HTMLElementTagNameMap {
    'partner-customer-detail': PartnerCustomerDetail;
  }
}

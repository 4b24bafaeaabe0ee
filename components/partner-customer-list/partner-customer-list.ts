import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ApiElement } from '../api/api-element.ts';
import { ApiRequestError } from '../api/client.ts';
import type {
  ApiClient,
  AuditEntryView,
  CustomerDetail,
  CustomerListItem,
  CustomerQuery,
  DelegationRequestView,
  DelegationView,
  MeView,
  RolesView,
  ServiceRequestView,
  UserView,
} from '../api/client.ts';
import { busyButton, loadingLine as loading } from '../busy.ts';
import { copyField, type CopyResult } from '../copy-text.ts';
import { formatDate, formatDateTime } from '../dates.ts';
import { auditActionLabels, auditSubject, delegationStateLabels, levelLabel } from '../delegation-text.ts';
import { errorAlert, fieldMessages, retryAlert, toApiError } from '../error-messages.ts';
import { partnerEvent } from '../events.ts';
import { FocusAfterUpdate } from '../focus-after-update.ts';
import { PagedList, pagedView } from '../paged-list.ts';
import { saveFile } from '../save-file.ts';
import { selectField } from '../select-field.ts';
import { SearchController } from '../search-controller.ts';
import { temporaryPasswordView } from '../temporary-password.ts';
import { fieldError, textField } from '../text-field.ts';
import { controls } from '../styles/controls.ts';
import { offerControls } from '../styles/offer-controls.ts';
import { tokens } from '../styles/tokens.ts';
import styles from './partner-customer-list.styles.ts';

type DelegationState = DelegationView['status'];
type Level = NonNullable<DelegationView['level']>;
type SubscriptionFilter = NonNullable<CustomerQuery['subscription']>;
type Sort = NonNullable<CustomerQuery['sort']>;
type Severity = ServiceRequestView['severity'];
type SubscriptionState = CustomerListItem['subscriptionSummary']['services'][number]['status'];

/** Who is signed in, and the roles table (for role labels); `roles` is null without `partner:use`. */
interface Setup {
  client: ApiClient;
  me: MeView;
  roles: RolesView | null;
}

type Dialog =
  | { kind: 'delegation' }
  | { kind: 'user' }
  | { kind: 'request' }
  | { kind: 'reset'; user: UserView }
  | { kind: 'password'; user: UserView; password: string; reason: 'created' | 'reset' };

const subscriptionLabels: Record<SubscriptionState, string> = { trial: 'Trial', active: 'Active', expired_trial: 'Trial expired', cancelled: 'Cancelled' };
const severities: readonly Severity[] = ['low', 'normal', 'high', 'critical'];
/** What each level lets the partner do, told to the partner (GET /api/roles words it for the customer). */
const levelDescriptions: Record<Level, string> = {
  full: 'You act as its global admin: users and admin roles, subscriptions, service requests, company information.',
  limited: 'You act as its password admin: read users, reset passwords of users without admin roles, open service requests.',
};
const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).replace('_', ' ');
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
const userPage = 25;
const shortPage = 10;

/** "Full · until Jan 23, 2027": a delegation's level and the date that matters in its state. */
function delegationNote(d: DelegationView): string {
  const date =
    d.status === 'active'
      ? d.expiresAt ? `until ${formatDate(d.expiresAt)}` : 'no end date'
      : d.status === 'pending' && d.requestExpiresAt
        ? `answer by ${formatDate(d.requestExpiresAt)}`
        : d.status === 'expired' && d.expiresAt
          ? `ended ${formatDate(d.expiresAt)}`
          : '';
  return [d.level ? capitalized(d.level) : '', date].filter(Boolean).join(' \u00b7 ');
}

function delegationBadge(d: DelegationView): TemplateResult {
  return html`<span part="badge ${d.status}">${delegationStateLabels[d.status]}</span>`;
}

function subscriptionBadge(status: SubscriptionState): TemplateResult {
  return html`<span part="badge ${status === 'expired_trial' ? 'expired' : status}">${subscriptionLabels[status]}</span>`;
}

/** What a customer's delegation means for the partner, in a sentence. */
function delegationSentence({ name, delegation: d }: CustomerListItem): string {
  const level = levelLabel(d.level).toLowerCase();
  switch (d.status) {
    case 'none':
      return `${name} has not given your company delegated administration. Request it to manage its users and open service requests.`;
    case 'pending':
      return `You asked for ${level}. A global admin of ${name} can answer until ${formatDate(d.requestExpiresAt!)}.`;
    case 'active':
      return `${name} granted your company ${level}${d.expiresAt ? ` until ${formatDate(d.expiresAt)}` : ', with no end date'}.`;
    case 'expired':
      return `The ${level} ${name} granted has ended. Request it again to assist this customer.`;
    default:
      return `${name} ${d.status} your company\u2019s ${level}. You may ask again.`;
  }
}

/** A 403 in words: the BFF's `no_delegation` says it already; other refusals get what they mean here. */
function explained(error: unknown, customer: string): ApiRequestError {
  const e = toApiError(error);
  if (e.status !== 403 || e.code === 'no_delegation') return e;
  return new ApiRequestError(
    403,
    e.code,
    `Not allowed: in ${customer} you may do what your partner access allows, within the delegated administration ${customer} granted, and this is beyond it. (${e.message})`,
    e.details,
  );
}

/** The list row of a customer: what its detail shows besides (permissions, users…) left out. */
function listItem(detail: CustomerDetail): CustomerListItem {
  const { id, name, domain, isAdvisor, since, delegation, subscriptionSummary } = detail;
  return { id, name, domain, isAdvisor, since, delegation, subscriptionSummary };
}

/**
 * The partner's customers: search as you type (name or domain), filters by delegated-admin and
 * subscription state, sort by name or newest, and "Load more". Opening a customer shows its
 * detail: delegated administration (with "Request delegated admin", which yields the consent
 * link to send), subscriptions, and — as far as the delegation and the signed-in user's partner
 * access reach — its users (reset password, add user), service requests, and the audit trail of
 * what the partner did there (with a CSV download). Actions the user may not take are not offered;
 * a refusal from the BFF is shown in words.
 *
 * Needs a partner user with access to companies they support (`partner:use`); others see a short
 * explanation. Uses `<partner-session>`'s client, or its own `api-base` and `token`.
 *
 * @fires partner-customer-selected - A customer was opened. `detail`: the customer's list row.
 * @fires partner-delegation-requested - Delegated admin was requested. `detail`: the request, with the consent `url` to send.
 * @fires partner-password-reset - A customer's user's password was reset. `detail`: `{ user, customerId }`.
 * @fires partner-service-request-created - A service request was opened. `detail`: the service request.
 *
 * @csspart card - The list and the detail view; also `list`, `detail`.
 * @csspart title - The headings of the list, the detail and the dialog.
 * @csspart intro - The line under a heading, and explanations.
 * @csspart search - The search form, holding the search box and the filters.
 * @csspart filters - The search box, the delegation and subscription filters and the sort order.
 * @csspart field - A label with its input and messages; `label`, `input`, `select`, `hint`, `field-error`.
 * @csspart status - Loading lines, result counts, copy confirmations.
 * @csspart rows - The list of customers.
 * @csspart row - One customer (a card on narrow widths).
 * @csspart identity - A customer's name and domain.
 * @csspart open - The customer's name, a button that opens it.
 * @csspart domain - A customer's domain.
 * @csspart states - A customer's delegated admin and subscriptions.
 * @csspart badge - A state: also `none`, `pending`, `active`, `expired`, `revoked`, `declined`, `trial`, `cancelled`, a severity, an outcome.
 * @csspart note - The level and dates beside a delegation badge.
 * @csspart more - A "Load more" button.
 * @csspart back - "Back to customers".
 * @csspart section - A part of the detail: delegated administration, subscriptions, users, service requests, audit trail.
 * @csspart header - A section's heading with its button.
 * @csspart section-title - A section's heading.
 * @csspart items - The list of a section; `item` is one entry, `name` its title, `meta` its details.
 * @csspart consent-url - The consent link of an open delegation request.
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
 * @cssprop [--partner-color-surface-alt=#f6f8fa] - Badges, sections and read-only inputs.
 * @cssprop [--partner-color-border=#d1d9e0] - Borders and row dividers.
 * @cssprop [--partner-color-input-border=#6e7781] - Input and button border.
 * @cssprop [--partner-color-accent=#0969da] - Primary buttons, customer names, pending and trial states.
 * @cssprop [--partner-color-on-accent=#ffffff] - Text on the accent color.
 * @cssprop [--partner-color-focus=#0969da] - Focus ring.
 * @cssprop [--partner-color-danger=#b42318] - Errors; revoked, declined and refused states; high severity.
 * @cssprop [--partner-color-danger-surface=#fef3f2] - Error background.
 * @cssprop [--partner-color-success=#1a7f37] - Active states.
 * @cssprop [--partner-color-success-surface=#dafbe1] - Active badges' background.
 * @cssprop [--partner-shadow=0 1px 3px rgb(31 35 40 / 0.12)] - Card shadow.
 */
export class PartnerCustomerList extends ApiElement {
  static override styles = [tokens, controls, offerControls, styles];
  static override properties: PropertyDeclarations = {
    pageSize: { type: Number, attribute: 'page-size' },
    delegation: { state: true },
    subscription: { state: true },
    sort: { state: true },
    selected: { state: true },
    detail: { state: true },
    dialog: { state: true },
    level: { state: true },
    busy: { state: true },
    actionError: { state: true },
    copied: { state: true },
    downloading: { state: true },
    downloadError: { state: true },
  };

  /** How many customers a page holds (1–100). */
  pageSize = 25;

  private delegation: DelegationState | '' = '';
  private subscription: SubscriptionFilter | '' = '';
  private sort: Sort = 'name';
  /** The open customer's list row; null while the list shows. */
  private selected: CustomerListItem | null = null;
  private detail: CustomerDetail | null = null;
  private dialog: Dialog | null = null;
  private level: Level | null = null;
  private busy = false;
  private actionError: unknown = null;
  /** The last copy: which input, and how it went. */
  private copied: { id: string; result: CopyResult } | null = null;
  private downloading = false;
  private downloadError: unknown = null;

  readonly #search = new SearchController(this);
  readonly #focus = new FocusAfterUpdate(this);

  readonly #setup = new Task(this, {
    args: () => [this.client] as const,
    task: async ([client], { signal }): Promise<Setup | null> => {
      // Another session: nothing of the previous one stays on screen.
      this.selected = this.detail = this.dialog = null;
      this.#customers.clear();
      if (!client.hasCredentials) return null;
      const me = await client.me({ signal });
      const roles = me.permissions.includes('partner:use') ? await client.roles({ signal }) : null;
      return { client, me, roles };
    },
  });

  /** The customers for the search, filters and sort; a newer query aborts an older one and wins. */
  readonly #customers = new PagedList<CustomerListItem, readonly [Setup | null | undefined, string, DelegationState | '', SubscriptionFilter | '', Sort, number]>(
    this,
    () => [this.#setup.value, this.#search.query, this.delegation, this.subscription, this.sort, this.pageSize] as const,
    ([setup, q, delegation, subscription, sort, limit], cursor, signal) =>
      setup?.roles
        ? setup.client.customers({ q: q || undefined, delegation: delegation || undefined, subscription: subscription || undefined, sort, cursor, limit }, { signal })
        : initialState,
  );

  readonly #detailTask = new Task(this, {
    args: () => [this.#setup.value?.client, this.selected?.id] as const,
    task: ([client, id], { signal }) => (client && id ? client.customer(id, { signal }) : initialState),
    onComplete: (detail) => {
      this.detail = detail;
      this.#customers.replace(listItem(detail)); // the row shows what the detail found, e.g. a new request
    },
  });

  readonly #users = new PagedList<UserView, readonly [ApiClient | undefined, string | undefined]>(
    this,
    () => [this.#setup.value?.client, this.#can('users:read') ? this.detail?.id : undefined] as const,
    ([client, id], cursor, signal) => (client && id ? client.customerUsers(id, { cursor, limit: userPage }, { signal }) : initialState),
  );

  readonly #requests = new PagedList<ServiceRequestView, readonly [ApiClient | undefined, string | undefined]>(
    this,
    () => [this.#setup.value?.client, this.#can('service-requests:manage') ? this.detail?.id : undefined] as const,
    ([client, id], cursor, signal) => (client && id ? client.serviceRequests(id, { cursor, limit: shortPage }, { signal }) : initialState),
  );

  readonly #audit = new PagedList<AuditEntryView, readonly [ApiClient | undefined, string | undefined]>(
    this,
    () => [this.#setup.value?.client, this.detail?.id] as const,
    ([client, id], cursor, signal) => (client && id ? client.customerAudit(id, { cursor, limit: shortPage }, { signal }) : initialState),
  );

  override disconnectedCallback() {
    super.disconnectedCallback();
    for (const list of [this.#customers, this.#users, this.#requests, this.#audit]) list.abort();
  }

  #can(permission: string): boolean {
    return this.detail?.permissions.includes(permission) ?? false;
  }

  protected override render() {
    const { status, value, error } = this.#setup;
    if (!this.client.hasCredentials || (status === TaskStatus.COMPLETE && !value)) {
      return this.#card(html`<p part="intro">Sign in to see your customers.</p>`);
    }
    if (status === TaskStatus.ERROR) return this.#card(this.#retry(error, () => this.#setup.run()));
    if (!value) return this.#card(loading('Loading…'));
    if (!value.roles) {
      return this.#card(html`
        <p part="intro">
          Finding and assisting customers needs administrative access to the companies you support (full or limited). Ask a
          global admin of ${value.me.company.name} to give it to you.
        </p>
      `);
    }
    return html`
      ${this.#card(this.#renderList(), this.selected !== null)}
      ${this.selected ? this.#renderDetail(value.roles, this.selected) : nothing}
      <dialog part="dialog" aria-labelledby="dialog-title" @cancel=${(e: Event) => this.busy && e.preventDefault()} @close=${this.#closeDialog}>
        ${this.#renderDialog()}
      </dialog>
    `;
  }

  #card(content: unknown, hidden = false): TemplateResult {
    // Hidden, not removed, while a customer is open: the list keeps its rows, filters and place.
    return html`
      <section part="card list" aria-labelledby="customers-title" ?hidden=${hidden}>
        <h2 id="customers-title" part="title">Customers</h2>
        ${content}
      </section>
    `;
  }

  #retry(error: unknown, retry: () => unknown): TemplateResult {
    return retryAlert(this.#explain(error), retry);
  }

  /** Errors in an open customer get their 403s explained; the list's own errors are shown as they come. */
  #explain = (error: unknown) => (error && this.selected ? explained(error, this.selected.name) : error);

  // ---- the list ---------------------------------------------------------------------------

  #renderList(): TemplateResult {
    const list = this.#customers;
    const q = this.#search.query;
    const filtered = this.delegation !== '' || this.subscription !== '';
    const n = list.items.length;
    const summary =
      n === 0
        ? q
          ? `No customers match \u201c${q}\u201d${filtered ? ' with these filters' : ''}.`
          : filtered
            ? 'No customers match these filters.'
            : 'No customers yet. Customers who sign up with one of your offers appear here.'
        : `${n} ${n === 1 ? 'customer' : 'customers'}${list.nextCursor ? ', more to load' : ''}${q ? ` matching \u201c${q}\u201d` : ''}.`;
    return html`
      <form part="search" role="search" @submit=${this.#search.submit}>
        <div part="filters">
          ${this.#search.field('Search by name or domain')}
          ${selectField('delegation-filter', 'Delegated admin', [['', 'Any'], ...Object.entries(delegationStateLabels)], this.delegation, (v) => (this.delegation = v as DelegationState))}
          ${selectField('subscription-filter', 'Subscriptions', [['', 'Any'], ['trial', 'On trial'], ['active', 'Active'], ['expired_trial', 'Trial expired']], this.subscription, (v) => (this.subscription = v as SubscriptionFilter))}
          ${selectField('sort', 'Sort by', [['name', 'Name'], ['newest', 'Newest first']], this.sort, (v) => (this.sort = v as Sort))}
        </div>
      </form>
      ${this.#renderPaged(list, 'customers-title', 'Loading customers…', summary, (c) => this.#renderRow(c), 'rows')}
    `;
  }

  #renderRow(c: CustomerListItem): TemplateResult {
    const services = c.subscriptionSummary.services;
    return html`
      <li part="row">
        <div part="identity">
          <button type="button" part="open" id="open-${c.id}" @click=${() => this.#open(c)}>${c.name}</button>
          <span part="domain">${c.domain ?? ''}</span>
        </div>
        <dl part="states" class="pairs">
          <div>
            <dt>Delegated admin</dt>
            <dd>${delegationBadge(c.delegation)} <span part="note">${delegationNote(c.delegation)}</span></dd>
          </div>
          <div>
            <dt>Subscriptions</dt>
            <dd>
              ${services.length
                ? services.map((s) => html`<span class="service">${s.name} ${subscriptionBadge(s.status)}</span> `)
                : html`<span part="note">None through you</span>`}
            </dd>
          </div>
        </dl>
      </li>
    `;
  }

  /** A list of the detail (or the customers), its errors explained for the open customer. */
  #renderPaged<T extends { id: string }, A extends readonly unknown[]>(
    list: PagedList<T, A>,
    labelledBy: string,
    loadingText: string,
    summary: string | null,
    row: (item: T) => TemplateResult,
    part?: string,
  ): TemplateResult {
    return pagedView(list, labelledBy, loadingText, summary, row, part, this.#explain);
  }

  #open(customer: CustomerListItem) {
    this.selected = customer;
    this.detail = null;
    this.copied = this.downloadError = null;
    this.#focus.request('#detail-title');
    this.dispatchEvent(partnerEvent('partner-customer-selected', customer));
  }

  #back = () => {
    const id = this.selected?.id;
    this.selected = this.detail = null;
    this.#focus.request(`#open-${id}`);
  };

  // ---- the detail -------------------------------------------------------------------------

  #renderDetail(roles: RolesView, item: CustomerListItem): TemplateResult {
    const detail = this.detail;
    const c = detail ?? item;
    const { status, error } = this.#detailTask;
    return html`
      <section part="card detail" aria-labelledby="detail-title">
        <div>
          <button type="button" part="button back" @click=${this.#back}><span aria-hidden="true">\u2190</span> Back to customers</button>
        </div>
        <div>
          <h2 id="detail-title" part="title" tabindex="-1">${c.name}</h2>
          <p part="intro">
            ${[c.domain, `customer since ${formatDate(c.since)}`, c.isAdvisor ? 'you are its subscription advisor' : ''].filter(Boolean).join(' \u00b7 ')}
          </p>
        </div>
        ${status === TaskStatus.ERROR && !detail
          ? this.#retry(error, () => this.#detailTask.run())
          : detail
            ? html`
                ${this.#renderDelegation(detail)} ${this.#renderSubscriptions(detail)}
                ${this.#can('users:read') ? this.#renderUsers(roles) : nothing}
                ${this.#can('service-requests:manage') ? this.#renderRequests() : nothing} ${this.#renderAudit()}
              `
            : loading('Loading the customer…')}
      </section>
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

  #renderDelegation(detail: CustomerDetail): TemplateResult {
    const request = detail.pendingRequest;
    // The state's sentence already tells a pending request's level and date.
    const pending = detail.delegation.status === 'pending';
    const assisting = this.#can('users:read') || this.#can('service-requests:manage');
    return this.#section(
      'delegation-title',
      'Delegated administration',
      html`<button type="button" part="button request" @click=${() => this.#openDialog({ kind: 'delegation' })}>Request delegated admin</button>`,
      html`
        <p>
          ${delegationBadge(detail.delegation)} ${delegationSentence(detail)}
          ${detail.delegation.status === 'active' && !assisting ? 'Your own partner access does not reach into its tenant.' : nothing}
        </p>
        ${request ? this.#renderConsentLink(detail.name, request, pending) : nothing}
      `,
    );
  }

  #renderConsentLink(name: string, request: DelegationRequestView, told: boolean): TemplateResult {
    return copyField({
      id: 'consent-url',
      label: `Link to send to a global admin of ${name}`,
      value: request.url,
      part: 'consent-url',
      buttonLabel: 'Copy link',
      hint: `${told ? '' : `${levelLabel(request.level)} requested; they can answer until ${formatDate(request.requestExpiresAt)}. `}A new request replaces this link.`,
      copied: this.copied?.id === 'consent-url' ? this.copied.result : null,
      onCopied: (result) => (this.copied = { id: 'consent-url', result }),
    });
  }

  #renderSubscriptions(detail: CustomerDetail): TemplateResult {
    return this.#section(
      'subscriptions-title',
      'Subscriptions',
      nothing,
      detail.subscriptions.length
        ? html`<ul part="items" aria-labelledby="subscriptions-title">
            ${detail.subscriptions.map(
              (s) => html`
                <li part="item">
                  <div><span part="name">${s.name}</span> ${subscriptionBadge(s.status)}</div>
                  <p part="meta">
                    ${[
                      `${s.licenses} ${s.licenses === 1 ? 'license' : 'licenses'}`,
                      s.trialEndsAt ? `trial ${s.status === 'trial' ? 'ends' : 'ended'} ${formatDate(s.trialEndsAt)}` : '',
                      s.advisedByYou ? '' : 'through another advisor',
                    ]
                      .filter(Boolean)
                      .join(' \u00b7 ')}
                  </p>
                </li>
              `,
            )}
          </ul>`
        : html`<p part="intro">No subscriptions through you.</p>`,
    );
  }

  #renderUsers(roles: RolesView): TemplateResult {
    const roleLabel = (id: string) => roles.companyRoles.find((r) => r.id === id)?.label ?? id;
    return this.#section(
      'users-title',
      'Users',
      this.#can('users:manage')
        ? html`<button type="button" part="button add" @click=${() => this.#openDialog({ kind: 'user' })}>Add user</button>`
        : nothing,
      this.#renderPaged(this.#users, 'users-title', 'Loading users…', this.#users.items.length ? null : 'No users.', (u) => {
        // The BFF's rule: a user with an admin role is reset only by someone who manages admins.
        const canReset = this.#can(u.companyRoles.length ? 'users:manage-admins' : 'users:reset-password');
        return html`
          <li part="item">
            <div>
              <span part="name">${u.displayName}</span>
              ${u.companyRoles.map((r) => html`<span part="badge">${roleLabel(r)}</span>`)}
              ${u.disabled ? html`<span part="badge disabled-badge">Disabled</span>` : nothing}
              ${u.passwordTemporary ? html`<span part="badge temporary-badge">Must change password</span>` : nothing}
            </div>
            <p part="meta">${u.email}</p>
            ${canReset
              ? html`<div part="actions">
                  <button type="button" part="button reset" @click=${() => this.#openDialog({ kind: 'reset', user: u })}>
                    Reset password<span class="visually-hidden"> of ${u.displayName}</span>
                  </button>
                </div>`
              : nothing}
          </li>
        `;
      }),
    );
  }

  #renderRequests(): TemplateResult {
    const list = this.#requests;
    return this.#section(
      'requests-title',
      'Service requests',
      html`<button type="button" part="button new-request" @click=${() => this.#openDialog({ kind: 'request' })}>New service request</button>`,
      this.#renderPaged(list, 'requests-title', 'Loading service requests…', list.items.length ? null : 'No service requests.', (r) => html`
        <li part="item">
          <div><span part="name">${r.title}</span> <span part="badge ${r.severity}">${capitalized(r.severity)}</span> <span part="badge">${capitalized(r.status)}</span></div>
          <p part="meta">Opened ${formatDateTime(r.createdAt)}${r.openedBy ? ` by ${r.openedBy.name}${r.openedBy.company ? ` (${r.openedBy.company})` : ''}` : ''}</p>
          <p class="description">${r.description}</p>
        </li>
      `),
    );
  }

  #renderAudit(): TemplateResult {
    const list = this.#audit;
    return this.#section(
      'audit-title',
      'Audit trail',
      busyButton('download', 'Download CSV', this.downloading && 'Preparing…', this.#download),
      html`
        <p part="intro">What your company did in this customer, and its delegation events, newest first.</p>
        ${errorAlert(this.#explain(this.downloadError))}
        ${this.#renderPaged(list, 'audit-title', 'Loading the audit trail…', list.items.length ? null : 'Nothing yet.', (e) => {
          const subject = auditSubject(e);
          return html`
            <li part="item">
              <div>
                <span><span part="name">${auditActionLabels[e.action] ?? e.action}</span>${subject ? `: ${subject}` : ''}</span>
                ${e.outcome === 'success' ? nothing : html`<span part="badge ${e.outcome}">${capitalized(e.outcome)}</span>`}
              </div>
              <p part="meta">
                <time datetime=${e.at}>${formatDateTime(e.at)}</time> \u00b7
                ${e.actor ? `${e.actor.name ?? e.actor.email}${e.partner.name ? ` (${e.partner.name})` : ''}` : 'Automatic'}
              </p>
            </li>
          `;
        })}
      `,
    );
  }

  // ---- the dialog -------------------------------------------------------------------------

  #renderDialog(): TemplateResult | typeof nothing {
    const dialog = this.dialog;
    const name = this.detail?.name ?? '';
    const errors = fieldMessages(this.actionError, (path) => fieldPaths[path]);
    const alert = errorAlert(this.#explain(this.actionError), (path) => fieldPaths[path]);
    const cancel = html`<button type="button" part="button" @click=${this.#cancel}>Cancel</button>`;
    switch (dialog?.kind) {
      case 'delegation': {
        return html`
          <form part="form" @submit=${this.#onRequestDelegation}>
            <h2 id="dialog-title" part="title">Request delegated admin from ${name}</h2>
            <p part="intro">You get a link to send to a global admin of ${name}, who accepts or declines.</p>
            <fieldset aria-describedby="level-hint">
              <legend>Level</legend>
              <div part="segmented">
                ${(['full', 'limited'] as const).map(
                  (l) => html`
                    <label part="segment">
                      <input type="radio" name="level" value=${l} required .checked=${this.level === l} @change=${() => (this.level = l)} />
                      ${levelLabel(l)}
                    </label>
                  `,
                )}
              </div>
              <p part="hint" id="level-hint">${this.level ? levelDescriptions[this.level] : 'Choose how much the customer lets you do.'}</p>
              ${fieldError('level', errors.get('level'))}
            </fieldset>
            ${textField({ id: 'days', name: 'expiresInDays', label: 'Days to answer (optional)', type: 'number', min: '1', max: '90', hint: '1 to 90; empty: 90 days.', readonly: this.busy, messages: errors.get('days') })}
            ${alert}
            <div part="actions">${this.#submit('Request', 'Requesting…')} ${cancel}</div>
          </form>
        `;
      }
      case 'user':
        return html`
          <form part="form" @submit=${this.#onCreateUser}>
            <h2 id="dialog-title" part="title">Add a user to ${name}</h2>
            <p part="intro">The user gets no admin role; a temporary password is shown once when they are added.</p>
            ${textField({ id: 'display-name', name: 'displayName', label: 'Display name', required: true, maxlength: 200, readonly: this.busy, messages: errors.get('display-name') })}
            ${textField({ id: 'email', label: 'Email', type: 'email', required: true, maxlength: 320, readonly: this.busy, messages: errors.get('email') })}
            ${alert}
            <div part="actions">${this.#submit('Add user', 'Adding…')} ${cancel}</div>
          </form>
        `;
      case 'request':
        return html`
          <form part="form" @submit=${this.#onCreateRequest}>
            <h2 id="dialog-title" part="title">New service request for ${name}</h2>
            ${textField({ id: 'title', label: 'Title', required: true, maxlength: 200, readonly: this.busy, messages: errors.get('title') })}
            <div part="field">
              <label part="label" for="description">Description</label>
              <textarea
                part="input"
                id="description"
                name="description"
                rows="5"
                required
                maxlength="10000"
                ?readonly=${this.busy}
                aria-invalid=${errors.has('description') ? 'true' : nothing}
                aria-describedby=${errors.has('description') ? 'description-error' : nothing}
              ></textarea>
              ${fieldError('description', errors.get('description'))}
            </div>
            ${selectField('severity', 'Severity', severities.map((s) => [s, capitalized(s)]), 'normal')}
            ${alert}
            <div part="actions">${this.#submit('Open request', 'Opening…')} ${cancel}</div>
          </form>
        `;
      case 'reset':
        return html`
          <form part="form" @submit=${(e: SubmitEvent) => this.#onReset(e, dialog.user)}>
            <h2 id="dialog-title" part="title">Reset the password of ${dialog.user.displayName}?</h2>
            <p part="intro">
              ${dialog.user.displayName} (${dialog.user.email}) is signed out everywhere and gets a temporary password, which you pass on. The
              reset is recorded in ${name}\u2019s audit trail.
            </p>
            ${alert}
            <div part="actions">${this.#submit('Reset password', 'Resetting…', 'danger')} ${cancel}</div>
          </form>
        `;
      case 'password':
        return temporaryPasswordView({
          ...dialog,
          copied: this.copied?.id === 'temporary-password' ? this.copied.result : null,
          onCopied: (result) => (this.copied = { id: 'temporary-password', result }),
          onDone: this.#cancel,
        });
      default:
        return nothing;
    }
  }

  #submit(label: string, busyLabel: string, variant = 'primary'): TemplateResult {
    return busyButton(variant, label, this.busy && busyLabel);
  }

  protected override updated() {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && this.dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
    }
  }

  #openDialog(dialog: Dialog) {
    this.actionError = this.copied = this.level = null;
    this.dialog = dialog;
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
    const client = this.#setup.value?.client;
    const customer = this.detail;
    if (this.busy || !client || !customer) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    this.busy = true;
    this.actionError = null;
    try {
      await action(client, customer, data);
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
      const request = await client.requestDelegation(customer.id, { level: data.get('level') as Level, ...(days ? { expiresInDays: Number(days) } : {}) });
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
    const client = this.#setup.value?.client;
    if (this.downloading || !customer || !client) return;
    this.downloading = true;
    this.downloadError = null;
    try {
      saveFile(await client.auditCsv(customer.id), `audit-${(customer.domain ?? customer.name).replace(/[^\w.-]+/g, '-')}.csv`);
    } catch (error) {
      this.downloadError = error;
    } finally {
      this.downloading = false;
    }
  };
}

export const partnerCustomerListTag = 'partner-customer-list';
if (!customElements.get(partnerCustomerListTag)) customElements.define(partnerCustomerListTag, PartnerCustomerList);

declare global {
  interface HTMLElementTagNameMap {
    'partner-customer-list': PartnerCustomerList;
  }
}

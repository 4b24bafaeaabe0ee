import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ApiElement } from '../api/api-element.ts';
import type { ApiClient, CustomerDetail, CustomerListItem, CustomerQuery, DelegationView, MeView, RolesView } from '../api/client.ts';
import { loadingLine as loading } from '../busy.ts';
import { delegationBadge, subscriptionBadge } from '../customer-states.ts';
import { formatDate } from '../dates.ts';
import { delegationStateLabels } from '../delegation-text.ts';
import { retryAlert } from '../error-messages.ts';
import { partnerEvent } from '../events.ts';
import { FocusAfterUpdate } from '../focus-after-update.ts';
import { loadElement } from '../load-element.ts';
import { msg, str } from '../localize.ts';
import { formatNumber, plural } from '../numbers.ts';
import { PagedList, pagedView } from '../paged-list.ts';
import { selectField } from '../select-field.ts';
import { SearchController } from '../search-controller.ts';
import { controls } from '../styles/controls.ts';
import { tokens } from '../styles/tokens.ts';
import styles from './partner-customer-list.styles.ts';

type DelegationState = DelegationView['status'];
type SubscriptionFilter = NonNullable<CustomerQuery['subscription']>;
type Sort = NonNullable<CustomerQuery['sort']>;

/** Who is signed in, and the roles table (for role labels); `roles` is null without `partner:use`. */
interface Setup {
  client: ApiClient;
  me: MeView;
  roles: RolesView | null;
}

/**
 * The parts of the open customer's `<partner-customer-detail>` the list passes on as its own
 * (`exportparts`), so a page styles `partner-customer-list::part(section)` as before the detail
 * was an element of its own. test/components/partner-customer-list.test.ts checks that every
 * part the detail renders is here.
 */
const detailParts = [
  'card', 'detail', 'title', 'intro', 'status', 'section', 'header', 'section-title', 'items', 'item', 'name', 'meta',
  'badge', 'none', 'pending', 'active', 'expired', 'revoked', 'declined', 'trial', 'cancelled', 'low', 'normal', 'high',
  'critical', 'denied', 'failure', 'disabled-badge', 'temporary-badge', 'more', 'consent-url', 'copy-row', 'field', 'label',
  'input', 'select', 'hint', 'field-error', 'error', 'actions', 'button', 'primary', 'danger', 'copy', 'request', 'add',
  'reset', 'new-request', 'download', 'dialog', 'form', 'segmented', 'segment', 'temporary-password', 'once-note',
].join(', ');

/** A delegation's level in a word, as the list's note shows it. */
const levelWords: Record<NonNullable<DelegationView['level']>, () => string> = { full: () => msg('Full'), limited: () => msg('Limited') };

/** "Full · until Jan 23, 2027": a delegation's level and the date that matters in its state. */
function delegationNote(d: DelegationView): string {
  const date =
    d.status === 'active'
      ? d.expiresAt ? msg(str`until ${formatDate(d.expiresAt)}`) : msg('no end date')
      : d.status === 'pending' && d.requestExpiresAt
        ? msg(str`answer by ${formatDate(d.requestExpiresAt)}`)
        : d.status === 'expired' && d.expiresAt
          ? msg(str`ended ${formatDate(d.expiresAt)}`)
          : '';
  return [d.level ? levelWords[d.level]() : '', date].filter(Boolean).join(' \u00b7 ');
}

/**
 * The list's status line once loaded: how many customers it shows (whether more are to load, and
 * the search they match), or why it is empty. Whole sentences, so that each language words them.
 */
function listSummary(n: number, more: boolean, q: string, filtered: boolean): string {
  const count = formatNumber(n);
  if (n > 0) {
    return q
      ? more
        ? plural(n, { one: () => msg(str`${count} customer matching “${q}”, more to load.`), other: () => msg(str`${count} customers matching “${q}”, more to load.`) })
        : plural(n, { one: () => msg(str`${count} customer matching “${q}”.`), other: () => msg(str`${count} customers matching “${q}”.`) })
      : more
        ? plural(n, { one: () => msg(str`${count} customer, more to load.`), other: () => msg(str`${count} customers, more to load.`) })
        : plural(n, { one: () => msg(str`${count} customer.`), other: () => msg(str`${count} customers.`) });
  }
  if (q) return filtered ? msg(str`No customers match “${q}” with these filters.`) : msg(str`No customers match “${q}”.`);
  return filtered ? msg('No customers match these filters.') : msg('No customers yet. Customers who sign up with one of your offers appear here.');
}

/** The list row of a customer: what its detail shows besides (permissions, users…) left out. */
function listItem(detail: CustomerDetail): CustomerListItem {
  const { id, name, domain, isAdvisor, since, delegation, subscriptionSummary } = detail;
  return { id, name, domain, isAdvisor, since, delegation, subscriptionSummary };
}

/**
 * The partner's customers: search as you type (name or domain), filters by delegated-admin and
 * subscription state, sort by name or newest, and "Load more". Opening a customer shows its
 * `<partner-customer-detail>` in place of the list: delegated administration (with "Request
 * delegated admin", which yields the consent link to send), subscriptions, and — as far as the
 * delegation and the signed-in user's partner access reach — its users (reset password, add
 * user), service requests, and the audit trail of what the partner did there (with a CSV
 * download). "Back to customers" shows the list as it was, with the customer's row refreshed from
 * the detail. The detail's events and parts are the list's too (its parts through `exportparts`).
 *
 * Needs a partner user with access to companies they support (`partner:use`); others see a short
 * explanation. Uses `<partner-session>`'s client, or its own `api-base` and `token`.
 *
 * @fires partner-customer-selected - A customer was opened. `detail`: the customer's list row.
 * @fires partner-customer-loaded - The open customer's detail was loaded, first or again after an action. `detail`: the customer.
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
  static override styles = [tokens, controls, styles];
  static override properties: PropertyDeclarations = {
    pageSize: { type: Number, attribute: 'page-size' },
    delegation: { state: true },
    subscription: { state: true },
    sort: { state: true },
    selected: { state: true },
  };

  /** How many customers a page holds (1–100). */
  pageSize = 25;

  private delegation: DelegationState | '' = '';
  private subscription: SubscriptionFilter | '' = '';
  private sort: Sort = 'name';
  /** The open customer's list row; null while the list shows. */
  /** The customer open in the detail, and its list row when it was opened from the list. */
  private selected: { id: string; row: CustomerListItem | null } | null = null;

  readonly #search = new SearchController(this);
  readonly #focus = new FocusAfterUpdate(this);

  readonly #setup = new Task(this, {
    args: () => [this.client] as const,
    task: async ([client], { signal }): Promise<Setup | null> => {
      // Another session: nothing of the previous one stays on screen.
      this.selected = null;
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

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#customers.abort();
  }

  protected override render() {
    const { status, value, error } = this.#setup;
    if (!this.client.hasCredentials || (status === TaskStatus.COMPLETE && !value)) {
      return this.#card(html`<p part="intro">${msg('Sign in to see your customers.')}</p>`);
    }
    if (status === TaskStatus.ERROR) return this.#card(retryAlert(error, () => this.#setup.run()));
    if (!value) return this.#card(loading(msg('Loading…')));
    if (!value.roles) {
      return this.#card(html`
        <p part="intro">
          ${msg(str`Finding and assisting customers needs administrative access to the companies you support (full or limited). Ask a global admin of ${value.me.company.name} to give it to you.`)}
        </p>
      `);
    }
    const selected = this.selected;
    return html`
      ${this.#card(this.#renderList(), selected !== null)}
      ${selected
        ? html`<partner-customer-detail
            exportparts=${detailParts}
            api-base=${this.apiBase}
            .token=${this.token}
            customer-id=${selected.id}
            .customer=${selected.row}
            .roles=${value.roles}
            @partner-customer-loaded=${(e: CustomEvent<CustomerDetail>) => this.#customers.replace(listItem(e.detail))}
          >
            <div slot="back">
              <button type="button" part="button back" @click=${this.#back}><span aria-hidden="true">\u2190</span> ${msg('Back to customers')}</button>
            </div>
          </partner-customer-detail>`
        : nothing}
    `;
  }

  #card(content: unknown, hidden = false): TemplateResult {
    // Hidden, not removed, while a customer is open: the list keeps its rows, filters and place.
    return html`
      <section part="card list" aria-labelledby="customers-title" ?hidden=${hidden}>
        <h2 id="customers-title" part="title">${msg('Customers')}</h2>
        ${content}
      </section>
    `;
  }

  #renderList(): TemplateResult {
    const list = this.#customers;
    const q = this.#search.query;
    const filtered = this.delegation !== '' || this.subscription !== '';
    const summary = listSummary(list.items.length, list.nextCursor !== null, q, filtered);
    const any = ['', msg('Any')] as const;
    return html`
      <form part="search" role="search" @submit=${this.#search.submit}>
        <div part="filters">
          ${this.#search.field(msg('Search by name or domain'))}
          ${selectField('delegation-filter', msg('Delegated admin'), [any, ...Object.entries(delegationStateLabels)], this.delegation, (v) => (this.delegation = v as DelegationState))}
          ${selectField('subscription-filter', msg('Subscriptions'), [any, ['trial', msg('On trial')], ['active', msg('Active')], ['expired_trial', msg('Trial expired')]], this.subscription, (v) => (this.subscription = v as SubscriptionFilter))}
          ${selectField('sort', msg('Sort by'), [['name', msg('Name')], ['newest', msg('Newest first')]], this.sort, (v) => (this.sort = v as Sort))}
        </div>
      </form>
      ${pagedView(list, 'customers-title', msg('Loading customers…'), summary, (c) => this.#renderRow(c), 'rows')}
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
            <dt>${msg('Delegated admin')}</dt>
            <dd>${delegationBadge(c.delegation)} <span part="note">${delegationNote(c.delegation)}</span></dd>
          </div>
          <div>
            <dt>${msg('Subscriptions')}</dt>
            <dd>
              ${services.length
                ? services.map((s) => html`<span class="service">${s.name} ${subscriptionBadge(s.status)}</span> `)
                : html`<span part="note">${msg('None through you')}</span>`}
            </dd>
          </div>
        </dl>
      </li>
    `;
  }

  /** Opens a customer's detail by id, as if picked from the list (e.g. for `<partner-overview>`'s "Open customer"). */
  openCustomer(id: string) {
    this.#show({ id, row: this.#customers.items.find((c) => c.id === id) ?? null });
  }

  #open(customer: CustomerListItem) {
    this.#show({ id: customer.id, row: customer });
    this.dispatchEvent(partnerEvent('partner-customer-selected', customer));
  }

  #show(selected: NonNullable<typeof this.selected>) {
    this.selected = selected;
    // Its module comes on the first open (dist/elements); once it is defined, its focus() goes to the customer's name.
    void loadElement('partner-customer-detail').then(() => this.selected === selected && this.#focus.request('partner-customer-detail'));
  }

  #back = () => {
    const id = this.selected?.id;
    this.selected = null;
    this.#focus.request(`#open-${id}`);
  };
}

export const partnerCustomerListTag = 'partner-customer-list';
if (!customElements.get(partnerCustomerListTag)) customElements.define(partnerCustomerListTag, PartnerCustomerList);

declare global {
  interface HTMLElementTagNameMap {
    'partner-customer-list': PartnerCustomerList;
  }
}

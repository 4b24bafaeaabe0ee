import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ApiElement } from '../api/api-element.ts';
import { partnerEvent, type PartnerActionDetail, type PartnerTabChangedDetail } from '../events.ts';
import { loadElement } from '../load-element.ts';
import '../partner-sign-in/partner-sign-in.ts';
import { tokens } from '../styles/tokens.ts';
import styles from './partner-portal.styles.ts';
import { msg } from '../localize.ts';

/**
 * The tabs, each with its widget's module. A module is loaded when its tab is first opened, so
 * that dist/elements/partner-portal.js carries only the portal and the sign-in (the one-file
 * bundle has every widget already).
 */
const allTabs: readonly Tab[] = [
  { id: 'overview', label: () => msg('Overview'), tag: 'partner-overview' },
  { id: 'customers', label: () => msg('Customers'), tag: 'partner-customer-list' },
  { id: 'offers', label: () => msg('Offers'), tag: 'partner-offer-builder' },
  { id: 'users', label: () => msg('Users'), tag: 'partner-user-list' },
  { id: 'company', label: () => msg('Company'), tag: 'partner-company-profile' },
  // Only for those who may use it: the widget would show nothing else than why not.
  { id: 'webhooks', label: () => msg('Webhooks'), tag: 'partner-webhooks', permission: 'webhooks:manage' },
];

interface Tab {
  id: PartnerTabChangedDetail['tab'];
  /** A function: the tab's name in the language of the moment. */
  label: () => string;
  tag: Parameters<typeof loadElement>[0];
  /** Shown only to a user with this permission (`GET /api/me`). */
  permission?: string;
}

/** One of the portal's tabs. */
export type PartnerPortalTab = PartnerTabChangedDetail['tab'];

/** Where each of `<partner-overview>`'s actions leads. */
const actionTabs: Record<PartnerActionDetail['action'], PartnerPortalTab> = {
  company: 'company',
  'trial-invitation': 'offers',
  'purchase-offer': 'offers',
  'follow-up': 'offers',
  customers: 'customers',
  delegation: 'customers',
  customer: 'customers',
  webhooks: 'webhooks',
};

/**
 * Every partner widget in tabs: the overview first, then customers, offers, users, the company
 * profile and, for a user with `webhooks:manage` (global admins), the webhooks. The overview's actions (`partner-action`) open the tab they lead to: a follow-up opens
 * the offer builder prefilled for that customer, "Open customer" the customer's detail. Coming
 * back to the overview loads it again, so it shows what was done elsewhere.
 * Without a session it shows `<partner-sign-in>`. A tab's widget is created when the tab is first
 * opened and kept afterwards, so switching back keeps its place (search, scroll, open customer).
 *
 * Inside `<partner-session>` (e.g. with `fetchToken` for an embed) the widgets share its client;
 * on its own, its `api-base` and `token` are handed to them.
 *
 * Tabs follow the ARIA tabs pattern: arrow keys, Home and End move between them.
 *
 * @fires partner-tab-changed - The visible tab changed. `detail`: `{ tab }`.
 *
 * @csspart tabs - The tab strip.
 * @csspart tab - One tab; the open one has `aria-selected="true"`.
 * @csspart panel - The area under the tabs holding one widget.
 *
 * @cssprop [--partner-font-family=system-ui, …] - Font (also passed on to every widget inside).
 * @cssprop [--partner-font-size=1rem] - Base font size.
 * @cssprop [--partner-radius=8px] - Corner radius.
 * @cssprop [--partner-space=1rem] - Spacing unit.
 * @cssprop [--partner-density=1] - Scales every gap and padding (0.75 compact, 1.25 roomy).
 * @cssprop [--partner-color-text=#1f2328] - Text and the open tab.
 * @cssprop [--partner-color-muted=#59636e] - Other tabs.
 * @cssprop [--partner-color-border=#d1d9e0] - Line under the tabs.
 * @cssprop [--partner-color-accent=#0969da] - The open tab's underline.
 * @cssprop [--partner-color-focus=#0969da] - Focus ring.
 */
export class PartnerPortal extends ApiElement {
  static override styles = [tokens, styles];
  static override properties: PropertyDeclarations = {
    tab: { reflect: true },
    opened: { state: true },
  };

  /** The open tab: `overview`, `customers`, `offers`, `users`, `company` or `webhooks`. Reflected, so a page can style or link to it. */
  tab: PartnerPortalTab = 'overview';

  /** Tabs opened so far: their widgets stay in the DOM (hidden) to keep their state. */
  private opened = new Set<PartnerPortalTab>();

  /** The signed-in user's permissions, for the tabs that need one; none until they are known. */
  readonly #permissions = new Task(this, {
    args: () => [this.client] as const,
    task: ([client], { signal }) => (client.hasCredentials ? client.me({ signal }).then((me) => me.permissions) : Promise.resolve([])),
  });

  /** The tabs this user is offered. */
  get #tabs(): readonly Tab[] {
    const granted = this.#permissions.value ?? [];
    return allTabs.filter((t) => !t.permission || granted.includes(t.permission));
  }

  /** The tab shown: `tab`, or the first one when `tab` names none (or one not offered to this user). */
  get #current() {
    return this.#tabs.find((t) => t.id === this.tab) ?? allTabs[0]!;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // Before rendering, so the open tab's panel exists in the same update (no second render);
    // its widget upgrades once its module is in. A tab may become current when the permissions
    // arrive (`tab="webhooks"` before they are known), so not only when `tab` changes.
    const current = this.#current;
    if (!this.opened.has(current.id)) {
      this.opened = new Set(this.opened).add(current.id);
      void loadElement(current.tag);
    } else if (changed.has('tab') && current.id === 'overview') {
      this.renderRoot.querySelector('partner-overview')?.refresh();
    }
  }

  protected override render() {
    if (!this.client.hasCredentials) return html`<partner-sign-in api-base=${this.apiBase} .token=${this.token}></partner-sign-in>`;
    const current = this.#current.id;
    const tabs = this.#tabs;
    return html`
      <div part="tabs" role="tablist" aria-label=${msg('Partner portal')} @keydown=${this.#onKeydown}>
        ${tabs.map(
          (t) => html`<button
            type="button"
            role="tab"
            part="tab"
            id="tab-${t.id}"
            aria-controls="panel-${t.id}"
            aria-selected=${t.id === current ? 'true' : 'false'}
            tabindex=${t.id === current ? 0 : -1}
            @click=${() => this.#select(t.id)}
          >
            ${t.label()}
          </button>`,
        )}
      </div>
      ${tabs.map((t) =>
        this.opened.has(t.id)
          ? html`<div part="panel" role="tabpanel" id="panel-${t.id}" aria-labelledby="tab-${t.id}" tabindex="0" ?hidden=${t.id !== current}>
              ${this.#widget(t.id)}
            </div>`
          : nothing,
      )}
    `;
  }

  #widget(tab: PartnerPortalTab) {
    const apiBase = this.apiBase;
    const token = this.token;
    switch (tab) {
      case 'overview':
        return html`<partner-overview api-base=${apiBase} .token=${token} @partner-action=${this.#onAction}></partner-overview>`;
      case 'customers':
        return html`<partner-customer-list api-base=${apiBase} .token=${token}></partner-customer-list>`;
      case 'offers':
        return html`<partner-offer-builder api-base=${apiBase} .token=${token}></partner-offer-builder>`;
      case 'users':
        return html`<partner-user-list api-base=${apiBase} .token=${token}></partner-user-list>`;
      case 'company':
        return html`<partner-company-profile api-base=${apiBase} .token=${token}></partner-company-profile>`;
      case 'webhooks':
        return html`<partner-webhooks api-base=${apiBase} .token=${token}></partner-webhooks>`;
    }
  }

  /** An overview action: its tab, then (once the tab's widget is defined) what the action asks of it. */
  #onAction = async ({ detail }: CustomEvent<PartnerActionDetail>) => {
    const tab = actionTabs[detail.action];
    this.#select(tab);
    await this.updateComplete;
    await loadElement(allTabs.find((t) => t.id === tab)!.tag);
    const root = this.renderRoot;
    if (detail.action === 'customer' && detail.customerId) root.querySelector('partner-customer-list')?.openCustomer(detail.customerId);
    if (tab === 'offers') root.querySelector('partner-offer-builder')?.startOffer(detail.action === 'trial-invitation' ? 'trial' : 'purchase', detail.followUp);
    // The builder and the customer's detail move the focus themselves.
    else if (detail.action !== 'customer') root.querySelector<HTMLElement>(`#panel-${tab}`)?.focus();
  };

  #select(tab: PartnerPortalTab, focus = false) {
    if (tab !== this.tab) {
      this.tab = tab;
      this.dispatchEvent(partnerEvent('partner-tab-changed', { tab }));
    }
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  #onKeydown(event: KeyboardEvent) {
    const tabs = this.#tabs;
    const index = tabs.findIndex((t) => t.id === this.tab);
    // Right to left, the tabs run leftwards: ArrowLeft goes on to the next one.
    const next =
      /^Arrow(Left|Right)$/.test(event.key) ? (index + ((event.key === 'ArrowLeft') === this.matches(':dir(rtl)') ? 1 : tabs.length - 1)) % tabs.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? tabs.length - 1
      : -1;
    if (next < 0) return;
    event.preventDefault();
    this.#select(tabs[next]!.id, true);
  }
}

export const partnerPortalTag = 'partner-portal';
if (!customElements.get(partnerPortalTag)) customElements.define(partnerPortalTag, PartnerPortal);

declare global {
  interface HTMLElementTagNameMap {
    'partner-portal': PartnerPortal;
  }
}

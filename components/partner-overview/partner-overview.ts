import { initialState, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ApiElement } from '../api/api-element.ts';
import type { ApiClient, AttentionItem, DelegationRequestView, OverviewView } from '../api/client.ts';
import { busyButton, loadingLine } from '../busy.ts';
import type { CopyResult } from '../copy-text.ts';
import { formatDate, formatRelative } from '../dates.ts';
import { errorAlert, retryAlert } from '../error-messages.ts';
import { partnerEvent, type PartnerActionDetail } from '../events.ts';
import { onDemandPart } from '../load-part.ts';
import { msg, str } from '../localize.ts';
import { formatMoney } from '../money.ts';
import { formatNumber, formatPercent, licenseCount, plural } from '../numbers.ts';
import { loadMoreControls, PagedList } from '../paged-list.ts';
import { controls } from '../styles/controls.ts';
import { tokens } from '../styles/tokens.ts';
import { redemptionChart, signupChart } from './overview-charts.ts';
import styles from './partner-overview.styles.ts';

type Action = PartnerActionDetail['action'];

// The labels are functions, read in the language of the moment.
const sendTrial = () => msg('Send a trial invitation');
const offerDelegation = () => msg('Offer delegated administration');
const followUpLabel = () => msg('Follow up with a purchase offer');

/** The four things a partner does, as the overview offers them. */
const actions: [Action, () => string][] = [
  ['trial-invitation', sendTrial],
  ['purchase-offer', () => msg('Create a purchase offer')],
  ['customers', () => msg('Find and assist customers')],
  ['delegation', offerDelegation],
];

/** A new partner's first steps, each with the action that takes it. */
const firstSteps: [Action, () => string, () => string][] = [
  ['company', () => msg('Check your company information'), () => msg('Customers see it on every offer.')],
  ['trial-invitation', sendTrial, () => msg('One service, free for its trial period.')],
  ['purchase-offer', followUpLabel, () => msg('Before the trial ends; the trial becomes the paid subscription.')],
  ['delegation', offerDelegation, () => msg('So you can help customers run their services.')],
];

/**
 * A sentence with relative times in it ("ends in 3 days"), written whole by `sentence` from the
 * times as text; each time in it is then marked up as a `<time>` with its date as a title.
 */
function timed(isos: string[], sentence: (...times: string[]) => string): unknown[] {
  const times = isos.map((iso) => formatRelative(iso));
  let parts: unknown[] = [sentence(...times)];
  times.forEach((time, i) => {
    const iso = isos[i]!;
    parts = parts.flatMap((part) => {
      const at = typeof part === 'string' ? part.indexOf(time) : -1;
      return at < 0
        ? [part]
        : [(part as string).slice(0, at), html`<time datetime=${iso} title=${formatDate(iso)}>${time}</time>`, (part as string).slice(at + time.length)];
    });
  });
  return parts;
}

/**
 * The page a partner starts on: the company, the four actions, key figures, sign-ups per week and
 * redemptions per offer, and what needs attention — trials ending or ended without a purchase,
 * delegations ending, requests unanswered or lapsing, service requests open too long — soonest
 * deadline first. A trial is followed up with a purchase offer (`partner-action` `follow-up`), an
 * ending delegation renewed at its level in place.
 *
 * What the user may not see is not in `GET /api/overview`, so it is not shown: the monthly
 * recurring total needs a global or billing admin, everything about customers partner access, the
 * notice of webhook endpoints disabled after failing `webhooks:manage` (`partner-action` `webhooks`).
 *
 * @fires partner-action - Go somewhere: `{ action, customerId?, followUp? }` (see PartnerActionDetail); `<partner-portal>` routes it to a tab.
 * @fires partner-delegation-requested - A renewal was asked for: the request, with the consent `url` to send.
 *
 * @csspart card - Each section; also `company`, `figures`, `attention`, `charts`, `first-steps`.
 * @csspart title - Section headings; `company-link` is the company's name.
 * @csspart notice - "N webhook endpoints disabled after failing" (also `webhooks-notice`), with `webhooks-link`.
 * @csspart actions - A row of buttons; `button`, `primary`, `action`.
 * @csspart tiles - The figures; `tile` is one, `tile-label`, `tile-value`, `tile-note` its lines.
 * @csspart item - One attention item (`urgent` within a week); `item-title`, `item-text`, `badge`.
 * @csspart chart - A chart with `chart-title`, `chart-summary`, `bars` or `hbars`, `chart-table`.
 * @csspart error - The alert region.
 * @csspart status - Loading lines.
 *
 * @cssprop [--partner-color-accent=#0969da] - Bars, primary buttons and the company link.
 * @cssprop [--partner-color-warning=#9a6700] - The mark of an item due within a week.
 */
export class PartnerOverview extends ApiElement {
  static override styles = [tokens, controls, styles];
  static override properties: PropertyDeclarations = {
    renewals: { state: true },
  };

  /** Per ending delegation: its renewal request being sent, sent (`view`), or failed (`error`). */
  private renewals: Record<string, { busy?: boolean; view?: DelegationRequestView; error?: unknown; copied?: CopyResult | null }> = {};

  #overview: OverviewView | null = null;
  readonly #copyField = onDemandPart(this, 'copy-text');

  /** The attention list; its first page comes with the figures and series. */
  readonly #attention = new PagedList<AttentionItem, readonly [ApiClient]>(
    this,
    () => [this.client] as const,
    ([client], cursor, signal) =>
      client.hasCredentials
        ? client.overview({ cursor }, { signal }).then((overview) => {
            if (!cursor) this.#overview = overview;
            return overview.attention ?? { items: [], nextCursor: null };
          })
        : initialState,
  );

  /** Loads everything again, e.g. when the overview is shown again after work elsewhere. */
  refresh() {
    this.renewals = {};
    void this.#attention.first.run();
  }

  protected override render() {
    const { status, error } = this.#attention.first;
    if (!this.client.hasCredentials) return html`<div part="card"><p part="intro">${msg('Sign in as a partner user to see the overview.')}</p></div>`;
    if (status === TaskStatus.ERROR) {
      return html`<div part="card"><h2 part="title">${msg('Overview')}</h2>${retryAlert(error, () => this.refresh())}</div>`;
    }
    const overview = this.#overview;
    if (!overview || status !== TaskStatus.COMPLETE) return html`<div part="card" aria-busy="true">${loadingLine(msg('Loading the overview…'))}</div>`;
    const partner = overview.figures.customers !== undefined;
    const items = this.#attention.items;
    const fresh = partner && overview.figures.customers === 0 && items.length === 0;
    return html`
      <header part="card company">
        <h2 part="title"><a part="company-link" href="#company" @click=${(e: Event) => this.#go(e, 'company')}>${overview.company.name}</a></h2>
        <p part="intro">${msg('Partner overview')}</p>
        ${partner ? html`<nav part="actions" aria-label=${msg('What you can do')}>${actions.map(([action, label]) => html`<button type="button" part="button action" @click=${(e: Event) => this.#go(e, action)}>${label()}</button>`)}</nav>` : nothing}
      </header>
      ${this.#renderWebhooks(overview.webhooks?.disabled.length ?? 0)}
      ${fresh ? this.#renderFirstSteps() : nothing}
      ${this.#renderFigures(overview.figures, partner)}
      ${partner && !fresh ? this.#renderAttention(items) : nothing}
      ${overview.series && !fresh
        ? html`<section part="card charts" aria-label=${msg('Charts')}>${signupChart(overview.series.signupsPerWeek)}${redemptionChart(overview.series.redemptionsPerOffer)}</section>`
        : nothing}
    `;
  }

  /** Endpoints disabled after failing for days: nothing reaches them until someone looks. */
  #renderWebhooks(disabled: number) {
    if (!disabled) return nothing;
    return html`
      <p part="card notice webhooks-notice" role="status">
        ${plural(disabled, {
          one: () => msg(str`${formatNumber(disabled)} webhook endpoint disabled after failing.`),
          other: () => msg(str`${formatNumber(disabled)} webhook endpoints disabled after failing.`),
        })}
        <a part="webhooks-link" href="#webhooks" @click=${(e: Event) => this.#go(e, 'webhooks')}>${msg('Review webhooks')}</a>
      </p>
    `;
  }

  #renderFirstSteps(): TemplateResult {
    return html`
      <section part="card first-steps" aria-labelledby="first-steps-title">
        <h3 part="title" id="first-steps-title">${msg('First steps')}</h3>
        <p part="intro">${msg('No customers yet. This is how partners usually begin:')}</p>
        <ol>
          ${firstSteps.map(
            ([action, label, why]) => html`<li>
              <button type="button" part="button action" @click=${(e: Event) => this.#go(e, action)}>${label()}</button>
              <p part="hint">${why()}</p>
            </li>`,
          )}
        </ol>
      </section>
    `;
  }

  #renderFigures(f: OverviewView['figures'], partner: boolean): TemplateResult {
    const tile = (label: string, value: string, note?: string) =>
      html`<div part="tile"><dt part="tile-label">${label}</dt><dd part="tile-value">${value}</dd>${note ? html`<dd part="tile-note">${note}</dd>` : nothing}</div>`;
    const delegations = f.delegationsInForce;
    const conversion = f.conversion;
    const managed = f.licensesUnderManagement ?? 0;
    const tiles = [
      f.customers !== undefined ? tile(msg('Customers'), formatNumber(f.customers)) : nothing,
      f.activeTrials !== undefined ? tile(msg('Active trials'), formatNumber(f.activeTrials)) : nothing,
      f.payingSubscriptions !== undefined
        ? tile(
            msg('Paying subscriptions'),
            formatNumber(f.payingSubscriptions),
            plural(managed, {
              one: () => msg(str`${formatNumber(managed)} license under management`),
              other: () => msg(str`${formatNumber(managed)} licenses under management`),
            }),
          )
        : nothing,
      f.monthlyRecurring ? tile(msg('Monthly recurring'), f.monthlyRecurring.map((m) => formatMoney(m.amountMinor, m.currency)).join(' + ') || formatMoney(0, 'USD')) : nothing,
      delegations
        ? tile(
            msg('Delegations in force'),
            formatNumber(delegations.full + delegations.limited),
            msg(str`${formatNumber(delegations.full)} full · ${formatNumber(delegations.limited)} limited`),
          )
        : nothing,
      conversion ? tile(msg('Trials converted'), conversion.rate === null ? '—' : formatPercent(conversion.rate), this.#conversionNote(conversion)) : nothing,
    ];
    return html`
      <section part="card figures" aria-labelledby="figures-title">
        <h3 part="title" id="figures-title">${msg('Key figures')}</h3>
        ${partner || f.monthlyRecurring
          ? html`<dl part="tiles">${tiles}</dl>`
          : html`<p part="intro">${msg('Figures about customers need administrative access to the companies you support; ask a global admin of your company for it.')}</p>`}
      </section>
    `;
  }

  /** "3 of 8 trials since …", or that none started. */
  #conversionNote({ converted, trialsStarted, since }: NonNullable<OverviewView['figures']['conversion']>): string {
    if (!trialsStarted) return msg('No trials in 90 days');
    const [of, started, date] = [formatNumber(converted), formatNumber(trialsStarted), formatDate(since)];
    return plural(trialsStarted, { one: () => msg(str`${of} of ${started} trial since ${date}`), other: () => msg(str`${of} of ${started} trials since ${date}`) });
  }

  #renderAttention(items: AttentionItem[]): TemplateResult {
    return html`
      <section part="card attention" aria-labelledby="attention-title">
        <h3 part="title" id="attention-title">${msg('Needs attention')}</h3>
        ${items.length
          ? html`<ul role="list">${items.map((item) => this.#renderItem(item))}</ul>`
          : html`<p part="intro">${msg('Nothing needs attention: no trial or delegation ends within 30 days, and every request has an answer.')}</p>`}
        ${loadMoreControls(this.#attention)}
      </section>
    `;
  }

  #renderItem(item: AttentionItem): TemplateResult {
    const open = html`<button type="button" part="button" aria-describedby="item-${item.id}" @click=${(e: Event) => this.#go(e, 'customer', item.customer.id)}>${msg('Open customer')}</button>`;
    const urgent = new Date(item.deadline).getTime() - Date.now() <= 7 * 86_400_000 && new Date(item.deadline).getTime() > Date.now();
    let badge: [string, string];
    let text: unknown[];
    let action: TemplateResult | typeof nothing = nothing;
    switch (item.kind) {
      case 'trial_ending':
      case 'trial_ended': {
        const ended = item.kind === 'trial_ended';
        badge = ended ? ['expired', msg('Trial ended')] : ['trial', msg('Trial ends')];
        const service = item.service.name;
        text = [
          ...timed([item.deadline], (when) => (ended ? msg(str`${service} trial ended ${when} without a purchase`) : msg(str`${service} trial ends ${when}`))),
          ` · ${licenseCount(item.licenses)}`,
          item.followUp ? ` · ${msg(str`follow-up offer sent ${formatDate(item.followUp.createdAt)}`)}` : '',
        ];
        const followUp = { customer: item.customer, serviceId: item.service.id, licenses: item.licenses };
        action = html`<button type="button" part="button primary" aria-describedby="item-${item.id}" @click=${(e: Event) => this.#go(e, 'follow-up', item.customer.id, followUp)}>${followUpLabel()}</button>`;
        break;
      }
      case 'delegation_ending': {
        badge = ['pending', msg('Delegation ends')];
        const renewal = this.renewals[item.id];
        const asked = renewal?.view?.createdAt ?? item.renewal?.requestedAt;
        const full = item.level === 'full';
        text = [
          ...timed([item.deadline], (when) => (full ? msg(str`Full delegated administration ends ${when}`) : msg(str`Limited delegated administration ends ${when}`))),
          asked ? ` · ${msg(str`renewal asked for ${formatDate(asked)}`)}` : '',
        ];
        action = html`${busyButton('primary', asked ? msg('Ask again') : msg('Ask to renew'), renewal?.busy && msg('Asking…'), () => this.#renew(item), undefined, `item-${item.id}`)}${this.#renderRenewal(item, renewal)}`;
        break;
      }
      case 'delegation_request': {
        badge = ['pending', item.reason === 'lapsing' ? msg('Request lapsing') : msg('Request unanswered')];
        const full = item.level === 'full';
        text = timed([item.requestedAt, item.lapsesAt], (asked, lapses) =>
          full
            ? msg(str`Full delegated administration asked for ${asked}; it lapses ${lapses}`)
            : msg(str`Limited delegated administration asked for ${asked}; it lapses ${lapses}`),
        );
        break;
      }
      case 'service_request': {
        badge = [item.severity, msg('Service request')];
        const title = item.title;
        text = timed([item.openedAt], (when) => msg(str`“${title}” open since ${when}`));
        break;
      }
    }
    return html`
      <li part="item${urgent ? ' urgent' : ''}">
        <div class="item-head">
          <h4 part="item-title">${item.customer.name}</h4>
          <span part="badge ${badge[0]}">${badge[1]}</span>
        </div>
        <p part="item-text" id="item-${item.id}">${text}</p>
        <div part="actions">${action}${open}</div>
      </li>
    `;
  }

  #renderRenewal(item: Extract<AttentionItem, { kind: 'delegation_ending' }>, renewal: (typeof this.renewals)[string] | undefined) {
    if (renewal?.error) return errorAlert(renewal.error);
    const view = renewal?.view;
    if (!view) return nothing;
    const copy = this.#copyField.value;
    return copy
      ? copy.copyField({
          id: `renewal-${item.id}`,
          label: msg(str`Consent link for ${item.customer.name}'s global admin`),
          value: view.url,
          copied: renewal.copied ?? null,
          onCopied: (copied) => (this.renewals = { ...this.renewals, [item.id]: { ...renewal, copied } }),
        })
      : this.#copyField.placeholder();
  }

  async #renew(item: Extract<AttentionItem, { kind: 'delegation_ending' }>) {
    if (this.renewals[item.id]?.busy) return;
    const set = (state: (typeof this.renewals)[string]) => (this.renewals = { ...this.renewals, [item.id]: state });
    set({ busy: true });
    try {
      const [view] = await Promise.all([this.client.requestDelegation(item.customer.id, { level: item.level }), this.#copyField.load()]);
      set({ view });
      this.dispatchEvent(partnerEvent('partner-delegation-requested', view));
    } catch (error) {
      set({ error });
    }
  }

  #go(event: Event, action: Action, customerId?: string, followUp?: PartnerActionDetail['followUp']) {
    event.preventDefault();
    this.dispatchEvent(partnerEvent('partner-action', { action, ...(customerId ? { customerId } : {}), ...(followUp ? { followUp } : {}) }));
  }
}

export const partnerOverviewTag = 'partner-overview';
if (!customElements.get(partnerOverviewTag)) customElements.define(partnerOverviewTag, PartnerOverview);

declare global {
  interface HTMLElementTagNameMap {
    'partner-overview': PartnerOverview;
  }
}

import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiElement } from '../api/api-element.ts';
import type { ApiClient, ApiRequestError, AuditEntryView, PartnerListItem, PublicDelegationView } from '../api/client.ts';
import { contactList, contactStyles } from '../contact-list.ts';
import { endOfDay, formatDate, today } from '../dates.ts';
import { delegationStateLabels } from '../delegation-text.ts';
import { busyButton, loadingLine } from '../busy.ts';
import { errorAlert, fieldMessages, retryAlert, toApiError } from '../error-messages.ts';
import { partnerEvent } from '../events.ts';
import { FocusAfterUpdate } from '../focus-after-update.ts';
import { msg, str } from '../localize.ts';
import { levelDescription, levelLabel } from '../level-texts.ts';
import { ofName } from '../of-name.ts';
import { onDemandPart } from '../load-part.ts';
import type { PagedList } from '../paged-list.ts';
import { controls } from '../styles/controls.ts';
import { tokens } from '../styles/tokens.ts';
import { textField } from '../text-field.ts';
import styles from './partner-delegation-consent.styles.ts';

type Busy = 'accept' | 'decline' | 'revoke' | 'csv' | null;
type AuditArgs = readonly [ApiClient, string | null, string, number];

/** The heading of a request still waiting for its answer. */
function askOf(r: PublicDelegationView): string {
  const partner = r.partner.name;
  return r.level === 'full' ? msg(str`${partner} asks for full administration of your company`) : msg(str`${partner} asks for limited administration of your company`);
}

/**
 * What an answered request gave, as a heading and a sentence or two: just now, or when the link is
 * opened again later. Sentences that follow one another go into one message as values, so its
 * translation sets what stands between them (no space in Japanese).
 */
function answerOf(r: PublicDelegationView): [string | TemplateResult, string] {
  const partner = r.partner.name;
  const on = r.answeredAt && formatDate(r.answeredAt);
  if (r.status === 'declined') {
    const none = msg(str`${partner} gets no access from this request. They can send a new one.`);
    return [msg('Request declined'), on ? msg(str`Declined on ${on}: ${none}`) : none];
  }
  const accepted = (what: string) => (on ? msg(str`Accepted on ${on}: ${what}`) : what);
  if (r.status !== 'active') {
    return [msg('This request has ended'), accepted(r.status === 'revoked' ? msg('That access has since been revoked.') : msg('That access has since expired.'))];
  }
  const until = r.expiresAt && formatDate(r.expiresAt);
  const gives =
    r.level === 'full'
      ? until ? msg(str`${partner} has full administration of your company until ${until}.`) : msg(str`${partner} has full administration of your company until you revoke it.`)
      : until ? msg(str`${partner} has limited administration of your company until ${until}.`) : msg(str`${partner} has limited administration of your company until you revoke it.`);
  return [html`<span class="mark" aria-hidden="true">✓</span> ${msg('Request accepted')}`, accepted(msg(str`${gives} You can revoke it at any time under your partners.`))];
}

/** A heading and a sentence for the failures a person can act on; `null` for the rest (shown as they are, with "Try again"). */
function problemOf(error: ApiRequestError): [string, string] | null {
  switch (error.status) {
    case 401:
      return [msg('Sign in to answer this request'), msg('Your session has ended. Sign in again as a global admin of your company.')];
    case 403:
      return [
        msg('Only the company’s global admin can answer this'),
        msg('Only a global admin of the company it was sent to may answer it, and this account (a partner’s, or one without that role) is not one. Sign out, then sign in as your company’s global admin.'),
      ];
    case 404:
      return [msg('This link is not valid'), msg('Check that you opened the whole link from the partner’s message, or ask them for a new one.')];
    case 410:
      return error.code === 'delegation_withdrawn'
        ? [msg('This request was replaced'), msg('The partner sent a newer request, so this link no longer works. Use their latest link, or find the open request under your partners.')]
        : [msg('This request has expired'), msg('Nobody answered it in time, so it lapsed and grants nothing. Ask the partner for a new one if you want to give them access.')];
    default:
      return null;
  }
}

/**
 * For a customer's global admin: answers a partner's request for delegated administration, and
 * shows the company's partners with their access and what they did.
 *
 * With a request code (the `code` attribute, else `?delegation=` in the page's URL) it shows the
 * request: which partner, what level and what it allows, until when it can be answered; Accept
 * (with an optional end date) or Decline. Without one it lists the company's partners (advisor,
 * delegation state, level, end date, an open request to review) with Revoke for an active
 * delegation, after a confirmation; and the audit of partner actions, paged, filtered by partner,
 * downloadable as CSV.
 *
 * Uses `<partner-session>`'s client, or its own `api-base` and `token`. The BFF lets only the
 * customer's global admin do any of it; anyone else is told so.
 *
 * @fires partner-delegation-accepted - A request was accepted. `detail`: the request as answered (`status: 'active'`, `expiresAt`).
 * @fires partner-delegation-declined - A request was declined. `detail`: the request as answered.
 * @fires partner-delegation-revoked - A delegation was revoked. `detail`: `{ partnerId, delegation }`.
 *
 * @csspart card - Each box: also `request`, `problem`, `partners`, `audit`, `signed-out`.
 * @csspart title - Headings; `subtitle` for the level's.
 * @csspart intro - The line under a heading.
 * @csspart partner - The requesting partner's name and contact details; `partner-name`, `contact`.
 * @csspart level - The level asked for and its `description`.
 * @csspart facts - When the request was made and until when it can be answered.
 * @csspart form - The answer form; `field`, `label`, `input`, `hint`, `field-error`.
 * @csspart note - What an answered request gave.
 * @csspart error - The alert region.
 * @csspart actions - Rows of buttons; `button`, `primary`, `danger`, `accept`, `decline`, `review`, `revoke`, `confirm-revoke`, `cancel`, `more`, `download`, `partners-link`.
 * @csspart status - The loading line, counts and notices.
 * @csspart list - The partners; `row` is one, `identity`, `name`, `delegation`, `row-actions`.
 * @csspart badge - "Advisor" and delegation states (also `advisor`, and the state: `active`, `pending`, `revoked` …).
 * @csspart confirm - The revoke confirmation.
 * @csspart filters - The audit's partner filter.
 * @csspart entries - The audit entries; `entry` is one, `time`, `action`, `target`, `who`.
 *
 * @cssprop [--partner-font-family=system-ui, …] - Font.
 * @cssprop [--partner-font-size=1rem] - Base font size.
 * @cssprop [--partner-radius=8px] - Corner radius.
 * @cssprop [--partner-space=1rem] - Spacing unit.
 * @cssprop [--partner-density=1] - Scales every gap and padding (0.75 compact, 1.25 roomy).
 * @cssprop [--partner-color-text=#1f2328] - Text.
 * @cssprop [--partner-color-muted=#59636e] - Secondary text.
 * @cssprop [--partner-color-surface=#ffffff] - Card and input background.
 * @cssprop [--partner-color-surface-alt=#f6f8fa] - The partner box and badges.
 * @cssprop [--partner-color-border=#d1d9e0] - Borders and row dividers.
 * @cssprop [--partner-color-input-border=#6e7781] - Input and button border.
 * @cssprop [--partner-color-accent=#0969da] - Primary buttons, links.
 * @cssprop [--partner-color-on-accent=#ffffff] - Text on the accent color.
 * @cssprop [--partner-color-focus=#0969da] - Focus ring.
 * @cssprop [--partner-color-danger=#b42318] - Errors and the revoke button.
 * @cssprop [--partner-color-danger-surface=#fef3f2] - Error background.
 * @cssprop [--partner-color-success=#1a7f37] - The accepted mark and the "Active" badge.
 * @cssprop [--partner-color-success-surface=#dafbe1] - The "Active" badge's background.
 * @cssprop [--partner-shadow=0 1px 3px rgb(31 35 40 / 0.12)] - Card shadow.
 */
export class PartnerDelegationConsent extends ApiElement {
  static override styles = [tokens, controls, contactStyles, styles];
  static override properties: PropertyDeclarations = {
    code: {},
    pageSize: { type: Number, attribute: 'page-size' },
    reviewing: { state: true },
    showList: { state: true },
    answered: { state: true },
    problem: { state: true },
    busy: { state: true },
    error: { state: true },
    confirming: { state: true },
    notice: { state: true },
    auditPartner: { state: true },
    csvError: { state: true },
  };

  /** The request's code. Unset: `?delegation=` of the page's URL; without either, the partners and the audit. */
  code: string | null = null;

  /** Audit entries per page (1–100). */
  pageSize = 20;

  /** A request opened from the partners list ("Review request"). */
  private reviewing: string | null = null;
  /** "See all your partners" was chosen: the list, though the page's URL names a request. */
  private showList = false;
  /** The request as just answered here. */
  private answered: PublicDelegationView | null = null;
  /** Why the request can no longer be answered (an answer came back 401, 403, 404 or 410). */
  private problem: ApiRequestError | null = null;
  private busy: Busy = null;
  /** A failed answer or revocation, shown beside its buttons. */
  private error: ApiRequestError | null = null;
  /** The partner whose revocation waits for a confirmation. */
  private confirming: string | null = null;
  private notice = '';
  /** The audit's partner filter; empty for all. */
  private auditPartner = '';
  /** A failed CSV download. */
  private csvError: ApiRequestError | null = null;

  readonly #focus = new FocusAfterUpdate(this);

  /** The request shown: one opened from the list, else the attribute, else the page URL's `?delegation=`; `null` for the list. */
  get requestCode(): string | null {
    if (this.reviewing) return this.reviewing;
    if (this.showList) return null;
    return this.code || new URLSearchParams(globalThis.location?.search ?? '').get('delegation') || null;
  }

  readonly #request = new Task(this, {
    args: () => [this.client, this.requestCode] as const,
    task: async ([client, code], { signal }) => (code && client.hasCredentials ? client.delegationRequest(code, { signal }) : initialState),
  });

  readonly #partners = new Task(this, {
    args: () => [this.client, this.requestCode] as const,
    task: async ([client, code], { signal }) => {
      if (code || !client.hasCredentials) return initialState;
      // A customer has a handful of partners: all of them, a hundred a page.
      const items: PartnerListItem[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.partners({ cursor, limit: 100 }, { signal });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
  });

  /** The activity log, loaded when the overview first shows (dist/elements; the bundle has it). */
  readonly #auditPart = onDemandPart(this, 'consent-audit');
  /** The audit of partner actions, newest first, for the partner filter; there once its part is. */
  #audit: PagedList<AuditEntryView, AuditArgs> | undefined;

  protected override willUpdate(changed: PropertyValues<this>) {
    // Another request: nothing said about the previous one stays.
    if (changed.has('code')) this.answered = this.problem = this.error = null;
    if (this.requestCode || !this.client.hasCredentials) return;
    const part = this.#auditPart.value;
    if (!part) {
      if (!this.#auditPart.error) void this.#auditPart.load();
      return;
    }
    // Made in willUpdate, its task sees this update and asks for the first page.
    this.#audit ??= part.auditPages<AuditArgs>(
      this,
      () => [this.client, this.requestCode, this.auditPartner, this.pageSize] as const,
      ([client, code, partnerId, limit], cursor, signal) =>
        code || !client.hasCredentials ? initialState : client.audit({ partnerId: partnerId || undefined, cursor, limit }, { signal }),
    );
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#audit?.abort();
  }

  protected override render() {
    const code = this.requestCode;
    if (!this.client.hasCredentials) {
      return this.#card(
        'signed-out',
        code ? msg('A partner’s request') : msg('Your partners'),
        html`<p part="intro">
          ${code ? msg('Sign in as a global admin of your company to see and answer this request.') : msg('Sign in as a global admin of your company to see its partners and what they did.')}
        </p>`,
      );
    }
    return code ? this.#renderRequestView() : this.#renderOverview();
  }

  #card(part: string, title: string | TemplateResult, content: unknown, id = `${part}-title`): TemplateResult {
    return html`
      <section part="card ${part}" aria-labelledby=${id}>
        <h2 id=${id} part="title" tabindex="-1">${title}</h2>
        ${content}
      </section>
    `;
  }

  #partnersButton(): TemplateResult {
    return busyButton('partners-link', this.reviewing ? msg('Back to your partners') : msg('See all your partners'), null, this.#showPartners);
  }

  // ——— One request ———

  #renderRequestView(): TemplateResult {
    const { status, value, error } = this.#request;
    const failure = this.problem ?? (status === TaskStatus.ERROR ? toApiError(error) : null);
    if (failure) {
      const [title, text] = problemOf(failure) ?? [msg('Could not load the request'), ''];
      const link = failure.status === 404 || failure.status === 410;
      return this.#card('problem', title, html`
        ${text ? html`<p part="intro">${text}</p>` : errorAlert(failure)}
        ${text && !link
          ? nothing
          : html`<div part="actions">${text ? this.#partnersButton() : busyButton('primary', msg('Try again'), null, () => this.#request.run())}</div>`}
      `);
    }
    const r = this.answered ?? value;
    // The heading is there from the start, so focus sent to it (a request opened from the list) stays.
    if (!r) return this.#card('request', msg('A partner’s request'), loadingLine(msg('Loading the request…')));
    const pending = r.status === 'pending';
    const [heading, answerText] = pending ? [askOf(r), ''] : answerOf(r);
    const errors = fieldMessages(this.error, (path) => (path === 'body.expiresAt' ? 'end-date' : undefined));
    const alert = errorAlert(this.error, (path) => (errors.size && path === 'body.expiresAt' ? path : undefined));
    return this.#card('request', heading, html`
      <div part="partner">
        <p part="partner-name">${r.partner.name}</p>
        ${contactList(r.partner)}
      </div>
      <div part="level">
        <h3 part="subtitle">${levelLabel(r.level)}</h3>
        <p part="description">${levelDescription(r.level, r.description)}</p>
      </div>
      <dl part="facts" class="pairs">
        <div>
          <dt>${msg('Requested', { id: 'delegation-requested-on' })}</dt>
          <dd>${formatDate(r.requestedAt)}</dd>
        </div>
        ${pending && r.requestExpiresAt ? html`<div><dt>${msg('Answer by')}</dt><dd>${formatDate(r.requestExpiresAt)}</dd></div>` : nothing}
      </dl>
      ${pending
        ? html`
            <form part="form" @submit=${this.#onAccept}>
              ${textField({
                id: 'end-date',
                name: 'endDate',
                label: msg('End date (optional)'),
                type: 'date',
                min: today(),
                hint: msg('The access ends at the end of that day. Without a date, it lasts until you revoke it, which you can do at any time.'),
                messages: errors.get('end-date'),
                readonly: this.busy !== null,
              })}
              ${alert}
              <div part="actions">
                ${busyButton('primary accept', msg('Accept'), this.busy === 'accept' ? msg('Accepting…') : !!this.busy)}
                ${busyButton('decline', msg('Decline'), this.busy === 'decline' && msg('Declining…'), this.#onDecline)}
                ${this.reviewing ? this.#partnersButton() : nothing}
              </div>
            </form>
          `
        : html`<p part="note" class="note">${answerText}</p>
            ${alert}
            <div part="actions">${this.#partnersButton()}</div>`}
    `);
  }

  #onAccept = (event: SubmitEvent) => {
    event.preventDefault();
    const endDate = String(new FormData(event.currentTarget as HTMLFormElement).get('endDate') ?? '');
    void this.#answer('accept', (code) => this.client.acceptDelegation(code, endDate ? { expiresAt: endOfDay(endDate) } : {}));
  };

  #onDecline = () => void this.#answer('decline', (code) => this.client.declineDelegation(code));

  async #answer(kind: 'accept' | 'decline', send: (code: string) => Promise<PublicDelegationView>) {
    const code = this.requestCode;
    if (this.busy || !code) return;
    this.busy = kind;
    this.error = null;
    try {
      const answered = await send(code);
      this.answered = answered;
      this.#focus.request('#request-title');
      this.dispatchEvent(partnerEvent(kind === 'accept' ? 'partner-delegation-accepted' : 'partner-delegation-declined', answered));
    } catch (error) {
      const failure = toApiError(error);
      if (problemOf(failure)) {
        this.problem = failure;
        this.#focus.request('#problem-title');
      } else {
        this.error = failure;
        // 409: someone answered first; show how the request stands now.
        if (failure.status === 409) void this.#request.run();
      }
    } finally {
      this.busy = null;
    }
  }

  #showPartners = () => {
    this.reviewing = null;
    this.showList = true;
    this.answered = this.problem = this.error = null;
    this.#focus.request('#partners-title');
  };

  #review(code: string) {
    this.reviewing = code;
    this.answered = this.problem = this.error = null;
    this.notice = '';
    this.#focus.request('#request-title');
  }

  // ——— Partners and audit ———

  #renderOverview(): TemplateResult {
    const { status, value, error } = this.#partners;
    if (status === TaskStatus.ERROR) {
      const failure = toApiError(error);
      const text =
        failure.status === 401
          ? msg('Your session has ended. Sign in as your company’s global admin.')
          : failure.status === 403
            ? msg('Only a customer company’s global admin can see its partners. Sign in as your company’s global admin.')
            : null;
      return this.#card('partners', msg('Your partners'), text
        ? html`<p part="intro">${text}</p>`
        : retryAlert(failure, () => this.#partners.run(), 'primary'));
    }
    if (!value) return this.#card('partners', msg('Your partners'), loadingLine(msg('Loading your partners…')));
    return html`
      ${this.#card('partners', msg('Your partners'), html`
        <p part="intro">${msg('A partner with delegated administration can act as an admin of your company, at the level you granted.')}</p>
        <p part="status" role="status">${this.notice}</p>
        ${value.length
          ? html`<ul part="list" role="list">${value.map((p) => this.#renderPartner(p))}</ul>`
          : html`<p part="status">${msg('No partners yet. A partner appears here once you sign up through one of their offers.')}</p>`}
      `)}
      ${this.#renderAudit(value)}
    `;
  }

  #renderPartner(p: PartnerListItem): TemplateResult {
    const d = p.delegation;
    const request = p.pendingRequest;
    const level = levelLabel(d.level);
    return html`
      <li part="row">
        <div part="identity">
          <h3 id="partner-${p.id}" part="name" tabindex="-1">${p.name}</h3>
          ${p.isAdvisor ? html`<span part="badge advisor">${msg('Advisor')}</span>` : nothing}
          ${contactList(p)}
        </div>
        <dl part="delegation" class="pairs">
          <div>
            <dt>${msg('Delegated admin')}</dt>
            <dd>
              <span part="badge ${d.status}">${delegationStateLabels[d.status]}</span>
              ${d.status !== 'active' ? level : d.expiresAt ? msg(str`${level}, until ${formatDate(d.expiresAt)}`) : msg(str`${level}, no end date`)}
            </dd>
          </div>
          ${request
            ? html`<div>
                <dt>${msg('Open request')}</dt>
                <dd>${request.requestExpiresAt ? msg(str`${levelLabel(request.level)}, answer by ${formatDate(request.requestExpiresAt)}`) : levelLabel(request.level)}</dd>
              </div>`
            : nothing}
        </dl>
        <div part="row-actions">
          ${request
            ? busyButton(
                'primary review',
                html`${msg('Review request')}${ofName(p.name)}`,
                null,
                () => this.#review(request.code),
              )
            : nothing}
          ${d.status === 'active' && this.confirming !== p.id
            ? html`<button type="button" id="revoke-${p.id}" part="button revoke" @click=${() => this.#confirm(p.id)}>
                ${msg('Revoke')}<span class="visually-hidden"> ${msg(str`the access of ${p.name}`, { desc: 'read after “Revoke”' })}</span>
              </button>`
            : nothing}
        </div>
        ${this.confirming === p.id ? this.#renderConfirm(p) : nothing}
      </li>
    `;
  }

  #renderConfirm(p: PartnerListItem): TemplateResult {
    return html`
      <div part="confirm" class="note" role="group" aria-labelledby="confirm-${p.id}" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.#cancel(p.id)}>
        <p id="confirm-${p.id}">
          ${p.delegation.level === 'full'
            ? msg(str`Revoke the full administration of ${p.name}? It ends at once; to get it back, they must ask again.`)
            : msg(str`Revoke the limited administration of ${p.name}? It ends at once; to get it back, they must ask again.`)}
        </p>
        ${errorAlert(this.error)}
        <div part="actions">
          ${busyButton('danger confirm-revoke', msg('Revoke access'), this.busy === 'revoke' && msg('Revoking…'), () => this.#revoke(p))}
          <button type="button" id="keep-${p.id}" part="button cancel" @click=${() => this.#cancel(p.id)}>${msg('Keep access')}</button>
        </div>
      </div>
    `;
  }

  #confirm(partnerId: string) {
    this.confirming = partnerId;
    this.error = null;
    this.notice = '';
    // The safe choice first: Enter on the focused button must not revoke.
    this.#focus.request(`#keep-${partnerId}`);
  }

  #cancel(partnerId: string) {
    if (this.busy) return;
    this.confirming = this.error = null;
    this.#focus.request(`#revoke-${partnerId}`);
  }

  async #revoke(p: PartnerListItem) {
    if (this.busy) return;
    this.busy = 'revoke';
    this.error = null;
    try {
      const delegation = await this.client.revokeDelegation(p.id);
      this.confirming = null;
      this.notice = msg(str`${p.name} no longer has delegated administration of your company.`);
      this.#focus.request(`#partner-${p.id}`);
      this.dispatchEvent(partnerEvent('partner-delegation-revoked', { partnerId: p.id, delegation }));
      void this.#partners.run();
      void this.#audit?.first.run();
    } catch (error) {
      this.error = toApiError(error);
      // 404: it had already ended (expired, or revoked elsewhere); show the list as it is now.
      if (this.error.status === 404) void this.#partners.run();
    } finally {
      this.busy = null;
    }
  }

  #renderAudit(partners: PartnerListItem[]): TemplateResult {
    const part = this.#auditPart.value;
    const audit = this.#audit;
    if (!part || !audit) return html`<section part="card audit">${this.#auditPart.placeholder(msg('Loading activity…'))}</section>`;
    return part.auditLog({
      audit: audit as PagedList<AuditEntryView, readonly unknown[]>,
      partners,
      partnerId: this.auditPartner,
      onPartner: (partnerId) => (this.auditPartner = partnerId),
      preparing: this.busy === 'csv',
      onDownload: this.#downloadCsv,
      csvError: this.csvError,
    });
  }

  #downloadCsv = async () => {
    if (this.busy) return;
    this.busy = 'csv';
    this.csvError = null;
    try {
      await this.#auditPart.value?.downloadAuditCsv(this.client, this.auditPartner);
    } catch (error) {
      this.csvError = toApiError(error);
    } finally {
      this.busy = null;
    }
  };
}

export const partnerDelegationConsentTag = 'partner-delegation-consent';
if (!customElements.get(partnerDelegationConsentTag)) customElements.define(partnerDelegationConsentTag, PartnerDelegationConsent);

declare global {
  interface HTMLElementTagNameMap {
    'partner-delegation-consent': PartnerDelegationConsent;
  }
}

import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ApiElement } from '../api/api-element.ts';
import type { ApiClient, ApiRequestError, MeView, NewOffer, OfferView, RolesView, ServiceView } from '../api/client.ts';
import { FocusAfterUpdate } from '../focus-after-update.ts';
import { endOfDay, today } from '../dates.ts';
import { busyButton, loadingLine } from '../busy.ts';
import { errorAlert, errorText, fieldMessages, toApiError } from '../error-messages.ts';
import { partnerEvent, type OfferFollowUp } from '../events.ts';
import { onDemandPart } from '../load-part.ts';
import { msg, str } from '../localize.ts';
import { levelDescription, levelLabel } from '../level-texts.ts';
import { formatMoney, formatMonthlyTotal } from '../money.ts';
import { formatNumber } from '../numbers.ts';
import type { PagedList } from '../paged-list.ts';
import { fieldError, textField } from '../text-field.ts';
import { controls } from '../styles/controls.ts';
import { offerControls } from '../styles/offer-controls.ts';
import { tokens } from '../styles/tokens.ts';
import type { ListedOffer } from './offer-list.ts';
import styles from './partner-offer-builder.styles.ts';

type Kind = OfferView['kind'];
type Status = OfferView['status'];
type Level = NonNullable<OfferView['delegatedAdmin']>;
type DelegationLevel = RolesView['delegationLevels'][number];

/** What the builder needs before it can show the form: who is signed in, the catalog, the delegation levels. */
interface Setup {
  me: MeView;
  /** `null` when the user may not use partner features (then nothing else was fetched). */
  catalog: ServiceView[] | null;
  levels: DelegationLevel[];
}

/** Functions: read in the language of the moment. */
const kindLabels: Record<Kind, () => string> = { trial: () => msg('Trial invitation'), purchase: () => msg('Purchase offer') };
const statusLabels: Record<Status, () => string> = { active: () => msg('Active'), expired: () => msg('Expired'), revoked: () => msg('Revoked') };
const asksFor: Record<Level, () => string> = { full: () => msg('asks for full delegated admin'), limited: () => msg('asks for limited delegated admin') };
const pageSize = 10;
type OfferArgs = readonly [ApiClient, boolean, Status | '', Kind | ''];

/** A filter's choices: "All", then each label. */
const filterOptions = (labels: Record<string, () => string>): [string, string][] => [['', msg('All')], ...Object.entries(labels).map(([v, label]): [string, string] => [v, label()])];

const pricePerLicense = (s: Pick<ServiceView, 'priceMinor' | 'currency'>) => msg(str`${formatMoney(s.priceMinor, s.currency)} per license/month`);

/** A name for an offer that has none: what it contains. */
function offerTitle(offer: OfferView): string {
  if (offer.name) return offer.name;
  const services = offer.items.map((i) => i.name).join(', ');
  return offer.kind === 'trial' ? msg(str`Trial of ${services}`) : msg(str`Offer: ${services}`);
}

function offerContents(offer: OfferView): string {
  return offer.items
    .map((i) => (offer.kind === 'trial' ? msg(str`${i.name} (${i.trialDays}-day trial)`) : `${i.name} × ${formatNumber(i.licenses ?? i.minLicenses)}`))
    .join(', ');
}

/** Its kind, contents and what it asks for, in one line. Only a purchase offer (a follow-up) has a customer. */
function offerSummary(offer: OfferView): string {
  const kind = offer.customer ? msg(str`Purchase offer for ${offer.customer.name} only`) : kindLabels[offer.kind]();
  return [kind, offerContents(offer), offer.delegatedAdmin && asksFor[offer.delegatedAdmin]()].filter(Boolean).join(' · ');
}

/**
 * Builds trial invitations and purchase offers from the catalog, hands out their URL (copy, or a
 * ready-made email), and lists the partner's offers with their status and how many customers
 * signed up, with revoke.
 *
 * Needs a partner user with access to companies they support (`partner:use`); others see a short
 * explanation. Uses `<partner-session>`'s client, or its own `api-base` and `token`.
 *
 * Delegated-admin levels and their descriptions come from `GET /api/roles`, the catalog from
 * `GET /api/catalog`; prices are formatted for the reader's locale.
 *
 * `startOffer('purchase', followUp)` opens the form as a follow-up to a customer's trial (what
 * `<partner-overview>` asks for): that service and license count, and a link only that customer
 * can redeem, which buys the trial it holds.
 *
 * @fires partner-offer-created - An offer was created. `detail`: the offer, with `code` and `url`.
 * @fires partner-offer-revoked - An offer was revoked. `detail`: the offer as revoked.
 *
 * @csspart card - The builder, the created offer and the list; also `builder`, `created`, `list`.
 * @csspart title - Each card's heading.
 * @csspart intro - The line under a heading.
 * @csspart form - The offer form.
 * @csspart segmented - The trial / purchase switch; `segment` is one choice.
 * @csspart options - A list of services or levels; `option` is one, `option-label` its name.
 * @csspart description - A service's or level's description.
 * @csspart price - A service's price and trial length.
 * @csspart stepper - A license-count stepper; `stepper-controls`, `step` (− and +), `licenses` (the input).
 * @csspart total - The running monthly total.
 * @csspart field - A label with its input and messages; `label`, `input`, `hint`, `field-error`.
 * @csspart error - The alert region with the server's message.
 * @csspart actions - A row of buttons; `button`, `primary`, `danger`.
 * @csspart url - The created offer's URL (read-only input).
 * @csspart mailto - The "Send by email" link.
 * @csspart filters - The list's status and kind filters.
 * @csspart offer - One offer in the list; `offer-title`, `offer-meta`, `redemptions`.
 * @csspart badge - An offer's status; also `active`, `expired` or `revoked`.
 * @csspart status - Loading lines and the copy confirmation.
 * @csspart addressed - The note on a follow-up offer naming its one customer.
 *
 * @cssprop [--partner-font-family=system-ui, …] - Font.
 * @cssprop [--partner-font-size=1rem] - Base font size.
 * @cssprop [--partner-radius=8px] - Corner radius.
 * @cssprop [--partner-space=1rem] - Spacing unit.
 * @cssprop [--partner-density=1] - Scales every gap and padding (0.75 compact, 1.25 roomy).
 * @cssprop [--partner-color-text=#1f2328] - Text.
 * @cssprop [--partner-color-muted=#59636e] - Secondary text.
 * @cssprop [--partner-color-surface=#ffffff] - Card and input background.
 * @cssprop [--partner-color-surface-alt=#f6f8fa] - Total and read-only backgrounds.
 * @cssprop [--partner-color-border=#d1d9e0] - Borders.
 * @cssprop [--partner-color-input-border=#6e7781] - Input and button border.
 * @cssprop [--partner-color-accent=#0969da] - Primary button, chosen options.
 * @cssprop [--partner-color-on-accent=#ffffff] - Text on the accent color.
 * @cssprop [--partner-color-focus=#0969da] - Focus ring.
 * @cssprop [--partner-color-danger=#b42318] - Errors, revoke, the revoked badge.
 * @cssprop [--partner-color-danger-surface=#fef3f2] - Error background.
 * @cssprop [--partner-color-success=#1a7f37] - The active badge and "copied".
 * @cssprop [--partner-color-success-surface=#dafbe1] - The active badge's background.
 * @cssprop [--partner-shadow=0 1px 3px rgb(31 35 40 / 0.12)] - Card shadow.
 */
export class PartnerOfferBuilder extends ApiElement {
  static override styles = [tokens, controls, offerControls, styles];
  static override properties: PropertyDeclarations = {
    kind: { state: true },
    trialServiceId: { state: true },
    purchase: { state: true },
    askDelegation: { state: true },
    level: { state: true },
    creating: { state: true },
    createError: { state: true },
    noServices: { state: true },
    created: { state: true },
    statusFilter: { state: true },
    kindFilter: { state: true },
    revokeError: { state: true },
    confirmRevoke: { state: true },
    revoking: { state: true },
    copied: { state: true },
    addressedTo: { state: true },
  };

  // The form.
  private kind: Kind = 'trial';
  private trialServiceId: string | null = null;
  /** Purchase: the chosen services and their license counts as typed, by service id. */
  private purchase: Record<string, string> = {};
  private askDelegation = false;
  private level: Level | null = null;
  private creating = false;
  private createError: ApiRequestError | null = null;
  /** "Choose at least one service", shown once a purchase offer without services was submitted. */
  private noServices = false;
  private created: OfferView | null = null;
  /** A follow-up purchase offer's customer: only they can redeem it. */
  private addressedTo: OfferFollowUp['customer'] | null = null;

  // The list.
  private statusFilter: Status | '' = '';
  private kindFilter: Kind | '' = '';
  /** Why the last revocation failed. */
  private revokeError: ApiRequestError | null = null;
  private confirmRevoke: string | null = null;
  private revoking: string | null = null;
  /** Which URL was copied (`created` or an offer id), and how: to the clipboard, or selected for the person to copy. */
  private copied: { id: string; how: 'clipboard' | 'manual' } | null = null;

  /** The items sent with the last create, so `body.items.2.licenses` finds its stepper. */
  #sentItems: string[] = [];
  readonly #focus = new FocusAfterUpdate(this);
  /** The license steppers of a purchase offer, loaded when one is first built (dist/elements; the bundle has them). */
  readonly #stepper = onDemandPart(this, 'license-stepper');
  /** The created offer's view, loaded with the first create request. */
  readonly #createdView = onDemandPart(this, 'offer-created');
  /** The list of offers, loaded once the user may see them (dist/elements; the bundle has it). */
  readonly #listPart = onDemandPart(this, 'offer-list');

  readonly #setup = new Task(this, {
    args: () => [this.client] as const,
    task: async ([client], { signal }): Promise<Setup | null> => {
      if (!client.hasCredentials) return null;
      const me = await client.me({ signal });
      if (!me.permissions.includes('partner:use')) return { me, catalog: null, levels: [] };
      const [catalog, roles] = await Promise.all([client.catalog({ signal }), client.roles({ signal })]);
      return { me, catalog: catalog.items, levels: roles.delegationLevels };
    },
  });

  /** The partner's offers, newest first, for the filters; there once the list's part is. */
  #offers: PagedList<OfferView, OfferArgs> | undefined;

  protected override willUpdate() {
    if (this.kind === 'purchase' && !this.#stepper.value && !this.#stepper.error) void this.#stepper.load();
    if (!this.#setup.value?.catalog) return;
    const listPart = this.#listPart.value;
    if (!listPart) {
      if (!this.#listPart.error) void this.#listPart.load();
    } else {
      // Made in willUpdate, its task sees this update and asks for the first page.
      this.#offers ??= listPart.offerPages<OfferArgs>(
        this,
        () => [this.client, !!this.#setup.value?.catalog, this.statusFilter, this.kindFilter] as const,
        ([client, allowed, status, kind], cursor, signal) =>
          allowed ? client.offers({ status: status || undefined, kind: kind || undefined, cursor, limit: pageSize }, { signal }) : initialState,
      );
    }
  }

  protected override render() {
    const { status, value, error } = this.#setup;
    if (status === TaskStatus.ERROR) {
      return html`
        <div part="card">
          <h2 part="title">${msg('Offers')}</h2>
          <div part="error" role="alert" class="shown">${msg('Could not load the catalog.')} ${errorText(error)}</div>
          <div part="actions"><button type="button" part="button" @click=${() => this.#setup.run()}>${msg('Try again')}</button></div>
        </div>
      `;
    }
    if (status !== TaskStatus.COMPLETE && !value) {
      return html`<div part="card" aria-busy="true">${loadingLine(msg('Loading the catalog…'))}</div>`;
    }
    if (!value) {
      return html`<div part="card"><h2 part="title">${msg('Offers')}</h2><p part="intro">${msg('Sign in as a partner user to build offers.')}</p></div>`;
    }
    if (!value.catalog) {
      return html`
        <div part="card">
          <h2 part="title">${msg('Offers')}</h2>
          <p part="intro">
            ${msg(str`Building, listing and revoking offers needs administrative access to the companies you support (full or limited). Ask a global admin of ${value.me.company.name} to give it to you.`)}
          </p>
        </div>
      `;
    }
    return html`
      ${this.created ? this.#renderCreated(this.created, value.me) : this.#renderForm(value.catalog, value.levels)}
      ${this.#renderList()}
    `;
  }

  // ——— The form ———

  #renderForm(catalog: ServiceView[], levels: DelegationLevel[]): TemplateResult {
    const errors = fieldMessages(this.createError, (path) => this.#fieldOf(path));
    const busy = this.creating;
    return html`
      <section part="card builder" aria-labelledby="builder-title">
        <h2 id="builder-title" part="title" tabindex="-1">${msg('New offer')}</h2>
        ${this.addressedTo
          ? html`<p part="addressed" role="note">
              <span>${msg(str`Follow-up for ${this.addressedTo.name}: only they can use its link, and it buys the trial they hold.`)}</span>
              <button type="button" part="button" @click=${() => (this.addressedTo = null)}>${msg('Make it for anyone')}</button>
            </p>`
          : nothing}
        <form part="form" @submit=${this.#onCreate}>
          <fieldset ?disabled=${busy}>
            <legend>${msg('Type of offer')}</legend>
            <div part="segmented">
              ${(['trial', 'purchase'] as const).map(
                (kind) => html`
                  <label part="segment">
                    <input type="radio" name="kind" value=${kind} .checked=${this.kind === kind} @change=${() => this.#setKind(kind)} />
                    ${kindLabels[kind]()}
                  </label>
                `,
              )}
            </div>
            <p part="hint" id="kind-hint">
              ${this.kind === 'trial'
                ? msg('One service, free for its trial period.')
                : msg('One or more services with a proposed number of licenses; the customer may change the counts.')}
            </p>
            ${fieldError('kind', errors.get('kind'))}
          </fieldset>

          ${this.kind === 'trial' ? this.#renderTrialServices(catalog, errors, busy) : this.#renderPurchaseServices(catalog, errors, busy)}
          ${this.#renderDelegation(levels, errors, busy)}

          <div class="details">
            ${textField({
              id: 'name',
              label: html`${msg('Offer name')} <span class="optional">${msg('(optional)')}</span>`,
              maxlength: 200,
              hint: msg("For your list; customers see it as the offer's title."),
              readonly: busy,
              messages: errors.get('name'),
            })}
            ${textField({
              id: 'expires',
              label: html`${msg('Expires')} <span class="optional">${msg('(optional)')}</span>`,
              type: 'date',
              min: today(),
              hint: msg('The link works until the end of this day. Empty: until you revoke it.'),
              readonly: busy,
              messages: errors.get('expires'),
            })}
          </div>

          ${errorAlert(this.createError, (path) => (errors.has(this.#fieldOf(path) ?? '') ? path : undefined))}
          <div part="actions">
            ${busyButton('primary', msg('Create offer'), busy && msg('Creating…'))}
          </div>
        </form>
      </section>
    `;
  }

  #renderTrialServices(catalog: ServiceView[], errors: Map<string, string[]>, busy: boolean): TemplateResult {
    return html`
      <fieldset ?disabled=${busy} aria-describedby=${errors.has('service') ? 'service-error' : nothing}>
        <legend>${msg('Service')}</legend>
        <ul part="options" role="list">
          ${catalog.map((s) =>
            radioOption({
              id: `trial-${s.id}`,
              name: 'service',
              value: s.id,
              label: s.name,
              checked: this.trialServiceId === s.id,
              onPick: () => (this.trialServiceId = s.id),
              details: html`
                <p part="description">${s.description}</p>
                <p part="price" id="trial-${s.id}-about">${msg(str`${s.trialDays}-day free trial, then ${formatMoney(s.priceMinor, s.currency)} per license/month`)}</p>
              `,
            }),
          )}
        </ul>
        ${fieldError('service', errors.get('service'))}
      </fieldset>
    `;
  }

  #renderPurchaseServices(catalog: ServiceView[], errors: Map<string, string[]>, busy: boolean): TemplateResult {
    const stepper = this.#stepper.value;
    if (!stepper) return this.#stepper.placeholder(msg('Loading the services…'));
    const { parseLicenses, renderLicenseLine } = stepper;
    const lines = catalog.flatMap((s) => {
      const raw = this.purchase[s.id];
      const licenses = raw === undefined ? null : parseLicenses(raw, s.minLicenses, s.maxLicenses);
      return licenses === null ? [] : [{ ...s, licenses }];
    });
    const total = formatMonthlyTotal(lines);
    const missing = this.noServices && Object.keys(this.purchase).length === 0;
    const serviceErrors = [...(errors.get('services') ?? []), ...(missing ? [msg('Choose at least one service.')] : [])];
    return html`
      <fieldset aria-describedby=${serviceErrors.length ? 'services-error' : nothing}>
        <legend>${msg('Services')}</legend>
        <ul part="options" role="list">
          ${catalog.map((s) => {
            const raw = this.purchase[s.id];
            const chosen = raw !== undefined;
            return html`
              <li part="option">
                <input
                  type="checkbox"
                  id="buy-${s.id}"
                  .checked=${chosen}
                  ?disabled=${busy}
                  aria-describedby="buy-${s.id}-price"
                  @change=${(e: Event) => this.#choose(s, (e.target as HTMLInputElement).checked)}
                />
                <label part="option-label" for="buy-${s.id}">${s.name}</label>
                <p part="description">${s.description}</p>
                <p part="price" id="buy-${s.id}-price">${pricePerLicense(s)}</p>
                ${chosen
                  ? renderLicenseLine({
                      id: `licenses-${s.id}`,
                      serviceName: s.name,
                      value: raw,
                      min: s.minLicenses,
                      max: s.maxLicenses,
                      priceMinor: s.priceMinor,
                      currency: s.currency,
                      busy,
                      messages: errors.get(`licenses-${s.id}`),
                      onChange: (value) => (this.purchase = { ...this.purchase, [s.id]: value }),
                    })
                  : nothing}
              </li>
            `;
          })}
        </ul>
        ${fieldError('services', serviceErrors)}
      </fieldset>
      <p part="total">
        <span id="total-label">${msg('Total per month')}</span>
        <output aria-labelledby="total-label" aria-live="polite">${total ?? formatMoney(0, catalog[0]?.currency ?? 'USD')}</output>
      </p>
    `;
  }

  #renderDelegation(levels: DelegationLevel[], errors: Map<string, string[]>, busy: boolean): TemplateResult {
    // Full first, as the role picker lists levels: the most first.
    const ordered = [...levels].reverse();
    return html`
      <fieldset ?disabled=${busy} aria-describedby=${errors.has('delegation') ? 'delegation-error' : nothing}>
        <legend>${msg('Delegated administration')}</legend>
        <label class="check">
          <input type="checkbox" .checked=${this.askDelegation} @change=${(e: Event) => (this.askDelegation = (e.target as HTMLInputElement).checked)} />
          ${msg('Ask the customer for delegated administration')}
        </label>
        ${this.askDelegation
          ? html`
              <fieldset class="levels">
                <legend class="visually-hidden">${msg('Level')}</legend>
                <ul part="options" role="list">
                  ${ordered.map((l) =>
                    radioOption({
                      id: `level-${l.id}`,
                      name: 'level',
                      value: l.id,
                      label: levelLabel(l.id) || l.label,
                      checked: this.level === l.id,
                      onPick: () => (this.level = l.id),
                      details: html`<p part="description" id="level-${l.id}-about">${levelDescription(l.id, l.description)}</p>`,
                    }),
                  )}
                </ul>
              </fieldset>
              <p part="hint">${msg('The customer decides when signing up; declining still signs them up.')}</p>
            `
          : nothing}
        ${fieldError('delegation', errors.get('delegation'))}
      </fieldset>
    `;
  }

  /** Which field a server detail's path belongs to. */
  #fieldOf(path: string): string | undefined {
    if (path === 'body.serviceId') return 'service';
    if (path === 'body.items') return 'services';
    const item = /^body\.items\.(\d+)/.exec(path);
    if (item) {
      const serviceId = this.#sentItems[Number(item[1])];
      return serviceId && this.purchase[serviceId] !== undefined ? `licenses-${serviceId}` : 'services';
    }
    return ({ 'body.delegatedAdmin': 'delegation', 'body.expiresAt': 'expires', 'body.name': 'name', 'body.kind': 'kind' } as Record<string, string>)[path];
  }

  #setKind(kind: Kind) {
    this.kind = kind;
    this.createError = null;
  }

  #choose(service: ServiceView, chosen: boolean) {
    const { [service.id]: _, ...rest } = this.purchase;
    this.purchase = chosen ? { ...rest, [service.id]: String(service.minLicenses) } : rest;
  }

  #onCreate = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.creating) return;
    const form = event.currentTarget as HTMLFormElement;
    const catalog = this.#setup.value?.catalog ?? [];
    this.noServices = this.kind === 'purchase' && Object.keys(this.purchase).length === 0;
    if (this.noServices || !form.reportValidity()) return;

    const data = new FormData(form);
    const expires = String(data.get('expires') ?? '');
    const name = String(data.get('name') ?? '').trim();
    const common = {
      ...(this.askDelegation && this.level ? { delegatedAdmin: this.level } : {}),
      ...(expires ? { expiresAt: endOfDay(expires) } : {}),
      ...(name ? { name } : {}),
    };
    // Catalog order, so the offer lists its services as the form did.
    const items = catalog.filter((s) => this.purchase[s.id] !== undefined).map((s) => ({ serviceId: s.id, licenses: Number(this.purchase[s.id]) }));
    const customerId = this.addressedTo?.id;
    const body: NewOffer =
      this.kind === 'trial' ? { kind: 'trial', serviceId: this.trialServiceId!, ...common } : { kind: 'purchase', items, ...(customerId ? { customerId } : {}), ...common };
    this.#sentItems = items.map((i) => i.serviceId);

    this.creating = true;
    this.createError = null;
    try {
      const [offer] = await Promise.all([this.client.createOffer(body), this.#createdView.load()]);
      this.created = offer;
      this.copied = null;
      this.#focus.request('#created-title');
      this.dispatchEvent(partnerEvent('partner-offer-created', offer));
      // Newest first: a new offer tops the list, so load it again from its first page.
      void this.#offers?.first.run();
    } catch (error) {
      this.createError = toApiError(error);
    } finally {
      this.creating = false;
    }
  };

  // ——— The created offer ———

  #renderCreated(offer: OfferView, me: MeView): TemplateResult {
    const view = this.#createdView.value;
    if (!view) {
      // It was loaded with the create request; only a failed load leaves it missing.
      return html`<section part="card created">${this.#createdView.placeholder()}</section>`;
    }
    return view.createdOffer({
      offer,
      title: offerTitle(offer),
      summary: offerSummary(offer),
      partnerName: me.company.name,
      copied: this.copied?.id === 'created' ? this.copied.how : null,
      onCopy: () => this.#copy('created', offer.url, '#created-url'),
      onBuildAnother: this.#buildAnother,
    });
  }

  /**
   * Opens a new, empty form of `kind` (leaving any created offer), or with `followUp` a purchase
   * offer prefilled from the customer's trial and addressed to that customer.
   */
  startOffer(kind: Kind = 'trial', followUp?: OfferFollowUp) {
    this.#buildAnother();
    this.kind = followUp ? 'purchase' : kind;
    this.purchase = followUp ? { [followUp.serviceId]: String(followUp.licenses) } : {};
    this.addressedTo = followUp?.customer ?? null;
  }

  #buildAnother = () => {
    this.created = null;
    this.copied = null;
    this.kind = 'trial';
    this.addressedTo = null;
    this.trialServiceId = null;
    this.purchase = {};
    this.askDelegation = false;
    this.level = null;
    this.noServices = false;
    this.createError = null;
    this.#focus.request('#builder-title');
  };

  /** Copies to the clipboard; where the browser refuses, selects the text for the person to copy. */
  async #copy(id: string, url: string, inputSelector: string) {
    try {
      await navigator.clipboard.writeText(url);
      this.copied = { id, how: 'clipboard' };
    } catch {
      this.copied = { id, how: 'manual' };
      await this.updateComplete;
      const input = this.renderRoot.querySelector<HTMLInputElement>(inputSelector);
      input?.focus();
      input?.select();
    }
  }

  // ——— The list ———

  #renderList(): TemplateResult {
    const listPart = this.#listPart.value;
    const list = this.#offers;
    if (!listPart || !list) return html`<section part="card list">${this.#listPart.placeholder(msg('Loading your offers…'))}</section>`;
    return listPart.offerList({
      list: list as PagedList<OfferView, readonly unknown[]>,
      status: this.statusFilter,
      kind: this.kindFilter,
      statusOptions: filterOptions(statusLabels),
      kindOptions: filterOptions(kindLabels),
      onStatus: (v) => (this.statusFilter = v as Status),
      onKind: (v) => (this.kindFilter = v as Kind),
      onRefresh: this.#refresh,
      revokeError: this.revokeError,
      item: (offer) => this.#listedOffer(offer),
    });
  }

  #listedOffer(offer: OfferView): ListedOffer {
    return {
      offer,
      title: offerTitle(offer),
      summary: offerSummary(offer),
      statusLabel: statusLabels[offer.status](),
      copied: this.copied?.id === offer.id ? this.copied.how : null,
      confirming: this.confirmRevoke === offer.id,
      revoking: this.revoking === offer.id,
      onCopy: () => this.#copy(offer.id, offer.url, `#url-${offer.id}`),
      onAskRevoke: () => this.#askRevoke(offer),
      onCancelRevoke: () => this.#cancelRevoke(offer),
      onRevoke: () => this.#revoke(offer),
    };
  }

  /** Loads the list again from its first page, e.g. to see new redemption counts. */
  #refresh = () => {
    this.revokeError = null;
    void this.#offers?.first.run();
  };

  #askRevoke(offer: OfferView) {
    this.confirmRevoke = offer.id;
    this.revokeError = null;
    this.#focus.request(`#confirm-${CSS.escape(offer.id)} + [part~='actions'] [part~='danger']`);
  }

  #cancelRevoke(offer: OfferView) {
    this.confirmRevoke = null;
    this.#focus.request(`#revoke-${CSS.escape(offer.id)}`);
  }

  async #revoke(offer: OfferView) {
    if (this.revoking) return;
    this.revoking = offer.id;
    this.revokeError = null;
    try {
      const revoked = await this.client.revokeOffer(offer.id);
      this.#offers?.replace(revoked);
      this.confirmRevoke = null;
      this.#focus.request(`#offer-${CSS.escape(offer.id)}-title`);
      this.dispatchEvent(partnerEvent('partner-offer-revoked', revoked));
    } catch (error) {
      this.revokeError = toApiError(error);
    } finally {
      this.revoking = null;
    }
  }
}

/** A required radio in an option card; `details` holds an element `${id}-about` that describes it. */
function radioOption(o: { id: string; name: string; value: string; label: string; checked: boolean; onPick: () => void; details: TemplateResult }) {
  return html`
    <li part="option">
      <input type="radio" id=${o.id} name=${o.name} value=${o.value} required .checked=${o.checked} aria-describedby="${o.id}-about" @change=${o.onPick} />
      <label part="option-label" for=${o.id}>${o.label}</label>
      ${o.details}
    </li>
  `;
}

export const partnerOfferBuilderTag = 'partner-offer-builder';
if (!customElements.get(partnerOfferBuilderTag)) customElements.define(partnerOfferBuilderTag, PartnerOfferBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'partner-offer-builder': PartnerOfferBuilder;
  }
}

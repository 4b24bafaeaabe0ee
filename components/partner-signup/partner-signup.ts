import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ApiElement } from '../api/api-element.ts';
import { ApiRequestError, type ApiClient, type MeView, type PublicOfferView, type Redemption, type RedemptionResult } from '../api/client.ts';
import { FocusAfterUpdate } from '../focus-after-update.ts';
import { formatDate } from '../dates.ts';
import { contactList, contactStyles } from '../contact-list.ts';
import { busyButton, loadingLine } from '../busy.ts';
import { errorAlert, fieldMessages, retryAlert, toApiError } from '../error-messages.ts';
import { textField } from '../text-field.ts';
import { partnerEvent, type PartnerSignupCompletedDetail } from '../events.ts';
import { onDemandPart } from '../load-part.ts';
import { getLocale, msg, str } from '../localize.ts';
import { formatMoney, formatMonthlyTotal } from '../money.ts';
import { formatNumber, plural } from '../numbers.ts';
import { controls } from '../styles/controls.ts';
import { offerControls } from '../styles/offer-controls.ts';
import { tokens } from '../styles/tokens.ts';
import styles from './partner-signup.styles.ts';

type Mode = 'new' | 'existing';
/** The account fields, by input id. */
type Field = 'company-name' | 'admin-name' | 'email' | 'password' | 'sign-in-email' | 'sign-in-password';

/** A prospect who signed in with an existing customer account, and the client that carries their token. */
interface Account {
  client: ApiClient;
  token: string;
  expiresAt: string;
  me: MeView;
}

/** Where the server's `details[].path` messages go: field ids of this form. */
const fieldIds: Record<string, string> = {
  'body.company.name': 'company-name',
  'body.admin.displayName': 'admin-name',
  'body.admin.email': 'email',
  'body.admin.password': 'password',
  'body.email': 'sign-in-email',
  'body.password': 'sign-in-password',
};

/** Retries of a request the server reports as still running (409 request_in_progress), with the same key. */
const inProgressRetries = 3;

/**
 * The prospect's sign-up page for an offer: who the advisor is and what the offer contains; a
 * new-customer form (company, admin name, email, password) or "I already have an account"
 * sign-in; license counts within each service's bounds with the monthly total (purchase
 * offers); the delegated-admin consent as an explicit, unticked choice; and a success state.
 *
 * The offer's code comes from the `offer` attribute, else from `?offer=` in the page's URL.
 * It needs no token: it talks to the public offer endpoints of `<partner-session>`'s BFF (or its
 * own `api-base`). A token the page's session may hold is never sent: a new customer signs up
 * without one, an existing customer signs in here and redeems with the token of that sign-in.
 *
 * Each filled-in attempt is sent with one `Idempotency-Key` (a retry of the same data reuses
 * it, changed data gets a new one) and the button does nothing while a request is in flight, so
 * a double click or a retry after a lost answer cannot create two customers.
 *
 * @fires partner-signup-completed - The offer was redeemed. `detail`: `{ customerId, companyName,
 *   subscriptions, delegation, token, expiresAt }`. `token` is a session for the admin who signed
 *   up (the new admin, or the existing account that signed in), so the host page may sign them in;
 *   keep it in memory only.
 *
 * @csspart card - The offer, error and success boxes; also `signup`, `success`, `problem`.
 * @csspart eyebrow - "Trial invitation" / "Offer" above the title.
 * @csspart title - Headings; `subtitle` for the sections'.
 * @csspart intro - The line under a heading.
 * @csspart advisor - The advisor's name and contact details; `contact` is the list.
 * @csspart items - The offer's services; `item` is one, `item-name`, `description`, `price`.
 * @csspart stepper - A license-count stepper; `stepper-controls`, `step` (− and +), `licenses` (the input).
 * @csspart total - The monthly total.
 * @csspart segmented - The new customer / existing account switch; `segment` is one choice.
 * @csspart field - A label with its input and messages; `label`, `input`, `hint`, `field-error`.
 * @csspart consent - The delegated-admin choice; `consent-description` explains it.
 * @csspart account - "Signed in as …" with the switch to another account.
 * @csspart error - The alert region.
 * @csspart actions - Rows of buttons; `button`, `primary`, `submit`, `link`.
 * @csspart subscriptions - The success state's list of subscriptions.
 * @csspart delegation - The success state's delegation line.
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
 * @cssprop [--partner-color-surface-alt=#f6f8fa] - Advisor box and total background.
 * @cssprop [--partner-color-border=#d1d9e0] - Borders.
 * @cssprop [--partner-color-input-border=#6e7781] - Input and button border.
 * @cssprop [--partner-color-accent=#0969da] - Primary button, links.
 * @cssprop [--partner-color-on-accent=#ffffff] - Text on the accent color.
 * @cssprop [--partner-color-focus=#0969da] - Focus ring.
 * @cssprop [--partner-color-danger=#b42318] - Errors.
 * @cssprop [--partner-color-danger-surface=#fef3f2] - Error background.
 * @cssprop [--partner-color-success=#1a7f37] - The success heading's mark.
 * @cssprop [--partner-shadow=0 1px 3px rgb(31 35 40 / 0.12)] - Card shadow.
 */
export class PartnerSignup extends ApiElement {
  static override styles = [tokens, controls, offerControls, contactStyles, styles];
  static override properties: PropertyDeclarations = {
    offer: {},
    mode: { state: true },
    fields: { state: true },
    licenses: { state: true },
    acceptDelegation: { state: true },
    busy: { state: true },
    error: { state: true },
    account: { state: true },
    gone: { state: true },
    result: { state: true },
  };

  /** The offer's code. Unset: `?offer=` of the page's URL. */
  offer: string | null = null;

  private mode: Mode = 'new';
  private fields: Record<Field, string> = { 'company-name': '', 'admin-name': '', email: '', password: '', 'sign-in-email': '', 'sign-in-password': '' };
  /** License counts as typed, by service id (purchase offers). */
  private licenses: Record<string, string> = {};
  private acceptDelegation = false;
  private busy = false;
  private error: ApiRequestError | null = null;
  private account: Account | null = null;
  /** A 410 from the redemption: the offer was revoked or expired while the form was open. */
  private gone: ApiRequestError | null = null;
  private result: PartnerSignupCompletedDetail | null = null;

  /** The key of the current attempt and the data it was made for. */
  #attempt: { fingerprint: string; key: string } | null = null;
  /** Set before the first await of a submit, so a second click in the same moment does nothing. */
  #submitting = false;
  /** The offer whose license counts `licenses` holds. */
  #licensesFor: string | null = null;
  readonly #focus = new FocusAfterUpdate(this);

  /** The code in use: the attribute, else the page URL's `?offer=`. */
  get code(): string | null {
    return this.offer || new URLSearchParams(globalThis.location?.search ?? '').get('offer') || null;
  }

  /** The license steppers, loaded with a purchase offer before it shows (dist/elements; the bundle has them). */
  readonly #stepper = onDemandPart(this, 'license-stepper');
  /** The welcome after signing up, loaded with the submit. */
  readonly #success = onDemandPart(this, 'signup-success');
  /** The delegated administration question, loaded with an offer that asks for it. */
  readonly #consentPart = onDemandPart(this, 'signup-consent');

  readonly #publicOffer = new Task(this, {
    args: () => [this.client, this.code] as const,
    task: async ([client, code], { signal }): Promise<PublicOfferView | null> => {
      if (!code) return null;
      const offer = await client.publicOffer(code, { signal });
      if (offer.kind === 'purchase' && !(await this.#stepper.load())) throw this.#stepper.error;
      if (offer.delegatedAdmin && !(await this.#consentPart.load())) throw this.#consentPart.error;
      return offer;
    },
  });

  protected override willUpdate() {
    const offer = this.#publicOffer.value;
    if (offer && this.#licensesFor !== offer.code) {
      this.#licensesFor = offer.code;
      this.licenses = Object.fromEntries(offer.items.map((i) => [i.serviceId, String(i.licenses ?? i.minLicenses)]));
      this.gone = null;
    }
  }

  protected override render() {
    if (this.result) return this.#renderSuccess(this.result);
    if (!this.code) return this.#renderInvalidLink(msg('The link has no offer code. Open the whole link from your advisor’s message, or ask them for a new one.'));
    if (this.gone) return this.#renderGone(this.gone);
    const { status, value, error } = this.#publicOffer;
    if (status === TaskStatus.ERROR) {
      const failure = toApiError(error);
      if (failure.status === 404) return this.#renderInvalidLink(msg('Check that you opened the whole link from your advisor’s message, or ask them for a new one.'));
      if (failure.status === 410) return this.#renderGone(failure);
      return html`
        <div part="card problem">
          <h2 part="title">${msg('Could not load the offer')}</h2>
          ${retryAlert(failure, () => this.#publicOffer.run(), 'primary')}
        </div>
      `;
    }
    if (!value) {
      return html`<div part="card" aria-busy="true">${loadingLine(msg('Loading the offer…'))}</div>`;
    }
    return this.#renderOffer(value);
  }

  #renderProblem(title: string, text: string): TemplateResult {
    return html`
      <div part="card problem">
        <h2 id="problem-title" part="title" tabindex="-1">${title}</h2>
        <p part="intro">${text}</p>
      </div>
    `;
  }

  #renderInvalidLink(text: string): TemplateResult {
    return this.#renderProblem(msg('This offer link is not valid'), text);
  }

  #renderGone(error: ApiRequestError): TemplateResult {
    return error.code === 'offer_expired'
      ? this.#renderProblem(
          msg('This offer has expired'),
          msg('The offer’s time ran out, so it can no longer be used to sign up. Nothing was created. Ask your advisor for a new link.'),
        )
      : this.#renderProblem(
          msg('This offer was withdrawn'),
          msg('The partner withdrew this offer, so it can no longer be used to sign up. Nothing was created. Ask your advisor for a new link.'),
        );
  }

  // ——— The offer and the form ———

  #renderOffer(offer: PublicOfferView): TemplateResult {
    const errors = fieldMessages(this.error, (path) => this.#fieldOf(path));
    const first = offer.items[0];
    const trial = offer.kind === 'trial';
    const title = offer.name ?? (trial && first ? msg(str`Try ${first.name} free`) : msg(str`An offer from ${offer.advisor.name}`));
    return html`
      <article part="card signup" aria-labelledby="offer-title">
        <header class="head">
          <p part="eyebrow">${trial ? msg('Trial invitation') : msg('Offer', { desc: 'noun' })}</p>
          <h2 id="offer-title" part="title">${title}</h2>
          <p part="intro">${this.#intro(offer)}</p>
        </header>
        ${this.#renderAdvisor(offer)}
        <form part="form" @submit=${(e: SubmitEvent) => this.#onSubmit(e, offer)} @input=${this.#onInput}>
          ${this.#renderItems(offer, errors)} ${this.#renderAccount(errors)} ${offer.delegatedAdmin ? this.#renderConsent({ ...offer, delegatedAdmin: offer.delegatedAdmin }) : nothing}
          ${this.#renderAlert(errors)}
          <div part="actions">
            ${busyButton('primary submit', this.#submitLabel(trial), this.busy && (trial ? msg('Starting your trial…') : msg('Subscribing…')))}
          </div>
        </form>
      </article>
    `;
  }

  /** Who offers what, and until when. */
  #intro(offer: PublicOfferView): string {
    const advisor = offer.advisor.name;
    const first = offer.items[0];
    const what =
      offer.kind === 'trial' && first
        ? plural(first.trialDays, {
            one: () => msg(str`${advisor} invites you to try ${first.name} free for ${formatNumber(first.trialDays)} day.`),
            other: () => msg(str`${advisor} invites you to try ${first.name} free for ${formatNumber(first.trialDays)} days.`),
          })
        : plural(offer.items.length, {
            one: () => msg(str`${advisor} offers you this service. Adjust the number of licenses to your needs.`),
            other: () => msg(str`${advisor} offers you these services. Adjust the number of licenses to your needs.`),
          });
    // The sentences before go in as a value, so the translation sets what stands between them (no space in Japanese).
    return offer.expiresAt ? msg(str`${what} Open until ${formatDate(offer.expiresAt)}.`) : what;
  }

  #submitLabel(trial: boolean): string {
    if (this.mode === 'new') return trial ? msg('Create account and start the trial') : msg('Create account and subscribe');
    if (!this.account) return trial ? msg('Sign in and start the trial') : msg('Sign in and subscribe');
    return trial ? msg('Start the trial') : msg('Subscribe');
  }

  #renderAdvisor(offer: PublicOfferView): TemplateResult {
    return html`
      <section part="advisor" aria-labelledby="advisor-title">
        <h3 id="advisor-title" part="subtitle">${msg(str`Your advisor: ${offer.advisor.name}`)}</h3>
        ${contactList(offer.advisor)}
      </section>
    `;
  }

  #renderItems(offer: PublicOfferView, errors: Map<string, string[]>): TemplateResult {
    const trial = offer.kind === 'trial';
    // A purchase offer shows once its steppers are here (the offer's task waits for them).
    const stepper = trial ? undefined : this.#stepper.value;
    const lines = stepper
      ? offer.items.flatMap((i) => {
          const n = stepper.parseLicenses(this.licenses[i.serviceId] ?? '', i.minLicenses, i.maxLicenses);
          return n === null ? [] : [{ ...i, licenses: n }];
        })
      : [];
    return html`
      <section class="items" aria-labelledby="items-title">
        <h3 id="items-title" part="subtitle">${msg('What you get')}</h3>
        <ul part="items" role="list">
          ${offer.items.map((item) => {
            const price = formatMoney(item.priceMinor, item.currency);
            return html`
              <li part="item">
                <p part="item-name">${item.name}</p>
                <p part="description">${item.description}</p>
                <p part="price">
                  ${trial
                    ? plural(item.trialDays, {
                        one: () => msg(str`Free for ${formatNumber(item.trialDays)} day, then ${price} per license/month.`),
                        other: () => msg(str`Free for ${formatNumber(item.trialDays)} days, then ${price} per license/month.`),
                      })
                    : msg(str`${price} per license/month`)}
                </p>
                ${!stepper
                  ? nothing
                  : stepper.renderLicenseLine({
                      id: `licenses-${item.serviceId}`,
                      serviceName: item.name,
                      value: this.licenses[item.serviceId] ?? '',
                      min: item.minLicenses,
                      max: item.maxLicenses,
                      priceMinor: item.priceMinor,
                      currency: item.currency,
                      busy: this.busy,
                      messages: errors.get(`licenses-${item.serviceId}`),
                      onChange: (value) => (this.licenses = { ...this.licenses, [item.serviceId]: value }),
                    })}
              </li>
            `;
          })}
        </ul>
        ${trial
          ? nothing
          : html`
              <p part="total">
                <span id="total-label">${msg('Total per month')}</span>
                <output aria-labelledby="total-label" aria-live="polite">${formatMonthlyTotal(lines) ?? '—'}</output>
              </p>
            `}
      </section>
    `;
  }

  #renderAccount(errors: Map<string, string[]>): TemplateResult {
    return html`
      <section class="account" aria-labelledby="account-title">
        <h3 id="account-title" part="subtitle">${msg('Your account')}</h3>
        ${this.account
          ? html`
              <div part="account">
                <p>
                  ${msg(str`Signed in as ${this.account.me.user.displayName} (${this.account.me.user.email}) of ${this.account.me.company.name}. The offer is added to this company.`)}
                </p>
                <button type="button" part="button link" ?disabled=${this.busy} @click=${this.#useAnotherAccount}>${msg('Use another account')}</button>
              </div>
            `
          : html`
              <fieldset ?disabled=${this.busy}>
                <legend class="visually-hidden">${msg('New or existing customer')}</legend>
                <div part="segmented">
                  ${this.#renderModeChoice('new', msg('New customer'))} ${this.#renderModeChoice('existing', msg('I already have an account'))}
                </div>
              </fieldset>
              ${this.mode === 'new'
                ? html`
                    ${this.#renderField(errors, { id: 'company-name', label: msg('Company name'), autocomplete: 'organization' })}
                    ${this.#renderField(errors, { id: 'admin-name', label: msg('Your name'), autocomplete: 'name' })}
                    ${this.#renderField(errors, {
                      id: 'email',
                      label: msg('Email'),
                      type: 'email',
                      autocomplete: 'email',
                      hint: msg('You sign in with it; you become the first admin of your company.'),
                    })}
                    ${this.#renderField(errors, {
                      id: 'password',
                      label: msg('Password'),
                      type: 'password',
                      autocomplete: 'new-password',
                      minlength: 10,
                      hint: msg('At least 10 characters, mixing letters with a digit or symbol.'),
                    })}
                  `
                : html`
                    <p part="hint">${msg('Sign in as an admin of your company to add the offer to it.')}</p>
                    ${this.#renderField(errors, { id: 'sign-in-email', label: msg('Email'), type: 'email', autocomplete: 'username' })}
                    ${this.#renderField(errors, {
                      id: 'sign-in-password',
                      label: msg('Password'),
                      type: 'password',
                      autocomplete: 'current-password',
                    })}
                  `}
            `}
      </section>
    `;
  }

  #renderModeChoice(mode: Mode, label: string): TemplateResult {
    return html`
      <label part="segment">
        <input type="radio" name="mode" value=${mode} .checked=${this.mode === mode} @change=${() => this.#setMode(mode)} />
        ${label}
      </label>
    `;
  }

  #renderField(
    errors: Map<string, string[]>,
    f: { id: Field; label: string; type?: 'text' | 'email' | 'password'; autocomplete: string; minlength?: number; hint?: string },
  ): TemplateResult {
    return textField({ ...f, value: this.fields[f.id], required: true, maxlength: f.type === 'email' ? 320 : 200, readonly: this.busy, messages: errors.get(f.id) });
  }

  /** Keeps what is typed in the account fields (the license steppers and the consent have their own handlers). */
  #onInput = (event: Event) => {
    const { id, value } = event.target as HTMLInputElement;
    if (id in this.fields) this.fields = { ...this.fields, [id]: value };
  };

  #renderConsent(offer: PublicOfferView & { delegatedAdmin: NonNullable<PublicOfferView['delegatedAdmin']> }): TemplateResult {
    // The offer's task waited for the part: only a failed load leaves it missing.
    const part = this.#consentPart.value;
    if (!part) return html`<section part="consent">${this.#consentPart.placeholder()}</section>`;
    return part.consentQuestion({ offer, accepted: this.acceptDelegation, disabled: this.busy, onChange: (accepted) => (this.acceptDelegation = accepted) });
  }

  #renderAlert(errors: Map<string, string[]>): TemplateResult {
    const error = this.error;
    const shown = error ? this.#friendly(error) : null;
    const alert = errorAlert(shown, (path) => (errors.has(this.#fieldOf(path) ?? '') ? path : undefined));
    if (error?.code !== 'email_taken' || this.mode !== 'new') return alert;
    return html`${alert}
      <div part="actions"><button type="button" part="button" @click=${this.#signInInstead}>${msg('Sign in instead')}</button></div>`;
  }

  /** The message a person needs for each failure the BFF reports, in the current language. */
  #friendly(error: ApiRequestError): ApiRequestError {
    // Under a code errorText() has no text of its own for, so the alert shows this message as it is.
    const say = (message: string) => new ApiRequestError(error.status, 'signup_message', message, error.details, error.retryAfterSeconds);
    const seconds = error.retryAfterSeconds;
    switch (error.code) {
      case 'email_taken':
        return say(msg('An account with this email exists — sign in instead to add the offer to your company.'));
      case 'already_subscribed': {
        // The BFF's message names the service, in English; other languages say it without the name.
        const what = getLocale() === 'en' ? error.message : msg('Your company already has a service of this offer.');
        return say(msg(str`${what} Nothing was changed.`));
      }
      case 'rate_limited':
        return say(
          seconds
            ? plural(seconds, {
                one: () => msg(str`Too many sign-up attempts. Try again in ${formatNumber(seconds)} second.`),
                other: () => msg(str`Too many sign-up attempts. Try again in ${formatNumber(seconds)} seconds.`),
              })
            : msg('Too many sign-up attempts. Try again in a minute.'),
        );
      case 'request_in_progress':
        return say(msg('Your sign-up is still being processed. Wait a moment, then try again.'));
      case 'idempotency_key_reused':
        return say(msg('Your details changed while the sign-up was being sent. Check them and try again.'));
      case 'forbidden':
        return say(msg('Only an admin of a customer company who manages subscriptions can redeem an offer into it. Sign in as an admin of a customer company, or sign up as a new customer.'));
      case 'offer_addressed':
        return say(msg('This offer was made for another company: sign in as an admin of that company to redeem it.'));
      default:
        // invalid_credentials included: the BFF's message says it as this form would.
        return error;
    }
  }

  #fieldOf(path: string): string | undefined {
    if (path.startsWith('body.licenses.')) return `licenses-${path.slice('body.licenses.'.length)}`;
    return fieldIds[path];
  }

  #setMode(mode: Mode) {
    this.mode = mode;
    this.error = null;
  }

  #signInInstead = () => {
    this.mode = 'existing';
    this.fields = { ...this.fields, 'sign-in-email': this.fields.email };
    this.error = null;
    this.#focus.request('#sign-in-password');
  };

  #useAnotherAccount = () => {
    // End the session this widget started; it was only for this redemption.
    this.account?.client.signOut().catch(() => {});
    this.account = null;
    this.fields = { ...this.fields, 'sign-in-password': '' };
    this.error = null;
    this.#focus.request('#sign-in-email');
  };

  // ——— Submitting ———

  async #onSubmit(event: SubmitEvent, offer: PublicOfferView) {
    event.preventDefault();
    if (this.#submitting) return;
    this.#submitting = true;
    this.busy = true;
    this.error = null;
    try {
      const licenses =
        offer.kind === 'purchase' ? Object.fromEntries(offer.items.map((i) => [i.serviceId, Number(this.licenses[i.serviceId])])) : undefined;
      const choice = { ...(licenses ? { licenses } : {}), acceptDelegatedAdmin: offer.delegatedAdmin ? this.acceptDelegation : false };

      let client: ApiClient;
      let body: Redemption;
      let companyName: string;
      if (this.mode === 'new') {
        // A new customer: no token, whatever the page's session holds.
        client = this.client.withToken(null);
        const { 'company-name': name, 'admin-name': displayName, email, password } = this.fields;
        body = { company: { name: name.trim() }, admin: { email: email.trim(), displayName: displayName.trim(), password }, ...choice };
        companyName = name.trim();
      } else {
        const account = this.account ?? (await this.#signIn());
        client = account.client;
        body = choice;
        companyName = account.me.company.name;
      }

      const [result] = await Promise.all([this.#redeem(client, offer.code, body, this.#keyFor([offer.code, body, this.account?.token ?? null])), this.#success.load()]);
      const detail: PartnerSignupCompletedDetail = {
        ...result,
        token: result.token ?? this.account?.token ?? null,
        expiresAt: result.expiresAt ?? this.account?.expiresAt ?? null,
        companyName,
      };
      this.result = detail;
      this.fields = { ...this.fields, password: '', 'sign-in-password': '' };
      this.#focus.request('#success-title');
      this.dispatchEvent(partnerEvent('partner-signup-completed', detail));
    } catch (error) {
      const failure = toApiError(error);
      if (failure.status === 410) {
        this.gone = failure;
        this.#focus.request('#problem-title');
      } else {
        this.error = failure;
        if (failure.code === 'idempotency_key_reused') this.#attempt = null;
      }
    } finally {
      this.#submitting = false;
      this.busy = false;
    }
  }

  /** Signs the existing customer in (a session of their own, not the page's) and learns their company. */
  async #signIn(): Promise<Account> {
    const session = await this.client.withToken(null).signIn(this.fields['sign-in-email'].trim(), this.fields['sign-in-password']);
    const client = this.client.withToken(session.token);
    const me = await client.me();
    this.account = { client, token: session.token, expiresAt: session.expiresAt, me };
    this.fields = { ...this.fields, 'sign-in-password': '' };
    return this.account;
  }

  /**
   * The Idempotency-Key for this data: the same key while the data stays the same (a retry after
   * a lost answer replays the first result), a new one when anything changed.
   */
  #keyFor(data: unknown): string {
    const fingerprint = JSON.stringify(data);
    if (this.#attempt?.fingerprint !== fingerprint) this.#attempt = { fingerprint, key: crypto.randomUUID() };
    return this.#attempt.key;
  }

  /** Redeems; while the server says the same key is still being processed, waits and asks again. */
  async #redeem(client: ApiClient, code: string, body: Redemption, key: string): Promise<RedemptionResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await client.redeemOffer(code, body, key);
      } catch (error) {
        if (!(error instanceof ApiRequestError) || error.code !== 'request_in_progress' || attempt >= inProgressRetries) throw error;
        await new Promise((resolve) => setTimeout(resolve, (error.retryAfterSeconds ?? 1) * 1000));
      }
    }
  }

  // ——— Success ———

  #renderSuccess(result: PartnerSignupCompletedDetail): TemplateResult {
    const view = this.#success.value;
    // It was loaded with the submit; only a failed load leaves it missing.
    if (!view) return html`<section part="card success">${this.#success.placeholder()}</section>`;
    return view.signupSuccess(result, this.#publicOffer.value);
  }
}

export const partnerSignupTag = 'partner-signup';
if (!customElements.get(partnerSignupTag)) customElements.define(partnerSignupTag, PartnerSignup);

declare global {
  interface HTMLElementTagNameMap {
    'partner-signup': PartnerSignup;
  }
}

import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ApiElement } from '../api/api-element.ts';
import type { ApiClient, CompanyUpdate, CompanyView, MeView } from '../api/client.ts';
import { busyButton, loadingLine } from '../busy.ts';
import { errorAlert, fieldMessages, retryAlert, toApiError } from '../error-messages.ts';
import { partnerEvent } from '../events.ts';
import { FocusAfterUpdate } from '../focus-after-update.ts';
import { fieldError, textField } from '../text-field.ts';
import { controls } from '../styles/controls.ts';
import { tokens } from '../styles/tokens.ts';
import styles from './partner-company-profile.styles.ts';
import { msg, str } from '../localize.ts';
import { formatNumber } from '../numbers.ts';

type Address = NonNullable<CompanyView['address']>;
type AddressKey = keyof Address;
type TextKey = 'name' | 'email' | 'phone' | 'website' | 'signupUrl';

/** The form's contents: every field as typed, origins as a list of lines. */
interface Draft {
  name: string;
  email: string;
  phone: string;
  website: string;
  signupUrl: string;
  address: Record<AddressKey, string>;
  origins: string[];
}

interface Loaded {
  client: ApiClient;
  me: MeView;
  company: CompanyView;
}

/** Labels are functions: read in the language of the moment. The placeholders are examples, the same in every language. */
const textFields: { key: Exclude<TextKey, 'signupUrl'>; id: string; label: () => string; type: 'text' | 'email' | 'tel' | 'url'; required?: boolean; placeholder?: string }[] = [
  { key: 'name', id: 'name', label: () => msg('Company name'), type: 'text', required: true },
  { key: 'email', id: 'email', label: () => msg('Contact email'), type: 'email', placeholder: 'support@example.com' },
  { key: 'phone', id: 'phone', label: () => msg('Phone'), type: 'tel', placeholder: '+1 425 555 0100' },
  { key: 'website', id: 'website', label: () => msg('Website'), type: 'url', placeholder: 'https://www.example.com' },
];

const addressFields: { key: AddressKey; label: () => string; wide?: boolean }[] = [
  { key: 'line1', label: () => msg('Street address'), wide: true },
  { key: 'line2', label: () => msg('Address line 2'), wide: true },
  { key: 'city', label: () => msg('City') },
  { key: 'region', label: () => msg('State or region') },
  { key: 'postalCode', label: () => msg('Postal code') },
  { key: 'country', label: () => msg('Country') },
];

const addressLabel = () => msg('Address');
const originsLabel = () => msg('Allowed origins for embedding');

function toDraft(company: CompanyView): Draft {
  const address = company.address ?? {};
  return {
    name: company.name,
    email: company.email ?? '',
    phone: company.phone ?? '',
    website: company.website ?? '',
    signupUrl: company.signupUrl ?? '',
    address: Object.fromEntries(addressFields.map(({ key }) => [key, address[key] ?? ''])) as Record<AddressKey, string>,
    origins: company.allowedOrigins.length ? [...company.allowedOrigins] : [''],
  };
}

/** The address as the API stores it: blank lines left out, and no address at all when every line is blank. */
function toAddress(lines: Record<AddressKey, string>): Address | null {
  const entries = Object.entries(lines)
    .map(([key, value]) => [key, value.trim()] as const)
    .filter(([, value]) => value !== '');
  return entries.length ? (Object.fromEntries(entries) as Address) : null;
}

/** An address as it is written on an envelope: street lines, "City, Region Postcode", country. */
function addressLines(address: Address | null): string[] {
  if (!address) return [];
  const place = [address.city, [address.region, address.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [address.line1, address.line2, place, address.country].filter((line): line is string => Boolean(line));
}

const sameAddress = (a: Address | null, b: Address | null) =>
  addressFields.every(({ key }) => (a?.[key] ?? '').trim() === (b?.[key] ?? '').trim());

/**
 * Only the fields that differ from the saved company, as `PATCH /api/company` takes them, and for
 * each origin sent the line of the form it came from (blank lines are not sent), so that
 * `body.allowedOrigins.N` finds its input.
 */
function changesOf(company: CompanyView, draft: Draft): { changes: CompanyUpdate; originLines: number[] } {
  const changes: CompanyUpdate = {};
  const name = draft.name.trim();
  if (name !== company.name) changes.name = name;
  for (const key of ['email', 'phone', 'website', 'signupUrl'] as const) {
    const value = draft[key].trim();
    if (value !== (company[key] ?? '')) changes[key] = value === '' ? null : value;
  }
  const address = toAddress(draft.address);
  if (!sameAddress(address, company.address)) changes.address = address;
  const originLines: number[] = [];
  const origins: string[] = [];
  draft.origins.forEach((line, index) => {
    if (line.trim() === '') return;
    origins.push(line.trim());
    originLines.push(index);
  });
  if (origins.length !== company.allowedOrigins.length || origins.some((o, i) => o !== company.allowedOrigins[i])) {
    changes.allowedOrigins = origins;
  }
  return { changes, originLines };
}

/**
 * The company information customers see: name, contact email, phone, website, address, the
 * origins allowed to embed the widgets and, for partner companies, the sign-up page URL.
 * Someone with the `company:update` permission (a global admin) edits it; everyone else sees it
 * read-only. Saving sends only the fields that changed; the server's messages appear beside
 * the fields they are about.
 *
 * Uses `<partner-session>`'s client, or its own `api-base` and `token`.
 *
 * @fires partner-company-updated - The profile was saved. `detail`: the company as saved.
 *
 * @csspart card - The box around the widget.
 * @csspart title - The heading.
 * @csspart intro - The line under the heading.
 * @csspart form - The edit form.
 * @csspart fields - The grid of name, email, phone and website.
 * @csspart group - The address and origins fieldsets; also `address`, `origins`.
 * @csspart legend - A fieldset's legend.
 * @csspart field - A label with its input and messages.
 * @csspart label - A field's label.
 * @csspart input - A text input.
 * @csspart hint - Help text.
 * @csspart field-error - A server message about one field.
 * @csspart origin-list - The list of allowed origins.
 * @csspart origin - One origin: input and remove button.
 * @csspart error - The alert region with the server's message.
 * @csspart notice - "Saved" and other news about the form.
 * @csspart actions - The row of buttons.
 * @csspart button - Every button; also `primary`, `save`, `add-origin`, `remove-origin`, `discard`.
 * @csspart details - The read-only view.
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
 * @cssprop [--partner-color-surface-alt=#f6f8fa] - The saved notice.
 * @cssprop [--partner-color-border=#d1d9e0] - Card border and dividers.
 * @cssprop [--partner-color-input-border=#6e7781] - Input and button border.
 * @cssprop [--partner-color-accent=#0969da] - Primary button.
 * @cssprop [--partner-color-on-accent=#ffffff] - Text on the accent color.
 * @cssprop [--partner-color-focus=#0969da] - Focus ring.
 * @cssprop [--partner-color-danger=#b42318] - Error text and border.
 * @cssprop [--partner-color-danger-surface=#fef3f2] - Error background.
 * @cssprop [--partner-shadow=0 1px 3px rgb(31 35 40 / 0.12)] - Card shadow.
 */
export class PartnerCompanyProfile extends ApiElement {
  static override styles = [tokens, controls, styles];
  static override properties: PropertyDeclarations = {
    company: { state: true },
    draft: { state: true },
    busy: { state: true },
    actionError: { state: true },
    notice: { state: true },
  };

  /** The company as last loaded or saved. */
  private company: CompanyView | null = null;
  private draft: Draft | null = null;
  private busy = false;
  private actionError: unknown = null;
  /** News about the form for the live region, read in the language of the moment. */
  private notice: (() => string) | null = null;

  /** For each origin of the last save, the form line it came from. */
  #originLines: number[] = [];
  readonly #focus = new FocusAfterUpdate(this);

  readonly #loaded = new Task(this, {
    args: () => [this.client] as const,
    task: async ([client], { signal }): Promise<Loaded | null> => {
      // Another session (sign-out, another user): nothing of the previous one stays on screen.
      this.company = null;
      this.draft = null;
      if (!client.hasCredentials) return null;
      const [me, company] = await Promise.all([client.me({ signal }), client.company({ signal })]);
      return { client, me, company };
    },
    onComplete: (loaded) => {
      this.company = loaded?.company ?? null;
      this.draft = loaded ? toDraft(loaded.company) : null;
      this.actionError = null;
      this.notice = null;
    },
  });

  protected override render() {
    const { status, value, error } = this.#loaded;
    if (!this.client.hasCredentials || (status === TaskStatus.COMPLETE && !value)) {
      return this.#renderCard(html`<p part="intro">${msg('Sign in to see your company profile.')}</p>`);
    }
    if (status === TaskStatus.ERROR) {
      return this.#renderCard(retryAlert(error, () => this.#loaded.run(), 'primary'));
    }
    if (!value || !this.company || !this.draft) {
      return this.#renderCard(loadingLine(msg('Loading the company profile…')));
    }
    return value.me.permissions.includes('company:update') ? this.#renderForm(this.company, this.draft) : this.#renderReadOnly(this.company);
  }

  #renderCard(content: TemplateResult): TemplateResult {
    return html`
      <section part="card" aria-labelledby="profile-title">
        <h2 id="profile-title" part="title">${msg('Company profile')}</h2>
        ${content}
      </section>
    `;
  }

  #renderReadOnly(company: CompanyView): TemplateResult {
    const unset = html`<span class="unset">${msg('Not set')}</span>`;
    const address = addressLines(company.address);
    return this.#renderCard(html`
      <p part="intro">${msg(str`What your customers see about ${company.name}. Only a global admin can change it.`)}</p>
      <dl part="details" class="pairs">
        ${textFields.map((f) => html`<div><dt>${f.label()}</dt><dd>${company[f.key] ?? unset}</dd></div>`)}
        <div><dt>${addressLabel()}</dt><dd>${address.length ? address.map((line, i) => html`${i ? html`<br />` : nothing}${line}`) : unset}</dd></div>
        <div>
          <dt>${originsLabel()}</dt>
          <dd>${company.allowedOrigins.length ? html`<ul>${company.allowedOrigins.map((o) => html`<li>${o}</li>`)}</ul>` : unset}</dd>
        </div>
        ${company.kind === 'partner' ? html`<div><dt>${msg('Sign-up page')}</dt><dd>${company.signupUrl ?? html`<span class="unset">${msg('The hosted sign-up page')}</span>`}</dd></div>` : nothing}
      </dl>
    `);
  }

  #renderForm(company: CompanyView, draft: Draft): TemplateResult {
    const errors = this.#fieldErrors();
    const { changes } = changesOf(company, draft);
    const dirty = Object.keys(changes).length > 0;
    return this.#renderCard(html`
      <p part="intro">${msg(str`What your customers see about ${company.name}.`)}</p>
      <form part="form" @submit=${this.#onSave} @input=${this.#onInput}>
        <div part="fields">
          ${textFields.map((f) =>
            this.#renderInput({ id: f.id, label: f.label(), type: f.type, value: draft[f.key], required: f.required, placeholder: f.placeholder, errors }),
          )}
        </div>
        <fieldset part="group address" aria-describedby=${errors.has('address') ? 'address-error' : nothing}>
          <legend part="legend">${addressLabel()}</legend>
          <div part="fields">
            ${addressFields.map((f) =>
              this.#renderInput({ id: `address-${f.key}`, label: f.label(), type: 'text', value: draft.address[f.key], errors, wide: f.wide }),
            )}
          </div>
          ${fieldError('address', errors.get('address'))}
        </fieldset>
        ${this.#renderOrigins(draft, errors)}
        ${company.kind === 'partner'
          ? this.#renderInput({
              id: 'signup-url',
              label: msg('Sign-up page URL'),
              type: 'url',
              value: draft.signupUrl,
              placeholder: 'https://www.example.com/signup',
              hint: msg('Your own page that carries the sign-up widget; offer links point there. Leave it empty to use the hosted sign-up page.'),
              errors,
            })
          : nothing}
        ${errorAlert(this.actionError, (path) => (errors.has(this.#fieldOf(path) ?? '') ? path : undefined))}
        <p part="notice" class="note" role="status">${this.notice?.()}</p>
        <div part="actions">
          ${busyButton('primary save', msg('Save changes'), this.busy && msg('Saving…'))}
          ${dirty ? html`<button type="button" part="button discard" @click=${this.#discard}>${msg('Discard changes')}</button>` : nothing}
        </div>
      </form>
    `);
  }

  #renderOrigins(draft: Draft, errors: Map<string, string[]>): TemplateResult {
    return html`
      <fieldset part="group origins" aria-describedby="origins-hint${errors.has('origins') ? ' origins-error' : ''}">
        <legend part="legend">${originsLabel()}</legend>
        <p part="hint" id="origins-hint">
          ${msg('Pages on these origins may embed the widgets: one origin each, like https://www.example.com (http only for http://localhost:PORT).')}
        </p>
        <ul part="origin-list">
          ${draft.origins.map((origin, index) => {
            const id = `origin-${index}`;
            const messages = errors.get(id) ?? [];
            const line = formatNumber(index + 1);
            return html`
              <li part="origin">
                <div part="origin-row">
                  <label class="visually-hidden" for=${id}>${msg(str`Allowed origin ${line}`)}</label>
                  <input
                    part="input"
                    id=${id}
                    data-origin=${index}
                    type="text"
                    inputmode="url"
                    autocomplete="off"
                    spellcheck="false"
                    autocapitalize="off"
                    placeholder="https://www.example.com"
                    .value=${origin}
                    ?readonly=${this.busy}
                    aria-invalid=${messages.length ? 'true' : nothing}
                    aria-describedby=${messages.length ? `${id}-error` : nothing}
                  />
                  <button type="button" part="button remove-origin" @click=${() => this.#removeOrigin(index)}>
                    ${msg('Remove')}<span class="visually-hidden"> ${msg(str`allowed origin ${line}`, { desc: 'After “Remove”, for screen readers.' })}</span>
                  </button>
                </div>
                ${fieldError(id, messages)}
              </li>
            `;
          })}
        </ul>
        ${fieldError('origins', errors.get('origins'))}
        <div><button type="button" part="button add-origin" @click=${this.#addOrigin}>${msg('Add origin')}</button></div>
      </fieldset>
    `;
  }

  #renderInput(field: {
    id: string;
    label: string;
    type: 'text' | 'email' | 'tel' | 'url';
    value: string;
    errors: Map<string, string[]>;
    required?: boolean;
    placeholder?: string;
    hint?: string;
    wide?: boolean;
  }): TemplateResult {
    const { errors, wide, ...rest } = field;
    return textField({ ...rest, readonly: this.busy, messages: errors.get(field.id), class: wide ? 'wide' : undefined });
  }

  /** Which field a detail's path is about: `body.email` → email, `body.address.city` → city, `body.allowedOrigins.2` → that origin's line. */
  #fieldOf(path: string): string | undefined {
    const [body, field, sub] = path.split('.');
    if (body !== 'body' || !field) return undefined;
    if (field === 'address') return sub && addressFields.some((f) => f.key === sub) ? `address-${sub}` : 'address';
    if (field === 'allowedOrigins') {
      const line = sub === undefined ? undefined : this.#originLines[Number(sub)];
      return line === undefined ? 'origins' : `origin-${line}`;
    }
    if (field === 'signupUrl') return 'signup-url';
    return textFields.some((f) => f.key === field) ? field : undefined;
  }

  #fieldErrors(): Map<string, string[]> {
    return fieldMessages(this.actionError, (path) => this.#fieldOf(path));
  }

  #onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const draft = this.draft;
    if (!draft) return;
    this.notice = null;
    if (input.dataset.origin !== undefined) {
      const origins = [...draft.origins];
      origins[Number(input.dataset.origin)] = input.value;
      this.draft = { ...draft, origins };
    } else if (input.id.startsWith('address-')) {
      this.draft = { ...draft, address: { ...draft.address, [input.id.slice('address-'.length)]: input.value } };
    } else {
      const key = input.id === 'signup-url' ? 'signupUrl' : (input.id as TextKey);
      this.draft = { ...draft, [key]: input.value };
    }
  };

  #addOrigin = () => {
    if (!this.draft || this.busy) return;
    this.#forgetOriginErrors();
    this.draft = { ...this.draft, origins: [...this.draft.origins, ''] };
    this.#focus.request(`#origin-${this.draft.origins.length - 1}`);
  };

  #removeOrigin(index: number) {
    if (!this.draft || this.busy) return;
    this.#forgetOriginErrors();
    const origins = this.draft.origins.filter((_, i) => i !== index);
    this.draft = { ...this.draft, origins: origins.length ? origins : [''] };
    // Focus stays in the list: on the line that took the removed one's place, else the last, else "Add origin".
    this.#focus.request(`#origin-${Math.min(index, this.draft.origins.length - 1)}`);
  }

  /** The lines moved, so the server's messages no longer point at the right origin. */
  #forgetOriginErrors() {
    this.#originLines = [];
    if (this.actionError && toApiError(this.actionError).details.some((d) => d.path.startsWith('body.allowedOrigins'))) {
      this.actionError = null;
    }
  }

  #discard = () => {
    if (!this.company || this.busy) return;
    this.draft = toDraft(this.company);
    this.actionError = null;
    this.notice = () => msg('Changes discarded.');
  };

  #onSave = async (event: SubmitEvent) => {
    event.preventDefault();
    const loaded = this.#loaded.value;
    if (this.busy || !loaded || !this.company || !this.draft) return;
    const { changes, originLines } = changesOf(this.company, this.draft);
    if (Object.keys(changes).length === 0) {
      this.actionError = null;
      this.notice = () => msg('Nothing to save: no field changed.');
      return;
    }
    this.busy = true;
    this.actionError = null;
    this.notice = null;
    this.#originLines = originLines;
    try {
      const company = await loaded.client.updateCompany(changes);
      this.company = company;
      this.draft = toDraft(company);
      this.notice = () => msg('Saved. Customers see the new details now.');
      this.dispatchEvent(partnerEvent('partner-company-updated', company));
    } catch (error) {
      this.actionError = toApiError(error);
      this.#focus.request('[aria-invalid="true"]');
    } finally {
      this.busy = false;
    }
  };
}

export const partnerCompanyProfileTag = 'partner-company-profile';
if (!customElements.get(partnerCompanyProfileTag)) customElements.define(partnerCompanyProfileTag, PartnerCompanyProfile);

declare global {
  interface HTMLElementTagNameMap {
    'partner-company-profile': PartnerCompanyProfile;
  }
}

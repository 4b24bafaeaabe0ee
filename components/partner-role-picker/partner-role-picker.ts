import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiElement } from '../api/api-element.ts';
import type { CompanyRole, PartnerAccess, RolesView } from '../api/client.ts';
import { loadingLine } from '../busy.ts';
import { errorText } from '../error-messages.ts';
import { FormAssociated } from '../form-associated.ts';
import { controls } from '../styles/controls.ts';
import { tokens } from '../styles/tokens.ts';
import styles from './partner-role-picker.styles.ts';
import { msg } from '../localize.ts';
import { accessName, roleName } from '../role-names.ts';
import { roleDescription } from './role-descriptions.ts';

/** What the picker holds: the user's admin roles in their own company and their partner access. */
export interface RolePickerValue {
  companyRoles: CompanyRole[];
  partnerAccess: PartnerAccess;
}

type Level = Exclude<PartnerAccess, 'none'>;
type CompanyKind = 'partner' | 'customer';

const noAccess = (): RolePickerValue => ({ companyRoles: [], partnerAccess: 'none' });
const companyRoleIds: readonly string[] = ['global_admin', 'billing_admin', 'password_admin', 'service_admin', 'user_management_admin'];

/** Reads a value from JSON (the `value` attribute) or an object, keeping only what is valid. */
function toValue(input: unknown): RolePickerValue {
  let data = input;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return noAccess();
    }
  }
  if (typeof data !== 'object' || data === null) return noAccess();
  const { companyRoles, partnerAccess } = data as Partial<Record<keyof RolePickerValue, unknown>>;
  return {
    companyRoles: Array.isArray(companyRoles) ? (companyRoles.filter((r) => companyRoleIds.includes(r)) as CompanyRole[]) : [],
    partnerAccess: partnerAccess === 'limited' || partnerAccess === 'full' ? partnerAccess : 'none',
  };
}

// Functions: read in the language of the moment. "No" is the label of the radio (`#renderYesNo`).
const roleMessage = () => msg('Choose one of the roles, or No.', { desc: '"No": the radio button' });
const levelMessage = () => msg('Choose full or limited access, or No.', { desc: '"No": the radio button' });

/**
 * The user settings block of the user editor: administrative access to your company (No, or Yes
 * with one of the five roles) and, in partner companies, administrative access to the companies
 * you support (No, or Yes with full or limited). Labels and descriptions come from `GET /api/roles`.
 *
 * It is a form field: inside a `<form>` its value is submitted, `form.reset()` restores the
 * value it started with, a disabled `<fieldset>` or `disabled` disables it, and it takes part in
 * validation ("Yes" without a role or level is `valueMissing`).
 *
 * **Form data.** With `name="access"` the form data holds `access.companyRoles` (one entry per
 * role, none when there is no admin role) and `access.partnerAccess` (`none`, `limited` or
 * `full`; only for partner companies). Without a `name`, nothing is submitted, as with native
 * controls.
 *
 * A user may hold several roles (the API allows it); the picker offers one, and keeps the roles
 * it was given until the person picks another.
 *
 * Give it the roles table as `roles` to save a request, and `company-kind` to say whether the
 * partner section applies; otherwise it asks `GET /api/roles` and `GET /api/me`, through
 * `<partner-session>` or its own `api-base` and `token`.
 *
 * @fires change - The person changed the value (bubbles, composed). Read `value`.
 *
 * @csspart picker - The block around both settings.
 * @csspart group - Each setting's fieldset; also `company` and `partner`.
 * @csspart legend - A setting's question; `sublegend` for the role and level choices.
 * @csspart choices - The No / Yes radios.
 * @csspart choice - A radio with its label.
 * @csspart options - The list of roles or levels.
 * @csspart option - A role or level: radio, label and description.
 * @csspart radio - Every radio input.
 * @csspart option-label - A role's or level's name.
 * @csspart description - What a role or level may do.
 * @csspart field-error - "Choose one of the roles" when Yes has no role.
 * @csspart status - The loading line.
 * @csspart error - The alert when the roles could not be loaded.
 * @csspart button - The "Try again" button.
 *
 * @cssprop [--partner-font-family=system-ui, …] - Font.
 * @cssprop [--partner-font-size=1rem] - Base font size.
 * @cssprop [--partner-radius=8px] - Corner radius.
 * @cssprop [--partner-space=1rem] - Spacing unit.
 * @cssprop [--partner-density=1] - Scales every gap and padding (0.75 compact, 1.25 roomy).
 * @cssprop [--partner-color-text=#1f2328] - Text.
 * @cssprop [--partner-color-muted=#59636e] - Descriptions.
 * @cssprop [--partner-color-surface=#ffffff] - Background of the options.
 * @cssprop [--partner-color-surface-alt=#f6f8fa] - Background of the role list.
 * @cssprop [--partner-color-border=#d1d9e0] - Borders.
 * @cssprop [--partner-color-accent=#0969da] - Checked radios.
 * @cssprop [--partner-color-focus=#0969da] - Focus ring.
 * @cssprop [--partner-color-danger=#b42318] - The missing-choice message.
 */
export class PartnerRolePicker extends FormAssociated(ApiElement) {
  static override styles = [tokens, controls, styles];
  static override shadowRootOptions: ShadowRootInit = { ...ApiElement.shadowRootOptions, delegatesFocus: true };
  static override properties: PropertyDeclarations = {
    roles: { attribute: false },
    companyKind: { attribute: 'company-kind' },
    companyAdmin: { state: true },
    selectedRoles: { state: true },
    partnerAdmin: { state: true },
    partnerLevel: { state: true },
    showMissing: { state: true },
    value: { converter: { fromAttribute: toValue } },
  };

  /**
   * The roles table from `GET /api/roles`. Set it when you have it (the user list does); when
   * unset the picker fetches it.
   */
  roles: RolesView | null = null;

  /**
   * `partner` shows the partner-access setting; `customer` hides it (partner access exists only in
   * partner companies). Unset: the signed-in user's company from `GET /api/me`.
   */
  companyKind: CompanyKind | null = null;

  private companyAdmin = false;
  /** The selected roles; kept while "No" is chosen so "Yes" brings them back. */
  private selectedRoles: CompanyRole[] = [];
  private partnerAdmin = false;
  private partnerLevel: Level | null = null;
  /** Set once validation failed (a submit or `checkValidity()`), to show the missing choice as an error. */
  private showMissing = false;

  /** The value `form.reset()` returns to: the last one set from outside before the person changed it. */
  #defaultValue = noAccess();
  #dirty = false;

  /** The roles table and company kind the picker was not given. */
  readonly #setup = new Task(this, {
    args: () => [this.client, this.roles, this.companyKind] as const,
    task: async ([client, roles, kind], { signal }): Promise<{ roles: RolesView; kind: CompanyKind }> => {
      const needKind = kind === null && client.hasCredentials;
      const [table, me] = await Promise.all([roles ?? client.roles({ signal }), needKind ? client.me({ signal }) : null]);
      // Without a way to ask, show both settings: the BFF refuses partner access where it does not apply.
      return { roles: table, kind: kind ?? me?.company.kind ?? 'partner' };
    },
  });

  constructor() {
    super();
    this.addEventListener('invalid', () => (this.showMissing = true));
  }

  /**
   * `{ companyRoles, partnerAccess }`. Setting it before the person changes anything also sets
   * the value `form.reset()` restores. The `value` attribute takes the same as JSON.
   */
  get value(): RolePickerValue {
    return {
      companyRoles: this.companyAdmin ? [...this.selectedRoles] : [],
      partnerAccess: this.partnerAdmin && this.partnerLevel ? this.partnerLevel : 'none',
    };
  }
  set value(input: RolePickerValue) {
    const value = toValue(input);
    if (!this.#dirty) this.#defaultValue = value;
    this.#apply(value);
  }

  formResetCallback(): void {
    this.#dirty = false;
    this.showMissing = false;
    this.#apply(this.#defaultValue);
  }

  /** Restores the state the browser saved (back/forward navigation, autofill). */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.#apply(toValue(state));
  }

  #apply(value: RolePickerValue) {
    this.companyAdmin = value.companyRoles.length > 0;
    this.selectedRoles = [...value.companyRoles];
    this.partnerAdmin = value.partnerAccess !== 'none';
    this.partnerLevel = value.partnerAccess === 'none' ? null : value.partnerAccess;
    this.#syncForm();
  }

  /** Whether the partner setting applies: shown, submitted and validated. */
  get #partnerShown(): boolean {
    const kind = this.companyKind ?? this.#setup.value?.kind ?? null;
    return kind !== 'customer';
  }

  /** Hands the browser the form value and validity; `anchor` is where a validation message points. */
  #syncForm() {
    const value = this.value;
    const data = new FormData();
    if (this.name) {
      for (const role of value.companyRoles) data.append(`${this.name}.companyRoles`, role);
      if (this.#partnerShown) data.append(`${this.name}.partnerAccess`, value.partnerAccess);
    }
    this.internals.setFormValue(data, JSON.stringify(value));

    const roleMissing = this.companyAdmin && this.selectedRoles.length === 0;
    const levelMissing = this.#partnerShown && this.partnerAdmin && !this.partnerLevel;
    if (roleMissing || levelMissing) {
      const anchor = this.renderRoot?.querySelector<HTMLElement>(roleMissing ? 'input[name="company-role"]' : 'input[name="partner-level"]');
      this.internals.setValidity({ valueMissing: true }, roleMissing ? roleMessage() : levelMessage(), anchor ?? undefined);
    } else {
      this.internals.setValidity({});
    }
  }

  protected override updated(changed: PropertyValues<this>) {
    // After each render: the radios a validation message points at exist now, and the name or
    // company kind (which decide the form entries) may have changed.
    super.updated(changed);
    this.#syncForm();
  }

  protected override render() {
    const { status, value, error } = this.#setup;
    if (status === TaskStatus.ERROR) return this.#renderError(error);
    if (!value) return loadingLine(msg('Loading roles…'));
    const disabled = this.isDisabled;
    return html`
      <div part="picker">
        ${this.#renderCompanySetting(value.roles, disabled)}
        ${this.#partnerShown ? this.#renderPartnerSetting(value.roles, disabled) : nothing}
      </div>
    `;
  }

  #renderCompanySetting(roles: RolesView, disabled: boolean): TemplateResult {
    const missing = this.companyAdmin && this.selectedRoles.length === 0;
    return html`
      <fieldset part="group company" ?disabled=${disabled}>
        <legend part="legend">${msg('Administrative access to your company')}</legend>
        ${this.#renderYesNo('company-admin', this.companyAdmin, (yes) => (this.companyAdmin = yes))}
        ${this.companyAdmin
          ? html`
              <fieldset part="options" aria-describedby=${missing ? 'company-role-error' : nothing}>
                <legend part="legend sublegend">${msg('Role')}</legend>
                ${roles.companyRoles.map((role) =>
                  this.#renderOption('company-role', role.id, roleName(role), roleDescription('role', role), this.selectedRoles[0] === role.id, () => {
                    this.selectedRoles = [role.id];
                  }),
                )}
                ${missing ? html`<p part="field-error" id="company-role-error" class=${this.showMissing ? 'shown' : ''}>${roleMessage()}</p>` : nothing}
              </fieldset>
            `
          : nothing}
      </fieldset>
    `;
  }

  #renderPartnerSetting(roles: RolesView, disabled: boolean): TemplateResult {
    const missing = this.partnerAdmin && !this.partnerLevel;
    // Full first: the order an admin reads "how much", most first, as the roles table lists global admin first.
    const levels = roles.partnerAccess.filter((l): l is typeof l & { id: Level } => l.id !== 'none').reverse();
    return html`
      <fieldset part="group partner" ?disabled=${disabled}>
        <legend part="legend">${msg('Administrative access to companies you support')}</legend>
        ${this.#renderYesNo('partner-admin', this.partnerAdmin, (yes) => (this.partnerAdmin = yes))}
        ${this.partnerAdmin
          ? html`
              <fieldset part="options" aria-describedby=${missing ? 'partner-level-error' : nothing}>
                <legend part="legend sublegend">${msg('Access', { desc: 'Heading of the partner access levels' })}</legend>
                ${levels.map((level) =>
                  this.#renderOption('partner-level', level.id, accessName(level), roleDescription('access', level), this.partnerLevel === level.id, () => {
                    this.partnerLevel = level.id;
                  }),
                )}
                ${missing ? html`<p part="field-error" id="partner-level-error" class=${this.showMissing ? 'shown' : ''}>${levelMessage()}</p>` : nothing}
              </fieldset>
            `
          : nothing}
      </fieldset>
    `;
  }

  #renderYesNo(name: string, yes: boolean, set: (yes: boolean) => void): TemplateResult {
    const choice = (answer: boolean, label: string) => html`
      <label part="choice">
        <input part="radio" type="radio" name=${name} value=${answer ? 'yes' : 'no'} .checked=${yes === answer} @change=${() => this.#changed(() => set(answer))} />
        ${label}
      </label>
    `;
    return html`<div part="choices">${choice(false, msg('No'))}${choice(true, msg('Yes'))}</div>`;
  }

  #renderOption(name: string, id: string, label: string, description: string, checked: boolean, pick: () => void): TemplateResult {
    const inputId = `${name}-${id}`;
    return html`
      <div part="option">
        <input
          part="radio"
          type="radio"
          id=${inputId}
          name=${name}
          value=${id}
          .checked=${checked}
          aria-describedby="${inputId}-description"
          @change=${() => this.#changed(pick)}
        />
        <label part="option-label" for=${inputId}>${label}</label>
        <p part="description" id="${inputId}-description">${description}</p>
      </div>
    `;
  }

  /** A change by the person: apply it, update the form value, and say so with a native `change`. */
  #changed(apply: () => void) {
    apply();
    this.#dirty = true;
    this.#syncForm();
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  #renderError(error: unknown): TemplateResult {
    return html`
      <div part="error" role="alert" class="shown">
        ${msg('Could not load the roles.')} ${errorText(error)}
        <div><button type="button" part="button" @click=${() => this.#setup.run()}>${msg('Try again')}</button></div>
      </div>
    `;
  }
}

export const partnerRolePickerTag = 'partner-role-picker';
if (!customElements.get(partnerRolePickerTag)) customElements.define(partnerRolePickerTag, PartnerRolePicker);

declare global {
  interface HTMLElementTagNameMap {
    'partner-role-picker': PartnerRolePicker;
  }
}

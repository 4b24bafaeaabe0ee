/**
 * The plumbing of a form-associated custom element (HTML's "form-associated custom elements",
 * https://html.spec.whatwg.org/multipage/custom-elements.html#form-associated-custom-elements):
 * `ElementInternals`, `name`, `disabled` (own or from a disabled `<fieldset>`), and the same
 * validity API a native control has. The element using it sets its value and validity through
 * `internals` and restores its default in `formResetCallback`.
 */
import type { LitElement, PropertyDeclarations } from 'lit';

// A mixin's base constructor must take `any[]` (TS2545); nothing is passed through untyped.
type Constructor<T> = abstract new (...args: any[]) => T;

/**
 * What `FormAssociated` adds to its base, spelled out so that declaration files can name the
 * mixin's type (its class expression, with protected members, cannot be written in a .d.ts).
 */
export declare abstract class FormAssociatedInterface {
  /** The form value, validity and state the browser reads. */
  protected readonly internals: ElementInternals;
  /** The name the value is submitted under, as with native controls. */
  name: string;
  /** Disables the control: nothing is submitted and it is not validated. Reflected, as HTML reads it. */
  disabled: boolean;
  /** True while an ancestor `<fieldset disabled>` disables the element. */
  protected formDisabled: boolean;
  /** Whether the person can use the control now: neither `disabled` nor inside a disabled fieldset. */
  get isDisabled(): boolean;
  /** The form the element belongs to, or null. */
  get form(): HTMLFormElement | null;
  get validity(): ValidityState;
  get validationMessage(): string;
  get willValidate(): boolean;
  checkValidity(): boolean;
  reportValidity(): boolean;
  /** Called by the browser when an ancestor fieldset is disabled or enabled. */
  formDisabledCallback(disabled: boolean): void;
  /** Called by the browser on `form.reset()`: go back to the default value. */
  abstract formResetCallback(): void;
}

export function FormAssociated<Base extends Constructor<LitElement>>(base: Base): Constructor<FormAssociatedInterface> & Base {
  abstract class FormAssociatedElement extends base {
    static formAssociated = true;
    static properties: PropertyDeclarations = {
      name: { reflect: true },
      disabled: { type: Boolean, reflect: true },
      formDisabled: { state: true },
    };

    /** The form value, validity and state the browser reads. */
    protected readonly internals: ElementInternals = this.attachInternals();

    /** The name the value is submitted under, as with native controls. */
    name = '';

    /** Disables the control: nothing is submitted and it is not validated. Reflected, as HTML reads it. */
    disabled = false;

    /** True while an ancestor `<fieldset disabled>` disables the element. */
    protected formDisabled = false;

    /** Whether the person can use the control now: neither `disabled` nor inside a disabled fieldset. */
    get isDisabled(): boolean {
      return this.disabled || this.formDisabled;
    }

    /** The form the element belongs to, or null. */
    get form(): HTMLFormElement | null {
      return this.internals.form;
    }

    get validity(): ValidityState {
      return this.internals.validity;
    }

    get validationMessage(): string {
      return this.internals.validationMessage;
    }

    get willValidate(): boolean {
      return this.internals.willValidate;
    }

    checkValidity(): boolean {
      return this.internals.checkValidity();
    }

    reportValidity(): boolean {
      return this.internals.reportValidity();
    }

    /** Called by the browser when an ancestor fieldset is disabled or enabled. */
    formDisabledCallback(disabled: boolean): void {
      this.formDisabled = disabled;
    }

    /** Called by the browser on `form.reset()`: go back to the default value. */
    abstract formResetCallback(): void;
  }
  // Through `unknown`: protected members compare by declaration, so the class expression is not
  // "comparable" to the interface that spells out the same members.
  return FormAssociatedElement as unknown as Constructor<FormAssociatedInterface> & Base;
}

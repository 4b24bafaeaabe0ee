/**
 * The plumbing of a form-associated custom element (HTML's "form-associated custom elements",
 * https://html.spec.whatwg.org/multipage/custom-elements.html#form-associated-custom-elements):
 * `ElementInternals`, `name`, `disabled` (own or from a disabled `<fieldset>`), and the same
 * validity API a native control has. The element using it sets its value and validity through
 * `internals` and restores its default in `formResetCallback`.
 */
import type { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';

// A mixin's base constructor must take `any[]` (TS2545); nothing is passed through untyped.
type LitConstructor = abstract new (...args: any[]) => LitElement;

export function FormAssociated<Base extends LitConstructor>(base: Base) {
  abstract class FormAssociatedElement extends base {
    static formAssociated = true;

    /** The form value, validity and state the browser reads. */
    protected readonly internals: ElementInternals = this.attachInternals();

    /** The name the value is submitted under, as with native controls. */
    @property({ reflect: true }) name = '';

    /** Disables the control: nothing is submitted and it is not validated. Reflected, as HTML reads it. */
    @property({ type: Boolean, reflect: true }) disabled = false;

    /** True while an ancestor `<fieldset disabled>` disables the element. */
    @state() protected formDisabled = false;

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
  return FormAssociatedElement;
}

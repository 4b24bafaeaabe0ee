/**
 * Moves the keyboard focus to an element of the next render: when a view changes (a form turns
 * into its result, a row into its confirmation), focus follows it instead of falling to `<body>`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FocusAfterUpdate implements ReactiveController {
  #target: string | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** Focuses the element matching `selector` in the host's shadow root after its next update. */
  request(selector: string) {
    this.#target = selector;
    this.host.requestUpdate();
  }

  hostUpdated() {
    const target = this.#target;
    if (!target) return;
    this.#target = null;
    this.host.shadowRoot?.querySelector<HTMLElement>(target)?.focus();
  }
}

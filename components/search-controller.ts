/**
 * Search as you type: the query follows the search box once typing pauses (or at once on Enter),
 * so a list asks the server once per pause rather than once per keystroke. Pair it with a
 * `PagedList` (or a `Task`) whose args read `query`: a newer search then aborts an older one.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export class SearchController implements ReactiveController {
  /** What the search box holds now. */
  text = '';
  /** The search to run: `text`, trimmed, once typing paused. */
  query = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** How long the search waits after the last keystroke. */
    private readonly delayMs = 250,
  ) {
    host.addController(this);
  }

  hostDisconnected() {
    clearTimeout(this.#timer);
  }

  /** The labelled search input, `id="search"`; put it in a `<form role="search" @submit=${submit}>`. */
  field(label: string): TemplateResult {
    return html`
      <div part="field">
        <label part="label" for="search">${label}</label>
        <input part="input" id="search" type="search" autocomplete="off" spellcheck="false" .value=${this.text} @input=${this.#onInput} />
      </div>
    `;
  }

  /** The search form's submit: Enter searches at once. */
  readonly submit = (event: SubmitEvent) => {
    event.preventDefault();
    this.#apply();
  };

  #onInput = (event: InputEvent) => {
    this.text = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#apply(), this.delayMs);
  };

  #apply() {
    clearTimeout(this.#timer);
    this.query = this.text.trim();
    this.host.requestUpdate();
  }
}

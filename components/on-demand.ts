/**
 * Something an element needs only for some views and loads the first time one opens: a part
 * (load-part.ts) or another element (load-element.ts). `value` is there once it is loaded (at
 * once when it was before, e.g. by another element, and always in the one-file bundle); the host
 * renders again when it arrives or fails to come (`error`; `load()` again retries). Meanwhile the
 * host shows `placeholder()` in its place.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { loadingLine } from './busy.ts';
import { retryAlert } from './error-messages.ts';
import { msg } from './localize.ts';

export class OnDemand<T> {
  error: unknown = null;
  #loading: Promise<T | undefined> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly present: () => T | undefined,
    private readonly importIt: () => Promise<unknown>,
  ) {}

  get value(): T | undefined {
    return this.present();
  }

  /** What the host shows in its place until it is here: a loading line, or why it did not come, with "Try again". */
  placeholder(loading = msg('Loading…')): TemplateResult {
    return this.error ? retryAlert(this.error, () => this.load()) : loadingLine(loading);
  }

  /** Resolves with the value, or `undefined` when it could not be loaded (then `error` says why). */
  load(): Promise<T | undefined> {
    const value = this.value;
    if (value) return Promise.resolve(value);
    if (!this.#loading) {
      if (this.error) {
        this.error = null;
        this.host.requestUpdate();
      }
      this.#loading = this.importIt().then(
        () => {
          this.#loading = null;
          this.host.requestUpdate();
          return this.value;
        },
        (error: unknown) => {
          this.#loading = null;
          this.error = error;
          this.host.requestUpdate();
          return undefined;
        },
      );
    }
    return this.#loading;
  }
}

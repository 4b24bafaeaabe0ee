/**
 * A request a widget renders (pending / complete / error), run again whenever its arguments
 * change: the part of `@lit/task` the widgets use, with the same names and behaviour, in fewer
 * bytes. After each host update the `args` are compared with the last ones (each by `===`); when
 * one differs, the task runs: a newer run aborts the older one (through `signal`) and an older
 * answer that arrives late is ignored. A task that returns `initialState` goes back to
 * `INITIAL`, keeping the last value.
 */
import type { ReactiveControllerHost } from 'lit';
import * as TaskStatus from './task-status.ts';

export { TaskStatus };

/** What a task returns when there is nothing to load (e.g. no session): the status goes back to `INITIAL`. */
export const initialState = Symbol();

export interface TaskConfig<A extends readonly unknown[], R> {
  args: () => A;
  task: (args: A, options: { signal: AbortSignal }) => R | typeof initialState | Promise<R | typeof initialState>;
  /** Called with the value of a run that completed (and was not overtaken by a newer one). */
  onComplete?: (value: R) => void;
}

export class Task<A extends readonly unknown[], R> {
  status: (typeof TaskStatus)[keyof typeof TaskStatus] = TaskStatus.INITIAL;
  /** The last completed run's value; kept while a newer run is pending, cleared when one fails. */
  value: R | undefined;
  /** Why the last run failed. */
  error: unknown;

  #args: A | undefined;
  #abort: AbortController | undefined;
  /** The latest run: it settles once its answer is in (or it was overtaken). */
  #running: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly config: TaskConfig<A, R>,
  ) {
    host.addController(this);
  }

  /** Settles with the value (or the error) of the latest run, once no newer run is pending. */
  get taskComplete(): Promise<R> {
    const running = this.#running;
    return running.then(() =>
      running !== this.#running ? this.taskComplete : this.status === TaskStatus.ERROR ? Promise.reject(this.error) : (this.value as R),
    );
  }

  hostUpdate() {
    const args = this.config.args();
    const last = this.#args;
    if (!last || args.length !== last.length || args.some((arg, i) => arg !== last[i])) void this.run(args);
  }

  /** Runs the task now (e.g. "Try again"), with the current args unless given others. */
  run(args: A = this.config.args()): Promise<void> {
    return (this.#running = this.#perform(args));
  }

  async #perform(args: A) {
    this.#args = args;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.status = TaskStatus.PENDING;
    this.host.requestUpdate();
    let result: R | typeof initialState;
    let failed = false;
    try {
      result = await this.config.task(args, { signal: abort.signal });
    } catch (error) {
      failed = true;
      result = initialState;
      if (abort === this.#abort) this.error = error;
    }
    if (abort !== this.#abort) return; // a newer run took over
    if (failed) {
      // As @lit/task: a failure clears the value, a success the error.
      this.value = undefined;
      this.status = TaskStatus.ERROR;
    } else if (result === initialState) {
      this.status = TaskStatus.INITIAL;
    } else {
      this.config.onComplete?.(result);
      this.value = result;
      this.error = undefined;
      this.status = TaskStatus.COMPLETE;
    }
    this.host.requestUpdate();
  }
}

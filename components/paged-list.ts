/**
 * A list the BFF serves a page at a time (keyset cursors): the first page through a `Task`, so a
 * newer query aborts an older one and the older answer is ignored even if it arrives; then
 * "Load more" appends the next page to what is shown, so the reader keeps their place.
 */
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { busyButton } from './busy.ts';
import { errorAlert, retryAlert } from './error-messages.ts';
import { msg } from './localize.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Fetches the page after `cursor` (the first page without one); `initialState` when there is nothing to load. */
export type PageLoader<A extends readonly unknown[], T> = (
  args: A,
  cursor: string | undefined,
  signal: AbortSignal,
) => Promise<Page<T>> | typeof initialState;

export class PagedList<T extends { id: string }, A extends readonly unknown[]> {
  /** The first page, then every page `loadMore()` added. */
  items: T[] = [];
  nextCursor: string | null = null;
  loadingMore = false;
  /** Why the last "Load more" failed; what is shown stays. */
  moreError: unknown = null;
  /** The first page; runs again whenever `args` changes. */
  readonly first: Task<A, Page<T>>;

  #args: A | undefined;
  #more: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    args: () => A,
    private readonly load: PageLoader<A, T>,
  ) {
    this.first = new Task(host, {
      args,
      task: (a, { signal }) => {
        this.#more?.abort(); // a page of the previous query must not append to this one
        this.#args = a;
        const page = load(a, undefined, signal);
        if (page === initialState) this.#show([], null);
        return page;
      },
      onComplete: (page) => this.#show(page.items, page.nextCursor),
    });
  }

  /** Appends the next page; a second call while one runs does nothing. */
  async loadMore(): Promise<void> {
    const cursor = this.nextCursor;
    const args = this.#args;
    if (this.loadingMore || !cursor || !args) return;
    const controller = new AbortController();
    this.#more = controller;
    this.#set({ loadingMore: true, moreError: null });
    try {
      const page = await this.load(args, cursor, controller.signal);
      if (controller.signal.aborted || page === initialState) return;
      const shown = new Set(this.items.map((item) => item.id));
      this.items = [...this.items, ...page.items.filter((item) => !shown.has(item.id))];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      if (!controller.signal.aborted) this.moreError = error;
    } finally {
      if (this.#more === controller) this.#set({ loadingMore: false });
    }
  }

  /** Shows `item` in place of the one with its id (e.g. a user after a password reset). */
  replace(item: T) {
    this.#set({ items: this.items.map((i) => (i.id === item.id ? item : i)) });
  }

  /** Shows a new item first (lists that are newest first). */
  prepend(item: T) {
    this.#set({ items: [item, ...this.items.filter((i) => i.id !== item.id)] });
  }

  /** Stops showing the item with this id (e.g. it was deleted). */
  remove(id: string) {
    this.#set({ items: this.items.filter((i) => i.id !== id) });
  }

  /** Stops a running "Load more" (the host went away). */
  abort() {
    this.#more?.abort();
  }

  /** Shows nothing until the next first page (e.g. another session: nothing of the last one stays). */
  clear() {
    this.abort();
    this.#show([], null);
  }

  #show(items: T[], nextCursor: string | null) {
    this.#set({ items, nextCursor, moreError: null, loadingMore: false });
  }

  #set(changes: Partial<Pick<this, 'items' | 'nextCursor' | 'loadingMore' | 'moreError'>>) {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }
}

/**
 * Under a list: why the last "Load more" failed (`explain` may reword it), and the "Load more"
 * button once the first page is in and more pages remain.
 */
export function loadMoreControls<T extends { id: string }, A extends readonly unknown[]>(
  list: PagedList<T, A>,
  explain: (error: unknown) => unknown = (error) => error,
): TemplateResult {
  return html`
    ${list.moreError ? errorAlert(explain(list.moreError)) : nothing}
    ${list.first.status === TaskStatus.COMPLETE && list.nextCursor
      ? html`
          <div part="actions">${busyButton('more', msg('Load more'), list.loadingMore && msg('Loading more…'), () => list.loadMore())}</div>
        `
      : nothing}
  `;
}

/**
 * A paged list as the widgets show it: one status line (a live region: the loading text with the
 * spinner, then `summary` once loaded — the count, or why the list is empty — or nothing when
 * `summary` is null), the items (`<ul part="<part>">`), and `loadMoreControls`. A failed first
 * page shows its error with "Try again". `explain` may reword the errors; `updating` is said
 * while a newer query replaces the items shown.
 */
export function pagedView<T extends { id: string }, A extends readonly unknown[]>(
  list: PagedList<T, A>,
  labelledBy: string,
  loading: string,
  summary: string | null,
  row: (item: T) => TemplateResult,
  part = 'items',
  explain: (error: unknown) => unknown = (error) => error,
  updating = msg('Updating…'),
): TemplateResult {
  const { status, error } = list.first;
  if (status === TaskStatus.ERROR) return retryAlert(explain(error), () => list.first.run());
  const loaded = status === TaskStatus.COMPLETE;
  const n = list.items.length;
  return html`
    <p part="status" role="status" class=${loaded && !n ? 'empty' : ''}>${loaded
      ? summary
      : html`<span class="spinner" aria-hidden="true"></span>${n ? updating : loading}`}</p>
    ${n ? html`<ul part=${part} aria-labelledby=${labelledBy} aria-busy=${loaded ? 'false' : 'true'}>${list.items.map(row)}</ul>` : nothing}
    ${loadMoreControls(list, explain)}
  `;
}

/**
 * Replaces `window.fetch` for one test with canned answers per `METHOD /path`, and records
 * every call so a test can assert what the widget sent.
 */

export interface Answer {
  status: number;
  body?: unknown;
  /** A body that is not JSON (e.g. a proxy's HTML error page), sent as is. */
  text?: string;
  statusText?: string;
  /** Response headers besides Content-Type, e.g. `Retry-After`. */
  headers?: Record<string, string>;
  /** Resolve only when the test says so (to look at loading states). */
  gate?: Promise<void>;
}

export interface RecordedCall {
  method: string;
  url: string;
  path: string;
  /** The query string's parameters, e.g. `q` and `cursor`. */
  query: URLSearchParams;
  authorization: string | null;
  /** Every request header, e.g. `Idempotency-Key`. */
  headers: Headers;
  body: unknown;
  /** The request's AbortSignal, to check that a widget cancelled what it no longer needs. */
  signal: AbortSignal | null;
}

export type Route = Answer | ((call: RecordedCall) => Answer | Promise<Answer>);

export interface FetchStub {
  calls: RecordedCall[];
  /** Adds or replaces the answer for `METHOD /path`. */
  on(route: string, answer: Route): void;
  restore(): void;
}

export function stubFetch(routes: Record<string, Route> = {}): FetchStub {
  const original = window.fetch;
  const table = new Map(Object.entries(routes));
  const calls: RecordedCall[] = [];
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, location.href);
    const headers = new Headers(init.headers);
    const call: RecordedCall = {
      method: (init.method ?? 'GET').toUpperCase(),
      url: url.href,
      path: url.pathname,
      query: url.searchParams,
      authorization: headers.get('Authorization'),
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init.signal ?? null,
    };
    calls.push(call);
    const route = table.get(`${call.method} ${call.path}`);
    if (!route) throw new TypeError(`Failed to fetch (no stub for ${call.method} ${call.path})`);
    const answer = typeof route === 'function' ? await route(call) : route;
    // Like a real fetch, an aborted request rejects with an AbortError, also while it waits.
    const signal = init.signal;
    const aborted = () => new DOMException('The user aborted a request.', 'AbortError');
    if (signal?.aborted) throw aborted();
    if (answer.gate) {
      await new Promise<void>((resolve, reject) => {
        signal?.addEventListener('abort', () => reject(aborted()), { once: true });
        answer.gate!.then(resolve);
      });
    }
    if (answer.status === 204) return new Response(null, { status: 204 });
    if (answer.text !== undefined) return new Response(answer.text, { status: answer.status, statusText: answer.statusText ?? '' });
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { ...answer.headers, 'Content-Type': 'application/json' } });
  };
  return {
    calls,
    on: (route, answer) => void table.set(route, answer),
    restore: () => {
      window.fetch = original;
    },
  };
}

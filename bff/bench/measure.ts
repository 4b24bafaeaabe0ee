/**
 * Measures one case: serves its app on 127.0.0.1, port 0, with @hono/node-server (`listen`, as
 * `startServer` uses), drives it with autocannon from a child process over loopback, and
 * summarises the per-second samples.
 */
import { fork } from 'node:child_process';
import type { Result } from 'autocannon';
import { listen } from '../listen.ts';
import type { BenchRequest, Fetchable } from './cases.ts';

export interface LoadJob {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Seconds of unmeasured load before the measured run. */
  warmupSeconds: number;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export type LoadMessage =
  | { type: 'tick'; count: number }
  | { type: 'done'; result: Result }
  | { type: 'error'; message: string };

export interface Measurement {
  /** Mean of the per-second samples. */
  meanRps: number;
  firstWindowRps: number;
  lastWindowRps: number;
  p99Ms: number;
  non2xx: number;
  /** Requests that got no response: connection errors and timeouts (autocannon counts both). */
  errors: number;
  /** Completed responses per second, in order. */
  perSecond: number[];
}

/** Serves `app` on a free loopback port; `close()` waits for the handlers still running. */
export async function serveOnLoopback(app: Fetchable): Promise<{ url: string; close(): Promise<void> }> {
  // Requests still being handled when the load stops: autocannon drops its sockets, but the
  // handlers run on, so `close()` waits for them before the next case or the database goes.
  const listening = await listen((request) => app.fetch(request));
  return { url: listening.url, close: () => listening.close(60_000) };
}

/** Runs autocannon in a child process; resolves with its result and the per-second counts. */
export function runLoad(job: LoadJob): Promise<{ result: Result; perSecond: number[] }> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./load.ts', import.meta.url), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const perSecond: number[] = [];
    let settled = false;
    child.on('message', (message: LoadMessage) => {
      if (message.type === 'tick') perSecond.push(message.count);
      else if (message.type === 'done') {
        settled = true;
        // autocannon emits one more tick (always 0) as it stops; keep one count per sample.
        resolve({ result: message.result, perSecond: perSecond.slice(0, message.result.samples) });
      } else {
        settled = true;
        reject(new Error(`autocannon: ${message.message}`));
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!settled) reject(new Error(`the load generator exited with code ${code} before reporting`));
    });
    child.send(job);
  });
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/**
 * Measures `request` against `target`: an app, served here on loopback for the case, or servers
 * already listening (closed after the case too).
 */
export async function measure(
  target: Fetchable | { url: string; close(): Promise<void> },
  request: BenchRequest,
  options: { connections: number; durationSeconds: number; warmupSeconds: number; windowSeconds: number },
): Promise<Measurement> {
  const server = 'fetch' in target ? await serveOnLoopback(target) : target;
  try {
    const { result, perSecond } = await runLoad({
      url: server.url + request.path,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      method: request.method ?? 'GET',
      headers: {
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...request.headers,
      },
      ...(request.body === undefined ? {} : { body: typeof request.body === 'string' ? request.body : JSON.stringify(request.body) }),
    });
    return {
      meanRps: result.requests.mean,
      firstWindowRps: mean(perSecond.slice(0, options.windowSeconds)),
      lastWindowRps: mean(perSecond.slice(-options.windowSeconds)),
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
      perSecond,
    };
  } finally {
    await server.close();
  }
}

/**
 * The one way partnerkit puts a fetch handler on a port (the server, the benchmark and the
 * tests that need real sockets): @hono/node-server, plus a `close()` that drains. Closing stops
 * accepting at once, lets the requests in flight finish (up to a grace period), ends idle
 * keep-alive sockets, and only then resolves, so the caller may close the database after it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';

export interface Listening {
  server: ServerType;
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  port: number;
  /** Requests being handled now. */
  inFlight(): number;
  /** Stops accepting, waits up to `graceMs` for requests in flight, then drops what is left. */
  close(graceMs?: number): Promise<void>;
}

export async function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  options: { port?: number; hostname?: string } = {},
): Promise<Listening> {
  const hostname = options.hostname ?? '127.0.0.1';
  let inFlight = 0;
  const idle = new Set<() => void>();
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch, port: options.port ?? 0, hostname }, () => resolve(s));
    s.once('error', reject);
  });
  // Counted from the request's arrival until its response has left (or its socket closed): the
  // handler's Response is written after fetch() returns, and closing sockets before that would
  // cut the answer off.
  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    inFlight++;
    response.once('close', () => {
      if (--inFlight === 0) for (const resolve of idle) resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const http = server as ServerType & { closeIdleConnections?: () => void; closeAllConnections?: () => void };
  let closing: Promise<void> | undefined;
  return {
    server,
    url: `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`,
    port,
    inFlight: () => inFlight,
    close: (graceMs = 10_000) =>
      (closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Idle keep-alive sockets would hold close() open; busy ones close after their answer.
        http.closeIdleConnections?.();
        if (inFlight > 0) {
          await new Promise<void>((resolve) => {
            const done = () => {
              clearTimeout(timer);
              idle.delete(done);
              resolve();
            };
            const timer = setTimeout(done, graceMs);
            idle.add(done);
          });
        }
        http.closeAllConnections?.();
        await closed;
      })()),
  };
}

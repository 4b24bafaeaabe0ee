/**
 * The one way partnerkit puts a fetch handler on a port (the server, the benchmark and the
 * tests that need real sockets): @hono/node-server, plus a `close()` that drains. Closing stops
 * accepting at once, lets the requests in flight finish (up to a grace period), ends idle
 * keep-alive sockets, and only then resolves, so the caller may close the database after it.
 */
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
  const counted = async (request: Request) => {
    inFlight++;
    try {
      return await fetch(request);
    } finally {
      if (--inFlight === 0) for (const resolve of idle) resolve();
    }
  };
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: counted, port: options.port ?? 0, hostname }, () => resolve(s));
    s.once('error', reject);
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

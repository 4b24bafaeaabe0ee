/**
 * A tiny HTTP load balancer for tests: each request goes to the next backend in turn, whatever
 * connection it came on, and the answer says which one served it (`X-Backend`).
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobin {
  url: string;
  /** Requests each backend has answered, by index. */
  served: number[];
  close(): Promise<void>;
}

export async function startRoundRobin(backends: readonly string[]): Promise<RoundRobin> {
  let next = 0;
  const served = backends.map(() => 0);
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const index = next++ % backends.length;
    const target = new URL(incoming.url ?? '/', backends[index]);
    const forwarded = request(target, { method: incoming.method, headers: { ...incoming.headers, host: target.host } }, (answer) => {
      served[index]!++;
      outgoing.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-backend': String(index) });
      answer.pipe(outgoing);
    });
    forwarded.on('error', () => {
      outgoing.writeHead(502).end();
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

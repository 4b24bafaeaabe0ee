/**
 * A TCP proxy in front of the test PostgreSQL server, to play an outage without touching the
 * shared server: `cut()` drops every connection at once and leaves new ones hanging (accepted,
 * never answered, as a server that vanished behind a load balancer); `restore()` lets them
 * through again. `cutOn(marker)` cuts the moment a client sends bytes containing `marker`,
 * before they reach the server: a transaction dies half done.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** `host:port` to put in a database URL instead of the server's. */
  address: string;
  cut(): void;
  cutOn(marker: string): Promise<void>;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  const hanging = new Set<Socket>();
  let down = false;
  let trigger: { marker: string; fired: () => void } | null = null;

  const cut = () => {
    down = true;
    for (const [client, server] of pairs) {
      client.destroy();
      server.destroy();
    }
    pairs.clear();
  };

  const server: Server = createServer((client) => {
    client.on('error', () => {});
    if (down) {
      hanging.add(client);
      client.on('close', () => hanging.delete(client));
      return;
    }
    const upstream = connect(target.port, target.host);
    upstream.on('error', () => client.destroy());
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const forget = () => pairs.delete(pair);
    client.on('close', () => {
      forget();
      upstream.destroy();
    });
    upstream.on('close', () => {
      forget();
      client.destroy();
    });
    client.on('data', (chunk: Buffer) => {
      if (trigger && chunk.includes(trigger.marker)) {
        const { fired } = trigger;
        trigger = null;
        cut();
        fired();
        return;
      }
      upstream.write(chunk);
    });
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    address: `127.0.0.1:${port}`,
    cut,
    cutOn: (marker) => new Promise<void>((fired) => (trigger = { marker, fired })),
    restore: () => {
      down = false;
      for (const socket of hanging) socket.destroy();
      hanging.clear();
    },
    close: async () => {
      cut();
      for (const socket of hanging) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

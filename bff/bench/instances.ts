/**
 * Several BFF processes behind one port (Node's cluster module, which hands connections out in
 * turn), each with a pool of its own on the bench database: what running N instances behind a
 * load balancer looks like on this machine, for the 1-vs-2 instances case.
 */
import cluster, { type Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';

export async function serveInstances(count: number, databaseUrl: string, poolSize: number): Promise<{ url: string; close(): Promise<void> }> {
  cluster.setupPrimary({ exec: fileURLToPath(new URL('./instance-worker.ts', import.meta.url)), execArgv: ['--import', 'tsx'], silent: false });
  const workers: Worker[] = [];
  const urls = await Promise.all(
    Array.from({ length: count }, () => {
      const worker = cluster.fork({ DATABASE_URL: databaseUrl, DB_POOL_SIZE: String(poolSize), PARTNER_SITE_PORT: 'off' });
      workers.push(worker);
      return new Promise<string>((resolve, reject) => {
        worker.on('message', (message: { type?: string; url?: string }) => message.type === 'listening' && resolve(message.url!));
        worker.once('exit', (code) => reject(new Error(`a bench instance exited with ${code}`)));
      });
    }),
  );
  return {
    url: urls[0]!,
    close: async () => {
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              worker.removeAllListeners('exit');
              worker.once('exit', () => resolve());
              worker.send({ type: 'stop' });
            }),
        ),
      );
    },
  };
}

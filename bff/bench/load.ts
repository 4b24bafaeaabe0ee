/**
 * The load generator, run as a child process by `measure.ts` so that autocannon does not share
 * the event loop (and CPU core) of the server it is measuring. It receives one job over IPC,
 * warms the server up, reports each per-second sample of the measured run as it happens, then
 * the result, and exits.
 */
import autocannon, { type Instance, type Result } from 'autocannon';
import type { LoadJob, LoadMessage } from './measure.ts';

function send(message: LoadMessage, then?: () => void) {
  process.send?.(message, undefined, {}, () => then?.());
}

function load(job: LoadJob, durationSeconds: number, onStart: (instance: Instance) => void): Promise<Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: durationSeconds,
        method: job.method,
        headers: job.headers,
        ...(job.body === undefined ? {} : { body: job.body }),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    onStart(instance);
  });
}

let current: Instance | undefined;
process.once('SIGTERM', () => current?.stop());
// The bench process went away (interrupted or crashed): stop loading a server that is gone.
process.once('disconnect', () => process.exit(0));

process.once('message', async (job: LoadJob) => {
  // Disconnect once the last message is written; the process then ends.
  const end = () => process.disconnect?.();
  try {
    // Warm-up (JIT, pool connections, prepared statements), so the first window measures the
    // server rather than its start; its figures are discarded.
    if (job.warmupSeconds > 0) await load(job, job.warmupSeconds, (instance) => (current = instance));
    const result = await load(job, job.durationSeconds, (instance) => {
      current = instance;
      // autocannon emits `tick` once a second with the responses completed in that second.
      instance.on('tick', ({ counter }) => send({ type: 'tick', count: counter }));
    });
    send({ type: 'done', result }, end);
  } catch (error) {
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) }, end);
  }
});

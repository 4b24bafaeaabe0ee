/**
 * One BFF instance for the scale-out bench case: a cluster worker that opens its own pool on
 * the bench database, builds the app and listens on the port the cluster shares. Its parent is
 * `serveInstances` (instances.ts).
 */
import { createDatabase } from '../../db/database.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { listen } from '../listen.ts';

const config = loadConfig();
const database = await createDatabase({ url: config.databaseUrl!, poolSize: config.dbPoolSize });
const app = createApp({ db: database.db, config, ping: database.ping });
// Port 0 in a cluster worker: every worker gets the same port, and the primary hands the
// connections out in turn.
const listening = await listen((request) => app.fetch(request));
process.send!({ type: 'listening', url: listening.url });
process.on('message', async (message: { type?: string }) => {
  if (message?.type !== 'stop') return;
  await listening.close(5000);
  await database.close();
  process.exit(0);
});

/**
 * Runs the BFF as a process: opens the database the configuration names, migrates, seeds the
 * demo once, serves the API, the docs and the built demo, and shuts down cleanly.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ServerType } from '@hono/node-server';
import { createDatabase, type Database } from '../db/database.ts';
import { demoPassword, demoSignIns, seedDemo } from '../db/seed.ts';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { releaseDataDirLock, takeDataDirLock } from './data-dir-lock.ts';
import { listen } from './listen.ts';
import { hashPassword } from './passwords.ts';
import { startPartnerSite, type PartnerSite } from '../demo/partner-site/server.ts';
import { startWorkers, type Workers } from './jobs/workers.ts';

export const distDir = fileURLToPath(new URL('../dist', import.meta.url));

/** Opens the configured database: postgres.js when DATABASE_URL is set, else PGlite in DATA_DIR. */
export function openDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? createDatabase({
        url: config.databaseUrl,
        readUrl: config.databaseReadUrl,
        poolSize: config.dbPoolSize,
        connectTimeoutSeconds: config.dbConnectTimeoutSeconds,
        queryTimeoutSeconds: config.dbQueryTimeoutSeconds,
      })
    : createDatabase({ dataDir: config.dataDir });
}

export interface RunningServer {
  url: string;
  /** The demo partner's own website on a second origin, when it runs. */
  partnerSiteUrl: string | null;
  server: ServerType;
  database: Database;
  /**
   * Stops accepting, finishes the requests in flight (up to `graceMs`, default 10 s) and the
   * jobs running in this instance's workers, then closes the database.
   */
  close(graceMs?: number): Promise<void>;
}

export async function startServer(config: Config, options: { seed?: boolean; quiet?: boolean } = {}): Promise<RunningServer> {
  if (!config.databaseUrl) takeDataDirLock(config.dataDir);
  const database = await openDatabase(config);
  // Instances started at once take turns, so each migration and the demo seed run once.
  const seeded = await database.exclusively(async () => {
    await database.migrate();
    return options.seed === false ? undefined : seedDemo(database.db, hashPassword);
  });

  // After migrating (pg-boss's tables exist then); WORKERS=0 leaves the background work to other instances.
  const workers: Workers | null = config.workers ? await startWorkers({ database, config, clock: () => new Date() }) : null;

  // Listen first: with PORT=0 the port (and so the default PUBLIC_URL that offer and consent
  // links use) is known only then. The app exists before the first request can arrive.
  let app: ReturnType<typeof createApp> | undefined;
  const listening = await listen((request) => app!.fetch(request), { port: config.port, hostname: config.host });
  const { server, url } = listening;
  const appConfig = config.publicUrlSet ? config : { ...config, publicUrl: url };

  // distDir: /partnerkit.js, /elements/* and /custom-elements.json for other origins (bff/bundle.ts),
  // and the demo with the hosted sign-up and consent pages.
  app = createApp({ db: database.db, readDb: database.readDb, config: appConfig, ping: database.ping, distDir });
  const demoRoot = `${distDir}/demo`;

  // The second origin needs the demo partner (seeded) and the built bundle it loads from us.
  const partnerSite: PartnerSite | null =
    config.partnerSitePort !== null && existsSync(demoRoot)
      ? await startPartnerSite({ db: database.db, bffUrl: appConfig.publicUrl, host: config.host, port: config.partnerSitePort })
      : null;

  if (!options.quiet) {
    console.log(`partnerkit is running at ${url}`);
    console.log(`  database: ${database.driver === 'pglite' ? `embedded (PGlite) in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`);
    console.log(`  demo:     ${url}/`);
    console.log(`  API docs: ${url}/docs`);
    if (partnerSite) console.log(`  partner site (second origin, embeds the portal): ${partnerSite.url}/`);
    if (!existsSync(demoRoot)) console.log('  (the demo page is not built: run `npm run build`)');
    if (seeded) {
      console.log(`  demo sign-ins (password "${demoPassword}"):`);
      for (const u of demoSignIns) {
        const role = u.companyRoles.join(', ') || 'no admin role';
        console.log(`    ${u.email.padEnd(30)} ${role}; partner access ${u.partnerAccess}`);
      }
    }
  }

  let closing: Promise<void> | undefined;
  // Graceful: stop accepting, let requests in flight finish (up to `graceMs`), then the pool.
  const close = (graceMs = 10_000) =>
    (closing ??= (async () => {
      await Promise.all([partnerSite?.close(), listening.close(graceMs), workers?.stop()]);
      // Jobs in flight finish before the pool they use closes.
      await database.close();
      if (!config.databaseUrl) releaseDataDirLock(config.dataDir);
    })());
  return { url, partnerSiteUrl: partnerSite?.url ?? null, server, database, close };
}

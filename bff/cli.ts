/**
 * The `partnerkit` command: serve, migrate, seed-demo, create-partner.
 */
import { parseArgs } from 'node:util';
import { seedDemo } from '../db/seed.ts';
import { loadConfig, type Config } from './config.ts';
import { assertDataDirFree } from './data-dir-lock.ts';
import { createPartner, createPartnerSchema } from './domain/companies.ts';
import { ApiError } from './errors.ts';
import { hashPassword } from './passwords.ts';
import { openDatabase, startServer } from './server.ts';

const usage = `Usage: partnerkit <command> [options]

Commands:
  serve                         migrate, seed the demo once, and serve the BFF and demo
  migrate                       apply database migrations
  seed-demo                     add the demo partner, its users, customers and the catalog
  create-partner --name NAME --admin-email EMAIL [--admin-name NAME] [--json]
                                create a partner company and its first global admin;
                                prints a temporary password that must be changed at sign-in

The database is the one the server uses: DATABASE_URL, else the embedded one in DATA_DIR.`;

async function withDatabase<T>(config: Config, work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) {
  if (!config.databaseUrl) assertDataDirFree(config.dataDir);
  const database = await openDatabase(config);
  try {
    // As a server does at start: one process at a time migrates and seeds.
    return await database.exclusively(async () => {
      await database.migrate();
      return work(database);
    });
  } finally {
    await database.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const running = await startServer(config);
      const stop = async (signal: string) => {
        console.log(`\n${signal}: shutting down…`);
        await running.close();
        console.log('partnerkit stopped.');
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
      return new Promise<number>(() => {});
    }
    case 'migrate':
      await withDatabase(config, async () => {});
      console.log('Migrations applied.');
      return 0;
    case 'seed-demo': {
      const result = await withDatabase(config, (database) => seedDemo(database.db, hashPassword));
      console.log(result.created ? 'Demo data created.' : 'Demo data already present; nothing changed.');
      return 0;
    }
    case 'create-partner': {
      const { values } = parseArgs({
        args: rest,
        options: {
          name: { type: 'string' },
          'admin-email': { type: 'string' },
          'admin-name': { type: 'string' },
          json: { type: 'boolean', default: false },
        },
      });
      const parsed = createPartnerSchema.safeParse({
        name: values.name,
        adminEmail: values['admin-email'],
        adminName: values['admin-name'],
      });
      if (!parsed.success) {
        const flags: Record<string, string> = { name: '--name', adminEmail: '--admin-email', adminName: '--admin-name' };
        for (const issue of parsed.error.issues) console.error(`${flags[String(issue.path[0])] ?? issue.path.join('.')}: ${issue.message}`);
        console.error(`\n${usage}`);
        return 2;
      }
      const created = await withDatabase(config, (database) => createPartner(database.db, parsed.data));
      if (values.json) console.log(JSON.stringify(created));
      else {
        console.log(`Partner created: ${parsed.data.name} (${created.companyId})`);
        console.log(`  first admin: ${created.email}`);
        console.log(`  temporary password: ${created.password}  (must be changed at first sign-in)`);
      }
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(usage);
      return command ? 0 : 2;
    default:
      console.error(`Unknown command: ${command}\n\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ApiError || error instanceof Error ? `partnerkit: ${error.message}` : error);
    process.exit(1);
  },
);

/**
 * The database a bench run uses, created for the run and removed after it: a fresh
 * `pk_bench_<random>` database on the server DATABASE_URL names, or else an embedded PGlite
 * database in a temporary folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { createDatabase, type Database } from '../../db/database.ts';

export interface BenchDatabase {
  database: Database;
  /** Where the data lives, for the header line (no credentials). */
  location: string;
  /** The database's URL (PostgreSQL), for processes of their own; null for PGlite. */
  url: string | null;
  /** Closes the database and drops it (Postgres) or deletes its folder (PGlite). */
  dispose(): Promise<void>;
}

export async function openBenchDatabase(options: { serverUrl: string | undefined; poolSize: number }): Promise<BenchDatabase> {
  if (!options.serverUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), 'pk-bench-'));
    const database = await createDatabase({ dataDir });
    return {
      database,
      location: `PGlite in ${dataDir}`,
      url: null,
      dispose: async () => {
        await database.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }

  const name = `pk_bench_${randomBytes(6).toString('hex')}`;
  const admin = postgres(options.serverUrl, { max: 1, onnotice: () => {} });
  try {
    // An identifier cannot be a bind parameter; `name` is generated above, so it is safe here.
    await admin.unsafe(`create database "${name}"`);
  } catch (error) {
    await admin.end({ timeout: 5 });
    throw error;
  }
  const url = new URL(options.serverUrl);
  url.pathname = `/${name}`;
  let database: Database;
  try {
    database = await createDatabase({ url: url.toString(), poolSize: options.poolSize });
  } catch (error) {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
    throw error;
  }
  return {
    database,
    location: `PostgreSQL database ${name} on ${url.host}`,
    url: url.toString(),
    dispose: async () => {
      try {
        await database.close();
      } finally {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end({ timeout: 5 });
      }
    },
  };
}

/**
 * A PostgreSQL database made for one test run (or one test file) on the server `serverUrl`
 * names, with a read-only role for its GETs (test/read-only-role.ts). `drop()` removes both.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createReadOnlyRole } from './read-only-role.ts';

export interface FreshDatabase {
  url: string;
  /** The same database through a role that cannot write. */
  readUrl: string;
  drop(): Promise<void>;
}

export async function createFreshDatabase(serverUrl: string, prefix: string): Promise<FreshDatabase> {
  // The name is made here from random hex, so it is safe as an identifier.
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const reader = await createReadOnlyRole(admin, url.href);
  return {
    url: url.href,
    readUrl: reader.url,
    drop: async () => {
      try {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await reader.drop();
      } finally {
        await admin.end();
      }
    },
  };
}

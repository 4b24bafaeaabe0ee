/**
 * A login role on the test server that can read everything and write nothing: its sessions
 * start with `default_transaction_read_only = on`, as a hot-standby replica's would refuse
 * writes. Tests point DATABASE_READ_URL at it, so any GET that writes fails them.
 */
import { randomBytes } from 'node:crypto';
import type { Sql } from 'postgres';

export async function createReadOnlyRole(admin: Sql, databaseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const role = `pk_reader_${randomBytes(6).toString('hex')}`;
  await admin.unsafe(`create role "${role}" login in role pg_read_all_data`);
  await admin.unsafe(`alter role "${role}" set default_transaction_read_only = on`);
  const url = new URL(databaseUrl);
  url.username = role;
  url.password = '';
  return {
    url: url.href,
    // After the database is dropped (its sessions are then gone too).
    drop: async () => {
      await admin.unsafe(`drop role if exists "${role}"`);
    },
  };
}

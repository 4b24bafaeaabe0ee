/**
 * PGlite is single-process: two processes opening one data folder would corrupt it. The server
 * holds a lock file with its pid; the CLI refuses to open a folder a live server holds.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const lockFile = (dataDir: string) => join(dataDir, 'partnerkit.lock');

function holder(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(lockFile(dataDir), 'utf8'));
    if (!Number.isInteger(pid) || pid === process.pid) return null;
    process.kill(pid, 0); // throws when no such process: a stale lock
    return pid;
  } catch {
    return null;
  }
}

export function assertDataDirFree(dataDir: string) {
  const pid = holder(dataDir);
  if (pid) {
    throw new Error(
      `The embedded database in ${dataDir} is in use by a running server (pid ${pid}). Stop it first, or set DATABASE_URL to use PostgreSQL.`,
    );
  }
}

export function takeDataDirLock(dataDir: string) {
  assertDataDirFree(dataDir);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(lockFile(dataDir), String(process.pid));
}

export function releaseDataDirLock(dataDir: string) {
  rmSync(lockFile(dataDir), { force: true });
}

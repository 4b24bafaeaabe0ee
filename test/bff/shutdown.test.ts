/**
 * `partnerkit serve` as a real process, told to stop with SIGTERM while a request is half sent:
 * it stops accepting at once, finishes that request, closes the database and exits 0. On the
 * PostgreSQL pass it serves a fresh database of its own (it seeds the demo), dropped afterwards.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import postgres from 'postgres';
import { startServe } from '../serve-process.ts';
import { uniqueSuffix } from './harness.ts';

const postgresUrl = process.env.PK_TEST_DATABASE_URL;
const scratch = mkdtempSync(join(tmpdir(), 'pk-shutdown-'));
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

/** Where the server keeps its data: a fresh database on the test server, or a new folder. */
async function databaseEnv(): Promise<Record<string, string>> {
  if (!postgresUrl) return { DATA_DIR: join(scratch, 'data') };
  const name = `pk_test_shutdown_${uniqueSuffix()}`;
  const admin = postgres(postgresUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.href };
}

const canConnect = (url: URL) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

test('SIGTERM: no new connections, the request in flight is answered, the pool closes, exit 0', { timeout: 60_000 }, async () => {
  const { child, url, output, exited } = await startServe(await databaseEnv());

  // A sign-in whose body arrives in two halves: in flight until the second half is sent.
  const body = JSON.stringify({ email: 'nobody@partnerkit.test', password: 'not-the-password-1' });
  const socket = connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  let answer = '';
  socket.on('data', (chunk) => (answer += chunk));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(`POST /api/sessions HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
  socket.write(body.slice(0, 10));
  await new Promise((resolve) => setTimeout(resolve, 300));

  child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(await canConnect(url), false, 'no new connection is accepted after SIGTERM');
  assert.equal(child.exitCode, null, 'still running: a request is in flight');

  socket.write(body.slice(10));
  await closed;
  assert.match(answer, /^HTTP\/1\.1 401 /, `the request in flight got its answer: ${answer.slice(0, 200)}\n${output()}`);
  assert.match(answer, /invalid_credentials/);

  assert.equal(await exited, 0, output());
  assert.match(output(), /partnerkit stopped\./);
});

#!/usr/bin/env node
/**
 * `npm run test:bff`: every test/bff/**\/*.test.ts file under node's test runner (through tsx),
 * once on the embedded database (PGlite) and, when DATABASE_URL is set, again on a fresh
 * PostgreSQL database made for this run and dropped afterwards.
 *
 * PGlite takes 4–5 s to start from nothing, so one migrated instance is built here once and
 * dumped to a file; each test file loads that dump (~1.3 s) instead (see harness.ts).
 *
 * On PostgreSQL, every GET reads through a role that may not write (test/read-only-role.ts),
 * as a read replica would: a GET that writes fails the suite.
 *
 * Extra arguments filter the files by substring: `npm run test:bff -- sessions me`.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { createReadOnlyRole } from '../read-only-role.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));

function findTestFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findTestFiles(path);
    return entry.isFile() && entry.name.endsWith('.test.ts') ? [relative(root, path)] : [];
  });
}

const filters = process.argv.slice(2);
const files = findTestFiles(here)
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();
if (files.length === 0) {
  console.error(`No test files under ${relative(root, here)}${filters.length ? ` match ${filters.join(', ')}` : ''}.`);
  process.exit(1);
}

// The server's own DATABASE_URL (often its maintenance database) never reaches a test process:
// tests get the database made for them, and the CLI test passes a URL explicitly.
const { DATABASE_URL: serverUrl, PK_TEST_DATABASE_URL: _url, PK_TEST_DATABASE_READ_URL: _readUrl, PK_TEST_PGLITE_TEMPLATE: _template, ...baseEnv } = process.env;

let interrupted = false;
let running;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // Let the running child end (Ctrl-C reaches it too), so the `finally` blocks below still
    // drop the test database and remove the template.
    interrupted = true;
    running?.kill(signal);
  });
}

function run(args, env) {
  return new Promise((resolve) => {
    running = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
    running.on('error', (error) => {
      console.error(error);
      resolve(1);
    });
    running.on('exit', (code, signal) => {
      running = undefined;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const testArgs = ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=120000', '--test-reporter=spec', ...files];
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const banner = (text) => console.log(`\n${'='.repeat(72)}\n${text}\n${'='.repeat(72)}`);

const results = [];
const tmp = mkdtempSync(join(tmpdir(), 'pk-bff-test-'));
try {
  // Pass 1: the embedded database.
  banner(`BFF tests, pass 1/${serverUrl ? 2 : 1}: embedded database (PGlite), ${files.length} files`);
  let started = performance.now();
  const template = join(tmp, 'pglite-template.tar');
  let code = await run(['--import', 'tsx', join(here, 'prepare.ts'), 'pglite', template], baseEnv);
  console.log(`Migrated PGlite template ready in ${seconds(started)}.`);
  if (code === 0 && !interrupted) code = await run(testArgs, { ...baseEnv, PK_TEST_PGLITE_TEMPLATE: template });
  results.push({ pass: 'embedded database (PGlite)', code, time: seconds(started) });

  // Pass 2: a fresh database on the PostgreSQL server DATABASE_URL names.
  if (serverUrl && !interrupted) {
    const name = `pk_test_${randomBytes(6).toString('hex')}`;
    const testUrl = new URL(serverUrl);
    testUrl.pathname = `/${name}`;
    banner(`BFF tests, pass 2/2: PostgreSQL, fresh database ${name} on ${testUrl.host}`);
    started = performance.now();
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
    let created = false;
    let reader;
    try {
      await admin.unsafe(`create database "${name}"`);
      created = true;
      reader = await createReadOnlyRole(admin, testUrl.href);
      code = await run(['--import', 'tsx', join(here, 'prepare.ts'), 'postgres', testUrl.href], baseEnv);
      if (code === 0 && !interrupted) {
        // The template still serves the tests that need an embedded database of their own.
        const embedded = existsSync(template) ? { PK_TEST_PGLITE_TEMPLATE: template } : {};
        code = await run(testArgs, { ...baseEnv, ...embedded, PK_TEST_DATABASE_URL: testUrl.href, PK_TEST_DATABASE_READ_URL: reader.url });
      }
    } catch (error) {
      console.error(`PostgreSQL pass could not run: ${error instanceof Error ? error.message : error}`);
      code = 1;
    } finally {
      if (created) {
        try {
          await admin.unsafe(`drop database if exists "${name}" with (force)`);
          console.log(`Dropped ${name}.`);
          await reader?.drop();
        } catch (error) {
          console.error(`Could not drop ${name}: ${error instanceof Error ? error.message : error}`);
          code ||= 1;
        }
      }
      await admin.end({ timeout: 5 });
    }
    results.push({ pass: 'PostgreSQL', code, time: seconds(started) });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

banner('BFF test summary');
for (const r of results) console.log(`  ${r.code === 0 ? 'pass' : 'FAIL'}  ${r.pass}  (${r.time})`);
if (!serverUrl) console.log('  skip  PostgreSQL (set DATABASE_URL to run the suite on a real server too)');
if (interrupted) console.log('  interrupted');
process.exit(interrupted || results.some((r) => r.code !== 0) ? 1 : 0);

/**
 * The operator's `partnerkit create-partner`, run as a real process. On the embedded pass it
 * uses a fresh DATA_DIR (PGlite; the first run takes several seconds to create the database);
 * on the PostgreSQL pass it uses the run's test database through DATABASE_URL.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createDatabase } from '../../db/database.ts';
import { companies, users } from '../../db/schema.ts';
import { createTestApp, uniqueEmail, uniqueSuffix, type TestApp } from './harness.ts';

const bin = fileURLToPath(new URL('../../bff/bin.mjs', import.meta.url));
const postgresUrl = process.env.PK_TEST_DATABASE_URL;
const scratch = mkdtempSync(join(tmpdir(), 'pk-cli-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string>): Promise<CliResult> {
  const { DATABASE_URL: _server, PK_TEST_DATABASE_URL: _url, PK_TEST_PGLITE_TEMPLATE: _template, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Where the CLI keeps its data in this pass: the PostgreSQL test database, or a new folder. */
function databaseEnv(): { env: Record<string, string>; dataDir?: string } {
  if (postgresUrl) return { env: { DATABASE_URL: postgresUrl } };
  const dataDir = join(scratch, `data-${uniqueSuffix()}`);
  return { env: { DATA_DIR: dataDir }, dataDir };
}

test('create-partner with a bad email exits 2, says which flag is wrong, and touches no database', async () => {
  const dataDir = join(scratch, `bad-${uniqueSuffix()}`);
  const result = await cli(['create-partner', '--name', 'Bad Email Partner', '--admin-email', 'not-an-email'], { DATA_DIR: dataDir });
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /--admin-email: .+/);
  assert.match(result.stderr, /Usage: partnerkit/);
  assert.equal(result.stdout, '');
  assert.equal(existsSync(dataDir), false, 'no database was created');
});

test('create-partner prints the new admin and a temporary password that signs in; a second one with that email fails', async () => {
  const { env, dataDir } = databaseEnv();
  const name = `CLI Partner ${uniqueSuffix()}`;
  const email = uniqueEmail('cli-admin');

  const created = await cli(['create-partner', '--name', name, '--admin-email', email, '--json'], env);
  assert.equal(created.code, 0, created.stderr);
  const printed = JSON.parse(created.stdout.trim());
  assert.deepEqual(Object.keys(printed).sort(), ['companyId', 'email', 'password', 'userId']);
  assert.equal(printed.email, email);
  assert.match(printed.password, /^[A-Za-z0-9]{16}$/);
  assert.match(printed.companyId, /^[0-9a-f-]{36}$/);
  assert.match(printed.userId, /^[0-9a-f-]{36}$/);

  const duplicate = await cli(['create-partner', '--name', `${name} again`, '--admin-email', email, '--json'], env);
  assert.notEqual(duplicate.code, 0, 'the same email cannot make a second partner');
  assert.ok(duplicate.stderr.includes(email), `the error names the email: ${duplicate.stderr}`);
  assert.equal(duplicate.stdout, '');

  // The process that made the data has exited, so this one may open the same database.
  const database = dataDir ? await createDatabase({ dataDir }) : undefined;
  let t: TestApp | undefined;
  try {
    t = await createTestApp(database ? { database } : {});
    const [company] = await t.db.select().from(companies).where(eq(companies.id, printed.companyId));
    assert.equal(company?.name, name);
    assert.equal(company.kind, 'partner');
    const [admin] = await t.db.select().from(users).where(eq(users.id, printed.userId));
    assert.ok(admin, 'the printed user exists');
    assert.equal(admin.companyId, printed.companyId);
    assert.deepEqual(admin.companyRoles, ['global_admin']);
    assert.equal(admin.partnerAccess, 'full');
    assert.equal(admin.passwordTemporary, true);
    assert.deepEqual(await t.db.select().from(companies).where(eq(companies.name, `${name} again`)), [], 'no second company');
    assert.equal((await t.db.select().from(users).where(eq(users.email, email))).length, 1);

    const session = await t.signIn(email, printed.password);
    assert.equal(session.user.id, printed.userId);
    assert.equal(session.user.passwordTemporary, true);
  } finally {
    await t?.close();
  }
});

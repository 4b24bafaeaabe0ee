/**
 * The one way BFF tests build an app: `createTestApp()` over a real database, a clock the test
 * moves, and helpers to sign in and to create companies and users directly through drizzle.
 *
 * Each test file gets one database (cached here, closed after the file's last test), chosen by
 * run.mjs: a fresh PostgreSQL database (`PK_TEST_DATABASE_URL`) or an embedded PGlite loaded
 * from a migrated template (`PK_TEST_PGLITE_TEMPLATE`). Tests share it, so they isolate by
 * data: every factory makes unique names and emails.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after } from 'node:test';
import { eq } from 'drizzle-orm';
import { createFreshDatabase } from '../fresh-database.ts';
import { createDatabase, type Database, type Db } from '../../db/database.ts';
import { companies, users, type Company, type CompanyRole, type PartnerAccess, type User } from '../../db/schema.ts';
import { createApp, type App } from '../../bff/app.ts';
import { testConfig, type Config } from '../../bff/config.ts';
import { hashPassword } from '../../bff/passwords.ts';

/** Opens a migrated database for this pass: PostgreSQL when run.mjs made one, else PGlite. */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.PK_TEST_DATABASE_URL;
  // Two files run at once against one server; a small pool each is plenty. GETs read through
  // a role that cannot write (run.mjs), as they would from a replica.
  if (url) return createDatabase({ url, readUrl: process.env.PK_TEST_DATABASE_READ_URL, poolSize: 4 });
  return openEmbeddedDatabase();
}

/** A migrated PGlite of its own: from run.mjs's template (~1.3 s), else migrated from scratch (~5 s). */
export async function openEmbeddedDatabase(): Promise<Database> {
  const template = process.env.PK_TEST_PGLITE_TEMPLATE;
  if (template) return createDatabase({ loadDataDir: new Blob([await readFile(template)]) });
  const database = await createDatabase({});
  await database.migrate();
  return database;
}

/**
 * A database of the caller's own, dropped when it is closed: on PostgreSQL a fresh one beside
 * run.mjs's, migrated; on PGlite what `openEmbeddedDatabase` gives. For a file whose job-queue
 * workers must not share their queues with the files running beside it.
 */
export async function openOwnTestDatabase(): Promise<Database> {
  const url = process.env.PK_TEST_DATABASE_URL;
  if (!url) return openEmbeddedDatabase();
  // GETs read through a role that cannot write, as for every other file.
  const fresh = await createFreshDatabase(url, 'pk_test_own');
  const database = await createDatabase({ url: fresh.url, readUrl: fresh.readUrl, poolSize: 4 });
  await database.migrate();
  return {
    ...database,
    close: async () => {
      try {
        await database.close();
      } finally {
        await fresh.drop();
      }
    },
  };
}

let shared: Promise<Database> | undefined;

// Registered when the harness is imported, at the top of a test file, so it belongs to the
// file (the root test) and runs once after its last test, not after the first test that used it.
after(async () => {
  if (shared) await (await shared).close();
});

/** The clock the app reads; tests move it instead of waiting. */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export function createClock(start = new Date()): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
  };
}

export interface TestAppOptions {
  config?: Partial<Config>;
  /**
   * A database the test owns (e.g. one it closes to simulate an outage); `close()` closes it.
   * Default: the file's shared database, which the harness closes itself.
   */
  database?: Database;
  clockStart?: Date;
  /** A folder standing in for dist/: the app serves /partnerkit.js and the rest from it. */
  distDir?: string;
  /** Where GETs read instead of the database's own read pool (a stand-in replica). */
  readDatabase?: Database;
  /** The client address of every request; default: one of its own (198.18.0.0/15, for benchmarks). */
  address?: string;
}

export interface RequestOptions {
  method?: string;
  /** Sent as JSON (with its content type) unless it is already a string. */
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
}

export interface TestUser {
  user: User;
  email: string;
  password: string;
}

export interface SessionBody {
  token: string;
  expiresAt: string;
  user: { id: string; email: string; companyId: string; passwordTemporary: boolean };
}

/** The password the user factory gives everyone unless told otherwise (meets the password rules). */
export const defaultPassword = 'correct-horse-42';

export function uniqueSuffix(): string {
  return randomBytes(5).toString('hex');
}

/** A fresh address on a reserved domain; `label` says which test made it. */
export function uniqueEmail(label = 'user'): string {
  return `${label}-${uniqueSuffix()}@partnerkit.test`;
}

/** `Authorization: Bearer …` for `token`. */
export function authed(token: string, headers: Record<string, string> = {}): Record<string, string> {
  return { ...headers, Authorization: `Bearer ${token}` };
}

// any: a test reads whatever the route answers and asserts the parts it cares about.
export async function json(res: Response): Promise<any> {
  const type = res.headers.get('content-type') ?? '';
  assert.match(type, /^application\/json/, `expected a JSON response, got "${type}" (status ${res.status})`);
  return res.json();
}

// Shapes that only a leaked stack trace or source location would put in a body.
const stackTraceSigns: [RegExp, string][] = [
  [/(?:\n|\\n)\s*at \S+/, 'a stack frame ("at …" line)'],
  [/\bat (?:async )?[\w$.<>]+ \(/, 'a stack frame ("at fn (")'],
  [/[\w./-]+\.(?:ts|js|mjs|cjs):\d+/, 'a source file location'],
  [/file:\/\/|node:internal|node_modules|\/work\//, 'a file path'],
  [/"stack"\s*:/, 'a "stack" property'],
];

/** Fails when a response body carries a stack trace or server file paths. */
export function assertNoStackTrace(text: string): void {
  for (const [pattern, what] of stackTraceSigns) {
    assert.doesNotMatch(text, pattern, `the body leaks ${what}: ${text.slice(0, 500)}`);
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

/**
 * Asserts the DESIGN.md §3 error shape `{error:{code,message,details?}}` with `status` (and
 * `code`, when given), and that no stack trace leaks; returns the parsed body.
 */
export async function assertErrorShape(res: Response, status: number, code?: string): Promise<ErrorBody> {
  const text = await res.text();
  assert.equal(res.status, status, `expected status ${status}, got ${res.status}: ${text.slice(0, 500)}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/, 'an error is JSON');
  assertNoStackTrace(text);
  const body = JSON.parse(text) as ErrorBody;
  assert.deepEqual(Object.keys(body), ['error'], 'the body holds only `error`');
  const { error } = body;
  assert.equal(typeof error, 'object');
  for (const key of Object.keys(error)) assert.ok(['code', 'message', 'details'].includes(key), `unexpected error key "${key}"`);
  assert.equal(typeof error.code, 'string');
  assert.match(error.code, /^[a-z][a-z0-9_]*$/, 'the code is snake_case');
  assert.equal(typeof error.message, 'string');
  assert.ok(error.message.length > 0, 'the message is not empty');
  if (error.details !== undefined) {
    assert.ok(Array.isArray(error.details), 'details is a list');
    for (const detail of error.details) {
      assert.deepEqual(Object.keys(detail).sort(), ['message', 'path']);
      assert.equal(typeof detail.path, 'string');
      assert.equal(typeof detail.message, 'string');
    }
  }
  if (code !== undefined) assert.equal(error.code, code, `expected error code ${code}: ${error.message}`);
  return body;
}

export interface TestApp {
  app: App;
  /** The client address `request()` comes from. */
  address: string;
  db: Db;
  database: Database;
  config: Config;
  clock: TestClock;
  /** Closes a database passed in `options.database`; the shared one is closed after the file. */
  close(): Promise<void>;
  request(path: string, options?: RequestOptions): Promise<Response>;
  /** Signs in (expects 201) and returns the session body. */
  signIn(email: string, password: string): Promise<SessionBody>;
  /** A company row with a unique name. */
  createCompany(input?: { kind?: 'partner' | 'customer'; name?: string }): Promise<Company>;
  /** A user with a unique email in `companyId` (a new partner company when omitted). */
  createUser(input?: {
    companyId?: string;
    email?: string;
    password?: string;
    displayName?: string;
    companyRoles?: CompanyRole[];
    partnerAccess?: PartnerAccess;
    passwordTemporary?: boolean;
    disabled?: boolean;
  }): Promise<TestUser>;
  /** A partner company with a global admin holding full partner access. */
  createPartner(): Promise<{ company: Company; admin: TestUser }>;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const ownDatabase = options.database;
  const database = ownDatabase ?? (await (shared ??= openTestDatabase()));
  const { db } = database;
  const config = testConfig(options.config);
  const clock = createClock(options.clockStart);
  const address = options.address ?? `198.18.${randomInt(256)}.${randomInt(256)}`;
  const app = createApp({ db, readDb: (options.readDatabase ?? database).readDb, config, clock: clock.now, ping: database.ping, distDir: options.distDir });

  const request: TestApp['request'] = async (path, { method = 'GET', body, token, headers = {} } = {}) => {
    const init: RequestInit = { method, headers: token ? authed(token, headers) : { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      if (typeof body !== 'string') (init.headers as Record<string, string>)['Content-Type'] ??= 'application/json';
    }
    // Each test app is a client of its own address (as a socket would tell @hono/node-server's
    // getConnInfo), so per-address limits of one test never refuse another's requests.
    return app.request(path, init, { incoming: { socket: { remoteAddress: address, remoteFamily: 'IPv4', remotePort: 50_000 } } });
  };

  const createCompany: TestApp['createCompany'] = async ({ kind = 'partner', name } = {}) => {
    const [company] = await db
      .insert(companies)
      .values({ kind, name: name ?? `Test ${kind} ${uniqueSuffix()}` })
      .returning();
    return company!;
  };

  const createUser: TestApp['createUser'] = async (input = {}) => {
    const companyId = input.companyId ?? (await createCompany()).id;
    const email = input.email ?? uniqueEmail();
    const password = input.password ?? defaultPassword;
    const [user] = await db
      .insert(users)
      .values({
        companyId,
        email,
        displayName: input.displayName ?? email.split('@')[0]!,
        passwordHash: await hashPassword(password),
        passwordTemporary: input.passwordTemporary ?? false,
        companyRoles: input.companyRoles ?? [],
        partnerAccess: input.partnerAccess ?? 'none',
        disabledAt: input.disabled ? clock.now() : null,
      })
      .returning();
    return { user: user!, email, password };
  };

  return {
    app,
    address,
    db,
    database,
    config,
    clock,
    close: async () => {
      if (ownDatabase) await ownDatabase.close();
    },
    request,
    signIn: async (email, password) => {
      const res = await request('/api/sessions', { method: 'POST', body: { email, password } });
      const text = await res.text();
      assert.equal(res.status, 201, `sign-in as ${email} failed: ${res.status} ${text}`);
      return JSON.parse(text) as SessionBody;
    },
    createCompany,
    createUser,
    createPartner: async () => {
      const company = await createCompany({ kind: 'partner' });
      const admin = await createUser({ companyId: company.id, companyRoles: ['global_admin'], partnerAccess: 'full' });
      return { company, admin };
    },
  };
}

/** The user row as it is now (to check state a request left behind). */
export async function reloadUser(db: Db, id: string): Promise<User> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  assert.ok(user, `user ${id} exists`);
  return user;
}

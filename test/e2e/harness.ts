/**
 * The one way end-to-end tests start things: the real BFF in-process (as `npm start` runs it,
 * serving the built demo) on a database of its own, and Debian's Chromium through playwright-core.
 *
 * Database: a fresh PostgreSQL database when DATABASE_URL is set (created here, dropped in
 * `close()`), else an embedded PGlite in a fresh temporary folder (removed in `close()`).
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Db } from '../../db/database.ts';
import { demoPassword } from '../../db/seed.ts';
import { loadConfig } from '../../bff/config.ts';
import { distDir, startServer } from '../../bff/server.ts';
import { createFreshDatabase } from '../fresh-database.ts';

export interface DemoServer {
  /** e.g. `http://127.0.0.1:41234`; the demo page is at `/`. */
  url: string;
  /** The demo partner's own website, a second origin embedding the portal. */
  partnerSiteUrl: string;
  /** The server's database, for a test that needs data the demo seed lacks. */
  db: Db;
  close(): Promise<void>;
}

/** As `npm start` runs the demo: the partner site may receive webhooks over http on loopback. */
const demoFlags = { WEBHOOKS_ALLOW_HTTP_LOOPBACK: '1' };

export async function startDemoServer(): Promise<DemoServer> {
  assert.ok(
    existsSync(join(distDir, 'demo', 'index.html')),
    'dist/demo is not built: run `npm run build` before the end-to-end tests (`npm test` does).',
  );
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    // Every GET reads through a role that cannot write, as from a replica: a GET that writes fails.
    const fresh = await createFreshDatabase(serverUrl, 'pk_e2e');
    try {
      const running = await startServer(
        loadConfig({ DATABASE_URL: fresh.url, DATABASE_READ_URL: fresh.readUrl, PORT: '0', PARTNER_SITE_PORT: '0', HOST: '127.0.0.1', ...demoFlags }),
        { quiet: true },
      );
      return {
        url: running.url,
        partnerSiteUrl: running.partnerSiteUrl!,
        db: running.database.db,
        close: async () => {
          try {
            await running.close();
          } finally {
            await fresh.drop();
          }
        },
      };
    } catch (error) {
      await fresh.drop();
      throw error;
    }
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'pk-e2e-'));
  try {
    const running = await startServer(loadConfig({ DATA_DIR: dataDir, PORT: '0', PARTNER_SITE_PORT: '0', HOST: '127.0.0.1', ...demoFlags }), { quiet: true });
    return {
      url: running.url,
      partnerSiteUrl: running.partnerSiteUrl!,
      db: running.database.db,
      close: async () => {
        try {
          await running.close();
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Headless Chromium from the system (never a downloaded one); playwright gives it a fresh profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/**
 * The demo server and Chromium for one test file: started before its first test, stopped after
 * its last. Read `server` and `browser` inside tests.
 */
export function useDemo(): { readonly server: DemoServer; readonly browser: Browser } {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the demo server is not started yet');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not started yet');
      return browser;
    },
  };
}

/** What `<partner-sign-in>`'s fields and buttons say, in the page's language. */
export interface SignInWords {
  email: string;
  password: string;
  signIn: string;
  signOut: string;
}

const englishSignIn: SignInWords = { email: 'Email', password: 'Password', signIn: 'Sign in', signOut: 'Sign out' };

/** Signs a demo user in through the demo page's `<partner-sign-in>` and waits until it is done. */
export async function signInToDemo(page: Page, email: string, words: SignInWords = englishSignIn) {
  const widget = page.locator('partner-sign-in').first();
  await widget.getByLabel(words.email, { exact: true }).fill(email);
  await widget.getByLabel(words.password, { exact: true }).fill(demoPassword);
  await widget.getByRole('button', { name: words.signIn }).click();
  await widget.getByRole('button', { name: words.signOut }).waitFor();
}

/** A setup script's calls to the demo's BFF, as a partner's own widgets would make them. */
export interface DemoApi {
  /** One JSON call; a status other than 2xx throws, with the answer. */
  api<T = unknown>(method: string, path: string, token: string | null, body?: unknown): Promise<T>;
  /** A session token of a seeded demo user. */
  signIn(email: string): Promise<string>;
}

export function demoApi(serverUrl: string): DemoApi {
  async function api<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
    const response = await fetch(`${serverUrl}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
  const signIn = async (email: string) => (await api<{ token: string }>('POST', '/api/sessions', null, { email, password: demoPassword })).token;
  return { api, signIn };
}

/**
 * What Northwind does in Fabrikam so that audit trails have entries to show: a password reset, a
 * user its helpdesk may not add (audited as denied) and its admin then adds, and a request for
 * limited delegated administration. Returns the ids of Fabrikam and Wide World Importers.
 */
export async function northwindInFabrikam({ api }: DemoApi, northwind: string, helpdesk: string): Promise<{ fabrikam: string; wideWorld: string }> {
  const { items: customers } = await api<{ items: { id: string; domain: string }[] }>('GET', '/api/customers?limit=50', northwind);
  const customerId = (domain: string) => customers.find((c) => c.domain === domain)!.id;
  const fabrikam = customerId('fabrikam.example');
  const { items: users } = await api<{ items: { id: string; email: string }[] }>('GET', `/api/customers/${fabrikam}/users`, northwind);
  await api('POST', `/api/customers/${fabrikam}/users/${users.find((u) => u.email === 'user@fabrikam.example')!.id}/reset-password`, northwind);
  const newUser = { displayName: 'Sam Baker', email: 'sam@fabrikam.example' };
  await api('POST', `/api/customers/${fabrikam}/users`, helpdesk, newUser).catch(() => {}); // refused: audited as denied
  await api('POST', `/api/customers/${fabrikam}/users`, northwind, newUser);
  await api('POST', `/api/customers/${fabrikam}/delegation-requests`, northwind, { level: 'limited', expiresInDays: 30 });
  return { fabrikam, wideWorld: customerId('wideworld.example') };
}

/**
 * Collects what a page throws, and anything its Content-Security-Policy refused (the pages run
 * under a strict one), so a test can assert that nothing did.
 */
export function watchErrors(page: Page): string[] {
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) failures.push(message.text());
  });
  return failures;
}

/** One screen size of the language screenshots: its name, and what `browser.newPage` takes for it. */
export interface ShotView {
  device: string;
  options: { viewport: { width: number; height: number }; deviceScaleFactor: number };
}

/**
 * The frame of the language screenshot scripts (test/e2e/screenshots-languages*.ts, tools for a
 * person to look at, not part of `npm test`): the folder (argv[2], else
 * /tmp/pk-shots-languages-<name>), the languages of `words` (`LANGS=de` for one), desktop
 * 1280 px and phone 390 px (`PHONE=320` adds a narrower phone), the demo server and Chromium,
 * and cleaning up. `setup` runs once, after the server starts; `shoot` once per size and
 * language, with `path(state)` naming its file.
 */
export async function screenshotsInLanguages<Words, Setup = undefined>(
  name: string,
  words: Record<string, Words>,
  shoot: (shot: { browser: Browser; server: DemoServer; lang: string; w: Words; view: ShotView; path: (state: string) => string; setup: Setup }) => Promise<void>,
  setup?: (server: DemoServer) => Promise<Setup>,
): Promise<void> {
  const outDir = process.argv[2] ?? (name ? `/tmp/pk-shots-languages-${name}` : '/tmp/pk-shots-languages');
  mkdirSync(outDir, { recursive: true });
  const only = process.env.LANGS?.split(',');
  const phone = Number(process.env.PHONE);
  const views: ShotView[] = [
    { device: 'desktop', options: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 } },
    { device: 'phone', options: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 } },
    ...(phone ? [{ device: `phone-${phone}`, options: { viewport: { width: phone, height: 800 }, deviceScaleFactor: 2 } }] : []),
  ];
  const server = await startDemoServer();
  const browser = await launchBrowser();
  try {
    const prepared = (await setup?.(server)) as Setup;
    for (const view of views) {
      for (const [lang, w] of Object.entries(words).filter(([l]) => !only || only.includes(l))) {
        await shoot({ browser, server, lang, w, view, path: (state) => `${outDir}/${lang}-${view.device}-${state}.png`, setup: prepared });
      }
    }
    console.log(`screenshots in ${outDir}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

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

/** Signs a demo user in through the demo page's `<partner-sign-in>` and waits until it is done. */
export async function signInToDemo(page: Page, email: string, password = demoPassword) {
  const widget = page.locator('partner-sign-in');
  await widget.getByLabel('Email', { exact: true }).fill(email);
  await widget.getByLabel('Password', { exact: true }).fill(password);
  await widget.getByRole('button', { name: 'Sign in' }).click();
  await widget.getByRole('button', { name: 'Sign out' }).waitFor();
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

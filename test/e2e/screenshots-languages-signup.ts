/**
 * Screenshots of the customer-facing widgets in German and Japanese for a person to look at (long
 * German words, Japanese line breaks), at 1280 and 390 px: the hosted sign-up page (a purchase
 * offer asking for delegated administration: the offer, filled in, a refused password, the
 * welcome; a trial invitation) and the hosted consent page (a partner's request, then accepted;
 * the company's partners with the audit and a revocation waiting for its confirmation).
 *
 * The hosted pages say `<html lang="en">`, so the language is set on `<html lang>` once a page
 * is open, as the demo page's switch does; the widgets follow it.
 *
 *   npm run build && node --import tsx test/e2e/screenshots-languages-signup.ts [outDir]   (default /tmp/pk-shots-languages-signup)
 */
import type { Page } from 'playwright-core';
import { demoPassword } from '../../db/seed.ts';
import { demoApi, northwindInFabrikam, screenshotsInLanguages, type DemoApi, type DemoServer } from './harness.ts';

const advisor = 'Northwind Cloud Partners';
/** What the script looks for, in each language. */
const words = {
  de: {
    company: 'Unternehmensname',
    name: 'Ihr Name',
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    consent: `${advisor} eingeschränkte Administratorrechte für mein Unternehmen erteilen`,
    subscribe: 'Konto erstellen und abonnieren',
    welcome: 'Willkommen!',
    trial: 'Konto erstellen und Testphase starten',
    signIn: 'Anmelden',
    asks: `${advisor} bittet um vollständige Administratorrechte für Ihr Unternehmen`,
    endDate: 'Enddatum (optional)',
    accept: 'Annehmen',
    accepted: 'Anfrage angenommen',
    revoke: `Widerrufen – Zugriff von ${advisor}`,
  },
  ja: {
    company: '会社名',
    name: 'お名前',
    email: 'メールアドレス',
    password: 'パスワード',
    consent: `${advisor} に自社の制限付き管理権限を付与する`,
    subscribe: 'アカウントを作成して申し込む',
    welcome: 'ようこそ。',
    trial: 'アカウントを作成してトライアルを開始',
    signIn: 'サインイン',
    asks: `${advisor} が貴社の完全な管理権限を求めています`,
    endDate: '終了日（任意）',
    accept: '承認',
    accepted: 'リクエストを承認しました',
    revoke: `取り消す （${advisor} のアクセス権）`,
  },
};

// Set when the frame has started it (`setup`), before anything below calls the BFF.
let server: DemoServer;
let api: DemoApi['api'];

/** The path of a URL the BFF made (its origin is PUBLIC_URL), on this server. */
const here = (url: string) => new URL(new URL(url).pathname + new URL(url).search, server.url).href;

/** Opens `url` and switches the page to `lang`, as the demo's language switch does. */
async function open(page: Page, url: string, lang: string) {
  await page.goto(url);
  await page.evaluate((l) => (document.documentElement.lang = l), lang);
}

await screenshotsInLanguages(
  'signup',
  words,
  async ({ browser, lang, w, view, path, setup: { northwind, purchase, trial, wideWorld } }) => {
    const context = await browser.newContext(view.options);
    const page = await context.newPage();
    const shot = (state: string) => page.screenshot({ path: path(state), fullPage: true });

    // The sign-up page: a purchase offer (two sign-up attempts of the ten a minute SIGNUP_RATE_LIMIT allows one address).
    await open(page, here(purchase.url), lang);
    const signup = page.locator('partner-signup');
    await signup.getByRole('button', { name: w.subscribe }).waitFor();
    await shot('signup-offer');
    await signup.getByLabel(w.company, { exact: true }).fill('Proseware Labs');
    await signup.getByLabel(w.name, { exact: true }).fill('Pat Prospect');
    await signup.getByLabel(w.email, { exact: true }).fill(`pat-${view.device}-${lang}@proseware.example`);
    await signup.getByLabel(w.password, { exact: true }).fill('onlylettershere');
    await signup.getByRole('checkbox', { name: w.consent }).check();
    await signup.getByRole('button', { name: w.subscribe }).click();
    await signup.locator('[part~="field-error"]').first().waitFor();
    await shot('signup-error');
    await signup.getByLabel(w.password, { exact: true }).fill('proseware-2026');
    await signup.getByRole('button', { name: w.subscribe }).click();
    await signup.getByRole('heading', { name: w.welcome }).waitFor();
    await shot('signup-success');

    await open(page, here(trial.url), lang);
    await signup.getByRole('button', { name: w.trial }).waitFor();
    await shot('signup-trial');

    // The consent page: a fresh request each time (it replaces the last one), opened from its link.
    const request = await api<{ url: string }>('POST', `/api/customers/${wideWorld}/delegation-requests`, northwind, { level: 'full', expiresInDays: 14 });
    await open(page, here(request.url), lang);
    const consent = page.locator('partner-delegation-consent');
    const signInOnPage = async (email: string) => {
      const form = page.locator('partner-sign-in');
      await form.getByLabel(w.email, { exact: true }).fill(email);
      await form.getByLabel(w.password, { exact: true }).fill(demoPassword);
      await form.getByRole('button', { name: w.signIn }).click();
    };
    await page.locator('partner-sign-in').getByRole('button', { name: w.signIn }).waitFor();
    await shot('consent-signed-out');
    await signInOnPage('admin@wideworld.example');
    await consent.getByRole('heading', { name: w.asks }).waitFor();
    await shot('consent-request');
    await consent.getByLabel(w.endDate).fill(new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10));
    await consent.getByRole('button', { name: w.accept, exact: true }).click();
    await consent.getByRole('heading', { name: w.accepted }).waitFor();
    await shot('consent-accepted');

    // The customer admin page: partners and the audit, and a revocation waiting for its confirmation.
    await open(page, `${server.url}/consent`, lang);
    await signInOnPage('admin@fabrikam.example');
    await consent.locator('[part~="entry"]').first().waitFor();
    await shot('consent-partners');
    await consent.getByRole('button', { name: w.revoke }).click();
    await consent.locator('[part~="partners"]').screenshot({ path: path('consent-revoke-confirm') });
    await context.close();
  },
  async (started: DemoServer) => {
    server = started;
    const demo = demoApi(started.url);
    api = demo.api;
    const northwind = await demo.signIn('admin@northwind.example');
    const { items: catalog } = await api<{ items: { id: string; sku: string }[] }>('GET', '/api/catalog', northwind);
    const service = (sku: string) => catalog.find((s) => s.sku === sku)!.id;
    const purchase = await api<{ url: string }>('POST', '/api/offers', northwind, {
      kind: 'purchase',
      name: 'Office + Security',
      items: [
        { serviceId: service('OFFICE-PRO'), licenses: 20 },
        { serviceId: service('SEC-PLUS'), licenses: 10 },
      ],
      delegatedAdmin: 'limited',
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    const trial = await api<{ url: string }>('POST', '/api/offers', northwind, { kind: 'trial', serviceId: service('MAIL-STD'), delegatedAdmin: 'full' });

    // Northwind does a few things in Fabrikam, so its audit has something to show, and asks again.
    const { wideWorld } = await northwindInFabrikam(demo, northwind, await demo.signIn('helpdesk@northwind.example'));
    return { northwind, purchase, trial, wideWorld };
  },
);

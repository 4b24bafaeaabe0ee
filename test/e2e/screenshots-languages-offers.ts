/**
 * Screenshots of the overview and the offer builder in German and Japanese for a person to look at
 * (long German words, Japanese line breaks), at 1280 and 390 px: the demo page (elements from the
 * source, language from `?lang=`) signed in as the demo partner's global admin: the overview with
 * its figures, attention items and charts; the builder's purchase form with steppers and delegated
 * administration; the created offer; the list with a revocation being confirmed.
 *
 *   npm run build && node --import tsx test/e2e/screenshots-languages-offers.ts [outDir]
 */
import type { Locator, Page } from 'playwright-core';
import { screenshotsInLanguages, signInToDemo } from './harness.ts';

/** `locator` in pieces at most 900 px tall (`<path>-1.png`, …), so that a long phone screenshot stays readable. */
async function shoot(page: Page, locator: Locator, path: string) {
  const box = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
  });
  for (let top = 0, i = 1; top < box.height; top += 900, i++) {
    const clip = { x: box.x, y: box.y + top, width: box.width, height: Math.min(900, box.height - top) };
    await page.screenshot({ path: path.replace(/\.png$/, `-${i}.png`), clip, fullPage: true });
  }
}

const words = {
  de: {
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    signIn: 'Anmelden',
    signOut: 'Abmelden',
    overview: 'Partnerübersicht',
    newOffer: 'Neues Angebot',
    purchase: 'Kaufangebot',
    licenses: 'Lizenzen für Office Suite Pro',
    delegation: 'Den Kunden um delegierte Administration bitten',
    limited: 'Eingeschränkte Administration',
    name: 'Name des Angebots (optional)',
    create: 'Angebot erstellen',
    ready: 'Angebot bereit',
    revoke: 'Widerrufen',
  },
  ja: {
    email: 'メールアドレス',
    password: 'パスワード',
    signIn: 'サインイン',
    signOut: 'サインアウト',
    overview: 'パートナー概要',
    newOffer: '新しいオファー',
    purchase: '購入オファー',
    licenses: 'ライセンス数（Office Suite Pro）',
    delegation: '顧客に委任管理を依頼する',
    limited: '制限付きの管理権限',
    name: 'オファー名 （任意）',
    create: 'オファーを作成',
    ready: 'オファーの準備ができました',
    revoke: '取り消す',
  },
};

await screenshotsInLanguages('offers', words, async ({ browser, server, lang, w, view, path: name }) => {
  const page = await browser.newPage(view.options);
  await page.goto(`${server.url}?lang=${lang}`);
  await signInToDemo(page, 'admin@northwind.example', w);

  const overview = page.locator('partner-overview');
  await overview.getByText(w.overview).waitFor();
  await overview.locator('[part~="chart"]').first().waitFor();
  await shoot(page, overview, name('overview'));

  const builder = page.locator('partner-offer-builder');
  await builder.getByRole('heading', { name: w.newOffer }).waitFor();
  await builder.locator('[part~="list"] [part~="offer"]').first().waitFor();
  await shoot(page, builder.locator('[part~="builder"]'), name('builder-trial'));
  await builder.getByLabel(w.purchase, { exact: true }).check();
  await builder.getByRole('checkbox', { name: 'Office Suite Pro' }).check();
  await builder.getByRole('checkbox', { name: 'Security Plus' }).check();
  await builder.getByLabel(w.licenses).fill('20');
  await builder.getByLabel(w.delegation).check();
  await builder.getByLabel(w.limited).check();
  await builder.getByLabel(w.name).fill(`Office + Security (${view.device})`);
  await shoot(page, builder.locator('[part~="builder"]'), name('builder-purchase'));

  await builder.getByRole('button', { name: w.create }).click();
  await builder.getByRole('heading', { name: w.ready }).waitFor();
  await shoot(page, builder.locator('[part~="created"]'), name('builder-created'));
  await builder.getByRole('button', { name: w.revoke, exact: true }).first().click();
  await shoot(page, builder.locator('[part~="list"]'), name('builder-list'));
  await page.close();
});

/**
 * Screenshots in German and Japanese for a person to look at (long German words, Japanese line
 * breaks): the demo page's sign-in, its error and the signed-in card (elements from the source,
 * language from `<html lang>`), and the partner site's portal (the one-file bundle, which loads
 * dist/locales/<locale>.js, language from the session's `locale`), at 1280 and 390 px:
 * `node --import tsx test/e2e/screenshots-languages.ts [outDir]` (after `npm run build`).
 */
import { demoPassword } from '../../db/seed.ts';
import { screenshotsInLanguages } from './harness.ts';

const words = {
  de: { signIn: 'Anmelden', email: 'E-Mail-Adresse', password: 'Passwort', signOut: 'Abmelden', error: 'nicht korrekt', tab: 'Übersicht' },
  ja: { signIn: 'サインイン', email: 'メールアドレス', password: 'パスワード', signOut: 'サインアウト', error: '正しくありません', tab: '概要' },
};
await screenshotsInLanguages('', words, async ({ browser, server, lang, w, view, path }) => {
  const page = await browser.newPage(view.options);
  const shot = (state: string) => page.screenshot({ path: path(state), fullPage: true });
  await page.goto(`${server.url}?lang=${lang}`);
  const signIn = page.locator('partner-sign-in').first();
  await signIn.getByRole('button', { name: w.signIn }).waitFor();
  await shot('signed-out');
  await signIn.getByLabel(w.email).fill('admin@northwind.example');
  await signIn.getByLabel(w.password).fill('not-the-password');
  await signIn.getByRole('button', { name: w.signIn }).click();
  await signIn.getByRole('alert').filter({ hasText: w.error }).waitFor();
  await shot('error');
  await signIn.getByLabel(w.password).fill(demoPassword);
  await signIn.getByRole('button', { name: w.signIn }).click();
  await signIn.getByRole('button', { name: w.signOut }).waitFor();
  await shot('signed-in');

  await page.goto(`${server.partnerSiteUrl}?lang=${lang}`);
  await page.locator('partner-portal').getByRole('tab', { name: w.tab }).waitFor();
  await page.screenshot({ path: path('site-portal') });
  await page.close();
});

/**
 * Screenshots in German and Japanese of `<partner-user-list>` and `<partner-role-picker>` for a
 * person to look at (long German words, Japanese line breaks), at 1280 and 390 px: on the demo page
 * (elements from the source, language from `<html lang>`) the list, its add dialog with the role
 * picker open and a missing choice, its edit and reset dialogs, and the page's form with the
 * picker; on the partner site (the one-file bundle) the portal's users tab:
 * `node --import tsx test/e2e/screenshots-languages-users.ts [outDir]` (after `npm run build`).
 */
import type { Page } from 'playwright-core';
import { screenshotsInLanguages, signInToDemo } from './harness.ts';

const words = {
  de: {
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    signIn: 'Anmelden',
    signOut: 'Abmelden',
    add: 'Benutzer hinzufügen',
    displayName: 'Anzeigename',
    yes: 'Ja',
    create: 'Benutzer anlegen',
    cancel: 'Abbrechen',
    edit: 'Bearbeiten Stu Staff',
    reset: 'Passwort zurücksetzen für Stu Staff',
    tab: 'Benutzer',
  },
  ja: {
    email: 'メールアドレス',
    password: 'パスワード',
    signIn: 'サインイン',
    signOut: 'サインアウト',
    add: 'ユーザーを追加',
    displayName: '表示名',
    yes: 'はい',
    create: 'ユーザーを作成',
    cancel: 'キャンセル',
    edit: '編集 Stu Staff',
    reset: 'パスワードをリセット （Stu Staff）',
    tab: 'ユーザー',
  },
};
type Words = (typeof words)['de'];

/** Signs the global admin in on the demo page, then takes every state of the list and the picker. */
async function shootDemoPage(page: Page, url: string, w: Words, path: (state: string) => string) {
  await page.goto(url);
  await signInToDemo(page, 'admin@northwind.example', w);

  const list = page.locator('partner-user-list');
  await list.getByRole('button', { name: w.edit }).waitFor();
  await list.screenshot({ path: path('user-list') });

  // The dialog scrolls: its top, then its end.
  const dialog = list.locator('dialog');
  const shootDialog = async (state: string) => {
    await dialog.evaluate((d) => (d.scrollTop = 0));
    await dialog.screenshot({ path: path(`${state}-top`) });
    await dialog.evaluate((d) => (d.scrollTop = d.scrollHeight));
    await dialog.screenshot({ path: path(`${state}-end`) });
    await dialog.getByRole('button', { name: w.cancel }).click();
  };

  // The add dialog with both settings on "Yes" and nothing chosen: every text of the picker.
  await list.getByRole('button', { name: w.add }).click();
  const picker = dialog.locator('partner-role-picker');
  await picker.locator('[part~="picker"]').waitFor();
  await dialog.getByLabel(w.displayName).fill('Lena Limited');
  await dialog.getByLabel(w.email).fill('lena@northwind.example');
  for (const group of ['company', 'partner']) await picker.locator(`[part~="${group}"] [part~="choices"]`).getByText(w.yes, { exact: true }).click();
  await dialog.getByRole('button', { name: w.create }).click(); // the form's validation shows what is missing
  await picker.locator('[part~="field-error"].shown').first().waitFor();
  await shootDialog('add-dialog');

  await list.getByRole('button', { name: w.edit }).click();
  await dialog.locator('partner-role-picker [part~="picker"]').waitFor();
  await shootDialog('edit-dialog');

  await list.getByRole('button', { name: w.reset }).click();
  await dialog.locator('#confirm-reset').waitFor();
  await dialog.screenshot({ path: path('reset-dialog') });
  await dialog.getByRole('button', { name: w.cancel }).click();

  await page.locator('#access-form').screenshot({ path: path('form-picker') });
}

await screenshotsInLanguages('users', words, async ({ browser, server, lang, w, view, path }) => {
  const page = await browser.newPage(view.options);
  await shootDemoPage(page, `${server.url}?lang=${lang}`, w, path);

  await page.goto(`${server.partnerSiteUrl}?lang=${lang}`);
  await page.locator('partner-portal').getByRole('tab', { name: w.tab }).click();
  await page.locator('partner-portal partner-user-list').getByRole('button', { name: w.edit }).waitFor();
  await page.screenshot({ path: path('site-users'), fullPage: view.device === 'desktop' });
  await page.close();
});

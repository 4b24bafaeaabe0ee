/**
 * Screenshots of the customer list and a customer's detail in German and Japanese for a person to
 * look at (long German words, Japanese line breaks): the list, a search with no match, a
 * customer's detail, the reset confirmation and the one-time password, a service request with the
 * server's messages, a delegation request and its link to send; at 1280 and 390 px. The demo page
 * in the language of `?lang=` (elements from the source, language from `<html lang>`):
 * `node --import tsx test/e2e/screenshots-languages-customers.ts [outDir]` (after `npm run build`;
 * `LANGS=de` for one language, `PHONE=320` for a narrower phone too).
 */
import { screenshotsInLanguages, signInToDemo } from './harness.ts';

const words = {
  de: {
    email: 'E-Mail-Adresse', password: 'Passwort', signIn: 'Anmelden', signOut: 'Abmelden', search: 'Nach Name oder Domain suchen', empty: 'Kein Kunde passt', count: /^\d+ Kunden\.$/,
    resetOf: 'Passwort zurücksetzen für Fabrikam Bakery User', reset: 'Passwort zurücksetzen', temporary: 'Temporäres Passwort', done: 'Fertig',
    newRequest: 'Neue Serviceanfrage', title: 'Titel', description: 'Beschreibung', severity: 'Schweregrad', open: 'Anfrage eröffnen',
    audit: 'Audit-Protokoll', opened: 'Serviceanfrage eröffnet', back: 'Zurück zu den Kunden', requestDelegation: 'Delegation anfragen',
    full: 'Vollständige Administration', days: 'Tage bis zur Antwort (optional)', request: 'Anfragen', link: 'Link für einen globalen Administrator von Lucerne Publishing',
  },
  ja: {
    email: 'メールアドレス', password: 'パスワード', signIn: 'サインイン', signOut: 'サインアウト', search: '名前またはドメインで検索', empty: '一致する顧客はいません', count: /^顧客 \d+ 件。$/,
    resetOf: 'パスワードをリセット （Fabrikam Bakery User）', reset: 'パスワードをリセット', temporary: '一時パスワード', done: '完了',
    newRequest: '新しいサービスリクエスト', title: 'タイトル', description: '説明', severity: '重要度', open: 'リクエストを作成',
    audit: '監査ログ', opened: 'サービスリクエストを作成しました', back: '顧客一覧に戻る', requestDelegation: '委任管理をリクエスト',
    full: '完全な管理権限', days: '回答期限の日数（任意）', request: 'リクエスト', link: 'Lucerne Publishing のグローバル管理者に送るリンク',
  },
};
await screenshotsInLanguages('customers', words, async ({ browser, server, lang, w, view, path: name }) => {
  const page = await browser.newPage(view.options);
  await page.goto(`${server.url}?lang=${lang}`);
  await signInToDemo(page, 'admin@northwind.example', w);

  const customers = page.locator('partner-customer-list');
  await customers.locator('[part~="row"]').first().waitFor();
  await customers.screenshot({ path: name('list') });
  const search = customers.getByLabel(w.search);
  await search.fill('zzz');
  await customers.getByText(w.empty).waitFor();
  await customers.screenshot({ path: name('empty') });
  await search.fill('');
  await customers.getByText(w.count).waitFor();

  // Fabrikam: full delegation, so everything is offered.
  await customers.getByRole('button', { name: 'Fabrikam Bakery' }).click();
  await customers.getByRole('button', { name: w.resetOf }).click();
  await page.screenshot({ path: name('reset-confirm') });
  const dialog = customers.getByRole('dialog');
  await dialog.getByRole('button', { name: w.reset, exact: true }).click();
  await dialog.getByLabel(w.temporary).waitFor();
  await page.screenshot({ path: name('reset-password') });
  await dialog.getByRole('button', { name: w.done }).click();

  await customers.getByRole('button', { name: w.newRequest }).click();
  await dialog.getByLabel(w.title).fill(' ');
  await dialog.getByLabel(w.description).fill(' ');
  await dialog.getByRole('button', { name: w.open }).click();
  await dialog.locator('[part~="field-error"]').first().waitFor();
  await page.screenshot({ path: name('service-request-invalid') });
  await dialog.getByLabel(w.title).fill('Mail not arriving');
  await dialog.getByLabel(w.description).fill('Since this morning no mail from outside arrives at orders@fabrikam.example.');
  await dialog.getByLabel(w.severity).selectOption('high');
  await dialog.getByRole('button', { name: w.open }).click();
  await customers.locator('[part~="section"]', { hasText: w.audit }).getByText(w.opened).first().waitFor();
  await customers.screenshot({ path: name('detail') });

  // Lucerne: no delegation; ask for it.
  await customers.getByRole('button', { name: w.back }).click();
  await customers.getByRole('button', { name: 'Lucerne Publishing' }).click();
  await customers.getByRole('button', { name: w.requestDelegation }).click();
  await dialog.getByText(w.full).click();
  await dialog.getByLabel(w.days).fill('30');
  await page.screenshot({ path: name('delegation-request') });
  await dialog.getByRole('button', { name: w.request, exact: true }).click();
  await customers.getByLabel(w.link).waitFor();
  await customers.locator('[part~="detail"] [part~="badge"][part~="pending"]').waitFor();
  await customers.screenshot({ path: name('delegation-link') });

  await customers.getByRole('button', { name: w.back }).click();
  await customers.screenshot({ path: name('list-after') });
  await page.close();
});

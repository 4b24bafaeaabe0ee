import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/index.ts';
import type { PartnerPortal, PartnerSession, PartnerSignIn } from '../../components/index.ts';
import { formatDate } from '../../components/dates.ts';
import { getLocale, msg } from '../../components/localize.ts';
import { formatMoney } from '../../components/money.ts';
import { formatNumber, formatPercent, plural } from '../../components/numbers.ts';
import { stubFetch, type FetchStub } from './fetch-stub.ts';
import { adminMe, adminSession, errors } from './fixtures.ts';
import { overviewFull } from './fixtures-overview.ts';
import { button, fill, backToEnglish } from './helpers.ts';

const apiBase = 'http://127.0.0.1:9'; // never reached: fetch is stubbed

const titleOf = (el: Element) => el.shadowRoot!.querySelector('[part="title"]')?.textContent?.trim();
const tabsOf = (el: PartnerPortal) => [...el.shadowRoot!.querySelectorAll('[role="tab"]')].map((t) => t.textContent?.trim());
const until = (test: () => unknown, what: string) => waitUntil(test, what, { timeout: 3000 });

describe('languages', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch({
      'POST /api/sessions': errors.invalidCredentials,
      'GET /api/me': { status: 200, body: adminMe },
      'GET /api/overview': { status: 200, body: overviewFull },
    });
  });
  afterEach(async () => {
    stub.restore();
    await backToEnglish();
  });

  it('renders <partner-sign-in> in German from its own locale attribute, with a localized error code', async () => {
    const el = await fixture<PartnerSignIn>(html`<partner-sign-in api-base=${apiBase} locale="de"></partner-sign-in>`);
    await until(() => titleOf(el) === 'Anmelden', 'the German form');
    expect(el.shadowRoot!.textContent).to.contain('E-Mail-Adresse');
    // On an English page, the element says its text is German (for screen readers' voices).
    expect(el.getAttribute('lang')).to.equal('de');
    fill(el, 'E-Mail-Adresse', 'admin@northwind.example');
    fill(el, 'Passwort', 'wrong password!');
    button(el, 'Anmelden').click();
    await until(() => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.includes('Die E-Mail-Adresse oder das Passwort ist nicht korrekt.'), 'the German error');
    await expect(el).to.be.accessible();
  });

  it('renders <partner-portal> and <partner-sign-in> in Japanese from the session\'s locale, which wins over <html lang>', async () => {
    document.documentElement.lang = 'de';
    const session = await fixture<PartnerSession>(html`
      <partner-session api-base=${apiBase} .token=${'pks_test'} locale="ja"><partner-portal></partner-portal></partner-session>
    `);
    const portal = session.querySelector('partner-portal')!;
    await until(() => tabsOf(portal)[0] === '概要', 'the Japanese tabs');
    expect(tabsOf(portal)).to.deep.equal(['概要', '顧客', 'オファー', 'ユーザー', '会社']);
    expect(portal.shadowRoot!.querySelector('[role="tablist"]')!.getAttribute('aria-label')).to.equal('パートナーポータル');

    const signIn = await fixture<PartnerSignIn>(html`<partner-session locale="ja"><partner-sign-in api-base=${apiBase}></partner-sign-in></partner-session>`).then((s) => s.querySelector('partner-sign-in')!);
    await until(() => titleOf(signIn) === 'サインイン', 'the Japanese form');
  });

  it('renders a signed-in <partner-sign-in> in German, with the name inside the sentence kept', async () => {
    stub.restore();
    stub = stubFetch({ 'GET /api/me': { status: 200, body: { ...adminMe, passwordChangeRequired: true } } });
    document.documentElement.lang = 'de-CH';
    const el = await fixture<PartnerSignIn>(html`<partner-sign-in api-base=${apiBase} .token=${adminSession.token}></partner-sign-in>`);
    await until(() => titleOf(el) === 'Neues Passwort festlegen', 'the German password form');
    expect(el.shadowRoot!.querySelector('[part="intro"]')!.textContent!.trim()).to.equal(
      `${adminMe.user.displayName}, Sie haben sich mit einem temporären Passwort angemeldet. Legen Sie ein eigenes Passwort fest, um fortzufahren.`,
    );
  });

  it('renders again when the locale attribute changes and when <html lang> changes', async () => {
    const el = await fixture<PartnerSignIn>(html`<partner-sign-in api-base=${apiBase}></partner-sign-in>`);
    expect(titleOf(el)).to.equal('Sign in');
    document.documentElement.lang = 'ja';
    await until(() => titleOf(el) === 'サインイン', 'Japanese after <html lang="ja">');
    document.documentElement.lang = 'de';
    await until(() => titleOf(el) === 'Anmelden', 'German after <html lang="de">');
    // What a screen reader takes the element's language to be follows the switch.
    expect(el.closest('[lang]')!.getAttribute('lang')).to.equal('de');
    el.setAttribute('locale', 'ja');
    await until(() => titleOf(el) === 'サインイン', 'Japanese after locale="ja"');
    el.removeAttribute('locale');
    await until(() => titleOf(el) === 'Anmelden', 'German again once the attribute is gone');
  });

  it('formats dates and money in the current language', async () => {
    const el = await fixture<PartnerSignIn>(html`<partner-sign-in api-base=${apiBase} locale="de"></partner-sign-in>`);
    await until(() => getLocale() === 'de', 'German');
    expect(formatDate('2027-01-23T12:00:00Z')).to.equal('23.01.2027');
    expect(formatMoney(21500, 'EUR')).to.equal('215,00\u00a0€');
    expect(formatNumber(1234)).to.equal('1.234');
    expect(formatPercent(0.25)).to.equal('25\u00a0%');
    const customers = (n: number) => plural(n, { one: () => 'one', other: () => `other ${n}` });
    expect([customers(1), customers(2), customers(0)]).to.deep.equal(['one', 'other 2', 'other 0']);
    el.setAttribute('locale', 'ja');
    await until(() => getLocale() === 'ja', 'Japanese');
    expect(formatDate('2027-01-23T12:00:00Z')).to.equal('2027/01/23');
    // Japanese has no singular: `other` for one as well.
    expect(customers(1)).to.equal('other 1');
  });

  it('falls back to English for an unknown locale and for a string without a translation', async () => {
    document.documentElement.lang = 'de';
    const el = await fixture<PartnerSignIn>(html`<partner-sign-in api-base=${apiBase}></partner-sign-in>`);
    await until(() => titleOf(el) === 'Anmelden', 'German first');
    expect(msg('A sentence nobody has translated')).to.equal('A sentence nobody has translated');
    el.setAttribute('locale', 'fr-FR');
    await until(() => titleOf(el) === 'Sign in', 'English for French');
    expect(getLocale()).to.equal('en');
  });
});

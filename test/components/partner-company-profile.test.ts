import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/index.ts';
import type { PartnerCompanyProfile } from '../../components/index.ts';
import { stubFetch, type FetchStub } from './fetch-stub.ts';
import { adminMe, billingMe, company, companyUpdated, customerMe, errors } from './fixtures-company.ts';
import { button, fill, inputLabelled, text, backToEnglish } from './helpers.ts';
import { audit } from './axe.ts';

const apiBase = 'http://127.0.0.1:9'; // never reached: fetch is stubbed

async function profile(): Promise<PartnerCompanyProfile> {
  const el = await fixture<PartnerCompanyProfile>(html`<partner-company-profile api-base=${apiBase} token="pks_x"></partner-company-profile>`);
  await waitUntil(() => el.shadowRoot!.querySelector('form, [part~="details"]'), 'the profile never loaded');
  return el;
}

function errorOf(el: PartnerCompanyProfile, input: HTMLInputElement): string {
  expect(input.getAttribute('aria-invalid'), `${input.id} is not marked invalid`).to.equal('true');
  const id = input.getAttribute('aria-describedby')!.split(' ').find((i) => i.endsWith('-error'))!;
  return text(el, `#${id}`);
}

describe('<partner-company-profile>', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch({ 'GET /api/me': { status: 200, body: adminMe }, 'GET /api/company': { status: 200, body: company } });
  });
  afterEach(() => stub.restore());

  it('shows a non-admin the profile read-only: no inputs, no save', async () => {
    stub.on('GET /api/me', { status: 200, body: billingMe });
    const el = await profile();
    expect(el.shadowRoot!.querySelectorAll('input, button, form')).to.have.length(0);
    const rows = [...el.shadowRoot!.querySelectorAll('[part~="details"] > div')].map((row) => [
      row.querySelector('dt')!.textContent,
      row.querySelector<HTMLElement>('dd')!.innerText.replace(/\s+/g, ' ').trim(),
    ]);
    expect(rows).to.deep.equal([
      ['Company name', 'Northwind Cloud Partners'],
      ['Contact email', 'hello@northwind.example'],
      ['Phone', '+1 425 555 0100'],
      ['Website', 'https://northwind.example'],
      ['Address', '1 Harbour Way Seattle, WA 98101 US'],
      ['Allowed origins for embedding', 'https://www.northwind.example'],
      ['Sign-up page', 'The hosted sign-up page'],
    ]);
    expect(text(el, '[part~="intro"]')).to.contain('Only a global admin can change it.');
    await expect(el).to.be.accessible();
  });

  it('gives a global admin a labelled form filled from the profile', async () => {
    const el = await profile();
    expect(inputLabelled(el, 'Company name').value).to.equal('Northwind Cloud Partners');
    expect(inputLabelled(el, 'Company name').required).to.equal(true);
    expect(inputLabelled(el, 'Contact email').type).to.equal('email');
    expect(inputLabelled(el, 'City').value).to.equal('Seattle');
    expect(inputLabelled(el, 'Allowed origin 1').value).to.equal('https://www.northwind.example');
    expect(inputLabelled(el, 'Sign-up page URL').value).to.equal('');
    expect(button(el, 'Save changes')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('has no sign-up page field for a customer company', async () => {
    stub.on('GET /api/me', { status: 200, body: customerMe });
    stub.on('GET /api/company', { status: 200, body: customerMe.company });
    const el = await profile();
    expect(inputLabelled(el, 'Company name').value).to.equal('Fabrikam Bakery');
    expect(el.shadowRoot!.querySelector('#signup-url')).to.equal(null);
  });

  it('saves only the changed fields and fires partner-company-updated', async () => {
    stub.on('PATCH /api/company', { status: 200, body: companyUpdated });
    const el = await profile();
    fill(el, 'Phone', '+1 425 555 0199');
    button(el, 'Add origin').click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('origin-1'); // the new line takes the focus
    fill(el, 'Allowed origin 2', 'http://localhost:5173');
    fill(el, 'Sign-up page URL', 'https://northwind.example/signup');

    const updated = oneEvent(el, 'partner-company-updated');
    button(el, 'Save changes').click();
    const event = await updated;
    expect(event.detail).to.deep.equal(companyUpdated);
    expect(event.bubbles && event.composed).to.equal(true);
    const patch = stub.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).to.deep.equal({
      phone: '+1 425 555 0199',
      allowedOrigins: ['https://www.northwind.example', 'http://localhost:5173'],
      signupUrl: 'https://northwind.example/signup',
    });
    await el.updateComplete;
    expect(text(el, '[part~="notice"]')).to.equal('Saved. Customers see the new details now.');
    expect(inputLabelled(el, 'Phone').value).to.equal('+1 425 555 0199');
  });

  it('sends the whole address when a line of it changes, and null for a cleared field', async () => {
    stub.on('PATCH /api/company', (call) => ({ status: 200, body: { ...company, ...(call.body as object) } }));
    const el = await profile();
    fill(el, 'City', 'Redmond');
    fill(el, 'Website', '');
    const updated = oneEvent(el, 'partner-company-updated');
    button(el, 'Save changes').click();
    await updated;
    expect(stub.calls.find((c) => c.method === 'PATCH')!.body).to.deep.equal({
      website: null,
      address: { line1: '1 Harbour Way', city: 'Redmond', region: 'WA', postalCode: '98101', country: 'US' },
    });
  });

  it('says so, and sends nothing, when nothing changed', async () => {
    const el = await profile();
    button(el, 'Save changes').click();
    await el.updateComplete;
    expect(text(el, '[part~="notice"]')).to.equal('Nothing to save: no field changed.');
    expect(stub.calls.some((c) => c.method === 'PATCH')).to.equal(false);
  });

  it('shows the server\u2019s 422 details next to their fields, origins by their line', async () => {
    stub.on('PATCH /api/company', errors.companyInvalid);
    const el = await profile();
    fill(el, 'Contact email', 'not-an-email@x'); // passes the browser's check; the server finds fault
    fill(el, 'Phone', 'abc');
    fill(el, 'Website', 'ftp://x');
    fill(el, 'City', 'x'.repeat(201));
    // Three origins, with a blank line in between: the server's index 1 and 2 are lines 3 and 4.
    button(el, 'Add origin').click();
    button(el, 'Add origin').click();
    button(el, 'Add origin').click();
    await el.updateComplete;
    fill(el, 'Allowed origin 3', 'https://bad.example/path');
    fill(el, 'Allowed origin 4', 'http://evil.example');
    fill(el, 'Sign-up page URL', 'ftp://nope');
    button(el, 'Save changes').click();
    await waitUntil(() => text(el, '[role="alert"]') !== '', 'no message');

    expect(text(el, '[role="alert"]')).to.equal('The request is not valid; see details.');
    const origin = 'Use an origin like https://www.example.com or https://example.com:8443 (http only for http://localhost:PORT), with no path.';
    expect(errorOf(el, inputLabelled(el, 'Contact email'))).to.equal('Use an email address like support@example.com.');
    expect(errorOf(el, inputLabelled(el, 'Phone'))).to.equal('Use digits, spaces and + ( ) - only, e.g. +1 425 555 0100.');
    expect(errorOf(el, inputLabelled(el, 'Website'))).to.equal('Use a full web address starting with https://.');
    expect(errorOf(el, inputLabelled(el, 'City'))).to.equal('Too big: expected string to have <=200 characters');
    expect(inputLabelled(el, 'Allowed origin 1').hasAttribute('aria-invalid')).to.equal(false);
    expect(inputLabelled(el, 'Allowed origin 2').hasAttribute('aria-invalid')).to.equal(false);
    expect(errorOf(el, inputLabelled(el, 'Allowed origin 3'))).to.equal(origin);
    expect(errorOf(el, inputLabelled(el, 'Allowed origin 4'))).to.equal(origin);
    expect(errorOf(el, inputLabelled(el, 'Sign-up page URL'))).to.equal('Use a full web address starting with https://.');
    // Every detail sits beside its field, so the alert lists none of them again.
    expect(el.shadowRoot!.querySelector('[role="alert"] ul')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(inputLabelled(el, 'Contact email'));
    const sent = stub.calls.find((c) => c.method === 'PATCH')!.body as { allowedOrigins: string[] };
    expect(sent.allowedOrigins).to.deep.equal(['https://www.northwind.example', 'https://bad.example/path', 'http://evil.example']);
    await expect(el).to.be.accessible();
  });

  it('shows a 403 in the alert region', async () => {
    stub.on('PATCH /api/company', errors.forbiddenCompanyUpdate);
    const el = await profile();
    fill(el, 'Company name', 'Northwind');
    button(el, 'Save changes').click();
    await waitUntil(() => text(el, '[role="alert"]') !== '', 'no message');
    expect(text(el, '[role="alert"]')).to.equal('You do not have the permission company:update here.');
  });

  it('removes an origin and can discard the changes', async () => {
    const el = await profile();
    button(el, 'Remove allowed origin 1').click();
    await el.updateComplete;
    expect(inputLabelled(el, 'Allowed origin 1').value).to.equal('');
    button(el, 'Discard changes').click();
    await el.updateComplete;
    expect(inputLabelled(el, 'Allowed origin 1').value).to.equal('https://www.northwind.example');
  });

  it('shows a load error with a retry', async () => {
    stub.on('GET /api/company', { status: 503, body: { error: { code: 'database_unavailable', message: 'The database is not reachable; try again shortly.' } } });
    const el = await fixture<PartnerCompanyProfile>(html`<partner-company-profile api-base=${apiBase} token="pks_x"></partner-company-profile>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"].shown'), 'no error');
    expect(text(el, '[role="alert"]')).to.equal('The database is not reachable; try again shortly.');
    await audit(el, 'load error');
    stub.on('GET /api/company', { status: 200, body: company });
    button(el, 'Try again').click();
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'no form after the retry');
  });

  describe('in German and Japanese', () => {
    const until = (test: () => unknown, what: string) => waitUntil(test, what, { timeout: 3000 });

    async function localized(locale: string, title: string): Promise<PartnerCompanyProfile> {
      const el = await fixture<PartnerCompanyProfile>(html`<partner-company-profile api-base=${apiBase} token="pks_x" locale=${locale}></partner-company-profile>`);
      await until(() => el.shadowRoot!.querySelector('form, [part~="details"]') && text(el, '#profile-title') === title, `the profile in ${locale}`);
      return el;
    }

    afterEach(async () => {
      await backToEnglish();
    });

    it('shows a non-admin the profile read-only in German', async () => {
      stub.on('GET /api/me', { status: 200, body: billingMe });
      stub.on('GET /api/company', { status: 200, body: { ...company, phone: null } });
      const el = await localized('de', 'Unternehmensprofil');
      expect([...el.shadowRoot!.querySelectorAll('[part~="details"] dt')].map((dt) => dt.textContent)).to.deep.equal([
        'Unternehmensname',
        'Kontakt-E-Mail-Adresse',
        'Telefon',
        'Website',
        'Adresse',
        'Zulässige Ursprünge für die Einbettung',
        'Registrierungsseite',
      ]);
      // What is not set says so in German; the data stays as it is.
      expect([...el.shadowRoot!.querySelectorAll('[part~="details"] .unset')].map((u) => u.textContent)).to.deep.equal(['Nicht festgelegt', 'Die gehostete Registrierungsseite']);
      expect(text(el, '[part~="details"] dd')).to.equal('Northwind Cloud Partners');
      expect(text(el, '[part~="intro"]')).to.equal('Diese Angaben zu Northwind Cloud Partners sehen Ihre Kunden. Nur ein globaler Administrator kann sie ändern.');
      await expect(el).to.be.accessible();
    });

    it('gives a global admin the form in Japanese, with its notices', async () => {
      const el = await localized('ja', '会社プロフィール');
      expect(inputLabelled(el, '会社名').value).to.equal('Northwind Cloud Partners');
      expect(inputLabelled(el, '市区町村').value).to.equal('Seattle');
      expect(inputLabelled(el, '許可するオリジン 1').value).to.equal('https://www.northwind.example');
      expect(text(el, '[part~="origins"] legend')).to.equal('埋め込みを許可するオリジン');
      expect(button(el, '削除 （許可するオリジン 1）')).to.exist;
      expect(button(el, 'オリジンを追加')).to.exist;
      button(el, '変更を保存').click();
      await el.updateComplete;
      expect(text(el, '[part~="notice"]')).to.equal('変更された項目がないため、保存する内容はありません。');
      fill(el, '電話番号', '+1 425 555 0199');
      await el.updateComplete;
      button(el, '変更を破棄').click();
      await el.updateComplete;
      expect(text(el, '[part~="notice"]')).to.equal('変更を破棄しました。');
      await expect(el).to.be.accessible();
    });

    it('renders again when its locale attribute changes, the last notice too', async () => {
      stub.on('PATCH /api/company', { status: 200, body: companyUpdated });
      const el = await profile();
      expect(button(el, 'Save changes')).to.exist;
      el.setAttribute('locale', 'de');
      await until(() => text(el, '#profile-title') === 'Unternehmensprofil', 'German after locale="de"');
      fill(el, 'Telefon', '+1 425 555 0199');
      const updated = oneEvent(el, 'partner-company-updated');
      button(el, 'Änderungen speichern').click();
      await updated;
      await el.updateComplete;
      expect(text(el, '[part~="notice"]')).to.equal('Gespeichert. Ihre Kunden sehen ab sofort die neuen Angaben.');
      el.setAttribute('locale', 'ja');
      await until(() => text(el, '#profile-title') === '会社プロフィール', 'Japanese after locale="ja"');
      expect(text(el, '[part~="notice"]')).to.equal('保存しました。お客様には新しい情報が表示されます。');
      expect(inputLabelled(el, '電話番号').value).to.equal('+1 425 555 0199');
    });
  });
});

import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/index.ts';
import type { PartnerRolePicker } from '../../components/index.ts';
import { stubFetch, type FetchStub } from './fetch-stub.ts';
import { customerMe, adminMe, roles } from './fixtures-company.ts';
import { pick, pickerRadio, backToEnglish } from './helpers.ts';
import { audit } from './axe.ts';

const apiBase = 'http://127.0.0.1:9'; // never reached: fetch is stubbed

const radio = pickerRadio;

async function loaded(picker: PartnerRolePicker) {
  await waitUntil(() => picker.shadowRoot!.querySelector('[part~="picker"]'), 'the picker never showed its settings');
  return picker;
}

/** A picker with its roles in a `<form>` beside a text input, inside a `<fieldset>`. */
async function inForm(value = '') {
  const form = await fixture<HTMLFormElement>(html`
    <form>
      <input name="displayName" value="Lena" />
      <fieldset>
        <partner-role-picker name="access" .roles=${roles} company-kind="partner" value=${value}></partner-role-picker>
      </fieldset>
    </form>
  `);
  const picker = await loaded(form.querySelector('partner-role-picker')!);
  return { form, picker, fieldset: form.querySelector('fieldset')! };
}

describe('<partner-role-picker>', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch({ 'GET /api/roles': { status: 200, body: roles }, 'GET /api/me': { status: 200, body: adminMe } });
  });
  afterEach(() => stub.restore());

  it('shows both settings with the labels and descriptions of /api/roles, and is accessible', async () => {
    const picker = await loaded(await fixture<PartnerRolePicker>(html`<partner-role-picker api-base=${apiBase} token="pks_x"></partner-role-picker>`));
    expect(stub.calls.map((c) => `${c.method} ${c.path} ${c.authorization}`).sort()).to.deep.equal([
      'GET /api/me Bearer pks_x',
      'GET /api/roles Bearer pks_x',
    ]);
    const legends = [...picker.shadowRoot!.querySelectorAll('legend')].map((l) => l.textContent!.trim());
    expect(legends).to.deep.equal(['Administrative access to your company', 'Administrative access to companies you support']);
    expect(radio(picker, 'company', 'No').checked).to.equal(true);
    expect(radio(picker, 'partner', 'No').checked).to.equal(true);
    expect(picker.value).to.deep.equal({ companyRoles: [], partnerAccess: 'none' });

    await pick(picker, 'company', 'Yes');
    await pick(picker, 'partner', 'Yes');
    const roleLabels = [...picker.shadowRoot!.querySelectorAll('[part~="company"] [part~="option-label"]')].map((l) => l.textContent!.trim());
    expect(roleLabels).to.deep.equal(['Global admin', 'Billing admin', 'Password admin', 'Service admin', 'User management admin']);
    const billing = radio(picker, 'company', 'Billing admin');
    const description = picker.shadowRoot!.getElementById(billing.getAttribute('aria-describedby')!)!;
    expect(description.textContent).to.equal(roles.companyRoles[1]!.description);
    const levelLabels = [...picker.shadowRoot!.querySelectorAll('[part~="partner"] [part~="option-label"]')].map((l) => l.textContent!.trim());
    expect(levelLabels).to.deep.equal(['Full', 'Limited']);
    await expect(picker).to.be.accessible();
  });

  it('takes the roles table and company kind as properties instead of fetching them', async () => {
    const picker = await loaded(
      await fixture<PartnerRolePicker>(html`<partner-role-picker .roles=${roles} company-kind="partner"></partner-role-picker>`),
    );
    expect(stub.calls).to.have.length(0);
    expect(picker.shadowRoot!.querySelector('[part~="partner"]')).to.exist;
  });

  it('reflects the value it is given and fires change with the new value when the person picks', async () => {
    const picker = await loaded(
      await fixture<PartnerRolePicker>(
        html`<partner-role-picker .roles=${roles} company-kind="partner" value='{"companyRoles":["password_admin"],"partnerAccess":"limited"}'></partner-role-picker>`,
      ),
    );
    expect(picker.value).to.deep.equal({ companyRoles: ['password_admin'], partnerAccess: 'limited' });
    expect(radio(picker, 'company', 'Yes').checked).to.equal(true);
    expect(radio(picker, 'company', 'Password admin').checked).to.equal(true);
    expect(radio(picker, 'partner', 'Limited').checked).to.equal(true);

    let changed = oneEvent(picker, 'change');
    await pick(picker, 'company', 'Global admin');
    const event = await changed;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(picker.value).to.deep.equal({ companyRoles: ['global_admin'], partnerAccess: 'limited' });

    changed = oneEvent(picker, 'change');
    await pick(picker, 'partner', 'No');
    await changed;
    expect(picker.value).to.deep.equal({ companyRoles: ['global_admin'], partnerAccess: 'none' });

    // Setting the property from code changes what is shown, without a change event.
    let fired = 0;
    picker.addEventListener('change', () => fired++);
    picker.value = { companyRoles: [], partnerAccess: 'full' };
    await picker.updateComplete;
    expect(radio(picker, 'company', 'No').checked).to.equal(true);
    expect(radio(picker, 'partner', 'Full').checked).to.equal(true);
    expect(fired).to.equal(0);
  });

  it('can be used with the keyboard: arrow keys move through the native radios', async () => {
    const picker = await loaded(await fixture<PartnerRolePicker>(html`<partner-role-picker .roles=${roles} company-kind="partner"></partner-role-picker>`));
    picker.focus(); // delegatesFocus: the first radio takes it
    expect(picker.shadowRoot!.activeElement).to.equal(radio(picker, 'company', 'No'));
    expect(picker.shadowRoot!.querySelectorAll('input[type="radio"][name="company-admin"]')).to.have.length(2);
  });

  describe('in a <form>', () => {
    it('is submitted with the form as access.companyRoles and access.partnerAccess entries', async () => {
      const { form, picker } = await inForm();
      expect(picker.form).to.equal(form);
      expect([...new FormData(form)]).to.deep.equal([
        ['displayName', 'Lena'],
        ['access.partnerAccess', 'none'],
      ]);
      await pick(picker, 'company', 'Yes');
      await pick(picker, 'company', 'Service admin');
      await pick(picker, 'partner', 'Yes');
      await pick(picker, 'partner', 'Limited');
      expect([...new FormData(form)]).to.deep.equal([
        ['displayName', 'Lena'],
        ['access.companyRoles', 'service_admin'],
        ['access.partnerAccess', 'limited'],
      ]);
    });

    it('goes back to its initial value on form.reset()', async () => {
      const { form, picker } = await inForm('{"companyRoles":["billing_admin"],"partnerAccess":"none"}');
      await pick(picker, 'company', 'No');
      await pick(picker, 'partner', 'Yes');
      await pick(picker, 'partner', 'Full');
      expect(picker.value).to.deep.equal({ companyRoles: [], partnerAccess: 'full' });
      form.reset();
      await picker.updateComplete;
      expect(picker.value).to.deep.equal({ companyRoles: ['billing_admin'], partnerAccess: 'none' });
      expect(radio(picker, 'company', 'Billing admin').checked).to.equal(true);
      expect(radio(picker, 'partner', 'No').checked).to.equal(true);
      expect([...new FormData(form)]).to.deep.equal([
        ['displayName', 'Lena'],
        ['access.companyRoles', 'billing_admin'],
        ['access.partnerAccess', 'none'],
      ]);
    });

    it('is disabled by a disabled fieldset and by its own disabled attribute, and then not submitted', async () => {
      const { form, picker, fieldset } = await inForm();
      fieldset.disabled = true;
      await picker.updateComplete;
      await waitUntil(() => radio(picker, 'company', 'No').matches(':disabled'), 'the radios were not disabled');
      expect(picker.matches(':disabled')).to.equal(true);
      expect([...new FormData(form)]).to.deep.equal([['displayName', 'Lena']]);

      fieldset.disabled = false;
      await waitUntil(() => !radio(picker, 'company', 'No').matches(':disabled'), 'the radios stayed disabled');
      picker.disabled = true;
      await picker.updateComplete;
      expect(picker.hasAttribute('disabled')).to.equal(true);
      expect(radio(picker, 'partner', 'Yes').matches(':disabled')).to.equal(true);
      expect([...new FormData(form)]).to.deep.equal([['displayName', 'Lena']]);
    });

    it('is invalid when Yes has no role or level, which stops the form', async () => {
      const { form, picker } = await inForm();
      expect(form.checkValidity()).to.equal(true);
      await pick(picker, 'company', 'Yes');
      expect(picker.validity.valueMissing).to.equal(true);
      expect(picker.validationMessage).to.equal('Choose one of the roles, or No.');
      expect(form.checkValidity()).to.equal(false);
      await picker.updateComplete;
      // After the failed check the missing choice is shown as an error, tied to its radios.
      const message = picker.shadowRoot!.querySelector('[part~="field-error"]')!;
      expect(message.classList.contains('shown')).to.equal(true);
      expect(message.closest('fieldset')!.getAttribute('aria-describedby')).to.equal(message.id);

      await pick(picker, 'company', 'Global admin');
      expect(form.checkValidity()).to.equal(true);
      await pick(picker, 'partner', 'Yes');
      expect(picker.validationMessage).to.equal('Choose full or limited access, or No.');
      expect(form.checkValidity()).to.equal(false);
      await pick(picker, 'partner', 'Limited');
      expect(form.checkValidity()).to.equal(true);
    });
  });

  it('hides the partner setting for a customer company (from company-kind or /api/me)', async () => {
    const byAttribute = await loaded(await fixture<PartnerRolePicker>(html`<partner-role-picker .roles=${roles} company-kind="customer" name="a"></partner-role-picker>`));
    expect(byAttribute.shadowRoot!.querySelector('[part~="partner"]')).to.equal(null);
    expect(byAttribute.shadowRoot!.textContent).not.to.contain('companies you support');

    stub.on('GET /api/me', { status: 200, body: customerMe });
    const form = await fixture<HTMLFormElement>(html`<form><partner-role-picker name="access" api-base=${apiBase} token="pks_c"></partner-role-picker></form>`);
    const fromMe = await loaded(form.querySelector('partner-role-picker')!);
    expect(fromMe.shadowRoot!.querySelector('[part~="partner"]')).to.equal(null);
    expect(fromMe.shadowRoot!.querySelector('[part~="company"]')).to.exist;
    // Nothing about partner access is submitted where it does not exist.
    expect([...new FormData(form)]).to.deep.equal([]);
    await expect(fromMe).to.be.accessible();
  });

  describe('languages', () => {
    const legends = (picker: PartnerRolePicker) => [...picker.shadowRoot!.querySelectorAll('legend')].map((l) => l.textContent!.trim());
    afterEach(async () => {
      await backToEnglish();
    });

    it('asks its questions in German, with the missing choice in German, and is accessible', async () => {
      const { form, picker } = await inForm();
      picker.setAttribute('locale', 'de');
      await waitUntil(() => legends(picker)[0] === 'Administrativer Zugriff auf Ihr Unternehmen', 'the German picker');
      expect(legends(picker)).to.deep.equal(['Administrativer Zugriff auf Ihr Unternehmen', 'Administrativer Zugriff auf die von Ihnen betreuten Unternehmen']);
      await pick(picker, 'company', 'Ja');
      expect(legends(picker)[1]).to.equal('Rolle');
      expect(form.checkValidity()).to.equal(false);
      expect(picker.validationMessage).to.equal('Wählen Sie eine der Rollen oder \u201eNein\u201c.');
      await picker.updateComplete;
      expect(picker.shadowRoot!.querySelector('[part~="field-error"]')!.textContent).to.equal(picker.validationMessage);
      // The catalogue's roles and access levels in German too, with what each allows.
      await pick(picker, 'company', 'Abrechnungsadministrator');
      expect(picker.shadowRoot!.textContent).to.contain('Liest die Unternehmensdaten, verwaltet Abonnements und Lizenzanzahlen und bearbeitet Serviceanfragen.');
      await pick(picker, 'partner', 'Ja');
      expect(legends(picker)[3]).to.equal('Zugriff');
      await pick(picker, 'partner', 'Eingeschränkt');
      expect(picker.shadowRoot!.textContent).to.contain('mit den Rechten ihres Passwortadministrators');
      await expect(picker).to.be.accessible();
    });

    it('says in Japanese that the roles could not be loaded, with the error code in Japanese', async () => {
      stub.on('GET /api/roles', { status: 503, body: { error: { code: 'database_unavailable', message: 'The database is not reachable; try again shortly.' } } });
      const picker = await fixture<PartnerRolePicker>(html`<partner-role-picker api-base=${apiBase} token="pks_x" company-kind="partner" locale="ja"></partner-role-picker>`);
      await waitUntil(() => picker.shadowRoot!.querySelector('[role="alert"]')?.textContent?.includes('ロールを読み込めませんでした。'), 'no Japanese error');
      expect(picker.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('現在サービスに接続できません。');
      expect(picker.shadowRoot!.querySelector('[part~="button"]')!.textContent).to.equal('再試行');
      await expect(picker).to.be.accessible();
    });

    it('renders again, validation message included, when its locale attribute changes', async () => {
      const { picker } = await inForm();
      await pick(picker, 'partner', 'Yes');
      expect(picker.validationMessage).to.equal('Choose full or limited access, or No.');
      picker.setAttribute('locale', 'ja');
      await waitUntil(() => legends(picker)[0] === '自社への管理者アクセス', 'Japanese');
      expect(picker.validationMessage).to.equal('フルアクセスか制限付きアクセス、または「いいえ」を選択してください。');
      expect(pickerRadio(picker, 'partner', 'いいえ').checked).to.equal(false);
      picker.setAttribute('locale', 'de');
      await waitUntil(() => legends(picker)[0] === 'Administrativer Zugriff auf Ihr Unternehmen', 'German');
      expect(picker.validationMessage).to.equal('Wählen Sie vollen oder eingeschränkten Zugriff oder \u201eNein\u201c.');
    });
  });

  it('shows an error with a retry when the roles cannot be loaded', async () => {
    stub.on('GET /api/roles', { status: 503, body: { error: { code: 'database_unavailable', message: 'The database is not reachable; try again shortly.' } } });
    const picker = await fixture<PartnerRolePicker>(html`<partner-role-picker api-base=${apiBase} token="pks_x" company-kind="partner"></partner-role-picker>`);
    await waitUntil(() => picker.shadowRoot!.querySelector('[role="alert"]'), 'no error shown');
    expect(picker.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('The database is not reachable');
    await audit(picker, 'load error');
    stub.on('GET /api/roles', { status: 200, body: roles });
    picker.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!.click();
    await loaded(picker);
  });
});

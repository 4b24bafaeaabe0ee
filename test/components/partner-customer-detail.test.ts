import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/index.ts';
import type { PartnerCustomerDetail } from '../../components/index.ts';
import { formatDate } from '../../components/dates.ts';
import type { FetchStub } from './fetch-stub.ts';
import {
  adminMe,
  customerErrors,
  customers,
  delegationRequested,
  fabrikam,
  fabrikamAudit,
  fabrikamAuditCsv,
  fabrikamCreatedUser,
  fabrikamReset,
  fabrikamRevoked,
  fabrikamUsers,
  lucerne,
  lucerneRequested,
  serviceRequestCreated,
  tailspinForHelpdesk,
  tailspinUsers,
} from './fixtures-customers.ts';
import { all, apiBase, customerPath, dialog, section, stubbedInOtherLanguages, stubCustomerApi, textOf, until } from './customer-widgets.ts';
import { $, button, buttonIn, fill, inputLabelled, select, text } from './helpers.ts';
import { audit } from './axe.ts';

/**
 * Tailspin as a detail loaded before a change of rights shows it: "Reset password" offered for its
 * admin, which the BFF then refuses with 403 `forbidden`.
 */
function refusedAdminReset(stub: FetchStub) {
  const stale = { ...tailspinForHelpdesk, permissions: [...tailspinForHelpdesk.permissions, 'users:manage-admins'] };
  stub.on(`GET ${customerPath(stale.id)}`, { status: 200, body: stale });
  const admin = tailspinUsers.items.find((u) => u.companyRoles.length > 0)!;
  stub.on(`POST ${customerPath(stale.id, `/users/${admin.id}/reset-password`)}`, customerErrors.forbiddenManageAdmins);
  return { stale, admin };
}

describe('<partner-customer-detail>', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubCustomerApi(() => adminMe);
  });
  afterEach(() => stub.restore());

  /** The detail of one customer, on its own (as a page may show it), once its sections are in. */
  async function shown(customerId: string): Promise<PartnerCustomerDetail> {
    const el = await fixture<PartnerCustomerDetail>(
      html`<partner-customer-detail api-base=${apiBase} token="pks_partner" customer-id=${customerId}></partner-customer-detail>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="section"]'), `${customerId} did not load`);
    return el;
  }

  it('shows the customer: delegated administration, subscriptions, users, service requests and the audit trail', async () => {
    const el = await shown(fabrikam.id);
    expect(text(el, '#detail-title')).to.equal('Fabrikam Bakery');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="section"] [part~="item"] [part~="name"]'), 'no detail');
    await waitUntil(() => all(el, '[part~="item"]').some((i) => i.textContent!.includes('user@fabrikam.example')), 'no users');
    expect(all(el, '[part~="section-title"]').map(textOf)).to.deep.equal(['Delegated administration', 'Subscriptions', 'Users', 'Service requests', 'Audit trail']);
    expect(textOf(section(el, 'Delegated administration').querySelector('p')!)).to.equal(
      `Active Fabrikam Bakery granted your company full administration until ${formatDate('2027-01-23T05:24:10.142Z')}.`,
    );
    expect(textOf(section(el, 'Subscriptions').querySelector('[part~="item"]')!)).to.equal('Business Mail Active 12 licenses');
    const users = all(section(el, 'Users'), '[part~="item"]').map(textOf);
    expect(users).to.deep.equal([
      'Fabrikam Bakery Admin Global admin admin@fabrikam.example Reset password of Fabrikam Bakery Admin',
      'Fabrikam Bakery User user@fabrikam.example Reset password of Fabrikam Bakery User',
    ]);
    expect(button(el, 'Add user')).to.exist;
    expect(textOf(section(el, 'Service requests').querySelector('[part~="status"]')!)).to.equal('No service requests.');
    await waitUntil(() => all(section(el, 'Audit trail'), '[part~="item"]').length === 2, 'no audit');
    expect(all(section(el, 'Audit trail'), '[part~="item"] [part~="name"]').map(textOf)).to.deep.equal(['Service request opened', 'User added']);
    button(el, 'Load more').click(); // the audit's next page
    await waitUntil(() => all(section(el, 'Audit trail'), '[part~="item"]').length === 3, 'the audit did not page');
    expect(textOf(all(section(el, 'Audit trail'), '[part~="item"]')[2]!)).to.contain('Password reset: user@fabrikam.example');
    await expect(el).to.be.accessible();
  });

  it("shows the list row it is given at once, and focus() puts the focus on the customer's name", async () => {
    let release!: () => void;
    stub.on(`GET ${customerPath(fabrikam.id)}`, { status: 200, body: fabrikam, gate: new Promise<void>((resolve) => (release = resolve)) });
    const row = customers.items.find((c) => c.id === fabrikam.id)!;
    const el = await fixture<PartnerCustomerDetail>(
      html`<partner-customer-detail api-base=${apiBase} token="pks_partner" customer-id=${fabrikam.id} .customer=${row}></partner-customer-detail>`,
    );
    expect(text(el, '#detail-title')).to.equal('Fabrikam Bakery');
    expect(text(el, '[part~="intro"]')).to.equal(`fabrikam.example · customer since ${formatDate(row.since)} · you are its subscription advisor`);
    expect(text(el, '[part~="status"]')).to.equal('Loading the customer…');
    el.focus();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'detail-title', 'the focus did not move to the name');
    const loaded = oneEvent(el, 'partner-customer-loaded');
    release();
    expect((await loaded).detail).to.deep.equal(fabrikam);
  });

  it('resets a password after a confirmation, shows it once and fires partner-password-reset', async () => {
    stub.on(`POST ${customerPath(fabrikam.id, `/users/${fabrikamReset.user.id}/reset-password`)}`, { status: 200, body: fabrikamReset });
    const el = await shown(fabrikam.id);
    await waitUntil(() => el.shadowRoot!.textContent!.includes('user@fabrikam.example'), 'no users');
    button(el, 'Reset password of Fabrikam Bakery User').click();
    // The dialogs' part may still be loading (the first dialog of this file): wait for its content.
    await waitUntil(() => dialog(el).open && !el.shadowRoot!.querySelector('#dialog-title')?.textContent?.includes('Loading'), 'no confirmation');
    expect(text(el, '#dialog-title')).to.equal('Reset the password of Fabrikam Bakery User?');
    expect(stub.calls.some((c) => c.method === 'POST')).to.equal(false); // nothing before the confirmation
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Reset password'));
    await expect(el).to.be.accessible();

    const reset = oneEvent(el, 'partner-password-reset');
    button(el, 'Reset password').click();
    expect((await reset).detail).to.deep.equal({ user: fabrikamReset.user, customerId: fabrikam.id });
    await el.updateComplete;
    expect(text(el, '#dialog-title')).to.equal('Password reset');
    const password = inputLabelled(el, 'Temporary password');
    expect(password.value).to.equal(fabrikamReset.temporaryPassword);
    expect(el.shadowRoot!.activeElement).to.equal(password);
    expect(text(el, '[part~="once-note"]')).to.match(/^Shown once\./);
    expect(textOf(section(el, 'Users'))).to.contain('Must change password');
    button(el, 'Done').click();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(el.shadowRoot!.innerHTML).not.to.contain(fabrikamReset.temporaryPassword);
  });

  it('adds a user when the delegation and access allow it, showing the temporary password', async () => {
    stub.on(`POST ${customerPath(fabrikam.id, '/users')}`, { status: 201, body: fabrikamCreatedUser });
    const el = await shown(fabrikam.id);
    button(el, 'Add user').click();
    await waitUntil(() => dialog(el).open);
    expect(el.shadowRoot!.activeElement?.id).to.equal('display-name');
    fill(el, 'Display name', 'Mia Baker');
    fill(el, 'Email', 'mia@fabrikam.example');
    const usersLoads = stub.calls.filter((c) => c.path.endsWith('/users')).length;
    buttonIn(dialog(el), 'Add user').click();
    await waitUntil(() => text(el, '#dialog-title') === 'User added', 'no password');
    expect(stub.calls.find((c) => c.method === 'POST')!.body).to.deep.equal({
      displayName: 'Mia Baker',
      email: 'mia@fabrikam.example',
      companyRoles: [],
      partnerAccess: 'none',
    });
    expect(inputLabelled(el, 'Temporary password').value).to.equal(fabrikamCreatedUser.temporaryPassword);
    await waitUntil(() => stub.calls.filter((c) => c.path.endsWith('/users')).length > usersLoads, 'the users were not reloaded');
  });

  it('explains a 403 from the BFF and shows the rights that hold now', async () => {
    stub.on(`GET ${customerPath(fabrikam.id, '/users')}`, customerErrors.noDelegation);
    const el = await shown(fabrikam.id);
    await waitUntil(() => section(el, 'Users').querySelector('[role="alert"].shown'), 'the users error was not shown');
    expect(textOf(section(el, 'Users').querySelector('[role="alert"]')!)).to.equal(customerErrors.noDelegation.body.error.message);

    // A reset refused because the customer revoked the delegation meanwhile.
    stub.on(`GET ${customerPath(fabrikam.id, '/users')}`, { status: 200, body: fabrikamUsers });
    buttonIn(section(el, 'Users'), 'Try again').click();
    await waitUntil(() => el.shadowRoot!.textContent!.includes('user@fabrikam.example'), 'no users');
    stub.on(`POST ${customerPath(fabrikam.id, `/users/${fabrikamReset.user.id}/reset-password`)}`, customerErrors.noDelegation);
    stub.on(`GET ${customerPath(fabrikam.id)}`, { status: 200, body: fabrikamRevoked });
    button(el, 'Reset password of Fabrikam Bakery User').click();
    await waitUntil(() => dialog(el).open);
    button(el, 'Reset password').click();
    await waitUntil(() => text(el, 'dialog [role="alert"]') !== '', 'no message');
    expect(text(el, 'dialog [role="alert"]')).to.equal(
      'Fabrikam Bakery has not granted your company delegated administration (or it was revoked or has expired). Send a delegation request first.',
    );
    expect(dialog(el).open).to.equal(true);
    // The detail was asked again: no users or service requests are offered any more.
    await waitUntil(() => !el.shadowRoot!.querySelector('[part~="add"]'), 'the refused actions are still offered');
    expect(all(el, '[part~="section-title"]').map(textOf)).to.deep.equal(['Delegated administration', 'Subscriptions', 'Audit trail']);
    expect(textOf(section(el, 'Delegated administration'))).to.contain('Fabrikam Bakery revoked your company\u2019s full administration.');
    await expect(el).to.be.accessible();
  });

  it('words a 403 forbidden as what the partner may do in this customer', async () => {
    const { stale, admin } = refusedAdminReset(stub);
    const el = await shown(stale.id);
    await waitUntil(() => el.shadowRoot!.textContent!.includes(admin.email), 'no users');
    button(el, `Reset password of ${admin.displayName}`).click();
    await waitUntil(() => dialog(el).open);
    button(el, 'Reset password').click();
    await waitUntil(() => text(el, 'dialog [role="alert"]') !== '', 'no message');
    expect(text(el, 'dialog [role="alert"]')).to.equal(
      'Not allowed: in Tailspin Toys you may do what your partner access allows, within the delegated administration Tailspin Toys granted, and this is beyond it. (You do not have the permission users:manage-admins here.)',
    );
  });

  it('offers a limited partner user no "Add user", and resets of users without admin roles only', async () => {
    const el = await shown(tailspinForHelpdesk.id);
    await waitUntil(() => el.shadowRoot!.textContent!.includes('user@tailspin.example'), 'no users');
    expect(el.shadowRoot!.querySelector('[part~="add"]')).to.equal(null);
    expect(all(section(el, 'Users'), '[part~="reset"]').map(textOf)).to.deep.equal(['Reset password of Tailspin Toys User']);
    expect(button(el, 'New service request')).to.exist;
    expect(textOf(section(el, 'Delegated administration'))).to.contain('Tailspin Toys granted your company limited administration, with no end date.');
    await expect(el).to.be.accessible();
  });

  it('requests delegated admin: the link to send, with copy, and partner-delegation-requested', async () => {
    stub.on(`POST ${customerPath(lucerne.id, '/delegation-requests')}`, { status: 201, body: delegationRequested });
    const el = await shown(lucerne.id);
    // No delegation: nothing to assist with, and it says why.
    expect(all(el, '[part~="section-title"]').map(textOf)).to.deep.equal(['Delegated administration', 'Subscriptions', 'Audit trail']);
    expect(textOf(section(el, 'Delegated administration'))).to.contain('Lucerne Publishing has not given your company delegated administration.');

    button(el, 'Request delegated admin').click();
    await waitUntil(() => dialog(el).open);
    expect(text(el, '#dialog-title')).to.equal('Request delegated admin from Lucerne Publishing');
    inputLabelled(el, 'Full administration').click();
    await el.updateComplete;
    expect(text(el, '#level-hint')).to.match(/^You act as its global admin/);
    fill(el, 'Days to answer (optional)', '30');
    await expect(el).to.be.accessible();

    stub.on(`GET ${customerPath(lucerne.id)}`, { status: 200, body: lucerneRequested });
    const requested = oneEvent(el, 'partner-delegation-requested');
    button(el, 'Request').click();
    expect((await requested).detail).to.deep.equal(delegationRequested);
    expect(stub.calls.find((c) => c.method === 'POST')!.body).to.deep.equal({ level: 'full', expiresInDays: 30 });
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    const link = inputLabelled(el, 'Link to send to a global admin of Lucerne Publishing');
    expect(link.value).to.equal(delegationRequested.url);
    expect(el.shadowRoot!.activeElement).to.equal(link);
    await waitUntil(
      () =>
        textOf(section(el, 'Delegated administration').querySelector('p')!) ===
        `Requested You asked for full administration. A global admin of Lucerne Publishing can answer until ${formatDate(delegationRequested.requestExpiresAt)}.`,
      'the state was not refreshed',
    );

    const clipboard = navigator.clipboard;
    const original = clipboard.writeText;
    const written: string[] = [];
    clipboard.writeText = async (data: string) => void written.push(data);
    try {
      button(el, 'Copy link').click();
      await waitUntil(() => written.length === 1);
      expect(written).to.deep.equal([delegationRequested.url]);
      await el.updateComplete;
      expect(text(el, '#consent-url-hint + [role="status"]')).to.equal('Copied to the clipboard.');
    } finally {
      clipboard.writeText = original;
    }
  });

  it('opens a service request: 422 messages beside the fields, then partner-service-request-created', async () => {
    const el = await shown(fabrikam.id);
    button(el, 'New service request').click();
    await waitUntil(() => dialog(el).open);
    expect(el.shadowRoot!.activeElement?.id).to.equal('title');
    stub.on(`POST ${customerPath(fabrikam.id, '/service-requests')}`, customerErrors.serviceRequestInvalid);
    fill(el, 'Title', '  ');
    const description = $<HTMLTextAreaElement>(el, '#description');
    description.value = ' ';
    button(el, 'Open request').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#title-error'), 'no field messages');
    expect(text(el, '#title-error')).to.equal('Give the request a title.');
    expect(text(el, '#description-error')).to.equal('Describe what is needed.');
    expect(description.getAttribute('aria-describedby')).to.equal('description-error');
    expect(text(el, 'dialog [role="alert"]')).to.equal('The request is not valid; see details.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('title');
    await expect(el).to.be.accessible();

    stub.on(`POST ${customerPath(fabrikam.id, '/service-requests')}`, { status: 201, body: serviceRequestCreated });
    fill(el, 'Title', serviceRequestCreated.title);
    description.value = serviceRequestCreated.description;
    select(el, 'Severity', 'high');
    const created = oneEvent(el, 'partner-service-request-created');
    button(el, 'Open request').click();
    expect((await created).detail).to.deep.equal(serviceRequestCreated);
    expect(stub.calls.filter((c) => c.method === 'POST').at(-1)!.body).to.deep.equal({
      title: serviceRequestCreated.title,
      description: serviceRequestCreated.description,
      severity: 'high',
    });
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(textOf(section(el, 'Service requests').querySelector('[part~="item"]')!)).to.contain('Mail not arriving High Open');
  });

  it('downloads the audit trail as CSV through an object URL', async () => {
    stub.on(`GET ${customerPath(fabrikam.id, '/audit')}`, (call) =>
      call.query.get('format') === 'csv' ? { status: 200, text: fabrikamAuditCsv } : { status: 200, body: fabrikamAudit },
    );
    const el = await shown(fabrikam.id);
    const created: Blob[] = [];
    const clicked: HTMLAnchorElement[] = [];
    const { createObjectURL } = URL;
    const { click } = HTMLAnchorElement.prototype;
    URL.createObjectURL = (blob: Blob) => (created.push(blob), 'blob:audit');
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      button(el, 'Download CSV').click();
      await waitUntil(() => clicked.length === 1, 'no download');
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
    const call = stub.calls.find((c) => c.query.get('format') === 'csv')!;
    expect(call.headers.get('Accept')).to.equal('text/csv');
    expect(await created[0]!.text()).to.equal(fabrikamAuditCsv);
    expect([clicked[0]!.href, clicked[0]!.download]).to.deep.equal(['blob:audit', 'audit-fabrikam.example.csv']);
  });

  it('shows a load error with a retry', async () => {
    stub.on(`GET ${customerPath(fabrikam.id)}`, { status: 503, body: { error: { code: 'database_unavailable', message: 'The database is not reachable; try again shortly.' } } });
    const el = await fixture<PartnerCustomerDetail>(html`<partner-customer-detail api-base=${apiBase} token="pks_partner" customer-id=${fabrikam.id}></partner-customer-detail>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"].shown'), 'no error');
    expect(text(el, '[role="alert"]')).to.equal('The database is not reachable; try again shortly.');
    await audit(el, 'load error');
    stub.on(`GET ${customerPath(fabrikam.id)}`, { status: 200, body: fabrikam });
    button(el, 'Try again').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="section"]'), 'no retry');
  });
});

describe('<partner-customer-detail> in German and Japanese', () => {
  const stubbed = stubbedInOtherLanguages();

  /** The detail in `locale`, once its sections are in, in that language (`title` is its first section's). */
  async function shownIn(customerId: string, locale: string, title: string): Promise<PartnerCustomerDetail> {
    const el = await fixture<PartnerCustomerDetail>(
      html`<partner-customer-detail api-base=${apiBase} token="pks_partner" customer-id=${customerId} locale=${locale}></partner-customer-detail>`,
    );
    await until(() => el.shadowRoot!.querySelector('[part~="section-title"]')?.textContent === title, `${customerId} did not load in ${locale}`);
    return el;
  }

  it('shows a customer in German: sections, the delegation in a sentence, counts, and the reset dialog', async () => {
    const el = await shownIn(fabrikam.id, 'de', 'Delegierte Administration');
    await until(() => all(section(el, 'Audit-Protokoll'), '[part~="item"]').length === 2 && el.shadowRoot!.textContent!.includes('user@fabrikam.example'), 'no users or audit');
    expect(all(el, '[part~="section-title"]').map(textOf)).to.deep.equal(['Delegierte Administration', 'Abonnements', 'Benutzer', 'Serviceanfragen', 'Audit-Protokoll']);
    expect(text(el, '[part~="intro"]')).to.equal(`fabrikam.example · Kunde seit ${formatDate(fabrikam.since)} · Sie sind sein Abonnementberater`);
    expect(textOf(section(el, 'Delegierte Administration').querySelector('p')!)).to.equal(
      `Aktiv Fabrikam Bakery hat Ihrem Unternehmen vollständige Administration bis zum ${formatDate('2027-01-23T05:24:10.142Z')} erteilt.`,
    );
    expect(textOf(section(el, 'Abonnements').querySelector('[part~="item"]')!)).to.equal('Business Mail Aktiv 12 Lizenzen');
    expect(textOf(section(el, 'Serviceanfragen').querySelector('[part~="status"]')!)).to.equal('Keine Serviceanfragen.');
    expect(all(section(el, 'Audit-Protokoll'), '[part~="item"] [part~="name"]').map(textOf)).to.deep.equal(['Serviceanfrage eröffnet', 'Benutzer hinzugefügt']);
    expect(button(el, 'Benutzer hinzufügen')).to.exist;
    expect(button(el, 'CSV herunterladen')).to.exist;

    button(el, 'Passwort zurücksetzen für Fabrikam Bakery User').click();
    await until(() => text(el, '#dialog-title') === 'Passwort von Fabrikam Bakery User zurücksetzen?', 'no German confirmation');
    expect(buttonIn(dialog(el), 'Abbrechen')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('words a refusal in German, with the words for its code', async () => {
    const { stale, admin } = refusedAdminReset(stubbed.stub);
    const el = await shownIn(stale.id, 'de', 'Delegierte Administration');
    expect(textOf(section(el, 'Delegierte Administration'))).to.contain('Tailspin Toys hat Ihrem Unternehmen eingeschränkte Administration ohne Enddatum erteilt.');
    await until(() => el.shadowRoot!.textContent!.includes(admin.email), 'no users');
    button(el, `Passwort zurücksetzen für ${admin.displayName}`).click();
    await until(() => dialog(el).open && el.shadowRoot!.querySelector('dialog form'), 'no confirmation');
    button(el, 'Passwort zurücksetzen').click();
    await until(() => text(el, 'dialog [role="alert"]') !== '', 'no message');
    expect(text(el, 'dialog [role="alert"]')).to.equal(
      'Nicht erlaubt: Bei Tailspin Toys dürfen Sie tun, was Ihr Partnerzugriff erlaubt, im Rahmen der von Tailspin Toys erteilten delegierten Administration – dies geht darüber hinaus. (Dazu sind Sie nicht berechtigt.)',
    );
  });

  it('requests delegated admin in Japanese', async () => {
    stubbed.stub.on(`POST ${customerPath(lucerne.id, '/delegation-requests')}`, { status: 201, body: delegationRequested });
    const el = await shownIn(lucerne.id, 'ja', '委任管理');
    expect(textOf(section(el, '委任管理'))).to.contain('Lucerne Publishing はまだ貴社に委任管理を許可していません。');
    button(el, '委任管理をリクエスト').click();
    await until(() => text(el, '#dialog-title') === 'Lucerne Publishing に委任管理をリクエスト', 'no Japanese dialog');
    expect(text(el, '#level-hint')).to.equal('顧客に許可してもらう操作の範囲を選択してください。');
    inputLabelled(el, '完全な管理権限').click();
    await el.updateComplete;
    expect(text(el, '#level-hint')).to.match(/^顧客のグローバル管理者として操作します/);
    fill(el, '回答期限の日数（任意）', '30');
    await expect(el).to.be.accessible();

    stubbed.stub.on(`GET ${customerPath(lucerne.id)}`, { status: 200, body: lucerneRequested });
    button(el, 'リクエスト').click();
    await until(() => el.shadowRoot!.querySelector('#consent-url'), 'no link');
    expect(inputLabelled(el, 'Lucerne Publishing のグローバル管理者に送るリンク').value).to.equal(delegationRequested.url);
    expect(button(el, 'リンクをコピー')).to.exist;
  });

  it('renders again in the language its locale attribute asks for', async () => {
    const el = await shownIn(fabrikam.id, 'en', 'Delegated administration');
    el.setAttribute('locale', 'ja');
    await until(() => textOf(section(el, '委任管理').querySelector('h3')!) === '委任管理', 'not Japanese after locale="ja"');
    expect(textOf(section(el, 'サブスクリプション').querySelector('[part~="item"]')!)).to.equal('Business Mail 有効 12ライセンス');
    el.setAttribute('locale', 'de');
    await until(() => button(el, 'Neue Serviceanfrage'), 'not German after locale="de"');
    expect(text(el, '#detail-title')).to.equal('Fabrikam Bakery');
  });
});

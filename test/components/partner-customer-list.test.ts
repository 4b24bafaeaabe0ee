import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/index.ts';
import type { MeView, PartnerCustomerDetail, PartnerCustomerList } from '../../components/index.ts';
import { formatDate } from '../../components/dates.ts';
import type { FetchStub } from './fetch-stub.ts';
import { staffMe } from './fixtures-company.ts';
import {
  adminMe,
  customers,
  customersPage1,
  customersPage2,
  delegationRequested,
  lucerne,
  lucerneRequested,
  newestFirst,
  searchCoho,
  searchTail,
} from './fixtures-customers.ts';
import { all, apiBase, customerPath, dialog, section, stubbedInOtherLanguages, stubCustomerApi, textOf, until } from './customer-widgets.ts';
import { $, button, buttonIn, fill, inputLabelled, select, text } from './helpers.ts';
import { audit } from './axe.ts';

const rowNames = (el: Element) => all(el, '[part~="row"] [part~="open"]').map(textOf);
const listCalls = (stub: FetchStub) => stub.calls.filter((c) => c.method === 'GET' && c.path === '/api/customers');
/** Every part named in a shadow DOM. */
const partsIn = (el: Element) => new Set(all(el, '[part]').flatMap((node) => node.getAttribute('part')!.split(/\s+/).filter(Boolean)));

// What the open customer shows (sections, actions, dialogs) is tested with <partner-customer-detail>
// itself in partner-customer-detail.test.ts; here, the list and what it does with the detail.
describe('<partner-customer-list>', () => {
  let stub: FetchStub;
  let me: MeView = adminMe;
  beforeEach(() => {
    me = adminMe;
    stub = stubCustomerApi(() => me);
  });
  afterEach(() => stub.restore());

  async function list(pageSize = 25): Promise<PartnerCustomerList> {
    const el = await fixture<PartnerCustomerList>(html`<partner-customer-list api-base=${apiBase} token="pks_partner" page-size=${pageSize}></partner-customer-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="row"]'), 'no customers were listed');
    return el;
  }

  /** Opens a customer by its name; resolves with its detail once it has loaded. */
  async function open(el: PartnerCustomerList, name: string): Promise<PartnerCustomerDetail> {
    button(el, name).click();
    await waitUntil(() => el.shadowRoot!.querySelector('partner-customer-detail')?.shadowRoot?.querySelector('[part~="section"]'), `${name} did not open`);
    return $<PartnerCustomerDetail>(el, 'partner-customer-detail');
  }

  it('lists the customers with their delegation and subscription states, and is accessible', async () => {
    const el = await list();
    expect(text(el, '[part~="status"]')).to.equal('7 customers.');
    const rows = all(el, '[part~="row"]').map((r) => [
      textOf(r.querySelector('[part~="open"]')!),
      textOf(r.querySelector('[part~="domain"]')!),
      ...[...r.querySelectorAll('dd')].map(textOf),
    ]);
    expect(rows).to.deep.equal([
      ['Adventure Works Cycles', 'adventure-works.example', 'Revoked Limited', 'Business Mail Active'],
      ['Coho Winery', 'coho.example', 'Declined Full', 'Meeting Rooms Trial'],
      ['Contoso Pharmacy', 'contoso-pharmacy.example', `Expired Limited · ended ${formatDate('2026-11-21T05:24:10.142Z')}`, 'Office Suite Pro Active'],
      ['Fabrikam Bakery', 'fabrikam.example', `Active Full · until ${formatDate('2027-01-23T05:24:10.142Z')}`, 'Business Mail Active'],
      ['Lucerne Publishing', 'lucerne.example', 'None', 'Cloud Backup Trial expired'],
      ['Tailspin Toys', 'tailspin.example', 'Active Limited · no end date', 'Office Suite Pro Trial'],
      ['Wide World Importers', 'wideworld.example', `Requested Full · answer by ${formatDate('2027-02-22T05:24:10.142Z')}`, 'Security Plus Active'],
    ]);
    // Each state is a badge carrying its state as a part, for colour and for host styling.
    expect(all(el, '[part~="row"]')[3]!.querySelector('[part~="badge"]')!.getAttribute('part')).to.equal('badge active');
    const call = listCalls(stub)[0]!;
    expect([call.authorization, call.query.get('sort'), call.query.get('limit'), call.query.has('q')]).to.deep.equal(['Bearer pks_partner', 'name', '25', false]);
    await expect(el).to.be.accessible();
  });

  it('waits for a pause in typing before searching, and says when nothing matches', async () => {
    const el = await list();
    const before = listCalls(stub).length;
    for (const typed of ['t', 'ta', 'tai', 'tail']) {
      fill(el, 'Search by name or domain', typed);
      await aTimeout(60);
    }
    expect(listCalls(stub).length).to.equal(before); // still typing
    await waitUntil(() => rowNames(el).length === 1, 'the search did not narrow the list');
    expect(listCalls(stub).slice(before).map((c) => c.query.get('q'))).to.deep.equal(['tail']);
    expect(rowNames(el)).to.deep.equal(['Tailspin Toys']);
    expect(text(el, '[part~="status"]')).to.equal('1 customer matching \u201ctail\u201d.');

    fill(el, 'Search by name or domain', 'zzz');
    await waitUntil(() => text(el, '[part~="status"]') === 'No customers match \u201czzz\u201d.', 'no empty state');
    expect(el.shadowRoot!.querySelector('[part~="rows"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('discards the slower answer to an older search', async () => {
    const el = await list();
    let releaseSlow!: () => void;
    stub.on('GET /api/customers', (call) =>
      call.query.get('q') === 'coho'
        ? { status: 200, body: searchCoho, gate: new Promise<void>((resolve) => (releaseSlow = resolve)) }
        : { status: 200, body: searchTail },
    );
    fill(el, 'Search by name or domain', 'coho');
    await waitUntil(() => listCalls(stub).some((c) => c.query.get('q') === 'coho'), 'the first search was not sent');
    fill(el, 'Search by name or domain', 'tail');
    await waitUntil(() => text(el, '[part~="status"]') === '1 customer matching \u201ctail\u201d.', 'the newer search did not show');
    // The older request was cancelled, and its late answer changes nothing.
    expect(listCalls(stub).find((c) => c.query.get('q') === 'coho')!.signal!.aborted).to.equal(true);
    releaseSlow();
    await aTimeout(50);
    expect(rowNames(el)).to.deep.equal(['Tailspin Toys']);
    expect(text(el, '[part~="status"]')).to.equal('1 customer matching \u201ctail\u201d.');
  });

  it('sends the filters and the sort order with the query', async () => {
    const el = await list();
    select(el, 'Delegated admin', 'active');
    await waitUntil(() => listCalls(stub).at(-1)!.query.get('delegation') === 'active');
    await waitUntil(() => text(el, '[part~="status"]') === 'No customers match these filters.', 'no empty state for filters');
    select(el, 'Subscriptions', 'trial');
    await waitUntil(() => rowNames(el).join() === 'Tailspin Toys', 'the filters did not narrow the list');
    const filtered = listCalls(stub).at(-1)!.query;
    expect([filtered.get('delegation'), filtered.get('subscription'), filtered.get('sort')]).to.deep.equal(['active', 'trial', 'name']);

    select(el, 'Delegated admin', '');
    select(el, 'Subscriptions', '');
    select(el, 'Sort by', 'newest');
    await waitUntil(() => rowNames(el)[0] === 'Coho Winery', 'not sorted by newest');
    const sorted = listCalls(stub).at(-1)!.query;
    expect([sorted.has('delegation'), sorted.has('subscription'), sorted.get('sort')]).to.deep.equal([false, false, 'newest']);
    expect(rowNames(el)).to.deep.equal(newestFirst.items.map((c) => c.name));
  });

  it('loads more customers with the next cursor, appending them and keeping the focus', async () => {
    const el = await list(3);
    expect(text(el, '[part~="status"]')).to.equal('3 customers, more to load.');
    const more = button(el, 'Load more');
    more.focus();
    more.click();
    await waitUntil(() => rowNames(el).length === 6, 'no more rows');
    const call = listCalls(stub).at(-1)!;
    expect([call.query.get('cursor'), call.query.get('limit')]).to.deep.equal([customersPage1.nextCursor, '3']);
    expect(rowNames(el)).to.deep.equal([...customersPage1.items, ...customersPage2.items].map((c) => c.name));
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Load more'));
  });

  it('opens a customer, and "Back to customers" returns to its row with the list as it was', async () => {
    const el = await list();
    const calls = listCalls(stub).length;
    const selected = oneEvent(el, 'partner-customer-selected');
    button(el, 'Fabrikam Bakery').click();
    const event = await selected;
    expect(event.detail).to.deep.equal(customers.items.find((c) => c.name === 'Fabrikam Bakery'));
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    // The list hides; the customer's detail takes its place, with the focus on the customer's name.
    expect($(el, '[part~="list"]').hidden).to.equal(true);
    const detail = $<PartnerCustomerDetail>(el, 'partner-customer-detail');
    await waitUntil(() => detail.shadowRoot?.activeElement?.id === 'detail-title', 'the focus did not move to the customer');
    expect(el.shadowRoot!.activeElement).to.equal(detail);
    expect(text(detail, '#detail-title')).to.equal('Fabrikam Bakery');

    await waitUntil(() => all(detail, '[part~="item"]').some((i) => i.textContent!.includes('user@fabrikam.example')), 'no users');
    expect(all(detail, '[part~="section-title"]').map(textOf)).to.deep.equal(['Delegated administration', 'Subscriptions', 'Users', 'Service requests', 'Audit trail']);
    await expect(el).to.be.accessible();

    $(el, '[part~="back"]').click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Fabrikam Bakery'));
    expect($(el, '[part~="list"]').hidden).to.equal(false);
    expect(el.shadowRoot!.querySelector('partner-customer-detail')).to.equal(null);
    expect(rowNames(el)).to.have.length(7);
    expect(listCalls(stub).length).to.equal(calls); // the list was kept, not loaded again
  });

  it("refreshes a customer's row from its detail, and passes on the detail's events", async () => {
    stub.on(`POST ${customerPath(lucerne.id, '/delegation-requests')}`, { status: 201, body: delegationRequested });
    const el = await list();
    const loaded = oneEvent(el, 'partner-customer-loaded');
    const detail = await open(el, 'Lucerne Publishing');
    expect((await loaded).detail).to.deep.equal(lucerne);

    button(detail, 'Request delegated admin').click();
    // The dialogs' forms may still be loading (the first dialog of this file): wait for them, not only for the dialog.
    await waitUntil(() => dialog(detail).open && detail.shadowRoot!.querySelector('input[name="level"]'), 'no delegation request form');
    inputLabelled(detail, 'Full administration').click();
    stub.on(`GET ${customerPath(lucerne.id)}`, { status: 200, body: lucerneRequested });
    const requested = oneEvent(el, 'partner-delegation-requested');
    button(detail, 'Request').click();
    expect((await requested).detail).to.deep.equal(delegationRequested);
    await waitUntil(() => textOf(section(detail, 'Delegated administration').querySelector('p')!).startsWith('Requested'), 'the state was not refreshed');

    // Back in the list, the row shows the request too.
    $(el, '[part~="back"]').click();
    await el.updateComplete;
    const row = all(el, '[part~="row"]').find((r) => r.textContent!.includes('Lucerne Publishing'))!;
    expect(textOf(row.querySelector('dd')!)).to.equal(`Requested Full · answer by ${formatDate(delegationRequested.requestExpiresAt)}`);
  });

  it("passes on the detail's parts, so a page styles the open customer through the list", async () => {
    const style = document.createElement('style');
    style.textContent = 'partner-customer-list::part(section-title) { color: rgb(0, 128, 0); } partner-customer-list::part(dialog) { color: rgb(0, 0, 128); }';
    document.head.append(style);
    try {
      const el = await list();
      const detail = await open(el, 'Fabrikam Bakery');
      await waitUntil(() => all(detail, '[part~="reset"]').length > 0 && all(section(detail, 'Audit trail'), '[part~="item"]').length > 0, 'no users or audit');
      expect(getComputedStyle($(detail, '[part~="section-title"]')).color).to.equal('rgb(0, 128, 0)');
      expect(getComputedStyle(dialog(detail)).color).to.equal('rgb(0, 0, 128)');
      // Every part the detail shows, also in its dialogs, is one the list passes on.
      const seen = partsIn(detail);
      for (const opener of ['Request delegated admin', 'Add user', 'New service request']) {
        button(detail, opener).click();
        await waitUntil(() => dialog(detail).open);
        for (const part of partsIn(detail)) seen.add(part);
        const closed = oneEvent(dialog(detail), 'close');
        buttonIn(dialog(detail), 'Cancel').click();
        await closed;
      }
      const passed = new Set(detail.getAttribute('exportparts')!.split(',').map((p) => p.trim()));
      expect([...seen].filter((part) => !passed.has(part))).to.deep.equal([]);
    } finally {
      style.remove();
    }
  });

  it('explains to a user without partner access why there is no list', async () => {
    me = staffMe;
    const el = await fixture<PartnerCustomerList>(html`<partner-customer-list api-base=${apiBase} token="pks_staff"></partner-customer-list>`);
    await waitUntil(() => el.shadowRoot!.textContent!.includes('needs administrative access'), 'no explanation');
    expect(listCalls(stub)).to.have.length(0);
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows a load error with a retry', async () => {
    stub.on('GET /api/customers', { status: 503, body: { error: { code: 'database_unavailable', message: 'The database is not reachable; try again shortly.' } } });
    const el = await fixture<PartnerCustomerList>(html`<partner-customer-list api-base=${apiBase} token="pks_partner"></partner-customer-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"].shown'), 'no error');
    expect(text(el, '[role="alert"]')).to.equal('The database is not reachable; try again shortly.');
    await audit(el, 'load error');
    stub.on('GET /api/customers', { status: 200, body: customers });
    button(el, 'Try again').click();
    await waitUntil(() => rowNames(el).length === 7, 'no retry');
  });
});

describe('<partner-customer-list> in German and Japanese', () => {
  const stubbed = stubbedInOtherLanguages();

  async function listIn(locale: string, title: string): Promise<PartnerCustomerList> {
    const el = await fixture<PartnerCustomerList>(html`<partner-customer-list api-base=${apiBase} token="pks_partner" locale=${locale}></partner-customer-list>`);
    await until(() => text(el, '#customers-title') === title && el.shadowRoot!.querySelector('[part~="row"]'), `no list in ${locale}`);
    return el;
  }

  it('shows the list in German: filters, counts, states and dates, and is accessible', async () => {
    const el = await listIn('de', 'Kunden');
    expect(text(el, '[part~="status"]')).to.equal('7 Kunden.');
    expect(all(el, '[part~="filters"] label').map(textOf)).to.deep.equal(['Nach Name oder Domain suchen', 'Delegation', 'Abonnements', 'Sortieren nach']);
    expect(all(el, '#delegation-filter option').map(textOf)).to.deep.equal(['Alle', 'Keine', 'Angefragt', 'Aktiv', 'Abgelaufen', 'Widerrufen', 'Abgelehnt']);
    const states = all(el, '[part~="row"]').map((r) => [...r.querySelectorAll('dd')].map(textOf));
    expect(states[3]).to.deep.equal([`Aktiv Vollständig · bis ${formatDate('2027-01-23T05:24:10.142Z')}`, 'Business Mail Aktiv']);
    expect(formatDate('2027-01-23T12:00:00Z')).to.equal('23.01.2027'); // the date above is German
    expect(states[4]).to.deep.equal(['Keine', 'Cloud Backup Testversion abgelaufen']);
    expect(states[5]).to.deep.equal(['Aktiv Eingeschränkt · ohne Enddatum', 'Office Suite Pro Testversion']);
    await expect(el).to.be.accessible();

    fill(el, 'Nach Name oder Domain suchen', 'tail');
    await until(() => text(el, '[part~="status"]') === '1 Kunde passend zu „tail“.', 'no German count for one');
    fill(el, 'Nach Name oder Domain suchen', 'zzz');
    await until(() => text(el, '[part~="status"]') === 'Kein Kunde passt zu „zzz“.', 'no German empty state');
  });

  it('shows the list and an open customer in Japanese', async () => {
    const el = await listIn('ja', '顧客');
    expect(text(el, '[part~="status"]')).to.equal('顧客 7 件。');
    expect(all(el, '[part~="row"]')[0]!.querySelector('dt')!.textContent).to.equal('委任管理');
    expect(textOf(all(el, '[part~="row"]')[0]!.querySelector('dd')!)).to.equal('取り消し済み 制限付き');
    const detail = await open(el, 'Fabrikam Bakery');
    expect(textOf($(el, '[part~="back"]'))).to.equal('← 顧客一覧に戻る');
    await until(() => all(detail, '[part~="section-title"]').length === 5, 'no sections');
    expect(all(detail, '[part~="section-title"]').map(textOf)).to.deep.equal(['委任管理', 'サブスクリプション', 'ユーザー', 'サービスリクエスト', '監査ログ']);
    await expect(el).to.be.accessible();
  });

  it('renders again in the language its locale attribute asks for', async () => {
    const el = await listIn('en', 'Customers');
    expect(text(el, '[part~="status"]')).to.equal('7 customers.');
    el.setAttribute('locale', 'de');
    await until(() => text(el, '#customers-title') === 'Kunden', 'not German after locale="de"');
    expect(text(el, '[part~="status"]')).to.equal('7 Kunden.');
    el.setAttribute('locale', 'ja');
    await until(() => text(el, '[part~="status"]') === '顧客 7 件。', 'not Japanese after locale="ja"');
    expect(button(el, 'Fabrikam Bakery')).to.exist; // names are data: never translated
  });

  /** Opens a customer by its name; resolves with its detail once it has loaded. */
  async function open(el: PartnerCustomerList, name: string): Promise<PartnerCustomerDetail> {
    button(el, name).click();
    await until(() => el.shadowRoot!.querySelector('partner-customer-detail')?.shadowRoot?.querySelector('[part~="section"]'), `${name} did not open`);
    return $<PartnerCustomerDetail>(el, 'partner-customer-detail');
  }
});

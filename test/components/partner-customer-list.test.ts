import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/index.ts';
import type { MeView, PartnerCustomerList } from '../../components/index.ts';
import { formatDate } from '../../components/dates.ts';
import { stubFetch, type Answer, type FetchStub, type RecordedCall } from './fetch-stub.ts';
import { roles, staffMe } from './fixtures-company.ts';
import {
  activeOnTrial,
  adminMe,
  customerErrors,
  customers,
  customersPage1,
  customersPage2,
  delegationRequested,
  fabrikam,
  fabrikamAudit,
  fabrikamAuditCsv,
  fabrikamAuditMore,
  fabrikamCreatedUser,
  fabrikamReset,
  fabrikamRevoked,
  fabrikamUsers,
  helpdeskMe,
  lucerne,
  lucerneRequested,
  newestFirst,
  searchCoho,
  searchNone,
  searchTail,
  serviceRequestCreated,
  tailspinForHelpdesk,
  tailspinUsers,
} from './fixtures-customers.ts';
import { $, button, fill, inputLabelled, text } from './helpers.ts';

const apiBase = 'http://127.0.0.1:9'; // never reached: fetch is stubbed
const customerPath = (id: string, rest = '') => `/api/customers/${id}${rest}`;
const emptyPage = { items: [], nextCursor: null };

/** In a widget's shadow DOM, or inside one of its elements. */
const all = (scope: Element, selector: string) => [...(scope.shadowRoot ?? scope).querySelectorAll<HTMLElement>(selector)];
const textOf = (node: Element) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const rowNames = (el: Element) => all(el, '[part~="row"] [part~="open"]').map(textOf);
const listCalls = (stub: FetchStub) => stub.calls.filter((c) => c.method === 'GET' && c.path === '/api/customers');
const dialog = (el: Element) => el.shadowRoot!.querySelector('dialog')!;
const section = (el: Element, title: string) => {
  const found = all(el, '[part~="section"]').find((s) => textOf(s.querySelector('h3')!) === title);
  if (!found) throw new Error(`no section "${title}"`);
  return found;
};

/** A button by its text inside part of the shadow DOM, e.g. a section or the dialog. */
function buttonIn(scope: ParentNode, name: string): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find((b) => textOf(b) === name);
  if (!found) throw new Error(`no button "${name}" there`);
  return found;
}

function select(el: Element, label: string, value: string) {
  const control = [...el.shadowRoot!.querySelectorAll('label')].find((l) => l.textContent?.trim() === label)!.control as HTMLSelectElement;
  control.value = value;
  control.dispatchEvent(new Event('change'));
}

describe('<partner-customer-list>', () => {
  let stub: FetchStub;
  let me: MeView = adminMe;
  beforeEach(() => {
    me = adminMe;
    stub = stubFetch({
      'GET /api/me': () => ({ status: 200, body: me }),
      'GET /api/roles': { status: 200, body: roles },
      'GET /api/customers': (call: RecordedCall): Answer => {
        const q = call.query;
        if (q.get('q')) return { status: 200, body: q.get('q') === 'tail' ? searchTail : q.get('q') === 'coho' ? searchCoho : searchNone };
        if (q.get('delegation') === 'active' && q.get('subscription') === 'trial') return { status: 200, body: activeOnTrial };
        if (q.get('delegation') || q.get('subscription')) return { status: 200, body: searchNone };
        if (q.get('sort') === 'newest') return { status: 200, body: newestFirst };
        if (q.get('cursor') === customersPage1.nextCursor) return { status: 200, body: customersPage2 };
        return { status: 200, body: q.get('limit') === '3' ? customersPage1 : customers };
      },
      [`GET ${customerPath(fabrikam.id)}`]: { status: 200, body: fabrikam },
      [`GET ${customerPath(fabrikam.id, '/users')}`]: { status: 200, body: fabrikamUsers },
      [`GET ${customerPath(fabrikam.id, '/service-requests')}`]: { status: 200, body: emptyPage },
      [`GET ${customerPath(fabrikam.id, '/audit')}`]: (call) => ({ status: 200, body: call.query.get('cursor') ? fabrikamAuditMore : fabrikamAudit }),
      [`GET ${customerPath(lucerne.id)}`]: { status: 200, body: lucerne },
      [`GET ${customerPath(lucerne.id, '/audit')}`]: { status: 200, body: emptyPage },
      [`GET ${customerPath(tailspinForHelpdesk.id)}`]: { status: 200, body: tailspinForHelpdesk },
      [`GET ${customerPath(tailspinForHelpdesk.id, '/users')}`]: { status: 200, body: tailspinUsers },
      [`GET ${customerPath(tailspinForHelpdesk.id, '/service-requests')}`]: { status: 200, body: emptyPage },
      [`GET ${customerPath(tailspinForHelpdesk.id, '/audit')}`]: { status: 200, body: emptyPage },
    });
  });
  afterEach(() => stub.restore());

  async function list(pageSize = 25): Promise<PartnerCustomerList> {
    const el = await fixture<PartnerCustomerList>(html`<partner-customer-list api-base=${apiBase} token="pks_partner" page-size=${pageSize}></partner-customer-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="row"]'), 'no customers were listed');
    return el;
  }

  /** Opens a customer by its name and waits for its detail. */
  async function open(el: PartnerCustomerList, name: string) {
    button(el, name).click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="section"]'), `${name} did not open`);
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
    expect(el.shadowRoot!.activeElement?.id).to.equal('detail-title');
    expect($(el, '[part~="list"]').hidden).to.equal(true);

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

    $(el, '[part~="back"]').click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Fabrikam Bakery'));
    expect($(el, '[part~="list"]').hidden).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part~="detail"]')).to.equal(null);
    expect(rowNames(el)).to.have.length(7);
    expect(listCalls(stub).length).to.equal(calls); // the list was kept, not loaded again
  });

  it('resets a password after a confirmation, shows it once and fires partner-password-reset', async () => {
    stub.on(`POST ${customerPath(fabrikam.id, `/users/${fabrikamReset.user.id}/reset-password`)}`, { status: 200, body: fabrikamReset });
    const el = await list();
    await open(el, 'Fabrikam Bakery');
    await waitUntil(() => el.shadowRoot!.textContent!.includes('user@fabrikam.example'), 'no users');
    button(el, 'Reset password of Fabrikam Bakery User').click();
    await waitUntil(() => dialog(el).open, 'no confirmation');
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
    const el = await list();
    await open(el, 'Fabrikam Bakery');
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
    const el = await list();
    stub.on(`GET ${customerPath(fabrikam.id, '/users')}`, customerErrors.noDelegation);
    await open(el, 'Fabrikam Bakery');
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
    me = helpdeskMe;
    const stale = { ...tailspinForHelpdesk, permissions: [...tailspinForHelpdesk.permissions, 'users:manage-admins'] };
    stub.on(`GET ${customerPath(stale.id)}`, { status: 200, body: stale });
    const admin = tailspinUsers.items.find((u) => u.companyRoles.length > 0)!;
    stub.on(`POST ${customerPath(stale.id, `/users/${admin.id}/reset-password`)}`, customerErrors.forbiddenManageAdmins);
    const el = await list();
    await open(el, 'Tailspin Toys');
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
    me = helpdeskMe;
    const el = await list();
    await open(el, 'Tailspin Toys');
    await waitUntil(() => el.shadowRoot!.textContent!.includes('user@tailspin.example'), 'no users');
    expect(el.shadowRoot!.querySelector('[part~="add"]')).to.equal(null);
    expect(all(section(el, 'Users'), '[part~="reset"]').map(textOf)).to.deep.equal(['Reset password of Tailspin Toys User']);
    expect(button(el, 'New service request')).to.exist;
    expect(textOf(section(el, 'Delegated administration'))).to.contain('Tailspin Toys granted your company limited administration, with no end date.');
    await expect(el).to.be.accessible();
  });

  it('requests delegated admin: the link to send, with copy, and partner-delegation-requested', async () => {
    stub.on(`POST ${customerPath(lucerne.id, '/delegation-requests')}`, { status: 201, body: delegationRequested });
    const el = await list();
    await open(el, 'Lucerne Publishing');
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
    // Back in the list, the row shows the request too.
    $(el, '[part~="back"]').click();
    await el.updateComplete;
    const row = all(el, '[part~="row"]').find((r) => r.textContent!.includes('Lucerne Publishing'))!;
    expect(textOf(row.querySelector('dd')!)).to.equal(`Requested Full · answer by ${formatDate(delegationRequested.requestExpiresAt)}`);
  });

  it('opens a service request: 422 messages beside the fields, then partner-service-request-created', async () => {
    const el = await list();
    await open(el, 'Fabrikam Bakery');
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
    const el = await list();
    await open(el, 'Fabrikam Bakery');
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
    stub.on('GET /api/customers', { status: 200, body: customers });
    button(el, 'Try again').click();
    await waitUntil(() => rowNames(el).length === 7, 'no retry');
  });
});

import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/index.ts';
import type { PartnerOverview } from '../../components/index.ts';
import { formatDate, formatRelative } from '../../components/dates.ts';
import type { PartnerActionDetail } from '../../components/events.ts';
import { stubFetch, type FetchStub } from './fetch-stub.ts';
import { adminMe } from './fixtures.ts';
import {
  company,
  delegationEnding,
  delegationEndingAsked,
  fabrikam,
  overviewAllKinds,
  overviewBilling,
  overviewEmpty,
  overviewFull,
  overviewNothing,
  overviewPage2,
  renewalConflict,
  renewalRequested,
  requestLapsing,
  requestUnanswered,
  serviceRequest,
  trialEnded,
  trialEnding,
} from './fixtures-overview.ts';
import { $, button, buttonIn, text, backToEnglish } from './helpers.ts';
import { audit } from './axe.ts';

const apiBase = 'http://127.0.0.1:9'; // never reached: fetch is stubbed

const all = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const textOf = (node: Element) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function overview(): Promise<PartnerOverview> {
  const el = await fixture<PartnerOverview>(html`<partner-overview api-base=${apiBase} token="pks_x"></partner-overview>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="company-link"], [role="alert"]'), 'the overview never loaded');
  return el;
}

/** The tiles as [label, value, note?]. */
const tiles = (el: Element) =>
  all(el, '[part~="tile"]').map((tile) => [...tile.querySelectorAll('dt, dd')].map(textOf));

/** An attention item by its customer's name and badge. */
function item(el: Element, customer: string, badge: string): HTMLElement {
  const found = all(el, '[part~="item"]').find((li) => textOf(li.querySelector('h4')!) === customer && textOf(li.querySelector('[part~="badge"]')!) === badge);
  if (!found) throw new Error(`no item for ${customer} (${badge})`);
  return found;
}

/** The accessible name an aria-labelledby gives, resolved in the shadow root. */
const labelledBy = (el: Element, node: Element) =>
  node
    .getAttribute('aria-labelledby')!
    .split(' ')
    .map((id) => textOf(el.shadowRoot!.getElementById(id)!))
    .join(' ');

describe('<partner-overview>', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch({ 'GET /api/me': { status: 200, body: adminMe }, 'GET /api/overview': { status: 200, body: overviewFull } });
  });
  afterEach(() => stub.restore());

  it('shows a busy loading line until the overview comes', async () => {
    let open!: () => void;
    stub.on('GET /api/overview', { status: 200, body: overviewFull, gate: new Promise<void>((resolve) => (open = resolve)) });
    const el = await fixture<PartnerOverview>(html`<partner-overview api-base=${apiBase} token="pks_x"></partner-overview>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="status"]'), 'no loading line');
    expect(text(el, '[role="status"]')).to.equal('Loading the overview…');
    expect($(el, '[aria-busy="true"]').contains($(el, '[role="status"]'))).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part~="company-link"]')).to.equal(null);
    await audit(el, 'loading');
    open();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="company-link"]'), 'the overview never loaded');
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.equal(null);
  });

  it('shows a failed load in an alert, and "Try again" asks again', async () => {
    stub.on('GET /api/overview', { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side.' } } });
    const el = await overview();
    expect(text(el, '[role="alert"]')).to.contain('Something went wrong');
    expect(text(el, 'h2')).to.equal('Overview');
    await expect(el).to.be.accessible();

    stub.on('GET /api/overview', { status: 200, body: overviewFull });
    const asked = stub.calls.filter((c) => c.path === '/api/overview').length;
    button(el, 'Try again').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="company-link"]'), 'the retry did not load the overview');
    expect(stub.calls.filter((c) => c.path === '/api/overview')).to.have.length(asked + 1);
    expect(el.shadowRoot!.querySelector('[role="alert"]:not(:empty)')).to.equal(null);
  });

  it('shows a network failure in an alert with "Try again"', async () => {
    stub.on('GET /api/overview', () => {
      throw new TypeError('Failed to fetch');
    });
    const el = await overview();
    expect(text(el, '[role="alert"]')).not.to.equal('');
    expect(button(el, 'Try again')).to.exist;
  });

  it('shows the company, the four actions, the figures and both charts, and is accessible', async () => {
    const el = await overview();
    expect(stub.calls.find((c) => c.path === '/api/overview')!.authorization).to.equal('Bearer pks_x');
    expect(text(el, '[part~="company-link"]')).to.equal(company.name);
    expect(all(el, 'nav[part~="actions"] button').map(textOf)).to.deep.equal([
      'Send a trial invitation',
      'Create a purchase offer',
      'Find and assist customers',
      'Offer delegated administration',
    ]);
    expect($(el, 'nav[part~="actions"]').getAttribute('aria-label')).to.equal('What you can do');

    expect(tiles(el)).to.deep.equal([
      ['Customers', '14'],
      ['Active trials', '3'],
      ['Paying subscriptions', '9', '1,250 licenses under management'],
      ['Monthly recurring', '$12,345.67'],
      ['Delegations in force', '7', '5 full · 2 limited'],
      ['Trials converted', '38%', `3 of 8 trials since ${formatDate('2026-09-07')}`],
    ]);

    // Each chart is one image with a name and a summary, and a table of the same numbers.
    const [signups, redemptions] = all(el, '[part~="chart"]');
    const bars = signups!.querySelector('[role="img"]')!;
    expect(labelledBy(el, bars)).to.equal('Sign-ups per week');
    expect(textOf(el.shadowRoot!.getElementById(bars.getAttribute('aria-describedby')!)!)).to.match(/^14 in 12 weeks; most in the week of .+ \(5\)\.$/);
    expect(bars.querySelectorAll('rect')).to.have.length(12);
    const signupRows = [...signups!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(textOf));
    expect(signupRows).to.have.length(12);
    expect(signupRows[10]).to.deep.equal([formatDate(overviewFull.series!.signupsPerWeek[10]!.week), '5']);

    const hbars = redemptions!.querySelector('[role="img"]')!;
    expect(labelledBy(el, hbars)).to.equal('Redemptions per offer (90 days)');
    expect(textOf(el.shadowRoot!.getElementById(hbars.getAttribute('aria-describedby')!)!)).to.equal('2 offers; Mail trial for bakeries leads with 6.');
    expect([...redemptions!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(textOf))).to.deep.equal([
      ['Mail trial for bakeries', '6'],
      ['Purchase offer', '2'],
    ]);
    expect(el.shadowRoot!.querySelector('[part~="first-steps"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a billing admin only the money: no actions, no attention, no charts', async () => {
    stub.on('GET /api/overview', { status: 200, body: overviewBilling });
    const el = await overview();
    expect(tiles(el)).to.deep.equal([['Monthly recurring', '$12,345.67 + €500.00']]);
    expect(el.shadowRoot!.querySelector('nav[part~="actions"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="attention"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="charts"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="first-steps"]')).to.equal(null);
    expect(text(el, '[part~="company-link"]')).to.equal(company.name);
  });

  it('explains why there are no figures without partner access or a billing role', async () => {
    stub.on('GET /api/overview', { status: 200, body: overviewNothing });
    const el = await overview();
    expect(el.shadowRoot!.querySelector('[part~="tiles"]')).to.equal(null);
    expect(text(el, '[part~="figures"] [part~="intro"]')).to.equal(
      'Figures about customers need administrative access to the companies you support; ask a global admin of your company for it.',
    );
    expect(el.shadowRoot!.querySelector('nav[part~="actions"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="attention"]')).to.equal(null);
  });

  it('shows a new partner the first steps instead of attention and charts, and is accessible', async () => {
    stub.on('GET /api/overview', { status: 200, body: overviewEmpty });
    const el = await overview();
    expect(text(el, '#first-steps-title')).to.equal('First steps');
    expect(all(el, '[part~="first-steps"] li button').map(textOf)).to.deep.equal([
      'Check your company information',
      'Send a trial invitation',
      'Follow up with a purchase offer',
      'Offer delegated administration',
    ]);
    expect(el.shadowRoot!.querySelector('[part~="attention"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="charts"]')).to.equal(null);
    // The figures still show, at zero; no trials gives no rate.
    expect(tiles(el)).to.deep.include(['Trials converted', '—', 'No trials in 90 days']);
    expect(tiles(el)).to.deep.include(['Monthly recurring', '$0.00']);

    const action = oneEvent(el, 'partner-action');
    buttonIn($(el, '[part~="first-steps"]'), 'Check your company information').click();
    expect((await action).detail).to.deep.equal({ action: 'company' });
    await expect(el).to.be.accessible();
  });

  it('says how many webhook endpoints were disabled after failing, and links to them', async () => {
    const disabled = [
      { id: 'wh-1', url: 'https://a.example/hooks', disabledAt: '2026-12-05T08:00:00.000Z' },
      { id: 'wh-2', url: 'https://b.example/hooks', disabledAt: '2026-12-06T08:00:00.000Z' },
    ];
    stub.on('GET /api/overview', { status: 200, body: { ...overviewFull, webhooks: { disabled } } });
    let el = await overview();
    expect(text(el, '[part~="webhooks-notice"]')).to.equal('2 webhook endpoints disabled after failing. Review webhooks');
    expect($(el, '[part~="webhooks-notice"]').getAttribute('role')).to.equal('status');
    const action = oneEvent(el, 'partner-action');
    $<HTMLAnchorElement>(el, '[part~="webhooks-link"]').click();
    const event = await action;
    expect(event.detail).to.deep.equal({ action: 'webhooks' });
    expect(event.composed).to.equal(true);
    await expect(el).to.be.accessible();

    stub.on('GET /api/overview', { status: 200, body: { ...overviewFull, webhooks: { disabled: disabled.slice(1) } } });
    el = await overview();
    expect(text(el, '[part~="webhooks-notice"]')).to.equal('1 webhook endpoint disabled after failing. Review webhooks');

    // None disabled, or a user without webhooks:manage (no `webhooks`): no notice.
    for (const webhooks of [{ disabled: [] }, undefined]) {
      stub.on('GET /api/overview', { status: 200, body: { ...overviewFull, webhooks } });
      el = await overview();
      expect(el.shadowRoot!.querySelector('[part~="webhooks-notice"]')).to.equal(null);
    }
  });

  it('says so when nothing needs attention', async () => {
    stub.on('GET /api/overview', { status: 200, body: { ...overviewFull, attention: { items: [], nextCursor: null } } });
    const el = await overview();
    expect(text(el, '[part~="attention"] [part~="intro"]')).to.contain('Nothing needs attention');
    expect(el.shadowRoot!.querySelector('[part~="first-steps"]')).to.equal(null);
    await audit(el, 'empty attention');
  });

  it('lists every kind of attention item with its text, badge and actions', async () => {
    stub.on('GET /api/overview', { status: 200, body: overviewAllKinds });
    const el = await overview();
    expect(text(el, '#attention-title')).to.equal('Needs attention');
    expect(all(el, '[part~="item"]')).to.have.length(7);
    const itemText = (li: HTMLElement) => textOf(li.querySelector('[part~="item-text"]')!);
    const itemButtons = (li: HTMLElement) => [...li.querySelectorAll('button')].map(textOf);
    const rel = (iso: string) => formatRelative(iso);

    const ending = item(el, 'Fabrikam Bakery', 'Trial ends');
    expect(itemText(ending)).to.equal(`Office Suite Pro trial ends ${rel(trialEnding.deadline)} · 12 licenses`);
    expect(ending.querySelector('[part~="badge"]')!.getAttribute('part')).to.equal('badge trial');
    expect(ending.getAttribute('part')).to.equal('item urgent');
    expect(itemButtons(ending)).to.deep.equal(['Follow up with a purchase offer', 'Open customer']);
    expect(ending.querySelector('time')!.getAttribute('datetime')).to.equal(trialEnding.deadline);

    const ended = item(el, 'Coho Winery', 'Trial ended');
    expect(itemText(ended)).to.equal(
      `Business Mail trial ended ${rel(trialEnded.deadline)} without a purchase · 4 licenses · follow-up offer sent ${formatDate('2026-11-30T10:00:00.000Z')}`,
    );
    expect(ended.querySelector('[part~="badge"]')!.getAttribute('part')).to.equal('badge expired');
    expect(ended.getAttribute('part')).to.equal('item'); // passed: not urgent
    expect(itemButtons(ended)).to.deep.equal(['Follow up with a purchase offer', 'Open customer']);

    const delegation = item(el, 'Lucerne Publishing', 'Delegation ends');
    expect(itemText(delegation)).to.equal(`Limited delegated administration ends ${rel(delegationEnding.deadline)}`);
    expect(delegation.getAttribute('part')).to.equal('item');
    expect(itemButtons(delegation)).to.deep.equal(['Ask to renew', 'Open customer']);

    const asked = item(el, 'Tailspin Toys', 'Delegation ends');
    expect(itemText(asked)).to.equal(
      `Full delegated administration ends ${rel(delegationEndingAsked.deadline)} · renewal asked for ${formatDate('2026-12-01T09:00:00.000Z')}`,
    );
    expect(itemButtons(asked)).to.deep.equal(['Ask again', 'Open customer']);

    const lapsing = item(el, 'Tailspin Toys', 'Request lapsing');
    expect(itemText(lapsing)).to.equal(`Full delegated administration asked for ${rel(requestLapsing.requestedAt)}; it lapses ${rel(requestLapsing.lapsesAt)}`);
    expect(lapsing.querySelector('[part~="badge"]')!.getAttribute('part')).to.equal('badge pending');
    expect(lapsing.getAttribute('part')).to.equal('item urgent');
    expect(itemButtons(lapsing)).to.deep.equal(['Open customer']);

    const unanswered = item(el, 'Coho Winery', 'Request unanswered');
    expect(itemText(unanswered)).to.equal(
      `Limited delegated administration asked for ${rel(requestUnanswered.requestedAt)}; it lapses ${rel(requestUnanswered.lapsesAt)}`,
    );

    const service = item(el, 'Fabrikam Bakery', 'Service request');
    expect(itemText(service)).to.equal(`“Mail not arriving” open since ${rel(serviceRequest.openedAt)}`);
    expect(service.querySelector('[part~="badge"]')!.getAttribute('part')).to.equal('badge high');
    expect(itemButtons(service)).to.deep.equal(['Open customer']);

    // Every item's button is described by its item's text.
    const described = all(el, '[part~="item"] button');
    expect(described.map(textOf)).to.include('Ask to renew');
    for (const b of described) expect(el.shadowRoot!.getElementById(b.getAttribute('aria-describedby') ?? '')?.getAttribute('part'), textOf(b)).to.equal('item-text');
    await expect(el).to.be.accessible();
  });

  it('"Follow up with a purchase offer" asks the host for a follow-up offer', async () => {
    const el = await overview();
    const action = oneEvent(el, 'partner-action');
    buttonIn(item(el, 'Fabrikam Bakery', 'Trial ends'), 'Follow up with a purchase offer').click();
    const event = await action;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail as PartnerActionDetail).to.deep.equal({
      action: 'follow-up',
      customerId: fabrikam.id,
      followUp: { customer: fabrikam, serviceId: trialEnding.service.id, licenses: 12 },
    });
  });

  it('"Open customer" and the header actions ask the host to go there', async () => {
    const el = await overview();
    let action = oneEvent(el, 'partner-action');
    buttonIn(item(el, 'Lucerne Publishing', 'Delegation ends'), 'Open customer').click();
    let event = await action;
    expect(event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({ action: 'customer', customerId: delegationEnding.customer.id });

    const expected: [string, PartnerActionDetail['action']][] = [
      ['Send a trial invitation', 'trial-invitation'],
      ['Create a purchase offer', 'purchase-offer'],
      ['Find and assist customers', 'customers'],
      ['Offer delegated administration', 'delegation'],
    ];
    for (const [label, name] of expected) {
      action = oneEvent(el, 'partner-action');
      buttonIn($(el, 'nav[part~="actions"]'), label).click();
      expect((await action).detail).to.deep.equal({ action: name });
    }

    action = oneEvent(el, 'partner-action');
    const link = $<HTMLAnchorElement>(el, '[part~="company-link"]');
    link.click();
    event = await action;
    expect(event.detail).to.deep.equal({ action: 'company' });
    expect(location.hash).not.to.equal('#company'); // the host goes there, not the link
  });

  it('"Ask to renew" requests the delegation again at its level and shows the consent link', async () => {
    const path = `/api/customers/${delegationEnding.customer.id}/delegation-requests`;
    let open!: () => void;
    stub.on(`POST ${path}`, { status: 201, body: renewalRequested, gate: new Promise<void>((resolve) => (open = resolve)) });
    const el = await overview();
    const row = item(el, 'Lucerne Publishing', 'Delegation ends');
    const requested = oneEvent(el, 'partner-delegation-requested');
    buttonIn(row, 'Ask to renew').click();
    await el.updateComplete;
    const busy = row.querySelector<HTMLButtonElement>('[part~="primary"]')!;
    expect(textOf(busy)).to.equal('Asking…');
    expect(busy.getAttribute('aria-disabled')).to.equal('true');
    busy.click(); // ignored while it runs
    open();
    const event = await requested;
    expect(event.detail).to.deep.equal(renewalRequested);
    expect(event.composed).to.equal(true);
    const posts = stub.calls.filter((c) => c.method === 'POST');
    expect(posts).to.have.length(1);
    expect(posts[0]!.path).to.equal(path);
    expect(posts[0]!.body).to.deep.equal({ level: 'limited' });

    await waitUntil(() => el.shadowRoot!.querySelector(`#renewal-${delegationEnding.id}`), 'the consent link did not show');
    const field = $<HTMLInputElement>(el, `#renewal-${delegationEnding.id}`);
    expect(field.value).to.equal(renewalRequested.url);
    expect(field.readOnly).to.equal(true);
    expect(field.labels![0]!.textContent!.trim()).to.equal("Consent link for Lucerne Publishing's global admin");
    const again = item(el, 'Lucerne Publishing', 'Delegation ends');
    expect(textOf(again.querySelector('[part~="item-text"]')!)).to.contain(`renewal asked for ${formatDate(renewalRequested.createdAt)}`);
    expect(buttonIn(again, 'Ask again')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows why a renewal failed (409) beside the item', async () => {
    stub.on(`POST /api/customers/${delegationEnding.customer.id}/delegation-requests`, { status: 409, body: renewalConflict });
    const el = await overview();
    buttonIn(item(el, 'Lucerne Publishing', 'Delegation ends'), 'Ask to renew').click();
    await waitUntil(() => item(el, 'Lucerne Publishing', 'Delegation ends').querySelector('[role="alert"].shown'), 'no error shown');
    const row = item(el, 'Lucerne Publishing', 'Delegation ends');
    expect(textOf(row.querySelector('[role="alert"]')!)).to.equal(renewalConflict.error.message);
    expect(row.querySelector('input')).to.equal(null);
    expect(buttonIn(row, 'Ask to renew').getAttribute('aria-disabled')).to.equal(null); // it can be asked again
  });

  it('"Load more" appends the next page of the attention list', async () => {
    stub.on('GET /api/overview', (call) => ({ status: 200, body: call.query.get('cursor') === overviewFull.attention!.nextCursor ? overviewPage2 : overviewFull }));
    const el = await overview();
    expect(all(el, '[part~="item"]')).to.have.length(3);
    button(el, 'Load more').click();
    await waitUntil(() => all(el, '[part~="item"]').length === 7, 'the next page did not come');
    const asked = stub.calls.filter((c) => c.path === '/api/overview');
    expect(asked.map((c) => c.query.get('cursor'))).to.deep.equal([null, 'cursor-page-2']);
    expect(all(el, '[part~="item"] h4').map(textOf)).to.deep.equal([
      'Fabrikam Bakery',
      'Lucerne Publishing',
      'Tailspin Toys',
      'Coho Winery',
      'Coho Winery',
      'Fabrikam Bakery',
      'Tailspin Toys',
    ]);
    // The last page: no more "Load more"; the figures stay those of the first page.
    expect([...el.shadowRoot!.querySelectorAll('button')].some((b) => textOf(b) === 'Load more')).to.equal(false);
    expect(tiles(el)[0]).to.deep.equal(['Customers', '14']);
  });

  it('refresh() loads everything again and forgets renewals', async () => {
    stub.on(`POST /api/customers/${delegationEnding.customer.id}/delegation-requests`, { status: 201, body: renewalRequested });
    const el = await overview();
    buttonIn(item(el, 'Lucerne Publishing', 'Delegation ends'), 'Ask to renew').click();
    await waitUntil(() => el.shadowRoot!.querySelector(`#renewal-${delegationEnding.id}`), 'the consent link did not show');
    stub.on('GET /api/overview', { status: 200, body: { ...overviewFull, figures: { ...overviewFull.figures, customers: 15 } } });
    el.refresh();
    await waitUntil(() => tiles(el)[0]?.[1] === '15', 'the overview was not loaded again');
    expect(el.shadowRoot!.querySelector(`#renewal-${delegationEnding.id}`)).to.equal(null);
  });

  it('asks a signed-out reader to sign in, without a request', async () => {
    const el = await fixture<PartnerOverview>(html`<partner-overview api-base=${apiBase}></partner-overview>`);
    expect(text(el, '[part~="intro"]')).to.equal('Sign in as a partner user to see the overview.');
    expect(stub.calls.filter((c) => c.path === '/api/overview')).to.have.length(0);
  });

  describe('in German and Japanese', () => {
    beforeEach(() => stub.on('GET /api/overview', { status: 200, body: overviewAllKinds }));
    afterEach(async () => {
      await backToEnglish();
    });

    async function localized(locale: string, intro: string): Promise<PartnerOverview> {
      const el = await fixture<PartnerOverview>(html`<partner-overview api-base=${apiBase} token="pks_x" locale=${locale}></partner-overview>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="company-link"]') && text(el, '[part~="company"] [part~="intro"]') === intro, 'the overview never came in its language');
      return el;
    }
    const itemText = (li: HTMLElement) => textOf(li.querySelector('[part~="item-text"]')!);

    it('shows the figures and the attention items in German, with relative times as whole sentences', async () => {
      const el = await localized('de', 'Partnerübersicht');
      expect(all(el, 'nav[part~="actions"] button').map(textOf)).to.deep.equal([
        'Testeinladung senden',
        'Kaufangebot erstellen',
        'Kunden finden und unterstützen',
        'Delegierte Administration anbieten',
      ]);
      expect(tiles(el)).to.deep.equal([
        ['Kunden', '14'],
        ['Aktive Testphasen', '3'],
        ['Bezahlte Abonnements', '9', '1.250 verwaltete Lizenzen'],
        ['Wiederkehrender Monatsumsatz', '12.345,67 $'],
        ['Aktive Delegierungen', '7', '5 vollständig · 2 eingeschränkt'],
        ['Umgewandelte Testphasen', '38 %', `3 von 8 Testphasen seit dem ${formatDate('2026-09-07')}`],
      ]);
      expect(text(el, '#attention-title')).to.equal('Handlungsbedarf');

      const ending = item(el, 'Fabrikam Bakery', 'Testphase endet');
      expect(formatRelative(trialEnding.deadline)).to.equal('in 3 Tagen');
      expect(itemText(ending)).to.equal('Die Testphase von Office Suite Pro endet in 3 Tagen · 12 Lizenzen');
      const time = ending.querySelector('time')!;
      expect([time.textContent, time.getAttribute('datetime'), time.title]).to.deep.equal(['in 3 Tagen', trialEnding.deadline, formatDate(trialEnding.deadline)]);
      expect([...ending.querySelectorAll('button')].map(textOf)).to.deep.equal(['Mit einem Kaufangebot nachfassen', 'Kunden öffnen']);

      const ended = item(el, 'Coho Winery', 'Testphase beendet');
      expect(itemText(ended)).to.equal(`Die Testphase von Business Mail endete vor 5 Tagen ohne Kauf · 4 Lizenzen · Folgeangebot gesendet am ${formatDate('2026-11-30T10:00:00.000Z')}`);
      const lapsing = item(el, 'Tailspin Toys', 'Anfrage verfällt');
      expect(itemText(lapsing)).to.equal('Vollständige delegierte Administration vor 28 Tagen angefragt; die Anfrage verfällt übermorgen');
      expect([...lapsing.querySelectorAll('time')].map((t) => t.getAttribute('datetime'))).to.deep.equal([requestLapsing.requestedAt, requestLapsing.lapsesAt]);
      expect(itemText(item(el, 'Fabrikam Bakery', 'Serviceanfrage'))).to.equal('„Mail not arriving“ ist noch offen (eröffnet vor 5 Tagen)');
      expect(buttonIn(item(el, 'Lucerne Publishing', 'Delegierung endet'), 'Verlängerung anfragen')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('shows the charts in Japanese: titles, summaries and the tables\' headers', async () => {
      const el = await localized('ja', 'パートナー概要');
      const [signups, redemptions] = all(el, '[part~="chart"]');
      const bars = signups!.querySelector('[role="img"]')!;
      expect(labelledBy(el, bars)).to.equal('週ごとの登録数');
      expect(textOf(el.shadowRoot!.getElementById(bars.getAttribute('aria-describedby')!)!)).to.match(/^12週間で14件。最も多かったのは.+の週です（5件）。$/);
      expect([...signups!.querySelectorAll('thead th')].map(textOf)).to.deep.equal(['週の開始日', '登録数']);
      expect(textOf(signups!.querySelector('summary')!)).to.equal('数値を表示');
      const hbars = redemptions!.querySelector('[role="img"]')!;
      expect(labelledBy(el, hbars)).to.equal('オファーごとの利用数（90日間）');
      expect(textOf(el.shadowRoot!.getElementById(hbars.getAttribute('aria-describedby')!)!)).to.equal('オファーは2件です。Mail trial for bakeries が6件で最多です。');
      expect([...redemptions!.querySelectorAll('tbody th')].map(textOf)).to.deep.equal(['Mail trial for bakeries', '購入オファー']);
      expect(text(el, '#figures-title')).to.equal('主要指標');
      expect(itemText(item(el, 'Fabrikam Bakery', 'トライアル終了間近'))).to.equal('Office Suite Pro のトライアルが終了します（3 日後） · 12ライセンス');
      expect($(el, '[part~="charts"]').getAttribute('aria-label')).to.equal('グラフ');
      await expect(el).to.be.accessible();
    });

    it('renders again when the locale attribute changes, and shows a new partner the first steps in German', async () => {
      stub.on('GET /api/overview', { status: 200, body: { ...overviewEmpty, webhooks: { disabled: [{ id: 'wh-1', url: 'https://a.example/hooks', disabledAt: '2026-12-05T08:00:00.000Z' }] } } });
      const el = await localized('ja', 'パートナー概要');
      expect(text(el, '#first-steps-title')).to.equal('はじめに');
      el.setAttribute('locale', 'de');
      await waitUntil(() => text(el, '#first-steps-title') === 'Erste Schritte', 'German after locale="de"');
      expect(all(el, '[part~="first-steps"] li button').map(textOf)).to.deep.equal([
        'Unternehmensdaten prüfen',
        'Testeinladung senden',
        'Mit einem Kaufangebot nachfassen',
        'Delegierte Administration anbieten',
      ]);
      expect(text(el, '[part~="webhooks-notice"]')).to.equal('1 Webhook-Endpunkt wurde nach Fehlern deaktiviert. Webhooks prüfen');
      expect(tiles(el)).to.deep.include(['Umgewandelte Testphasen', '—', 'Keine Testphasen in 90 Tagen']);
      await expect(el).to.be.accessible();
      el.setAttribute('locale', 'en');
      await waitUntil(() => text(el, '#first-steps-title') === 'First steps', 'English again');
    });
  });
});

import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/index.ts';
import type { PartnerPortal } from '../../components/index.ts';
import { stubFetch, type FetchStub } from './fetch-stub.ts';
import { adminMe } from './fixtures.ts';
import { catalog, delegationLevels, offerList, purchaseOffer } from './fixtures-offers.ts';
import { roles } from './fixtures-company.ts';
import { fabrikam, overviewFull, trialEnding } from './fixtures-overview.ts';
import { buttonIn, inputLabelled } from './helpers.ts';
import { endpointList, failing, webhooksMe } from './fixtures-webhooks.ts';
import { audit } from './axe.ts';

const apiBase = 'http://127.0.0.1:9'; // never reached: fetch is stubbed

describe('<partner-portal>', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch({
      'GET /api/me': { status: 200, body: adminMe },
      'GET /api/overview': { status: 200, body: overviewFull },
      'GET /api/customers': { status: 200, body: { items: [], nextCursor: null } },
      'GET /api/roles': { status: 200, body: { ...roles, delegationLevels } },
      'GET /api/catalog': { status: 200, body: catalog },
      'GET /api/offers': { status: 200, body: offerList },
    });
  });
  afterEach(() => stub.restore());

  const tab = (el: PartnerPortal, name: string) =>
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((t) => t.textContent?.trim() === name)!;
  const panels = (el: PartnerPortal) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tabpanel"]')];

  it('shows the sign-in form without a session', async () => {
    const el = await fixture<PartnerPortal>(html`<partner-portal api-base=${apiBase}></partner-portal>`);
    expect(el.shadowRoot!.querySelector('partner-sign-in')).to.exist;
    expect(el.shadowRoot!.querySelector('[role="tablist"]')).to.equal(null);
    await audit(el, 'signed out');
  });

  it('opens on the overview tab and creates other widgets only when their tab is first opened', async () => {
    const el = await fixture<PartnerPortal>(html`
      <partner-session api-base=${apiBase} .token=${'pks_test'}><partner-portal></partner-portal></partner-session>
    `).then((s) => s.querySelector('partner-portal')!);
    await el.updateComplete;
    expect(el.tab).to.equal('overview');
    expect([...el.shadowRoot!.querySelectorAll('[role="tab"]')].map((t) => t.textContent?.trim())).to.deep.equal(['Overview', 'Customers', 'Offers', 'Users', 'Company']);
    expect(tab(el, 'Overview').getAttribute('aria-selected')).to.equal('true');
    expect(panels(el).map((p) => p.id)).to.deep.equal(['panel-overview']);
    const overview = el.shadowRoot!.querySelector('partner-overview')!;
    // The widgets inside share the session's client.
    expect(overview.client).to.equal(el.closest('partner-session')!.client);
    await waitUntil(() => overview.shadowRoot!.querySelector('[part~="company-link"]'), 'the overview never loaded');
    expect(stub.calls.filter((c) => c.path === '/api/overview')).to.have.length(1);

    let changed = oneEvent(el, 'partner-tab-changed');
    tab(el, 'Customers').click();
    expect((await changed).detail).to.deep.equal({ tab: 'customers' });
    await el.updateComplete;
    const customers = el.shadowRoot!.querySelector('partner-customer-list')!;

    changed = oneEvent(el, 'partner-tab-changed');
    tab(el, 'Offers').click();
    expect((await changed).detail).to.deep.equal({ tab: 'offers' });
    await el.updateComplete;
    expect(el.getAttribute('tab')).to.equal('offers');
    expect(panels(el).map((p) => [p.id, p.hidden])).to.deep.equal([
      ['panel-overview', true],
      ['panel-customers', true],
      ['panel-offers', false],
    ]);
    // Back to customers: the same element, so it keeps its place.
    tab(el, 'Customers').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('partner-customer-list')).to.equal(customers);
    // Back to the overview: the same element, loaded again to show what was done elsewhere.
    tab(el, 'Overview').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('partner-overview')).to.equal(overview);
    await waitUntil(() => stub.calls.filter((c) => c.path === '/api/overview').length === 2, 'the overview was not loaded again');
    await waitUntil(() => overview.shadowRoot!.querySelector('[part~="company-link"]'), 'the overview did not come back');
    await expect(el).to.be.accessible();
  });

  it('a follow-up from the overview opens the offers tab with a purchase offer prefilled for that customer', async () => {
    stub.on('POST /api/offers', { status: 201, body: { ...purchaseOffer, customer: fabrikam } });
    const el = await fixture<PartnerPortal>(html`<partner-portal api-base=${apiBase} .token=${'pks_test'}></partner-portal>`);
    const overview = el.shadowRoot!.querySelector('partner-overview')!;
    await waitUntil(() => overview.shadowRoot?.querySelector('[part~="item"]'), 'the overview never loaded');
    const item = [...overview.shadowRoot!.querySelectorAll('[part~="item"]')].find((li) => li.querySelector('h4')!.textContent === fabrikam.name)!;
    const changed = oneEvent(el, 'partner-tab-changed');
    buttonIn(item, 'Follow up with a purchase offer').click();
    expect((await changed).detail).to.deep.equal({ tab: 'offers' });
    await waitUntil(() => el.shadowRoot!.querySelector('partner-offer-builder'), 'no offer builder');
    const builder = el.shadowRoot!.querySelector('partner-offer-builder')!;
    await waitUntil(() => builder.shadowRoot?.querySelector('[part~="stepper"]'), 'the purchase form was not prefilled');
    expect(el.tab).to.equal('offers');
    expect(panels(el).find((p) => p.id === 'panel-offers')!.hidden).to.equal(false);
    expect(inputLabelled(builder, 'Purchase offer').checked).to.equal(true);
    const service = trialEnding.service;
    expect(inputLabelled(builder, service.name).checked).to.equal(true);
    expect(inputLabelled(builder, `Licenses of ${service.name}`).value).to.equal('12');
    expect(builder.shadowRoot!.querySelector('[part~="addressed"]')!.textContent!.replace(/\s+/g, ' ')).to.contain(`Follow-up for ${fabrikam.name}`);

    buttonIn(builder.shadowRoot!, 'Create offer').click();
    await waitUntil(() => stub.calls.some((c) => c.method === 'POST'), 'no offer was created');
    expect(stub.calls.find((c) => c.method === 'POST')!.body).to.deep.equal({
      kind: 'purchase',
      items: [{ serviceId: service.id, licenses: 12 }],
      customerId: fabrikam.id,
    });
  });

  it('"Open customer" from the overview opens that customer in the customers tab', async () => {
    const el = await fixture<PartnerPortal>(html`<partner-portal api-base=${apiBase} .token=${'pks_test'}></partner-portal>`);
    const overview = el.shadowRoot!.querySelector('partner-overview')!;
    await waitUntil(() => overview.shadowRoot?.querySelector('[part~="item"]'), 'the overview never loaded');
    const item = [...overview.shadowRoot!.querySelectorAll('[part~="item"]')].find((li) => li.querySelector('h4')!.textContent === fabrikam.name)!;
    buttonIn(item, 'Open customer').click();
    await waitUntil(() => el.tab === 'customers', 'the customers tab did not open');
    const list = el.shadowRoot!.querySelector('partner-customer-list')!;
    await waitUntil(() => list.shadowRoot?.querySelector(`partner-customer-detail[customer-id="${fabrikam.id}"]`), 'the customer was not opened');
  });

  it('offers the Webhooks tab only to a user with webhooks:manage', async () => {
    const names = (el: PartnerPortal) => [...el.shadowRoot!.querySelectorAll('[role="tab"]')].map((t) => t.textContent?.trim());
    // adminMe (the fixture recorded before issue 14) lacks the permission: no tab, even when asked for.
    let el = await fixture<PartnerPortal>(html`<partner-portal api-base=${apiBase} .token=${'pks_test'} tab="webhooks"></partner-portal>`);
    await waitUntil(() => stub.calls.some((c) => c.path === '/api/me'), 'the portal did not ask who is signed in');
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Overview', 'Customers', 'Offers', 'Users', 'Company']);
    expect(el.shadowRoot!.querySelector('partner-webhooks')).to.equal(null);
    expect(tab(el, 'Overview').getAttribute('aria-selected')).to.equal('true');

    stub.on('GET /api/me', { status: 200, body: webhooksMe });
    stub.on('GET /api/webhook-endpoints', { status: 200, body: endpointList });
    el = await fixture<PartnerPortal>(html`<partner-portal api-base=${apiBase} .token=${'pks_test'}></partner-portal>`);
    await waitUntil(() => names(el).includes('Webhooks'), 'no Webhooks tab');
    expect(names(el)).to.deep.equal(['Overview', 'Customers', 'Offers', 'Users', 'Company', 'Webhooks']);
    const changed = oneEvent(el, 'partner-tab-changed');
    tab(el, 'Webhooks').click();
    expect((await changed).detail).to.deep.equal({ tab: 'webhooks' });
    await el.updateComplete;
    const webhooks = el.shadowRoot!.querySelector('partner-webhooks')!;
    await waitUntil(() => webhooks.shadowRoot?.querySelector('[part~="row"]'), 'the webhooks did not load');
    expect(panels(el).find((p) => p.id === 'panel-webhooks')!.hidden).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('the overview\'s notice of failing webhooks opens the Webhooks tab', async () => {
    stub.on('GET /api/me', { status: 200, body: webhooksMe });
    stub.on('GET /api/webhook-endpoints', { status: 200, body: endpointList });
    stub.on('GET /api/overview', { status: 200, body: { ...overviewFull, webhooks: { disabled: [{ id: failing.id, url: failing.url, disabledAt: failing.disabledAt! }] } } });
    const el = await fixture<PartnerPortal>(html`<partner-portal api-base=${apiBase} .token=${'pks_test'}></partner-portal>`);
    const overview = el.shadowRoot!.querySelector('partner-overview')!;
    await waitUntil(() => overview.shadowRoot?.querySelector('[part~="webhooks-link"]'), 'no webhooks notice');
    overview.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="webhooks-link"]')!.click();
    await waitUntil(() => el.tab === 'webhooks', 'the Webhooks tab did not open');
    await waitUntil(() => el.shadowRoot!.querySelector('partner-webhooks'), 'no webhooks widget');
    expect(panels(el).find((p) => p.id === 'panel-webhooks')!.hidden).to.equal(false);
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'panel-webhooks', 'the focus did not follow');
  });

  it('moves between tabs with the arrow keys, Home and End (roving focus)', async () => {
    const el = await fixture<PartnerPortal>(html`<partner-portal api-base=${apiBase} .token=${'pks_test'}></partner-portal>`);
    tab(el, 'Overview').focus();
    const key = async (k: string) => {
      el.shadowRoot!.querySelector('[role="tablist"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
      await el.updateComplete;
      await el.updateComplete;
    };
    await key('ArrowRight');
    expect(el.tab).to.equal('customers');
    expect(el.shadowRoot!.activeElement).to.equal(tab(el, 'Customers'));
    expect([...el.shadowRoot!.querySelectorAll('[role="tab"]')].map((t) => t.getAttribute('tabindex'))).to.deep.equal(['-1', '0', '-1', '-1', '-1']);
    await key('End');
    expect(el.tab).to.equal('company');
    await key('ArrowRight');
    expect(el.tab).to.equal('overview');
    await key('ArrowLeft');
    expect(el.tab).to.equal('company');
    await key('Home');
    expect(el.tab).to.equal('overview');
  });
});

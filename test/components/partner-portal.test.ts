import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../components/index.ts';
import type { PartnerPortal } from '../../components/index.ts';
import { stubFetch, type FetchStub } from './fetch-stub.ts';
import { adminMe } from './fixtures.ts';

const apiBase = 'http://127.0.0.1:9'; // never reached: fetch is stubbed

describe('<partner-portal>', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch({ 'GET /api/me': { status: 200, body: adminMe } });
  });
  afterEach(() => stub.restore());

  const tab = (el: PartnerPortal, name: string) =>
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((t) => t.textContent?.trim() === name)!;
  const panels = (el: PartnerPortal) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tabpanel"]')];

  it('shows the sign-in form without a session', async () => {
    const el = await fixture<PartnerPortal>(html`<partner-portal api-base=${apiBase}></partner-portal>`);
    expect(el.shadowRoot!.querySelector('partner-sign-in')).to.exist;
    expect(el.shadowRoot!.querySelector('[role="tablist"]')).to.equal(null);
  });

  it('opens on the customers tab and creates other widgets only when their tab is first opened', async () => {
    const el = await fixture<PartnerPortal>(html`
      <partner-session api-base=${apiBase} .token=${'pks_test'}><partner-portal></partner-portal></partner-session>
    `).then((s) => s.querySelector('partner-portal')!);
    await el.updateComplete;
    expect(tab(el, 'Customers').getAttribute('aria-selected')).to.equal('true');
    expect(panels(el).map((p) => p.id)).to.deep.equal(['panel-customers']);
    const customers = el.shadowRoot!.querySelector('partner-customer-list')!;
    // The widgets inside share the session's client.
    expect(customers.client).to.equal(el.closest('partner-session')!.client);

    const changed = oneEvent(el, 'partner-tab-changed');
    tab(el, 'Offers').click();
    expect((await changed).detail).to.deep.equal({ tab: 'offers' });
    await el.updateComplete;
    expect(el.getAttribute('tab')).to.equal('offers');
    expect(panels(el).map((p) => [p.id, p.hidden])).to.deep.equal([
      ['panel-customers', true],
      ['panel-offers', false],
    ]);
    // Back to customers: the same element, so it keeps its place.
    tab(el, 'Customers').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('partner-customer-list')).to.equal(customers);
    await expect(el).to.be.accessible();
  });

  it('moves between tabs with the arrow keys, Home and End (roving focus)', async () => {
    const el = await fixture<PartnerPortal>(html`<partner-portal api-base=${apiBase} .token=${'pks_test'}></partner-portal>`);
    tab(el, 'Customers').focus();
    const key = async (k: string) => {
      el.shadowRoot!.querySelector('[role="tablist"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
      await el.updateComplete;
      await el.updateComplete;
    };
    await key('ArrowRight');
    expect(el.tab).to.equal('offers');
    expect(el.shadowRoot!.activeElement).to.equal(tab(el, 'Offers'));
    expect([...el.shadowRoot!.querySelectorAll('[role="tab"]')].map((t) => t.getAttribute('tabindex'))).to.deep.equal(['-1', '0', '-1', '-1']);
    await key('End');
    expect(el.tab).to.equal('company');
    await key('ArrowRight');
    expect(el.tab).to.equal('customers');
    await key('ArrowLeft');
    expect(el.tab).to.equal('company');
    await key('Home');
    expect(el.tab).to.equal('customers');
  });
});

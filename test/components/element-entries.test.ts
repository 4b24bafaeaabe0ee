/**
 * The built per-element entries, dist/elements/<tag>.js, as a page that imports only some meets
 * them: an element that shows another one later loads it on demand, so its entry stays small,
 * and the other element still comes when needed. This page imports no source module of
 * components/, so every definition here comes from dist/.
 *
 * Needs `npm run build` first (`npm test` runs it before the component tests).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { apiBase, stubCustomerApi } from './customer-widgets.ts';
import type { FetchStub } from './fetch-stub.ts';
import { adminMe } from './fixtures-customers.ts';
import { $, button } from './helpers.ts';

const entry = (tag: string) => import(`/dist/elements/${tag}.js`);

describe('dist/elements', () => {
  let stub: FetchStub;
  before(async () => {
    const res = await fetch('/dist/elements/partner-portal.js', { method: 'HEAD' });
    if (!res.ok) throw new Error(`dist/elements answered ${res.status}: run \`npm run build\` before the component tests`);
  });
  beforeEach(() => {
    stub = stubCustomerApi(() => adminMe);
  });
  afterEach(() => stub.restore());

  it("partner-customer-list.js loads the customer's detail when a customer is first opened", async () => {
    await entry('partner-customer-list');
    expect(customElements.get('partner-customer-detail')).to.equal(undefined);
    const el = await fixture(html`<partner-customer-list api-base=${apiBase} token="pks_partner"></partner-customer-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="row"]'), 'no customers were listed');
    button(el, 'Fabrikam Bakery').click();
    await waitUntil(() => customElements.get('partner-customer-detail'), 'the detail was not loaded');
    const detail = $(el, 'partner-customer-detail');
    await waitUntil(() => detail.shadowRoot?.activeElement?.id === 'detail-title', 'the detail did not open');
    await waitUntil(() => detail.shadowRoot!.querySelector('[part~="section"]'), 'the detail did not load');
  });

  it("partner-portal.js loads a tab's widget when the tab is first opened", async () => {
    await entry('partner-session'); // first, so that it answers the portal's request for a client
    await entry('partner-portal');
    expect(customElements.get('partner-offer-builder')).to.equal(undefined);
    const session = await fixture(html`<partner-session api-base=${apiBase} .token=${'pks_partner'}><partner-portal></partner-portal></partner-session>`);
    const portal = session.querySelector('partner-portal')!;
    await waitUntil(() => portal.shadowRoot?.querySelector('[role="tab"]'), 'no tabs');
    [...portal.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((t) => t.textContent?.trim() === 'Offers')!.click();
    await waitUntil(() => customElements.get('partner-offer-builder'), 'the offers widget was not loaded');
  });
});

/**
 * The built per-element entries, dist/elements/<tag>.js, as a page that imports only some meets
 * them: an element that shows another one, or a part of its own, only later loads it on demand
 * (load-element.ts, load-part.ts), so its entry stays small, and the rest still comes when
 * needed. This page imports no source module of components/, so every definition here comes
 * from dist/.
 *
 * Needs `npm run build` first (`npm test` runs it before the component tests).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { apiBase, stubCustomerApi } from './customer-widgets.ts';
import type { FetchStub } from './fetch-stub.ts';
import { allUsers, adminMe as companyAdminMe, createdLena, roles } from './fixtures-company.ts';
import { adminMe, lucerne } from './fixtures-customers.ts';
import { delegationEnding, overviewFull, renewalRequested } from './fixtures-overview.ts';
import { catalog, delegationLevels, offerList, publicPurchaseOffer, publicTrialOffer, purchaseRedemption, trialOffer } from './fixtures-offers.ts';
import { $, button, fill, heading, inputLabelled, text } from './helpers.ts';
import { created, crm, delivered, deliveriesPage1, endpointList, webhooksMe } from './fixtures-webhooks.ts';

const entry = (tag: string) => import(`/dist/elements/${tag}.js`);

/** The chunks of dist/elements/chunks this page has loaded so far, by name without the hash (`customer-dialogs`). */
const loadedChunks = () =>
  performance
    .getEntriesByType('resource')
    .map((r) => /\/dist\/elements\/chunks\/(.+)-[\w-]{8}\.js$/.exec(new URL(r.name).pathname)?.[1])
    .filter(Boolean);

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

  it("partner-customer-list.js loads the customer's detail, and the detail its sections' entries, when a customer is first opened", async () => {
    await entry('partner-customer-list');
    expect(customElements.get('partner-customer-detail')).to.equal(undefined);
    expect(loadedChunks()).not.to.include('customer-sections');
    const el = await fixture(html`<partner-customer-list api-base=${apiBase} token="pks_partner"></partner-customer-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="row"]'), 'no customers were listed');
    button(el, 'Fabrikam Bakery').click();
    await waitUntil(() => customElements.get('partner-customer-detail'), 'the detail was not loaded');
    const detail = $(el, 'partner-customer-detail');
    await waitUntil(() => detail.shadowRoot?.activeElement?.id === 'detail-title', 'the detail did not open');
    await waitUntil(() => detail.shadowRoot!.querySelector('[part~="section"]'), 'the detail did not load');
    expect(loadedChunks()).to.include('customer-sections');
    expect(detail.shadowRoot!.querySelector('[part~="section"] [part~="badge"]'), 'the delegation shows its state').to.exist;
  });

  it("partner-portal.js loads a tab's widget when the tab is first opened", async () => {
    stub.on('GET /api/overview', { status: 200, body: overviewFull });
    await entry('partner-session'); // first, so that it answers the portal's request for a client
    await entry('partner-portal');
    expect(customElements.get('partner-overview')).to.equal(undefined);
    expect(customElements.get('partner-offer-builder')).to.equal(undefined);
    const session = await fixture(html`<partner-session api-base=${apiBase} .token=${'pks_partner'}><partner-portal></partner-portal></partner-session>`);
    const portal = session.querySelector('partner-portal')!;
    await waitUntil(() => portal.shadowRoot?.querySelector('[role="tab"]'), 'no tabs');
    // The overview is the first tab: its module comes at once.
    await waitUntil(() => customElements.get('partner-overview'), 'the overview was not loaded');
    await waitUntil(() => portal.shadowRoot!.querySelector('partner-overview')!.shadowRoot?.querySelector('[part~="company-link"]'), 'the overview did not render');
    [...portal.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((t) => t.textContent?.trim() === 'Offers')!.click();
    await waitUntil(() => customElements.get('partner-offer-builder'), 'the offers widget was not loaded');
  });

  it('partner-overview.js loads the copy field with the first renewal it asks for', async () => {
    stub.on('GET /api/overview', { status: 200, body: overviewFull });
    stub.on(`POST /api/customers/${delegationEnding.customer.id}/delegation-requests`, { status: 201, body: renewalRequested });
    await entry('partner-overview');
    const el = await fixture(html`<partner-overview api-base=${apiBase} token="pks_partner"></partner-overview>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="item"]'), 'no attention items');
    button(el, 'Ask to renew').click();
    await waitUntil(() => el.shadowRoot!.querySelector<HTMLInputElement>(`#renewal-${delegationEnding.id}`)?.value === renewalRequested.url, 'the consent link did not show');
    expect(loadedChunks()).to.include('copy-text');
  });

  it('partner-webhooks.js loads the signing secret\'s view, with the copy field, with the first request that yields a secret', async () => {
    stub.on('GET /api/me', { status: 200, body: webhooksMe });
    stub.on('GET /api/webhook-endpoints', { status: 200, body: endpointList });
    stub.on('POST /api/webhook-endpoints', { status: 201, body: created });
    await entry('partner-webhooks');
    expect(loadedChunks()).not.to.include('webhook-secret');
    const el = await fixture(html`<partner-webhooks api-base=${apiBase} token="pks_admin"></partner-webhooks>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="row"]'), 'no endpoints were listed');
    button(el, 'Add endpoint').click();
    await waitUntil(() => el.shadowRoot!.querySelector('dialog')?.open, 'the dialog did not open');
    fill(el, 'URL', created.endpoint.url);
    [...el.shadowRoot!.querySelectorAll('dialog button')].find((b) => b.textContent?.trim() === 'Add endpoint')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await waitUntil(() => el.shadowRoot!.querySelector<HTMLInputElement>('#signing-secret')?.value === created.secret, 'the secret did not show');
    expect(loadedChunks()).to.include('webhook-secret');
  });

  it("partner-webhooks.js loads how a delivery shows, with its styles, when an endpoint's deliveries first open", async () => {
    stub.on('GET /api/me', { status: 200, body: webhooksMe });
    stub.on('GET /api/webhook-endpoints', { status: 200, body: endpointList });
    stub.on(`GET /api/webhook-endpoints/${crm.id}/deliveries`, { status: 200, body: deliveriesPage1 });
    await entry('partner-webhooks');
    const el = await fixture(html`<partner-webhooks api-base=${apiBase} token="pks_admin"></partner-webhooks>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="row"]'), 'no endpoints were listed');
    expect(loadedChunks()).not.to.include('webhook-deliveries');
    // The words for screen readers keep their space through the build's HTML minifier.
    expect(text(el, `#deliveries-${crm.id}`)).to.equal(`Deliveries for ${crm.url}`);
    $<HTMLButtonElement>(el, `#deliveries-${crm.id}`).click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="delivery"]'), 'no deliveries');
    expect(loadedChunks()).to.include('webhook-deliveries');
    expect(getComputedStyle($(el, '[part~="delivery"]')).display).to.equal('grid', 'the part brought its styles');
    expect(el.shadowRoot!.getElementById(`replay-${delivered.id}`)?.textContent).to.contain('Replay');
  });

  it("partner-customer-detail.js loads its dialogs' forms, with their styles, when the first dialog opens", async () => {
    await entry('partner-customer-detail');
    expect(loadedChunks()).not.to.include('customer-dialogs');
    const el = await fixture(html`<partner-customer-detail api-base=${apiBase} token="pks_partner" customer-id=${lucerne.id}></partner-customer-detail>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="section"]'), 'the detail did not load');
    button(el, 'Request delegated admin').click();
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    await waitUntil(() => dialog.open && dialog.querySelector('input[name="level"]'), 'the form did not come');
    expect(loadedChunks()).to.include('customer-dialogs');
    expect(el.shadowRoot!.activeElement).to.equal(inputLabelled(el, 'Full administration'), 'the first field has the focus');
    expect(getComputedStyle($(el, '[part~="segmented"]')).display).to.equal('grid', 'the part brought its styles');
  });

  it('partner-user-list.js loads the role picker with the first dialog that shows it, the password view with the first request that makes one', async () => {
    stub.on('GET /api/me', { status: 200, body: companyAdminMe });
    stub.on('GET /api/users', { status: 200, body: allUsers });
    await entry('partner-user-list');
    expect(customElements.get('partner-role-picker')).to.equal(undefined);
    const el = await fixture(html`<partner-user-list api-base=${apiBase} token="pks_admin"></partner-user-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="row"]'), 'no users were listed');
    button(el, 'Add user').click();
    await waitUntil(() => el.shadowRoot!.querySelector('dialog')?.open, 'the dialog did not open');
    expect(el.shadowRoot!.activeElement?.id).to.equal('display-name', 'the first field has the focus while the picker loads');
    await waitUntil(() => customElements.get('partner-role-picker'), 'the picker was not loaded');
    const picker = $(el, 'dialog partner-role-picker');
    await waitUntil(() => picker.shadowRoot?.querySelector('input[type="radio"]'), 'the picker did not render');
    expect(el.shadowRoot!.activeElement?.id).to.equal('display-name');

    // The one-time password's view comes with the create request (this page has its chunk
    // already, from the customer's dialogs: the view still takes the focus once it is there).
    stub.on('POST /api/users', { status: 201, body: createdLena });
    fill(el, 'Display name', createdLena.user.displayName);
    fill(el, 'Email', createdLena.user.email);
    button(el, 'Create user').click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'temporary-password', 'the password did not take the focus');
    expect(loadedChunks()).to.include('temporary-password');
  });

  it('partner-offer-builder.js loads the license steppers for the first purchase offer and the created view with the first create, each with its styles', async () => {
    stub.on('GET /api/catalog', { status: 200, body: catalog });
    stub.on('GET /api/roles', { status: 200, body: { ...roles, delegationLevels } });
    stub.on('GET /api/offers', { status: 200, body: offerList });
    stub.on('POST /api/offers', { status: 201, body: trialOffer });
    await entry('partner-offer-builder');
    const el = await fixture(html`<partner-offer-builder api-base=${apiBase} token="pks_partner"></partner-offer-builder>`);
    await heading(el, 'New offer');
    expect(loadedChunks()).not.to.include('license-stepper');
    expect(loadedChunks()).not.to.include('offer-created');

    inputLabelled(el, 'Purchase offer').click();
    await waitUntil(() => el.shadowRoot!.querySelector('input[id^="buy-"]'), 'the purchase form did not come');
    inputLabelled(el, catalog.items[0]!.name).click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="stepper"]'), 'no stepper');
    expect(getComputedStyle($(el, '[part~="stepper"]')).display).to.equal('grid', 'the part brought its styles');

    inputLabelled(el, 'Trial invitation').click();
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    inputLabelled(el, catalog.items[0]!.name).click();
    button(el, 'Create offer').click();
    await heading(el, 'Offer ready');
    expect(el.shadowRoot!.activeElement?.id).to.equal('created-title');
    expect(loadedChunks()).to.include.members(['license-stepper', 'offer-created']);

    // Each part's styles are added to the others'.
    button(el, 'Build another offer').click();
    await heading(el, 'New offer');
    inputLabelled(el, 'Purchase offer').click();
    await waitUntil(() => el.shadowRoot!.querySelector('input[id^="buy-"]'), 'the purchase form did not come back');
    inputLabelled(el, catalog.items[0]!.name).click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="stepper"]'), 'no stepper');
    expect(getComputedStyle($(el, '[part~="stepper"]')).display).to.equal('grid');
  });

  it('partner-signup.js loads the license steppers only for a purchase offer, and the welcome with the submit', async () => {
    stub.on(`GET /api/public/offers/${publicTrialOffer.code}`, { status: 200, body: publicTrialOffer });
    stub.on(`GET /api/public/offers/${publicPurchaseOffer.code}`, { status: 200, body: publicPurchaseOffer });
    stub.on(`POST /api/public/offers/${publicPurchaseOffer.code}/redemptions`, { status: 201, body: purchaseRedemption });
    await entry('partner-signup');
    const trial = await fixture(html`<partner-signup api-base=${apiBase} offer=${publicTrialOffer.code}></partner-signup>`);
    await waitUntil(() => trial.shadowRoot!.querySelector('#offer-title'), 'the trial offer did not show');
    expect(loadedChunks()).not.to.include('signup-success');

    const el = await fixture(html`<partner-signup api-base=${apiBase} offer=${publicPurchaseOffer.code}></partner-signup>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="stepper"]'), 'the purchase offer did not show its steppers');
    expect(loadedChunks()).to.include('license-stepper');
    fill(el, 'Company name', 'Alpine Ski House');
    fill(el, 'Your name', 'Anna Alpine');
    fill(el, 'Email', 'anna@alpineski.example');
    fill(el, 'Password', 'alpine-ski-2026');
    $(el, '[part~="submit"]').click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'success-title', 'the welcome did not take the focus');
    expect(getComputedStyle($(el, '[part~="subscriptions"]')).display).to.equal('grid', 'the part brought its styles');
  });
});

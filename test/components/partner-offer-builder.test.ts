import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/index.ts';
import type { MeView, PartnerOfferBuilder } from '../../components/index.ts';
import { formatDate } from '../../components/dates.ts';
import { stubFetch, type FetchStub } from './fetch-stub.ts';
import { adminMe } from './fixtures.ts';
import { catalog, delegationLevels, offerErrors, offerList, purchaseOffer, revokedTrialOffer, trialOffer } from './fixtures-offers.ts';
import { roles } from './fixtures-company.ts';
import { $, button, fill, heading, inputLabelled, text, backToEnglish } from './helpers.ts';
import { audit } from './axe.ts';

const apiBase = 'http://127.0.0.1:9'; // never reached: fetch is stubbed
const token = 'pks_test-token';
const [mail, backup, , office, security] = catalog.items; // by name: Business Mail, Cloud Backup, Meeting Rooms, Office Suite Pro, Security Plus

async function builder(): Promise<PartnerOfferBuilder> {
  const el = await fixture<PartnerOfferBuilder>(html`<partner-offer-builder api-base=${apiBase} token=${token}></partner-offer-builder>`);
  await heading(el, 'New offer');
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="offer"]'), 'the list never loaded');
  return el;
}

function click(el: Element, label: string) {
  inputLabelled(el, label).click();
}

const all = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const textOf = (node: Element) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const submit = (el: Element) => button(el, 'Create offer').click();

/** "Purchase offer", then the services with their license steppers (loaded the first time). */
async function choosePurchase(el: Element) {
  click(el, 'Purchase offer');
  await waitUntil(() => el.shadowRoot!.querySelector('input[id^="buy-"]'), 'the purchase form did not load');
}

describe('<partner-offer-builder>', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch({
      'GET /api/me': { status: 200, body: adminMe },
      'GET /api/catalog': { status: 200, body: catalog },
      'GET /api/roles': { status: 200, body: { ...roles, delegationLevels } },
      'GET /api/offers': { status: 200, body: offerList },
      'POST /api/offers': { status: 201, body: trialOffer },
    });
  });
  afterEach(() => stub.restore());

  it('offers the catalog with prices and trial length, and is accessible', async () => {
    const el = await builder();
    expect(inputLabelled(el, 'Trial invitation').checked).to.equal(true);
    const options = all(el, '[part~="option"]').map(textOf);
    expect(options).to.have.length(5);
    expect(options[0]).to.equal(`Business Mail ${mail!.description} 30-day free trial, then $6.00 per license/month`);
    expect(options[1]).to.contain('60-day free trial, then $3.00 per license/month');
    expect(inputLabelled(el, 'Ask the customer for delegated administration').checked).to.equal(false);
    expect(stub.calls.every((c) => c.authorization === `Bearer ${token}`)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('switches between a trial (one service) and a purchase (services with license steppers and a running total)', async () => {
    const el = await builder();
    await choosePurchase(el);
    expect(all(el, 'input[type="checkbox"][id^="buy-"]')).to.have.length(5);
    expect(text(el, '[part~="total"] output')).to.equal('$0.00');

    click(el, 'Office Suite Pro');
    click(el, 'Security Plus');
    await el.updateComplete;
    // Each starts at its minimum: 1 × $12.50 + 5 × $9.00.
    expect(inputLabelled(el, 'Licenses of Office Suite Pro').value).to.equal('1');
    expect(inputLabelled(el, 'Licenses of Security Plus').value).to.equal('5');
    expect(text(el, '[part~="total"] output')).to.equal('$57.50');

    fill(el, 'Licenses of Office Suite Pro', '10');
    await el.updateComplete;
    $(el, `[aria-label="One license more of Security Plus"]`).click();
    await el.updateComplete;
    expect(inputLabelled(el, 'Licenses of Security Plus').value).to.equal('6');
    expect(text(el, '[part~="total"] output')).to.equal('$179.00');

    // At the minimum, − is marked disabled and does nothing.
    $(el, `[aria-label="One license fewer of Security Plus"]`).click();
    await el.updateComplete;
    const fewer = $(el, `[aria-label="One license fewer of Security Plus"]`);
    fewer.click();
    await el.updateComplete;
    expect(inputLabelled(el, 'Licenses of Security Plus').value).to.equal('5');
    expect(fewer.getAttribute('aria-disabled')).to.equal('true');

    // Out of bounds: said beside the stepper, left out of the total.
    fill(el, 'Licenses of Security Plus', '2');
    await el.updateComplete;
    expect(text(el, `#licenses-${CSS.escape(security!.id)}-error`)).to.equal('Choose 5 to 5000.');
    expect(text(el, '[part~="total"] output')).to.equal('$125.00');
    await expect(el).to.be.accessible();

    click(el, 'Trial invitation');
    await el.updateComplete;
    expect(all(el, 'input[type="radio"][name="service"]')).to.have.length(5);
    expect(el.shadowRoot!.querySelector('[part~="total"]')).to.equal(null);
  });

  it('creates a trial with delegated admin, shows the URL with copy and mailto, and fires partner-offer-created', async () => {
    const el = await builder();
    click(el, 'Business Mail');
    click(el, 'Ask the customer for delegated administration');
    await el.updateComplete;
    // The levels and their descriptions come from /api/roles, most access first.
    expect(all(el, 'input[name="level"]').map((i) => (i as HTMLInputElement).value)).to.deep.equal(['full', 'limited']);
    expect(text(el, '#level-full-about')).to.equal(delegationLevels[1]!.description);
    click(el, 'Full administration');
    fill(el, 'Offer name (optional)', '  Mail trial for bakeries ');
    fill(el, 'Expires (optional)', '2027-03-31');
    await el.updateComplete;

    const created = oneEvent(el, 'partner-offer-created');
    submit(el);
    const event = await created;
    expect(event.detail).to.deep.equal(trialOffer);
    expect(event.bubbles && event.composed).to.equal(true);

    const post = stub.calls.find((c) => c.method === 'POST')!;
    expect(post.body).to.deep.equal({
      kind: 'trial',
      serviceId: mail!.id,
      delegatedAdmin: 'full',
      expiresAt: new Date(2027, 2, 31, 23, 59, 59, 999).toISOString(),
      name: 'Mail trial for bakeries',
    });

    await heading(el, 'Offer ready');
    expect(inputLabelled(el, 'Offer link').value).to.equal(trialOffer.url);
    expect(inputLabelled(el, 'Offer link').readOnly).to.equal(true);
    expect(el.shadowRoot!.activeElement?.id).to.equal('created-title');
    const mailto = [...el.shadowRoot!.querySelectorAll('a')].find((a) => a.textContent?.trim() === 'Send by email')!;
    const link = new URL(mailto.href);
    expect(link.protocol).to.equal('mailto:');
    expect(link.searchParams.get('subject')).to.equal('Try Business Mail free for 30 days');
    expect(link.searchParams.get('body')).to.contain(trialOffer.url).and.contain('Northwind Cloud Partners').and.contain('full delegated administration');

    // The list loads again, so the new offer tops it.
    expect(stub.calls.filter((c) => c.path === '/api/offers' && c.method === 'GET')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('copies the URL to the clipboard, or selects it for the person when the browser refuses', async () => {
    const el = await builder();
    click(el, 'Business Mail');
    submit(el);
    await heading(el, 'Offer ready');

    const written: string[] = [];
    const clipboard = navigator.clipboard;
    const original = clipboard.writeText;
    clipboard.writeText = async (data: string) => void written.push(data);
    try {
      button(el, 'Copy link').click();
      await waitUntil(() => text(el, '[part~="created"] [role="status"]') !== '');
      expect(written).to.deep.equal([trialOffer.url]);
      expect(text(el, '[part~="created"] [role="status"]')).to.equal('Copied to the clipboard.');

      clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      button(el, 'Copy link').click();
      await waitUntil(() => text(el, '[part~="created"] [role="status"]').startsWith('The link is selected'));
      const input = inputLabelled(el, 'Offer link');
      expect(el.shadowRoot!.activeElement).to.equal(input);
      expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, trialOffer.url.length]);
    } finally {
      clipboard.writeText = original;
    }

    button(el, 'Build another offer').click();
    await heading(el, 'New offer');
    expect(inputLabelled(el, 'Business Mail').checked).to.equal(false);
  });

  it('creates a purchase offer with its items in catalog order', async () => {
    stub.on('POST /api/offers', { status: 201, body: purchaseOffer });
    const el = await builder();
    await choosePurchase(el);
    click(el, 'Security Plus');
    click(el, 'Office Suite Pro');
    await el.updateComplete;
    fill(el, 'Licenses of Office Suite Pro', '10');
    fill(el, 'Licenses of Security Plus', '10');
    await el.updateComplete;
    expect(text(el, '[part~="total"] output')).to.equal('$215.00');
    submit(el);
    await heading(el, 'Offer ready');
    expect(stub.calls.find((c) => c.method === 'POST')!.body).to.deep.equal({
      kind: 'purchase',
      items: [
        { serviceId: office!.id, licenses: 10 },
        { serviceId: security!.id, licenses: 10 },
      ],
    });
    const mailto = new URL([...el.shadowRoot!.querySelectorAll('a')].find((a) => a.textContent?.trim() === 'Send by email')!.href);
    expect(mailto.searchParams.get('subject')).to.equal('Your offer from Northwind Cloud Partners');
  });

  it('asks for a service before sending a purchase offer without one', async () => {
    const el = await builder();
    await choosePurchase(el);
    submit(el);
    await el.updateComplete;
    expect(text(el, '#services-error')).to.equal('Choose at least one service.');
    expect(stub.calls.some((c) => c.method === 'POST')).to.equal(false);
  });

  it('shows the server’s 422 details beside the fields they name', async () => {
    stub.on('POST /api/offers', offerErrors.licensesOutOfBounds);
    const el = await builder();
    await choosePurchase(el);
    click(el, 'Security Plus');
    await el.updateComplete;
    submit(el);
    await waitUntil(() => text(el, '[role="alert"]') !== '', 'no message');
    expect(text(el, '[role="alert"]')).to.equal('The offer is not valid; see details.');
    expect(text(el, `#licenses-${CSS.escape(security!.id)}-error`)).to.equal('Security Plus takes between 5 and 5000 licenses.');
    expect(inputLabelled(el, 'Licenses of Security Plus').getAttribute('aria-invalid')).to.equal('true');

    stub.on('POST /api/offers', offerErrors.expiryInThePast);
    click(el, 'Trial invitation');
    await el.updateComplete;
    click(el, 'Cloud Backup');
    fill(el, 'Expires (optional)', '2030-01-01');
    await el.updateComplete;
    submit(el);
    await waitUntil(() => text(el, '[role="alert"]') === 'The expiry must be in the future.', 'no message');
    expect(text(el, '#expires-error')).to.equal('Choose a time in the future.');
    expect(inputLabelled(el, 'Expires (optional)').getAttribute('aria-describedby')).to.contain('expires-error');
    expect(stub.calls.filter((c) => c.method === 'POST').at(-1)!.body).to.include({ kind: 'trial', serviceId: backup!.id });
    await expect(el).to.be.accessible();
  });

  it('lists the offers with status, contents and redemption counts', async () => {
    const el = await builder();
    const rows = all(el, '[part~="offer"]');
    expect(rows.map((r) => textOf(r.querySelector('[part~="offer-title"]')!))).to.deep.equal([
      'Meeting rooms pilot',
      'Trial of Cloud Backup',
      'Office + Security bundle',
      'Mail trial for bakeries',
    ]);
    expect(rows.map((r) => textOf(r.querySelector('[part~="badge"]')!))).to.deep.equal(['Revoked', 'Expired', 'Active', 'Active']);
    expect(textOf(rows[2]!.querySelector('[part~="redemptions"]')!)).to.equal('2 customers signed up');
    expect(textOf(rows[3]!.querySelector('[part~="redemptions"]')!)).to.equal('1 customer signed up');
    expect(textOf(rows[2]!)).to.contain('Purchase offer · Office Suite Pro × 10, Security Plus × 10 · asks for limited delegated admin');
    // Only active offers can be revoked.
    expect(rows.map((r) => [...r.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Revoke'))).to.deep.equal([false, false, true, true]);
  });

  it('revokes an offer after a confirmation and fires partner-offer-revoked', async () => {
    stub.on('POST /api/offers/d78cbb23-a9fb-4e6b-b309-aeadd783b46d/revoke', { status: 200, body: revokedTrialOffer });
    const el = await builder();
    const row = () => all(el, '[part~="offer"]')[3]!;
    [...row().querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Revoke')!.click();
    await el.updateComplete;
    expect(textOf(row())).to.contain('Revoke this offer?');
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Revoke offer');

    // "Keep it" changes nothing.
    button(el, 'Keep it').click();
    await el.updateComplete;
    expect(stub.calls.some((c) => c.path.endsWith('/revoke'))).to.equal(false);
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Revoke');

    (el.shadowRoot!.activeElement as HTMLButtonElement).click();
    await el.updateComplete;
    const revoked = oneEvent(el, 'partner-offer-revoked');
    button(el, 'Revoke offer').click();
    expect((await revoked).detail).to.deep.equal(revokedTrialOffer);
    await el.updateComplete;
    expect(textOf(row().querySelector('[part~="badge"]')!)).to.equal('Revoked');
    expect([...row().querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Revoke')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('pages with "Load more" and filters by status and kind', async () => {
    const [first, second, ...rest] = offerList.items;
    stub.on('GET /api/offers', (call) =>
      call.query.get('cursor') === 'page-2'
        ? { status: 200, body: { items: rest, nextCursor: null } }
        : call.query.get('status') === 'revoked'
          ? { status: 200, body: { items: [first], nextCursor: null } }
          : { status: 200, body: { items: [first, second], nextCursor: 'page-2' } },
    );
    const el = await builder();
    expect(all(el, '[part~="offer"]')).to.have.length(2);
    button(el, 'Load more').click();
    await waitUntil(() => all(el, '[part~="offer"]').length === 4, 'the second page never came');
    expect(stub.calls.at(-1)!.query.get('cursor')).to.equal('page-2');
    expect(el.shadowRoot!.querySelector('[part~="more"]')).to.equal(null);

    const status = $<HTMLSelectElement>(el, '#status-filter');
    status.value = 'revoked';
    status.dispatchEvent(new Event('change'));
    await waitUntil(() => all(el, '[part~="offer"]').length === 1, 'the filter was not applied');
    const last = stub.calls.at(-1)!;
    expect([last.query.get('status'), last.query.get('cursor'), last.query.get('kind')]).to.deep.equal(['revoked', null, null]);

    const kind = $<HTMLSelectElement>(el, '#kind-filter');
    kind.value = 'purchase';
    kind.dispatchEvent(new Event('change'));
    await waitUntil(() => stub.calls.at(-1)!.query.get('kind') === 'purchase');
    expect(stub.calls.at(-1)!.query.get('status')).to.equal('revoked');
  });

  it("startOffer('purchase', followUp) opens a purchase form prefilled from the trial and addressed to its customer", async () => {
    const fabrikam = { id: '64b7d0e9-e680-4490-8e97-465256f95c7d', name: 'Fabrikam Bakery' };
    stub.on('POST /api/offers', { status: 201, body: { ...purchaseOffer, customer: fabrikam } });
    const el = await builder();
    el.startOffer('purchase', { customer: fabrikam, serviceId: office!.id, licenses: 12 });
    await waitUntil(() => el.shadowRoot!.querySelector('input[id^="buy-"]'), 'the purchase form did not load');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="stepper"]'), 'no stepper');
    expect(inputLabelled(el, 'Purchase offer').checked).to.equal(true);
    expect(inputLabelled(el, 'Office Suite Pro').checked).to.equal(true);
    expect(inputLabelled(el, 'Security Plus').checked).to.equal(false);
    expect(inputLabelled(el, 'Licenses of Office Suite Pro').value).to.equal('12');
    expect(text(el, '[part~="total"] output')).to.equal('$150.00');
    expect(text(el, '[part~="addressed"]')).to.equal(
      'Follow-up for Fabrikam Bakery: only they can use its link, and it buys the trial they hold. Make it for anyone',
    );
    await expect(el).to.be.accessible();

    submit(el);
    await heading(el, 'Offer ready');
    expect(stub.calls.find((c) => c.method === 'POST')!.body).to.deep.equal({
      kind: 'purchase',
      items: [{ serviceId: office!.id, licenses: 12 }],
      customerId: fabrikam.id,
    });
  });

  it('"Make it for anyone" drops the follow-up\'s customer; startOffer() without one opens an empty form', async () => {
    stub.on('POST /api/offers', { status: 201, body: purchaseOffer });
    const el = await builder();
    el.startOffer('purchase', { customer: { id: 'c-1', name: 'Fabrikam Bakery' }, serviceId: office!.id, licenses: 12 });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="stepper"]'), 'no stepper');
    button(el, 'Make it for anyone').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="addressed"]')).to.equal(null);
    expect(inputLabelled(el, 'Licenses of Office Suite Pro').value).to.equal('12'); // the items stay
    submit(el);
    await heading(el, 'Offer ready');
    expect(stub.calls.find((c) => c.method === 'POST')!.body).to.deep.equal({ kind: 'purchase', items: [{ serviceId: office!.id, licenses: 12 }] });

    // From the created view, a new empty form of the kind asked for.
    el.startOffer('purchase');
    await heading(el, 'New offer');
    await waitUntil(() => el.shadowRoot!.querySelector('input[id^="buy-"]'), 'the purchase form did not load');
    expect(all(el, 'input[type="checkbox"][id^="buy-"]').some((i) => (i as HTMLInputElement).checked)).to.equal(false);
    el.startOffer('trial');
    await el.updateComplete;
    expect(inputLabelled(el, 'Trial invitation').checked).to.equal(true);
    expect(all(el, 'input[type="radio"][name="service"]').some((i) => (i as HTMLInputElement).checked)).to.equal(false);
  });

  it('says how many trials an offer converted, and names the one customer of a follow-up offer', async () => {
    const [revoked, expired, purchase, trial] = offerList.items;
    stub.on('GET /api/offers', {
      status: 200,
      body: {
        ...offerList,
        items: [revoked, expired, { ...purchase!, conversions: 1, customer: { id: 'c-1', name: 'Fabrikam Bakery' } }, { ...trial!, redemptions: 3, conversions: 2 }],
      },
    });
    const el = await builder();
    const rows = all(el, '[part~="offer"]');
    expect(textOf(rows[2]!.querySelector('[part~="redemptions"]')!)).to.equal('2 customers signed up, 1 trial converted');
    expect(textOf(rows[3]!.querySelector('[part~="redemptions"]')!)).to.equal('3 customers signed up, 2 trials converted');
    expect(textOf(rows[1]!.querySelector('[part~="redemptions"]')!)).not.to.contain('converted');
    expect(textOf(rows[2]!)).to.contain('Purchase offer for Fabrikam Bakery only · Office Suite Pro × 10, Security Plus × 10');
  });

  it('explains instead of showing the builder to a user without partner access', async () => {
    const billing: MeView = {
      ...adminMe,
      partnerAccess: 'none',
      permissions: ['company:read', 'subscriptions:manage', 'service-requests:manage'],
    };
    stub.on('GET /api/me', { status: 200, body: billing });
    const el = await fixture<PartnerOfferBuilder>(html`<partner-offer-builder api-base=${apiBase} token=${token}></partner-offer-builder>`);
    await heading(el, 'Offers');
    expect(text(el, '[part~="intro"]')).to.contain('needs administrative access to the companies you support');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="list"]')).to.equal(null);
    expect(stub.calls.map((c) => c.path)).to.deep.equal(['/api/me']);
    await expect(el).to.be.accessible();
  });

  it('asks to sign in when there is no session', async () => {
    const el = await fixture<PartnerOfferBuilder>(html`<partner-offer-builder api-base=${apiBase}></partner-offer-builder>`);
    await heading(el, 'Offers');
    expect(text(el, '[part~="intro"]')).to.equal('Sign in as a partner user to build offers.');
    await audit(el, 'signed out');
    expect(stub.calls).to.have.length(0);
  });

  describe('in German and Japanese', () => {
    afterEach(async () => {
      await backToEnglish();
    });

    async function localized(locale: string, title: string): Promise<PartnerOfferBuilder> {
      const el = await fixture<PartnerOfferBuilder>(html`<partner-offer-builder api-base=${apiBase} token=${token} locale=${locale}></partner-offer-builder>`);
      await heading(el, title);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="offer"]'), 'the list never loaded');
      return el;
    }

    it('shows the form and the list in German, with prices, dates and counts in German', async () => {
      const el = await localized('de', 'Neues Angebot');
      expect(inputLabelled(el, 'Testeinladung').checked).to.equal(true);
      expect(textOf(all(el, '[part~="price"]')[0]!)).to.equal('30-tägige kostenlose Testphase, danach 6,00 $ pro Lizenz und Monat');
      expect(inputLabelled(el, 'Name des Angebots (optional)')).to.exist;
      expect(button(el, 'Angebot erstellen')).to.exist;

      const rows = all(el, '[part~="offer"]');
      expect(rows.map((r) => textOf(r.querySelector('[part~="badge"]')!))).to.deep.equal(['Widerrufen', 'Abgelaufen', 'Aktiv', 'Aktiv']);
      expect(textOf(rows[1]!.querySelector('[part~="offer-title"]')!)).to.equal('Testphase: Cloud Backup');
      expect(textOf(rows[2]!)).to.contain('Kaufangebot · Office Suite Pro × 10, Security Plus × 10 · bittet um eingeschränkte delegierte Administration');
      const purchase = offerList.items[2]!;
      expect(formatDate(purchase.createdAt)).to.match(/^\d\d\.\d\d\.\d{4}$/);
      expect(textOf(rows[2]!)).to.contain(`Erstellt am ${formatDate(purchase.createdAt)} · läuft am ${formatDate(purchase.expiresAt!)} ab`);
      expect(textOf(rows[2]!.querySelector('[part~="redemptions"]')!)).to.equal('2 Kunden haben sich registriert');
      expect(textOf(rows[3]!.querySelector('[part~="redemptions"]')!)).to.equal('1 Kunde hat sich registriert');
      expect(all(el, '#status-filter option').map(textOf)).to.deep.equal(['Alle', 'Aktiv', 'Abgelaufen', 'Widerrufen']);
      await expect(el).to.be.accessible();
    });

    it('builds a purchase offer in Japanese: steppers, total, and the created offer with its email', async () => {
      stub.on('POST /api/offers', { status: 201, body: purchaseOffer });
      const el = await localized('ja', '新しいオファー');
      click(el, '購入オファー');
      await waitUntil(() => el.shadowRoot!.querySelector('input[id^="buy-"]'), 'the purchase form did not load');
      click(el, 'Office Suite Pro');
      click(el, 'Security Plus');
      await el.updateComplete;
      expect(inputLabelled(el, 'ライセンス数（Security Plus）').value).to.equal('5');
      expect($(el, '[aria-label="Security Plus のライセンスを1つ増やす"]')).to.exist;
      expect(text(el, `#licenses-${CSS.escape(security!.id)}-bounds`)).to.equal('5～5000');
      expect(text(el, '#total-label')).to.equal('月額合計');
      fill(el, 'ライセンス数（Security Plus）', '2');
      await el.updateComplete;
      expect(text(el, `#licenses-${CSS.escape(security!.id)}-error`)).to.equal('5～5000の範囲で指定してください。');
      fill(el, 'ライセンス数（Security Plus）', '10');
      fill(el, 'ライセンス数（Office Suite Pro）', '10');
      await el.updateComplete;
      expect(text(el, '[part~="total"] output')).to.equal('$215.00');
      await expect(el).to.be.accessible();

      button(el, 'オファーを作成').click();
      await heading(el, 'オファーの準備ができました');
      expect(inputLabelled(el, 'オファーのリンク').value).to.equal(purchaseOffer.url);
      const mailto = new URL([...el.shadowRoot!.querySelectorAll('a')].find((a) => a.textContent?.trim() === 'メールで送信')!.href);
      expect(mailto.searchParams.get('subject')).to.equal('Northwind Cloud Partners からのオファー');
      expect(mailto.searchParams.get('body')).to.contain('Office Suite Pro (10ライセンス)、Security Plus (10ライセンス)').and.contain('制限付きの委任管理をお願いしています');
      expect(button(el, '別のオファーを作成')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('renders again in the new language when its locale attribute changes', async () => {
      const el = await localized('de', 'Neues Angebot');
      el.setAttribute('locale', 'ja');
      await heading(el, '新しいオファー');
      expect(text(el, '#list-title')).to.equal('オファー一覧');
      expect(button(el, 'オファーを作成')).to.exist;
      el.setAttribute('locale', 'en');
      await heading(el, 'New offer');
      expect(textOf(all(el, '[part~="offer"]')[2]!.querySelector('[part~="redemptions"]')!)).to.equal('2 customers signed up');
    });
  });
});

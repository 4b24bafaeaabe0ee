import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/index.ts';
import type { PartnerWebhooks } from '../../components/index.ts';
import { formatDate, formatDateTime } from '../../components/dates.ts';
import { getLocale } from '../../components/localize.ts';
import { stubFetch, type FetchStub } from './fetch-stub.ts';
import {
  created,
  crm,
  deliveriesPage1,
  deliveriesPage2,
  endpointList,
  everything,
  failed,
  failing,
  paused,
  ping,
  replayed,
  rotated,
  staffMe,
  tooMany,
  urlRefused,
  webhooksMe,
} from './fixtures-webhooks.ts';
import { $, button, buttonIn, fill, inputLabelled, text, backToEnglish } from './helpers.ts';
import { audit } from './axe.ts';

const apiBase = 'http://127.0.0.1:9'; // never reached: fetch is stubbed

const textOf = (node: Element) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const rows = (el: PartnerWebhooks) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];

function rowOf(el: PartnerWebhooks, url: string): HTMLElement {
  const row = rows(el).find((r) => textOf(r.querySelector('[part~="url"]')!) === url);
  if (!row) throw new Error(`no row for ${url}`);
  return row;
}

/** A definition list's [label, value] pairs: a row's facts, a delivery's figures. */
const pairs = (scope: HTMLElement, selector = 'dl') =>
  [...scope.querySelector(selector)!.querySelectorAll(':scope > div')].map((d) => [textOf(d.querySelector('dt')!), textOf(d.querySelector('dd')!)]);
const facts = (row: HTMLElement) => pairs(row, '[part~="facts"]');
const dialog = (el: PartnerWebhooks) => el.shadowRoot!.querySelector('dialog')!;
const notice = (el: PartnerWebhooks) => text(el, '[part~="notice"]');
const active = (el: PartnerWebhooks) => el.shadowRoot!.activeElement;

async function widget(): Promise<PartnerWebhooks> {
  const el = await fixture<PartnerWebhooks>(html`<partner-webhooks api-base=${apiBase} token="pks_admin"></partner-webhooks>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="row"], [part~="status"].empty, [role="alert"].shown, [part~="intro"]'), 'the webhooks never loaded');
  return el;
}

describe('<partner-webhooks>', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch({
      'GET /api/me': { status: 200, body: webhooksMe },
      'GET /api/webhook-endpoints': { status: 200, body: endpointList },
    });
  });
  afterEach(() => stub.restore());

  it('shows a busy loading line until the endpoints come', async () => {
    let open!: () => void;
    stub.on('GET /api/webhook-endpoints', { status: 200, body: endpointList, gate: new Promise<void>((resolve) => (open = resolve)) });
    const el = await fixture<PartnerWebhooks>(html`<partner-webhooks api-base=${apiBase} token="pks_admin"></partner-webhooks>`);
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Loading webhook endpoints…'), 'no loading line');
    expect(rows(el)).to.have.length(0);
    await audit(el, 'loading');
    open();
    await waitUntil(() => rows(el).length === 4, 'the endpoints never came');
  });

  it('lists the endpoints with their events and state, and is accessible', async () => {
    const el = await widget();
    expect(stub.calls.find((c) => c.path === '/api/webhook-endpoints')!.authorization).to.equal('Bearer pks_admin');
    expect(rows(el).map((r) => textOf(r.querySelector('[part~="url"]')!))).to.deep.equal([crm.url, everything.url, paused.url, failing.url]);
    expect(text(el, '[part~="status"]:not([part~="notice"])')).to.equal('4 of 10 endpoints.');
    expect(textOf(rowOf(el, crm.url).querySelector('[part~="description"]')!)).to.equal('CRM sync');
    expect(facts(rowOf(el, crm.url))).to.deep.equal([['Events', 'customer.created, trial.ending'], ['State', 'Enabled']]);
    expect(facts(rowOf(el, everything.url))).to.deep.equal([['Events', 'All events'], ['State', 'Enabled']]);
    expect(facts(rowOf(el, paused.url))[1]).to.deep.equal(['State', 'Disabled by you']);
    expect(facts(rowOf(el, failing.url))[1]).to.deep.equal(['State', `Disabled because failing since ${formatDate(failing.failingSince!)}`]);
    expect(rowOf(el, failing.url).querySelector('[part~="badge"]')!.getAttribute('part')).to.equal('badge failure');
    const names = [...rowOf(el, crm.url).querySelectorAll('button')].map(textOf);
    expect(names).to.deep.equal(['Deliveries for ' + crm.url, 'Send test event for ' + crm.url, 'Disable for ' + crm.url, 'Rotate secret for ' + crm.url, 'Delete for ' + crm.url]);
    expect(buttonIn(rowOf(el, paused.url), `Enable for ${paused.url}`)).to.exist;
    await expect(el).to.be.accessible();
  });

  it('explains webhooks when there is no endpoint yet', async () => {
    stub.on('GET /api/webhook-endpoints', { status: 200, body: { items: [] } });
    const el = await widget();
    expect(text(el, '[part~="status"].empty')).to.equal('No endpoints yet.');
    expect(text(el, '[part~="card"] > [part~="intro"]')).to.match(/^Webhooks send your company's events as they happen .* to an HTTPS address of your own systems/);
    expect(button(el, 'Add endpoint')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows a failed load with "Try again", which loads again', async () => {
    stub.on('GET /api/webhook-endpoints', { status: 503, body: { error: { code: 'database_unavailable', message: 'The database is unavailable; try again shortly.' } } });
    const el = await widget();
    expect(text(el, '[role="alert"]')).to.equal('The database is unavailable; try again shortly.');
    await audit(el, 'load error');
    stub.on('GET /api/webhook-endpoints', { status: 200, body: endpointList });
    button(el, 'Try again').click();
    await waitUntil(() => rows(el).length === 4, 'the retry did not load');
    expect(el.shadowRoot!.querySelector('[role="alert"].shown')).to.equal(null);
  });

  it('explains to a user without webhooks:manage why, with no buttons and no list request', async () => {
    stub.on('GET /api/me', { status: 200, body: staffMe });
    const el = await widget();
    expect(text(el, '[part~="intro"]')).to.equal(
      `Webhooks send ${staffMe.company.name}'s events to your own systems. Setting them up needs the global admin role; ask a global admin of your company if you need it.`,
    );
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    expect(stub.calls.some((c) => c.path === '/api/webhook-endpoints')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows the same explanation when the BFF answers 403', async () => {
    stub.on('GET /api/webhook-endpoints', { status: 403, body: { error: { code: 'forbidden', message: 'Not allowed.' } } });
    const el = await widget();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="intro"]'));
    expect(text(el, '[part~="intro"]')).to.contain('needs the global admin role');
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
  });

  it('adds an endpoint, shows its secret once, and forgets it after "Done"', async () => {
    stub.on('POST /api/webhook-endpoints', { status: 201, body: created });
    const el = await widget();
    button(el, 'Add endpoint').click();
    await waitUntil(() => dialog(el).open, 'the dialog did not open');
    expect(active(el)?.id).to.equal('url');
    expect(text(el, '#dialog-title')).to.equal('Add a webhook endpoint');

    // A bad address is refused before anything is sent.
    fill(el, 'URL', 'http://new.northwind.example/hooks');
    buttonIn(dialog(el), 'Add endpoint').click();
    await el.updateComplete;
    expect(text(el, '#url-error')).to.equal('Use an https:// address: webhooks carry your customers’ data.');
    expect(inputLabelled(el, 'URL').getAttribute('aria-invalid')).to.equal('true');
    fill(el, 'URL', 'not a url');
    buttonIn(dialog(el), 'Add endpoint').click();
    await el.updateComplete;
    expect(text(el, '#url-error')).to.equal('Enter the full address, starting with https://.');
    expect(stub.calls.some((c) => c.method === 'POST')).to.equal(false);

    fill(el, 'URL', created.endpoint.url);
    fill(el, 'Description (optional)', 'Billing');
    const boxes = [...dialog(el).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes).to.have.length(16);
    expect(boxes[0]!.labels![0]!.textContent).to.equal('customer.created');
    inputLabelled(el, 'offer.redeemed').click();
    inputLabelled(el, 'trial.converted').click();
    await expect(el).to.be.accessible();

    const added = oneEvent(el, 'partner-webhook-endpoint-created');
    buttonIn(dialog(el), 'Add endpoint').click();
    const event = await added;
    expect(event.detail).to.deep.equal(created.endpoint);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(JSON.stringify(event.detail)).not.to.contain(created.secret);
    expect(stub.calls.find((c) => c.method === 'POST')!.body).to.deep.equal({
      url: created.endpoint.url,
      description: 'Billing',
      eventTypes: ['offer.redeemed', 'trial.converted'],
    });

    await waitUntil(() => el.shadowRoot!.querySelector('#signing-secret'), 'the secret was not shown');
    const secret = inputLabelled(el, 'Signing secret');
    expect(secret.value).to.equal(created.secret);
    expect(secret.readOnly).to.equal(true);
    expect(active(el)).to.equal(secret);
    expect(text(el, '#dialog-title')).to.equal('Endpoint added');
    expect(text(el, '[part~="once-note"]')).to.match(/^You will not see it again\./);
    expect(buttonIn(dialog(el), 'Copy')).to.exist;
    expect(rows(el)).to.have.length(5);
    expect(textOf(rows(el)[0]!.querySelector('[part~="url"]')!)).to.equal(created.endpoint.url);
    await expect(el).to.be.accessible();

    button(el, 'Done').click();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(el.shadowRoot!.innerHTML).not.to.contain(created.secret);
    // The focus goes to the new endpoint's row.
    expect(active(el)?.id).to.equal(`deliveries-${created.endpoint.id}`);
  });

  it('shows the refusal of an address (422) beside the URL, and 409 in words', async () => {
    stub.on('POST /api/webhook-endpoints', { status: 422, body: urlRefused });
    const el = await widget();
    button(el, 'Add endpoint').click();
    await waitUntil(() => dialog(el).open);
    fill(el, 'URL', 'https://10.0.0.5/hooks');
    buttonIn(dialog(el), 'Add endpoint').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#url-error'), 'no message beside the URL');
    expect(text(el, '#url-error')).to.equal(
      'partnerkit does not send webhooks to this address: it must be a public https:// address, not a private, loopback or link-local one.',
    );
    await el.updateComplete;
    expect(active(el)?.id).to.equal('url');
    expect(inputLabelled(el, 'URL').getAttribute('aria-describedby')).to.contain('url-error');

    stub.on('POST /api/webhook-endpoints', { status: 409, body: tooMany });
    fill(el, 'URL', 'https://eleventh.northwind.example/hooks');
    buttonIn(dialog(el), 'Add endpoint').click();
    await waitUntil(() => dialog(el).querySelector('[role="alert"].shown'), 'no alert');
    expect(textOf(dialog(el).querySelector('[role="alert"]')!)).to.equal(
      'You have 10 endpoints, the most a partner may have. Delete one you no longer use, then add this one.',
    );
    expect(el.shadowRoot!.querySelector('#url-error')).to.equal(null);
    // Escape closes the dialog; the focus returns to "Add endpoint".
    const closed = oneEvent(dialog(el), 'close');
    dialog(el).close();
    await closed;
    await el.updateComplete;
    expect(active(el)?.id).to.equal('add');
  });

  it('rotates a secret after confirming, and says the old one works 24 hours more', async () => {
    stub.on(`POST /api/webhook-endpoints/${everything.id}/rotate-secret`, { status: 200, body: rotated });
    const el = await widget();
    buttonIn(rowOf(el, everything.url), `Rotate secret for ${everything.url}`).click();
    await waitUntil(() => dialog(el).open);
    expect(text(el, '#dialog-title')).to.equal('Rotate the signing secret?');
    expect(textOf(dialog(el))).to.contain('The old secret keeps working for 24 hours');
    expect(active(el)?.id).to.equal('confirm');
    const rotatedEvent = oneEvent(el, 'partner-webhook-secret-rotated');
    buttonIn(dialog(el), 'Rotate secret').click();
    expect((await rotatedEvent).detail).to.deep.equal(rotated.endpoint);
    await waitUntil(() => el.shadowRoot!.querySelector('#signing-secret'));
    expect(text(el, '#dialog-title')).to.equal('Signing secret rotated');
    expect(inputLabelled(el, 'Signing secret').value).to.equal(rotated.secret);
    expect(textOf(dialog(el))).to.contain(`The old secret signs them too until ${formatDateTime(rotated.endpoint.previousSecretExpiresAt!)}`);
    button(el, 'Done').click();
    await el.updateComplete;
    expect(el.shadowRoot!.innerHTML).not.to.contain(rotated.secret);
    expect(active(el)?.id).to.equal(`rotate-${everything.id}`);
    expect(facts(rowOf(el, everything.url))).to.deep.include(['Old secret', `Still signs until ${formatDateTime(rotated.endpoint.previousSecretExpiresAt!)}`]);
  });

  it('disables and enables an endpoint, saying so in the live region', async () => {
    const disabled = { ...crm, enabled: false, disabledReason: 'manual' as const, disabledAt: new Date().toISOString() };
    const enabled = { ...failing, enabled: true, disabledReason: null, disabledAt: null, failingSince: null };
    stub.on(`PATCH /api/webhook-endpoints/${crm.id}`, { status: 200, body: disabled });
    stub.on(`PATCH /api/webhook-endpoints/${failing.id}`, { status: 200, body: enabled });
    const el = await widget();

    let updated = oneEvent(el, 'partner-webhook-endpoint-updated');
    buttonIn(rowOf(el, crm.url), `Disable for ${crm.url}`).click();
    expect((await updated).detail).to.deep.equal(disabled);
    expect(stub.calls.find((c) => c.method === 'PATCH')!.body).to.deep.equal({ enabled: false });
    await el.updateComplete;
    expect(facts(rowOf(el, crm.url))[1]).to.deep.equal(['State', 'Disabled by you']);
    expect(notice(el)).to.equal(`Disabled the endpoint ${crm.url}.`);
    expect($(el, '[part~="notice"]').getAttribute('role')).to.equal('status');

    updated = oneEvent(el, 'partner-webhook-endpoint-updated');
    buttonIn(rowOf(el, failing.url), `Enable for ${failing.url}`).click();
    await updated;
    expect(stub.calls.filter((c) => c.method === 'PATCH')[1]!.body).to.deep.equal({ enabled: true });
    await el.updateComplete;
    expect(facts(rowOf(el, failing.url))[1]).to.deep.equal(['State', 'Enabled']);
    expect(notice(el)).to.equal(`Enabled the endpoint ${failing.url}.`);
  });

  it('shows a failed row action in the row', async () => {
    stub.on(`PATCH /api/webhook-endpoints/${crm.id}`, { status: 404, body: { error: { code: 'not_found', message: 'No such webhook endpoint.' } } });
    const el = await widget();
    buttonIn(rowOf(el, crm.url), `Disable for ${crm.url}`).click();
    await waitUntil(() => rowOf(el, crm.url).querySelector('[role="alert"].shown'), 'no error in the row');
    expect(textOf(rowOf(el, crm.url).querySelector('[role="alert"]')!)).to.equal('No such webhook endpoint.');
  });

  it('deletes an endpoint after confirming; the focus goes to "Add endpoint"', async () => {
    stub.on(`DELETE /api/webhook-endpoints/${paused.id}`, { status: 204 });
    const el = await widget();
    buttonIn(rowOf(el, paused.url), `Delete for ${paused.url}`).click();
    await waitUntil(() => dialog(el).open);
    expect(text(el, '#dialog-title')).to.equal('Delete this endpoint?');
    expect(textOf(dialog(el))).to.contain(paused.url);
    await expect(el).to.be.accessible();
    const deleted = oneEvent(el, 'partner-webhook-endpoint-deleted');
    buttonIn(dialog(el), 'Delete endpoint').click();
    expect((await deleted).detail).to.deep.equal(paused);
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(rows(el).map((r) => textOf(r.querySelector('[part~="url"]')!))).not.to.include(paused.url);
    expect(notice(el)).to.equal(`Deleted the endpoint ${paused.url}.`);
    expect(active(el)?.id).to.equal('add');
  });

  it("shows an endpoint's deliveries with their attempts, pages with the cursor, and replays one", async () => {
    const path = `/api/webhook-endpoints/${crm.id}/deliveries`;
    stub.on(`GET ${path}`, (call) => ({ status: 200, body: call.query.get('cursor') === deliveriesPage1.nextCursor ? deliveriesPage2 : deliveriesPage1 }));
    stub.on(`POST ${path}/${failed.id}/replay`, { status: 202, body: replayed });
    const el = await widget();
    const toggle = buttonIn(rowOf(el, crm.url), `Deliveries for ${crm.url}`);
    toggle.click();
    await waitUntil(() => rowOf(el, crm.url).querySelector('[part~="delivery"]'), 'no deliveries');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(el.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!)!.getAttribute('part')).to.equal('deliveries');
    const deliveries = () => [...rowOf(el, crm.url).querySelectorAll<HTMLElement>('[part~="delivery"]')];
    expect(deliveries().map((d) => [textOf(d.querySelector('[part~="event-type"]')!), textOf(d.querySelector('[part~="badge"]')!)])).to.deep.equal([
      ['customer.created', 'Delivered'],
      ['trial.ending', 'Failed'],
    ]);
    const failedRow = deliveries()[1]!;
    expect(pairs(failedRow)).to.deep.equal([
      ['When', formatDateTime(failed.createdAt)],
      ['Attempts', '8'],
      ['Last status', '500'],
    ]);
    const log = failedRow.querySelector('details')!;
    expect(log.open).to.equal(false);
    log.querySelector('summary')!.click();
    expect(log.open).to.equal(true);
    expect([...log.querySelectorAll('li')].map((li) => textOf(li))).to.deep.equal([
      `Attempt 8, ${formatDateTime('2026-12-06T11:00:00.000Z')}: 500, 120 ms {"error":"database down"}`,
      `Attempt 7, ${formatDateTime('2026-12-06T01:00:00.000Z')}: no answer (timeout after 10 s), 10000 ms`,
    ]);
    await expect(el).to.be.accessible();

    buttonIn(rowOf(el, crm.url), 'Load more').click();
    await waitUntil(() => deliveries().length === 3, 'the next page did not come');
    expect(stub.calls.filter((c) => c.path === path).map((c) => c.query.get('cursor'))).to.deep.equal([null, deliveriesPage1.nextCursor]);
    expect(pairs(deliveries()[2]!).slice(1)).to.deep.equal([
      ['Attempts', '0, next in 1 hour'],
      ['Last status', '—'],
    ]);

    const replayedEvent = oneEvent(el, 'partner-webhook-delivery-replayed');
    buttonIn(deliveries()[1]!, `Replay trial.ending of ${formatDateTime(failed.createdAt)}`).click();
    expect((await replayedEvent).detail).to.deep.equal({ endpointId: crm.id, delivery: replayed });
    await el.updateComplete;
    expect(textOf(deliveries()[1]!.querySelector('[part~="badge"]')!)).to.equal('Pending');
    expect(notice(el)).to.equal('The trial.ending event is queued to be sent again.');

    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(rowOf(el, crm.url).querySelector('[part~="deliveries"]')).to.equal(null);
  });

  it('sends a test event and shows its delivery first', async () => {
    const path = `/api/webhook-endpoints/${crm.id}`;
    stub.on(`GET ${path}/deliveries`, { status: 200, body: { items: [], nextCursor: null } });
    let open!: () => void;
    stub.on(`POST ${path}/test`, { status: 202, body: ping, gate: new Promise<void>((resolve) => (open = resolve)) });
    const el = await widget();
    buttonIn(rowOf(el, crm.url), `Deliveries for ${crm.url}`).click();
    await waitUntil(() => rowOf(el, crm.url).textContent!.includes('No deliveries yet.'), 'no empty deliveries');
    const sent = oneEvent(el, 'partner-webhook-test-sent');
    const test = buttonIn(rowOf(el, crm.url), `Send test event for ${crm.url}`);
    test.click();
    await el.updateComplete;
    expect(textOf(el.shadowRoot!.getElementById(`test-${crm.id}`)!)).to.equal('Sending…');
    expect(el.shadowRoot!.getElementById(`test-${crm.id}`)!.getAttribute('aria-disabled')).to.equal('true');
    open();
    expect((await sent).detail).to.deep.equal({ endpointId: crm.id, delivery: ping });
    await el.updateComplete;
    expect(stub.calls.filter((c) => c.method === 'POST')).to.have.length(1);
    expect(notice(el)).to.equal(`Test event queued for ${crm.url}; its delivery shows under Deliveries.`);
    expect(textOf(rowOf(el, crm.url).querySelector('[part~="event-type"]')!)).to.equal('ping');
  });

  it('asks a signed-out reader to sign in, without a request', async () => {
    const el = await fixture<PartnerWebhooks>(html`<partner-webhooks api-base=${apiBase}></partner-webhooks>`);
    expect(text(el, '[part~="intro"]')).to.equal('Sign in to manage your webhooks.');
    expect(stub.calls).to.have.length(0);
  });

  describe('in German and Japanese', () => {
    const until = (test: () => unknown, what: string) => waitUntil(test, what, { timeout: 3000 });
    const title = (el: PartnerWebhooks) => text(el, '#webhooks-title');
    const status = (scope: ParentNode) => textOf(scope.querySelector('[part~="status"]:not([part~="notice"])')!);

    async function localized(locale: string): Promise<PartnerWebhooks> {
      const el = await fixture<PartnerWebhooks>(html`<partner-webhooks api-base=${apiBase} token="pks_admin" locale=${locale}></partner-webhooks>`);
      await until(() => rows(el).length === 4 && getLocale() === locale, `the endpoints in ${locale}`);
      return el;
    }

    afterEach(async () => {
      await backToEnglish();
    });

    it('lists the endpoints in German, with German dates, and pages the deliveries with the shared "Load more"', async () => {
      let open!: () => void;
      const path = `/api/webhook-endpoints/${crm.id}/deliveries`;
      stub.on(`GET ${path}`, (call) =>
        call.query.get('cursor') ? { status: 200, body: deliveriesPage2, gate: new Promise<void>((resolve) => (open = resolve)) } : { status: 200, body: deliveriesPage1 },
      );
      const el = await localized('de');
      expect(button(el, 'Endpunkt hinzufügen')).to.exist;
      expect(status(el.shadowRoot!)).to.equal('4 von 10 Endpunkten.');
      expect(facts(rowOf(el, crm.url))).to.deep.equal([['Ereignisse', 'customer.created, trial.ending'], ['Status', 'Aktiviert']]);
      expect(facts(rowOf(el, everything.url))[0]).to.deep.equal(['Ereignisse', 'Alle Ereignisse']);
      expect(facts(rowOf(el, paused.url))[1]).to.deep.equal(['Status', 'Von Ihnen deaktiviert']);
      // formatDate in German: 02.12.2026.
      expect(facts(rowOf(el, failing.url))[1]).to.deep.equal(['Status', `Deaktiviert, da fehlerhaft seit ${formatDate(failing.failingSince!)}`]);
      expect(formatDate(failing.failingSince!)).to.equal('02.12.2026');
      expect([...rowOf(el, crm.url).querySelectorAll('button')].map(textOf)).to.deep.equal(
        ['Zustellungen', 'Testereignis senden', 'Deaktivieren', 'Schlüssel erneuern', 'Löschen'].map((name) => `${name} für ${crm.url}`),
      );

      buttonIn(rowOf(el, crm.url), `Zustellungen für ${crm.url}`).click();
      await until(() => rowOf(el, crm.url).querySelector('[part~="delivery"]'), 'no deliveries');
      const panel = rowOf(el, crm.url).querySelector<HTMLElement>('[part~="deliveries"]')!;
      expect(text(el, `#deliveries-title-${crm.id}`)).to.equal('Letzte Zustellungen');
      expect(status(panel)).to.equal('2 Zustellungen, weitere können geladen werden.');
      const deliveries = () => [...panel.querySelectorAll<HTMLElement>('[part~="delivery"]')];
      expect(deliveries().map((d) => textOf(d.querySelector('[part~="badge"]')!))).to.deep.equal(['Zugestellt', 'Fehlgeschlagen']);
      expect(pairs(deliveries()[1]!).map(([label]) => label)).to.deep.equal(['Zeitpunkt', 'Versuche', 'Letzter Status']);
      expect(textOf(deliveries()[1]!.querySelector('summary')!)).to.equal('Versuchsprotokoll');
      expect(textOf(deliveries()[1]!.querySelectorAll('[part~="attempt-log"] li')[1]!)).to.equal(
        `Versuch 7, ${formatDateTime('2026-12-06T01:00:00.000Z')}: keine Antwort (timeout after 10 s), 10000 ms`,
      );
      expect(buttonIn(deliveries()[1]!, `Erneut senden trial.ending vom ${formatDateTime(failed.createdAt)}`)).to.exist;
      await expect(el).to.be.accessible();

      buttonIn(panel, 'Mehr laden').click();
      await until(() => panel.querySelector('[part~="more"]')?.textContent?.trim() === 'Weitere werden geladen…', 'no German busy "Load more"');
      open();
      await until(() => deliveries().length === 3, 'the next page did not come');
      expect(status(panel)).to.equal('3 Zustellungen.');
      expect(pairs(deliveries()[2]!)[1]).to.deep.equal(['Versuche', '0, nächster Versuch in 1 Stunde']);
      expect(pairs(deliveries()[2]!)[2]).to.deep.equal(['Letzter Status', '—']);
    });

    it('shows the paged list\'s loading line and an empty list in German', async () => {
      let open!: () => void;
      stub.on(`GET /api/webhook-endpoints/${crm.id}/deliveries`, { status: 200, body: { items: [], nextCursor: null }, gate: new Promise<void>((resolve) => (open = resolve)) });
      const el = await localized('de');
      buttonIn(rowOf(el, crm.url), `Zustellungen für ${crm.url}`).click();
      await until(() => rowOf(el, crm.url).textContent!.includes('Zustellungen werden geladen…'), 'no German loading line');
      open();
      await until(() => rowOf(el, crm.url).querySelector('[part~="status"].empty'), 'no empty deliveries');
      expect(status(rowOf(el, crm.url).querySelector('[part~="deliveries"]')!)).to.equal(
        'Noch keine Zustellungen. Senden Sie ein Testereignis, um den Endpunkt auszuprobieren.',
      );
    });

    it('adds an endpoint in Japanese: the form, its checks and the secret shown once with "Copy"', async () => {
      stub.on('POST /api/webhook-endpoints', { status: 201, body: created });
      const el = await localized('ja');
      button(el, 'エンドポイントを追加').click();
      await until(() => dialog(el).open, 'the dialog did not open');
      expect(text(el, '#dialog-title')).to.equal('Webhook エンドポイントを追加');
      expect(textOf(dialog(el).querySelector('legend')!)).to.equal('送信するイベント');
      fill(el, 'URL', 'not a url');
      buttonIn(dialog(el), 'エンドポイントを追加').click();
      await el.updateComplete;
      expect(text(el, '#url-error')).to.equal('https:// から始まる完全なアドレスを入力してください。');
      await expect(el).to.be.accessible();

      fill(el, 'URL', created.endpoint.url);
      fill(el, '説明（任意）', 'Billing');
      buttonIn(dialog(el), 'エンドポイントを追加').click();
      await until(() => el.shadowRoot!.querySelector('#signing-secret'), 'the secret was not shown');
      expect(text(el, '#dialog-title')).to.equal('エンドポイントを追加しました');
      expect(inputLabelled(el, '署名シークレット').value).to.equal(created.secret);
      expect(text(el, '[part~="once-note"]')).to.match(/^このシークレットは二度と表示されません。/);
      const copyStatus = () => textOf(dialog(el).querySelector('[part~="copy-row"] ~ [role="status"]')!);
      const clipboard = navigator.clipboard;
      const original = clipboard.writeText;
      try {
        const written: string[] = [];
        clipboard.writeText = async (data: string) => void written.push(data);
        buttonIn(dialog(el), 'コピー').click();
        await until(() => copyStatus() === 'クリップボードにコピーしました。', 'not copied');
        expect(written).to.deep.equal([created.secret]);
        clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
        buttonIn(dialog(el), 'コピー').click();
        await until(() => copyStatus() === '選択しました。Ctrl+C（Mac では ⌘C）を押してコピーしてください。', 'not selected');
      } finally {
        clipboard.writeText = original;
      }
      await expect(el).to.be.accessible();
      button(el, '完了').click();
      await el.updateComplete;
      expect(dialog(el).open).to.equal(false);
    });

    it('renders again when its locale attribute changes, the last notice too', async () => {
      const disabled = { ...crm, enabled: false, disabledReason: 'manual' as const, disabledAt: new Date().toISOString() };
      stub.on(`PATCH /api/webhook-endpoints/${crm.id}`, { status: 200, body: disabled });
      const el = await widget();
      expect(button(el, 'Add endpoint')).to.exist;
      el.setAttribute('locale', 'de');
      await until(() => el.shadowRoot!.querySelector('#add')?.textContent === 'Endpunkt hinzufügen', 'German after locale="de"');
      const updated = oneEvent(el, 'partner-webhook-endpoint-updated');
      buttonIn(rowOf(el, crm.url), `Deaktivieren für ${crm.url}`).click();
      await updated;
      await el.updateComplete;
      expect(notice(el)).to.equal(`Der Endpunkt ${crm.url} wurde deaktiviert.`);

      el.setAttribute('locale', 'ja');
      await until(() => el.shadowRoot!.querySelector('#add')?.textContent === 'エンドポイントを追加', 'Japanese after locale="ja"');
      expect(notice(el)).to.equal(`エンドポイント ${crm.url} を無効にしました。`);
      expect(facts(rowOf(el, crm.url))[1]).to.deep.equal(['状態', '手動で無効化']);
      expect(status(el.shadowRoot!)).to.equal('エンドポイント 4 件（上限 10 件）。');
      await expect(el).to.be.accessible();
    });
  });
});

import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/index.ts';
import type { PartnerDelegationConsent } from '../../components/index.ts';
import { endOfDay, formatDate } from '../../components/dates.ts';
import { getLocale } from '../../components/localize.ts';
import { stubFetch, type Answer, type FetchStub, type RecordedCall } from './fetch-stub.ts';
import {
  acceptedRequest,
  auditCsv,
  auditLitware,
  auditPage1,
  auditPage2,
  declinedRequest,
  errors,
  partners,
  partnersAfterRevoke,
  pendingRequest,
  revokedDelegation,
  tailspinRequest,
} from './fixtures-consent.ts';
import { $, fill, heading, text, backToEnglish } from './helpers.ts';
import { audit } from './axe.ts';

const apiBase = 'http://127.0.0.1:9'; // never reached: fetch is stubbed
const token = 'pks_fabrikam-admin';
const code = pendingRequest.code;
const [litware, northwind] = partners.items;
const requestPath = (c: string) => `/api/public/delegations/${c}`;

async function consent(withCode: string | null = code): Promise<PartnerDelegationConsent> {
  const el = await fixture<PartnerDelegationConsent>(
    withCode
      ? html`<partner-delegation-consent api-base=${apiBase} token=${token} code=${withCode}></partner-delegation-consent>`
      : html`<partner-delegation-consent api-base=${apiBase} token=${token}></partner-delegation-consent>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('form, [part~="note"], [part~="problem"], [part~="partners"] [part~="intro"]'), 'nothing loaded');
  return el;
}

const all = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const textOf = (node: Element) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const title = (el: Element) => text(el, 'h2');
const byPart = (el: Element, part: string) => $<HTMLButtonElement>(el, `[part~="${part}"]`);
const rowOf = (el: Element, name: string) => all(el, '[part~="row"]').find((r) => r.querySelector('[part~="name"]')?.textContent === name)!;
const focused = (el: Element) => el.shadowRoot!.activeElement;
/** A definition list as [term, definition] pairs. */
const pairs = (dl: Element) => [...dl.querySelectorAll('dt')].map((dt) => [textOf(dt), textOf(dt.nextElementSibling!)]);
/** Waits for the card's heading (its ✓ mark included). */
const titled = (el: Element, name: string) => waitUntil(() => title(el) === name, `"${name}" never appeared`);
/** A date input's value some days from now, in the reader's time zone. */
function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('<partner-delegation-consent>', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch({
      [`GET ${requestPath(code)}`]: { status: 200, body: pendingRequest },
      [`POST ${requestPath(code)}/accept`]: { status: 200, body: acceptedRequest },
      [`GET ${requestPath(tailspinRequest.code)}`]: { status: 200, body: tailspinRequest },
      [`POST ${requestPath(tailspinRequest.code)}/decline`]: { status: 200, body: declinedRequest },
      'GET /api/partners': { status: 200, body: partners },
      'GET /api/audit': (call: RecordedCall): Answer => {
        if (call.query.get('format') === 'csv') return { status: 200, text: auditCsv };
        if (call.query.get('partnerId') === litware!.id) return { status: 200, body: auditLitware };
        return { status: 200, body: call.query.get('cursor') === auditPage1.nextCursor ? auditPage2 : auditPage1 };
      },
    });
  });
  afterEach(() => stub.restore());

  describe('a request', () => {
    it('shows who asks, for what level, what it allows and until when; accessible', async () => {
      const el = await consent();
      expect(title(el)).to.equal('Northwind Cloud Partners asks for limited administration of your company');
      expect(text(el, '[part~="partner-name"]')).to.equal('Northwind Cloud Partners');
      expect(all(el, '[part~="contact"] a').map((a) => a.getAttribute('href'))).to.deep.equal([
        'mailto:hello@northwind.example',
        'tel:+14255550100',
        'https://northwind.example',
      ]);
      expect(text(el, '[part~="subtitle"]')).to.equal('Limited administration');
      expect(text(el, '[part~="description"]')).to.equal(pendingRequest.description);
      expect(pairs($(el, '[part~="facts"]'))).to.deep.equal([
        ['Requested', formatDate(pendingRequest.requestedAt)],
        ['Answer by', formatDate(pendingRequest.requestExpiresAt!)],
      ]);
      const endDate = $<HTMLInputElement>(el, '#end-date');
      expect(endDate.type).to.equal('date');
      expect(endDate.labels?.[0]?.textContent?.trim()).to.equal('End date (optional)');
      expect(endDate.required).to.equal(false);
      expect(stub.calls[0]!.authorization).to.equal(`Bearer ${token}`);
      await expect(el).to.be.accessible();
    });

    it('reads the code from ?delegation= in the page URL when it has no attribute', async () => {
      const before = location.href;
      history.replaceState(null, '', `?delegation=${code}`);
      try {
        const el = await consent(null);
        expect(el.requestCode).to.equal(code);
        expect(stub.calls.map((c) => c.path)).to.deep.equal([requestPath(code)]);
        expect(title(el)).to.contain('asks for limited administration');
      } finally {
        history.replaceState(null, '', before);
      }
    });

    it('accepts with an end date: sends the end of that day, fires partner-delegation-accepted and says what was given', async () => {
      const el = await consent();
      const day = inDays(60);
      fill(el, 'End date (optional)', day);
      const accepted = oneEvent(el, 'partner-delegation-accepted');
      byPart(el, 'accept').click();
      const event = await accepted;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail).to.deep.equal(acceptedRequest);
      const post = stub.calls.find((c) => c.method === 'POST')!;
      expect(post.path).to.equal(`${requestPath(code)}/accept`);
      expect(post.body).to.deep.equal({ expiresAt: endOfDay(day) });

      await titled(el, '✓ Request accepted');
      expect(text(el, '[part~="note"]')).to.equal(
        `Accepted on ${formatDate(acceptedRequest.answeredAt!)}: Northwind Cloud Partners has limited administration of your company until ${formatDate(acceptedRequest.expiresAt!)}. You can revoke it at any time under your partners.`,
      );
      expect(el.shadowRoot!.querySelector('form')).to.equal(null);
      expect(focused(el)?.id).to.equal('request-title');
    });

    it('accepts without an end date by sending none', async () => {
      const el = await consent();
      byPart(el, 'accept').click();
      await titled(el, '✓ Request accepted');
      expect(stub.calls.find((c) => c.method === 'POST')!.body).to.deep.equal({});
    });

    it('declines: fires partner-delegation-declined and says so', async () => {
      const el = await consent(tailspinRequest.code);
      expect(title(el)).to.equal('Northwind Cloud Partners asks for full administration of your company');
      const declined = oneEvent(el, 'partner-delegation-declined');
      byPart(el, 'decline').click();
      expect((await declined).detail).to.deep.equal(declinedRequest);
      await heading(el, 'Request declined');
      expect(text(el, '[part~="note"]')).to.contain('Northwind Cloud Partners gets no access from this request.');
    });

    it('explains who may answer (401, 403), a wrong link (404) and a lapsed or replaced request (410)', async () => {
      const cases: [Answer, string, string][] = [
        [errors.unauthenticated, 'Sign in to answer this request', 'Your session has ended.'],
        [errors.partnerUser, 'Only the company’s global admin can answer this', 'a partner’s'],
        [errors.customerUser, 'Only the company’s global admin can answer this', 'sign in as your company’s global admin'],
        [errors.notFound, 'This link is not valid', 'whole link'],
        [errors.expired, 'This request has expired', 'Nobody answered it in time'],
        [errors.withdrawn, 'This request was replaced', 'The partner sent a newer request'],
      ];
      for (const [answer, expectedTitle, expectedText] of cases) {
        stub.on(`GET ${requestPath(code)}`, answer);
        const el = await consent();
        await heading(el, expectedTitle);
        expect(text(el, '[part~="intro"]')).to.contain(expectedText);
        expect(el.shadowRoot!.querySelector('form')).to.equal(null);
        // A wrong or stale link still leads somewhere useful: the company's partners.
        expect(el.shadowRoot!.querySelector('[part~="partners-link"]') !== null).to.equal(answer.status === 404 || answer.status === 410);
      }
    });

    it('when someone answered first (409), says so and shows how the request stands', async () => {
      stub.on(`POST ${requestPath(code)}/accept`, errors.alreadyAnswered);
      const el = await consent();
      stub.on(`GET ${requestPath(code)}`, { status: 200, body: acceptedRequest });
      byPart(el, 'accept').click();
      await titled(el, '✓ Request accepted');
      expect(text(el, '[role="alert"]')).to.equal('This request was already answered (active).');
      expect(text(el, '[part~="note"]')).to.contain('has limited administration of your company');
    });

    it('when the request lapsed while it was open (410 on answering), says so instead of the form', async () => {
      stub.on(`POST ${requestPath(code)}/accept`, errors.expired);
      const el = await consent();
      byPart(el, 'accept').click();
      await heading(el, 'This request has expired');
      expect(focused(el)?.id).to.equal('problem-title');
    });

    it('asks to sign in when there is no session', async () => {
      const el = await fixture<PartnerDelegationConsent>(html`<partner-delegation-consent api-base=${apiBase} code=${code}></partner-delegation-consent>`);
      expect(text(el, '[part~="intro"]')).to.equal('Sign in as a global admin of your company to see and answer this request.');
      await audit(el, 'signed out');
      expect(stub.calls).to.have.length(0);
    });
  });

  describe('partners and audit', () => {
    it('lists the partners with advisor flag, delegation state, level, end date and an open request; accessible', async () => {
      const el = await consent(null);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="entry"]'), 'no audit');
      expect(all(el, '[part~="row"] [part~="name"]').map(textOf)).to.deep.equal(['Litware IT Services', 'Northwind Cloud Partners']);

      const lit = rowOf(el, 'Litware IT Services');
      expect(textOf(lit.querySelector('[part~="advisor"]')!)).to.equal('Advisor');
      expect(pairs(lit.querySelector('[part~="delegation"]')!)).to.deep.equal([
        ['Delegated admin', 'Requested Full administration'],
        ['Open request', `Full administration, answer by ${formatDate(litware!.pendingRequest!.requestExpiresAt!)}`],
      ]);
      expect(lit.querySelector('[part~="revoke"]')).to.equal(null);

      const nw = rowOf(el, 'Northwind Cloud Partners');
      expect(textOf(nw.querySelector('[part~="delegation"] dd')!)).to.equal(`Active Limited administration, until ${formatDate(northwind!.delegation.expiresAt!)}`);
      expect(nw.querySelector('[part~="review"]')).to.equal(null);
      expect(textOf(nw.querySelector('[part~="revoke"]')!)).to.equal('Revoke the access of Northwind Cloud Partners');
      await expect(el).to.be.accessible();
    });

    it('opens an open request from the list to answer it, and goes back', async () => {
      const litwareCode = litware!.pendingRequest!.code;
      stub.on(`GET ${requestPath(litwareCode)}`, { status: 200, body: { ...pendingRequest, code: litwareCode, level: 'full', label: 'Full administration' } });
      const el = await consent(null);
      rowOf(el, 'Litware IT Services').querySelector<HTMLButtonElement>('[part~="review"]')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('form'), 'the request never opened');
      expect(stub.calls.at(-1)!.path).to.equal(requestPath(litwareCode));
      expect(focused(el)?.id).to.equal('request-title');
      byPart(el, 'partners-link').click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="list"]'), 'the list never came back');
      expect(focused(el)?.id).to.equal('partners-title');
    });

    it('revokes an active delegation only after a confirmation, and fires partner-delegation-revoked', async () => {
      stub.on(`DELETE /api/partners/${northwind!.id}/delegation`, { status: 200, body: revokedDelegation });
      const el = await consent(null);
      const revoke = () => rowOf(el, 'Northwind Cloud Partners').querySelector<HTMLButtonElement>('[part~="revoke"]')!;

      revoke().click();
      await el.updateComplete;
      expect(text(el, '[part~="confirm"] p')).to.equal(
        'Revoke the limited administration of Northwind Cloud Partners? It ends at once; to get it back, they must ask again.',
      );
      expect(focused(el)?.textContent?.trim()).to.equal('Keep access');
      byPart(el, 'cancel').click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="confirm"]')).to.equal(null);
      expect(focused(el)).to.equal(revoke());
      revoke().click();
      await el.updateComplete;
      focused(el)!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="confirm"]')).to.equal(null); // Escape cancels too
      expect(stub.calls.some((c) => c.method === 'DELETE')).to.equal(false);

      revoke().click();
      await el.updateComplete;
      stub.on('GET /api/partners', { status: 200, body: partnersAfterRevoke });
      const revoked = oneEvent(el, 'partner-delegation-revoked');
      byPart(el, 'confirm-revoke').click();
      const event = await revoked;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail).to.deep.equal({ partnerId: northwind!.id, delegation: revokedDelegation });
      await waitUntil(() => textOf(rowOf(el, 'Northwind Cloud Partners').querySelector('[part~="delegation"] [part~="badge"]')!) === 'Revoked', 'the list never reloaded');
      expect(text(el, '[part~="partners"] [role="status"]')).to.equal('Northwind Cloud Partners no longer has delegated administration of your company.');
      expect(focused(el)?.id).to.equal(`partner-${northwind!.id}`);
      expect(rowOf(el, 'Northwind Cloud Partners').querySelector('[part~="revoke"]')).to.equal(null);
    });

    it('shows the audit of partner actions and loads more without losing the place', async () => {
      const el = await consent(null);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="entry"]'), 'no audit');
      const entries = () => all(el, '[part~="entry"]');
      expect(entries()).to.have.length(5);
      expect(text(el, '[part~="audit"] [role="status"]')).to.equal('5 entries, more to load.');
      const [accepted, , created, refused, opened] = entries();
      expect(textOf(accepted!.querySelector('p')!)).to.equal('Delegated admin accepted Limited administration');
      expect(textOf(accepted!.querySelector('[part~="who"]')!)).to.equal('Northwind Cloud Partners · Fabrikam Bakery Admin (admin@fabrikam.example)');
      expect(textOf(created!.querySelector('p')!)).to.equal('User added sam@fabrikam.example');
      expect(textOf(refused!.querySelector('p')!)).to.equal('User added Refused');
      expect(textOf(refused!.querySelector('[part~="who"]')!)).to.equal('Northwind Cloud Partners · Hal Helpdesk (helpdesk@northwind.example)');
      expect(textOf(opened!.querySelector('p')!)).to.equal('Service request opened Mailbox quota for the front desk');
      expect(accepted!.querySelector('time')!.getAttribute('datetime')).to.equal(auditPage1.items[0]!.at);

      byPart(el, 'more').click();
      await waitUntil(() => entries().length === 10, 'the next page never came');
      expect(entries()[0]).to.equal(accepted); // the first page stayed as it was
      expect(stub.calls.at(-1)!.query.get('cursor')).to.equal(auditPage1.nextCursor);
      expect(textOf(entries()[5]!.querySelector('p')!)).to.equal('Password reset user@fabrikam.example');
      expect(el.shadowRoot!.querySelector('[part~="more"]')).to.equal(null);
      expect(text(el, '[part~="audit"] [role="status"]')).to.equal('10 entries.');
      await expect(el).to.be.accessible();
    });

    it('filters the audit by partner and downloads it as CSV through an object URL', async () => {
      const el = await consent(null);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="entry"]'), 'no audit');
      const select = $<HTMLSelectElement>(el, '#audit-partner');
      expect([...select.options].map((o) => o.textContent)).to.deep.equal(['All partners', 'Litware IT Services', 'Northwind Cloud Partners']);
      select.value = litware!.id;
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => all(el, '[part~="entry"]').length === 1, 'the filter never applied');
      expect(stub.calls.at(-1)!.query.get('partnerId')).to.equal(litware!.id);

      const saved: { href: string; download: string }[] = [];
      const click = HTMLAnchorElement.prototype.click;
      const createObjectURL = URL.createObjectURL;
      let blob: Blob | undefined;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        saved.push({ href: this.href, download: this.download });
      };
      URL.createObjectURL = (b: Blob | MediaSource) => {
        blob = b as Blob;
        return 'blob:partnerkit-test';
      };
      try {
        byPart(el, 'download').click();
        await waitUntil(() => saved.length === 1, 'nothing was downloaded');
      } finally {
        HTMLAnchorElement.prototype.click = click;
        URL.createObjectURL = createObjectURL;
      }
      const csv = stub.calls.at(-1)!;
      expect(csv.query.get('format')).to.equal('csv');
      expect(csv.query.get('partnerId')).to.equal(litware!.id);
      expect(csv.headers.get('Accept')).to.equal('text/csv');
      expect(saved[0]!.href).to.equal('blob:partnerkit-test');
      expect(saved[0]!.download).to.match(/^partner-activity-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(await blob!.text()).to.equal(auditCsv);
    });

    it('explains that only the global admin sees the partners (403)', async () => {
      stub.on('GET /api/partners', errors.partnersForbidden);
      const el = await consent(null);
      expect(text(el, '[part~="intro"]')).to.equal(
        'Only a customer company’s global admin can see its partners. Sign in as your company’s global admin.',
      );
      expect(el.shadowRoot!.querySelector('[part~="audit"]')).to.equal(null);
      await audit(el, '403');
    });
  });

  describe('languages', () => {
    const until = (test: () => unknown, what: string) => waitUntil(test, what, { timeout: 3000 });
    /** The widget in `locale`, once its request's form or its audit entries are there. */
    async function consentIn(locale: string, withCode: string | null): Promise<PartnerDelegationConsent> {
      const el = await fixture<PartnerDelegationConsent>(
        withCode
          ? html`<partner-delegation-consent api-base=${apiBase} token=${token} code=${withCode} locale=${locale}></partner-delegation-consent>`
          : html`<partner-delegation-consent api-base=${apiBase} token=${token} locale=${locale}></partner-delegation-consent>`,
      );
      await until(() => getLocale() === locale && el.shadowRoot!.querySelector('form, [part~="entry"]'), `nothing loaded in ${locale}`);
      await el.updateComplete;
      return el;
    }

    afterEach(async () => {
      await backToEnglish();
    });

    it('shows a request in German and says in German what accepting it gave; accessible', async () => {
      const el = await consentIn('de', code);
      expect(title(el)).to.equal('Northwind Cloud Partners bittet um eingeschränkte Administratorrechte für Ihr Unternehmen');
      // The level and what it allows in German, not the catalogue's English (level-texts.ts).
      expect(text(el, '[part~="subtitle"]')).to.equal('Eingeschränkte Administration');
      expect(text(el, '[part~="description"]')).to.match(/^Der Partner darf als Ihr Passwortadministrator handeln/);
      expect(pairs($(el, '[part~="facts"]'))).to.deep.equal([
        ['Angefragt am', formatDate(pendingRequest.requestedAt)],
        ['Antwort bis', formatDate(pendingRequest.requestExpiresAt!)],
      ]);
      expect($<HTMLInputElement>(el, '#end-date').labels?.[0]?.textContent?.trim()).to.equal('Enddatum (optional)');
      expect(textOf(byPart(el, 'accept'))).to.equal('Annehmen');
      expect(textOf(byPart(el, 'decline'))).to.equal('Ablehnen');
      await expect(el).to.be.accessible();

      byPart(el, 'accept').click();
      await titled(el, '✓ Anfrage angenommen');
      expect(text(el, '[part~="note"]')).to.equal(
        `Angenommen am ${formatDate(acceptedRequest.answeredAt!)}: Northwind Cloud Partners hat bis ${formatDate(acceptedRequest.expiresAt!)} eingeschränkte Administratorrechte für Ihr Unternehmen. Sie können die Rechte jederzeit unter „Ihre Partner“ widerrufen.`,
      );
      expect(textOf(byPart(el, 'partners-link'))).to.equal('Alle Ihre Partner anzeigen');
      await expect(el).to.be.accessible();
    });

    it('explains a lapsed request in German and a replaced one in Japanese', async () => {
      stub.on(`GET ${requestPath(code)}`, errors.expired);
      const de = await fixture<PartnerDelegationConsent>(html`<partner-delegation-consent api-base=${apiBase} token=${token} code=${code} locale="de"></partner-delegation-consent>`);
      await heading(de, 'Diese Anfrage ist abgelaufen');
      expect(text(de, '[part~="intro"]')).to.contain('Die Anfrage wurde nicht rechtzeitig beantwortet');
      stub.on(`GET ${requestPath(code)}`, errors.withdrawn);
      const ja = await fixture<PartnerDelegationConsent>(html`<partner-delegation-consent api-base=${apiBase} token=${token} code=${code} locale="ja"></partner-delegation-consent>`);
      await heading(ja, 'このリクエストは置き換えられました');
      expect(textOf(byPart(ja, 'partners-link'))).to.equal('すべてのパートナーを表示');
      await expect(ja).to.be.accessible();
    });

    it('shows the partners and their activity in Japanese, with the revoke confirmation; accessible', async () => {
      const el = await consentIn('ja', null);
      expect(text(el, '#partners-title')).to.equal('貴社のパートナー');
      const lit = rowOf(el, 'Litware IT Services');
      expect(textOf(lit.querySelector('[part~="advisor"]')!)).to.equal('アドバイザー');
      const [delegation, request] = pairs(lit.querySelector('[part~="delegation"]')!);
      expect(delegation![0]).to.equal('委任管理');
      expect(request![0]).to.equal('未回答のリクエスト');
      expect(request![1]).to.match(new RegExp(`、回答期限 ${formatDate(litware!.pendingRequest!.requestExpiresAt!)}$`));
      expect(textOf(lit.querySelector('[part~="review"]')!)).to.equal('リクエストを確認 （Litware IT Services）');

      expect(text(el, '#audit-title')).to.equal('パートナーのアクティビティ');
      expect(text(el, '[part~="audit"] [role="status"]')).to.equal('5件（さらに読み込めます）。');
      expect(textOf(byPart(el, 'download'))).to.equal('CSVをダウンロード');
      expect($<HTMLSelectElement>(el, '#audit-partner').options[0]!.textContent).to.equal('すべてのパートナー');
      expect(all(el, '[part~="entry"] [part~="badge"]').map(textOf)).to.deep.equal(['拒否']);
      await expect(el).to.be.accessible();

      const revoke = rowOf(el, 'Northwind Cloud Partners').querySelector<HTMLButtonElement>('[part~="revoke"]')!;
      expect(textOf(revoke)).to.equal('取り消す （Northwind Cloud Partners のアクセス権）');
      revoke.click();
      await el.updateComplete;
      expect(text(el, '[part~="confirm"] p')).to.equal(
        'Northwind Cloud Partners の制限付き管理権限を取り消しますか？取り消すと直ちに失効し、再び付与するにはパートナーからの新しいリクエストが必要です。',
      );
      expect(focused(el)?.textContent?.trim()).to.equal('アクセス権を維持');
      await expect(el).to.be.accessible();
    });

    it('renders again in the new language when its locale attribute changes', async () => {
      const el = await fixture<PartnerDelegationConsent>(html`<partner-delegation-consent api-base=${apiBase} code=${code}></partner-delegation-consent>`);
      expect(text(el, '[part~="intro"]')).to.equal('Sign in as a global admin of your company to see and answer this request.');
      el.setAttribute('locale', 'de');
      await until(() => title(el) === 'Anfrage eines Partners', 'German after locale="de"');
      expect(text(el, '[part~="intro"]')).to.equal('Melden Sie sich als globaler Administrator Ihres Unternehmens an, um diese Anfrage zu sehen und zu beantworten.');
      el.setAttribute('locale', 'ja');
      await until(() => title(el) === 'パートナーからのリクエスト', 'Japanese after locale="ja"');
      el.removeAttribute('code');
      await until(() => title(el) === '貴社のパートナー', 'the partners, in Japanese');
      await audit(el, 'signed out, Japanese');
    });
  });
});

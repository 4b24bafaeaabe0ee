import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/index.ts';
import type { PartnerSignup } from '../../components/index.ts';
import { formatDate } from '../../components/dates.ts';
import { getLocale } from '../../components/localize.ts';
import { stubFetch, type FetchStub } from './fetch-stub.ts';
import {
  customerMe,
  customerSession,
  existingCustomerRedemption,
  offerErrors,
  publicPurchaseOffer,
  publicTrialOffer,
  purchaseRedemption,
  trialRedemption,
} from './fixtures-offers.ts';
import { $, button, fill, heading, inputLabelled, text, backToEnglish } from './helpers.ts';

const apiBase = 'http://127.0.0.1:9'; // never reached: fetch is stubbed
const trialCode = publicTrialOffer.code;
const purchaseCode = publicPurchaseOffer.code;
const [office, security] = publicPurchaseOffer.items;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function signup(code: string): Promise<PartnerSignup> {
  const el = await fixture<PartnerSignup>(html`<partner-signup api-base=${apiBase} offer=${code}></partner-signup>`);
  await waitUntil(() => el.shadowRoot!.querySelector('#offer-title, #problem-title, [part~="problem"]'), 'the offer never loaded');
  return el;
}

function fillNewCustomer(el: PartnerSignup, company = 'Alpine Ski House') {
  fill(el, 'Company name', company);
  fill(el, 'Your name', 'Anna Alpine');
  fill(el, 'Email', 'anna@alpineski.example');
  fill(el, 'Password', 'alpine-ski-2026');
}

const submitButton = (el: PartnerSignup) => $<HTMLButtonElement>(el, '[part~="submit"]');
const posts = (stub: FetchStub) => stub.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/redemptions'));
const alertText = (el: PartnerSignup) => text(el, '[role="alert"]');
const all = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const textOf = (node: Element) => node.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<partner-signup>', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch({
      [`GET /api/public/offers/${trialCode}`]: { status: 200, body: publicTrialOffer },
      [`GET /api/public/offers/${purchaseCode}`]: { status: 200, body: publicPurchaseOffer },
      [`POST /api/public/offers/${trialCode}/redemptions`]: { status: 201, body: trialRedemption },
      [`POST /api/public/offers/${purchaseCode}/redemptions`]: { status: 201, body: purchaseRedemption },
      'POST /api/sessions': { status: 201, body: customerSession },
      'GET /api/me': { status: 200, body: customerMe },
      'DELETE /api/sessions/current': { status: 204 },
    });
  });
  afterEach(() => stub.restore());

  it('shows the advisor and what the trial contains, with the delegated-admin choice unticked; accessible', async () => {
    const el = await signup(trialCode);
    expect(text(el, '#offer-title')).to.equal('Mail trial for bakeries');
    expect(text(el, '[part~="intro"]')).to.equal('Northwind Cloud Partners invites you to try Business Mail free for 30 days.');
    expect(text(el, '#advisor-title')).to.equal('Your advisor: Northwind Cloud Partners');
    expect(all(el, '[part~="contact"] a').map((a) => [a.textContent, a.getAttribute('href')])).to.deep.equal([
      ['hello@northwind.example', 'mailto:hello@northwind.example'],
      ['+1 425 555 0100', 'tel:+14255550100'],
      ['northwind.example', 'https://northwind.example'],
    ]);
    expect(text(el, '[part~="item"] [part~="price"]')).to.equal('Free for 30 days, then $6.00 per license/month.');
    expect(el.shadowRoot!.querySelector('[part~="stepper"]')).to.equal(null);

    const consent = inputLabelled(el, 'Give Northwind Cloud Partners full administration of my company');
    expect(consent.type).to.equal('checkbox');
    expect(consent.checked).to.equal(false);
    expect(text(el, '#consent-description')).to.contain(publicTrialOffer.delegatedAdmin!.description);
    expect(inputLabelled(el, 'Password').minLength).to.equal(10);
    expect(text(el, '#password-hint')).to.equal('At least 10 characters, mixing letters with a digit or symbol.');
    expect(submitButton(el).textContent?.trim()).to.equal('Create account and start the trial');
    await expect(el).to.be.accessible();
  });

  it('reads the code from ?offer= in the page URL when it has no attribute', async () => {
    const before = location.href;
    history.replaceState(null, '', `?offer=${trialCode}`);
    try {
      const el = await fixture<PartnerSignup>(html`<partner-signup api-base=${apiBase}></partner-signup>`);
      await waitUntil(() => el.shadowRoot!.querySelector('#offer-title'), 'the offer never loaded');
      expect(el.code).to.equal(trialCode);
      expect(stub.calls[0]!.path).to.equal(`/api/public/offers/${trialCode}`);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('keeps each license count within its bounds and totals the month', async () => {
    const el = await signup(purchaseCode);
    expect(inputLabelled(el, 'Licenses of Office Suite Pro').value).to.equal('10');
    expect(inputLabelled(el, 'Licenses of Security Plus').value).to.equal('10');
    expect(text(el, '[part~="total"] output')).to.equal('$215.00');
    expect(text(el, `#licenses-${CSS.escape(security!.serviceId)}-bounds`)).to.equal('5 to 5000');

    fill(el, 'Licenses of Security Plus', '6');
    await el.updateComplete;
    const fewer = $(el, '[aria-label="One license fewer of Security Plus"]');
    fewer.click();
    await el.updateComplete;
    fewer.click(); // at the minimum: nothing happens
    await el.updateComplete;
    expect(inputLabelled(el, 'Licenses of Security Plus').value).to.equal('5');
    expect(fewer.getAttribute('aria-disabled')).to.equal('true');
    expect(text(el, '[part~="total"] output')).to.equal('$170.00');

    fill(el, 'Licenses of Office Suite Pro', '300');
    await el.updateComplete;
    $(el, '[aria-label="One license more of Office Suite Pro"]').click();
    await el.updateComplete;
    expect(inputLabelled(el, 'Licenses of Office Suite Pro').value).to.equal('300');

    fill(el, 'Licenses of Security Plus', '4');
    await el.updateComplete;
    expect(text(el, `#licenses-${CSS.escape(security!.serviceId)}-error`)).to.equal('Choose 5 to 5000.');
    expect(text(el, '[part~="total"] output')).to.equal('$3,750.00');
    // The browser's own check keeps the form from being sent.
    fillNewCustomer(el);
    submitButton(el).click();
    await el.updateComplete;
    expect(posts(stub)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('signs up a new customer with an Idempotency-Key, no token, and the chosen counts; then welcomes them', async () => {
    const el = await fixture<PartnerSignup>(html`
      <partner-session api-base=${apiBase} token="pks_someone-elses-session"><partner-signup offer=${purchaseCode}></partner-signup></partner-session>
    `);
    const signupEl = el.querySelector('partner-signup')!;
    await waitUntil(() => signupEl.shadowRoot!.querySelector('#offer-title'), 'the offer never loaded');
    fillNewCustomer(signupEl, 'Blue Yonder Airlines');
    fill(signupEl, 'Licenses of Office Suite Pro', '12');
    fill(signupEl, 'Licenses of Security Plus', '8');
    await signupEl.updateComplete;

    const completed = oneEvent(signupEl, 'partner-signup-completed');
    submitButton(signupEl).click();
    const event = await completed;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({ ...purchaseRedemption, companyName: 'Blue Yonder Airlines' });

    const [post] = posts(stub);
    expect(post!.headers.get('Idempotency-Key')).to.match(uuid);
    expect(post!.authorization).to.equal(null);
    expect(post!.body).to.deep.equal({
      company: { name: 'Blue Yonder Airlines' },
      admin: { email: 'anna@alpineski.example', displayName: 'Anna Alpine', password: 'alpine-ski-2026' },
      licenses: { [office!.serviceId]: 12, [security!.serviceId]: 8 },
      acceptDelegatedAdmin: false,
    });

    await heading(signupEl, '✓ Welcome, your company Blue Yonder Airlines is set up');
    expect(signupEl.shadowRoot!.activeElement?.id).to.equal('success-title');
    expect(all(signupEl, '[part~="subscriptions"] li').map(textOf)).to.deep.equal([
      'Office Suite Pro Active · 12 licenses',
      'Security Plus Active · 8 licenses',
    ]);
    expect(text(signupEl, '[part~="delegation"]')).to.equal(
      'You did not give Northwind Cloud Partners delegated administration. You can still grant it later.',
    );
    await expect(signupEl).to.be.accessible();
  });

  it('sends the delegated-admin consent only when ticked, and no licenses for a trial', async () => {
    const el = await signup(trialCode);
    fillNewCustomer(el);
    inputLabelled(el, 'Give Northwind Cloud Partners full administration of my company').click();
    submitButton(el).click();
    await waitUntil(() => el.shadowRoot!.querySelector('#success-title'), 'no success');
    expect(posts(stub)[0]!.body).to.deep.equal({
      company: { name: 'Alpine Ski House' },
      admin: { email: 'anna@alpineski.example', displayName: 'Anna Alpine', password: 'alpine-ski-2026' },
      acceptDelegatedAdmin: true,
    });
    expect(all(el, '[part~="subscriptions"] li').map(textOf)[0]).to.match(/^Business Mail Free trial until .+ · 25 licenses$/);
    expect(text(el, '[part~="delegation"]')).to.equal(
      'Northwind Cloud Partners now has full administration of your company. You can revoke it at any time.',
    );
  });

  it('sends exactly one request when the button is clicked twice, and shows it is busy', async () => {
    let release!: () => void;
    stub.on(`POST /api/public/offers/${trialCode}/redemptions`, {
      status: 201,
      body: trialRedemption,
      gate: new Promise<void>((resolve) => (release = resolve)),
    });
    const el = await signup(trialCode);
    fillNewCustomer(el);
    submitButton(el).click();
    submitButton(el).click();
    await el.updateComplete;
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(submitButton(el).textContent?.trim()).to.equal('Starting your trial…');
    submitButton(el).click();
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await el.updateComplete;
    expect(posts(stub)).to.have.length(1);
    release();
    await waitUntil(() => el.shadowRoot!.querySelector('#success-title'), 'no success');
    expect(posts(stub)).to.have.length(1);
  });

  it('retries the same data with the same key, and changed data with a new one', async () => {
    stub.on(`POST /api/public/offers/${trialCode}/redemptions`, offerErrors.rateLimited);
    const el = await signup(trialCode);
    fillNewCustomer(el);
    submitButton(el).click();
    await waitUntil(() => alertText(el) !== '', 'no message');
    expect(alertText(el)).to.equal('Too many sign-up attempts. Try again in 22 seconds.');

    submitButton(el).click();
    await el.updateComplete;
    await waitUntil(() => !submitButton(el).hasAttribute('aria-disabled'), 'still busy');
    expect(posts(stub)).to.have.length(2);
    fill(el, 'Company name', 'Alpine Ski House AG');
    await el.updateComplete;
    stub.on(`POST /api/public/offers/${trialCode}/redemptions`, { status: 201, body: trialRedemption });
    submitButton(el).click();
    await waitUntil(() => el.shadowRoot!.querySelector('#success-title'), 'no success');

    const keys = posts(stub).map((c) => c.headers.get('Idempotency-Key'));
    expect(keys[0]).to.match(uuid);
    expect(keys[1]).to.equal(keys[0]);
    expect(keys[2]).to.match(uuid).and.not.equal(keys[0]);
  });

  it('says "try again in a minute" for a 429 without Retry-After', async () => {
    const { headers: _, ...withoutHeader } = offerErrors.rateLimited;
    stub.on(`POST /api/public/offers/${trialCode}/redemptions`, withoutHeader);
    const el = await signup(trialCode);
    fillNewCustomer(el);
    submitButton(el).click();
    await waitUntil(() => alertText(el) !== '', 'no message');
    expect(alertText(el)).to.equal('Too many sign-up attempts. Try again in a minute.');
  });

  it('for an email that exists, says so and switches to sign-in with the email filled in', async () => {
    stub.on(`POST /api/public/offers/${trialCode}/redemptions`, offerErrors.emailTaken);
    const el = await signup(trialCode);
    fillNewCustomer(el);
    submitButton(el).click();
    await waitUntil(() => alertText(el) !== '', 'no message');
    expect(alertText(el)).to.equal('An account with this email exists — sign in instead to add the offer to your company.');
    await expect(el).to.be.accessible();

    button(el, 'Sign in instead').click();
    await el.updateComplete;
    expect(inputLabelled(el, 'I already have an account').checked).to.equal(true);
    expect(inputLabelled(el, 'Email').value).to.equal('anna@alpineski.example');
    expect(inputLabelled(el, 'Email').autocomplete).to.equal('username');
    expect(el.shadowRoot!.activeElement?.id).to.equal('sign-in-password');
    expect(alertText(el)).to.equal('');
  });

  it('signs an existing customer in and redeems into their company with their token', async () => {
    stub.on(`POST /api/public/offers/${purchaseCode}/redemptions`, { status: 201, body: existingCustomerRedemption });
    const el = await signup(purchaseCode);
    inputLabelled(el, 'I already have an account').click();
    await el.updateComplete;
    expect(submitButton(el).textContent?.trim()).to.equal('Sign in and subscribe');
    fill(el, 'Email', 'anna@alpineski.example');
    fill(el, 'Password', 'alpine-ski-2026');
    inputLabelled(el, 'Give Northwind Cloud Partners limited administration of my company').click();

    const completed = oneEvent(el, 'partner-signup-completed');
    submitButton(el).click();
    const event = await completed;
    expect(stub.calls.map((c) => `${c.method} ${c.path}`).slice(1)).to.deep.equal([
      'POST /api/sessions',
      'GET /api/me',
      `POST /api/public/offers/${purchaseCode}/redemptions`,
    ]);
    expect(stub.calls[1]!.body).to.deep.equal({ email: 'anna@alpineski.example', password: 'alpine-ski-2026' });
    expect(stub.calls[2]!.authorization).to.equal(`Bearer ${customerSession.token}`);
    const post = posts(stub)[0]!;
    expect(post.authorization).to.equal(`Bearer ${customerSession.token}`);
    expect(post.body).to.deep.equal({ licenses: { [office!.serviceId]: 10, [security!.serviceId]: 10 }, acceptDelegatedAdmin: true });
    // The redemption hands out no new session; the event carries the one this sign-in started.
    expect(event.detail).to.deep.equal({
      ...existingCustomerRedemption,
      token: customerSession.token,
      expiresAt: customerSession.expiresAt,
      companyName: 'Alpine Ski House',
    });
    await heading(el, '✓ Welcome, your company Alpine Ski House is set up');
  });

  it('keeps the sign-in after a refusal, and says when the company already has the service', async () => {
    stub.on(`POST /api/public/offers/${trialCode}/redemptions`, offerErrors.alreadySubscribed);
    const el = await signup(trialCode);
    inputLabelled(el, 'I already have an account').click();
    await el.updateComplete;
    fill(el, 'Email', 'anna@alpineski.example');
    fill(el, 'Password', 'alpine-ski-2026');
    submitButton(el).click();
    await waitUntil(() => alertText(el) !== '', 'no message');
    expect(alertText(el)).to.equal('Your company already has Business Mail on trial. Nothing was changed.');
    expect(text(el, '[part~="account"] p')).to.equal(
      'Signed in as Anna Alpine (anna@alpineski.example) of Alpine Ski House. The offer is added to this company.',
    );
    expect(submitButton(el).textContent?.trim()).to.equal('Start the trial');
    await expect(el).to.be.accessible();

    button(el, 'Use another account').click();
    await el.updateComplete;
    expect(stub.calls.at(-1)!.method + ' ' + stub.calls.at(-1)!.path).to.equal('DELETE /api/sessions/current');
    expect(inputLabelled(el, 'Email').value).to.equal('anna@alpineski.example');
    expect(inputLabelled(el, 'Password').value).to.equal('');
  });

  it('shows a wrong password from the sign-in', async () => {
    stub.on('POST /api/sessions', offerErrors.invalidCredentials);
    const el = await signup(trialCode);
    inputLabelled(el, 'I already have an account').click();
    await el.updateComplete;
    fill(el, 'Email', 'anna@alpineski.example');
    fill(el, 'Password', 'not-the-password-1');
    submitButton(el).click();
    await waitUntil(() => alertText(el) !== '', 'no message');
    expect(alertText(el)).to.equal('The email or password is not correct.');
    expect(posts(stub)).to.have.length(0);
  });

  it('shows 422 messages beside the fields they name', async () => {
    stub.on(`POST /api/public/offers/${purchaseCode}/redemptions`, offerErrors.invalidSignup);
    const el = await signup(purchaseCode);
    fillNewCustomer(el);
    submitButton(el).click();
    await waitUntil(() => alertText(el) !== '', 'no message');
    expect(alertText(el)).to.equal('The request is not valid; see details.');
    expect(text(el, '#company-name-error')).to.equal('Enter the company name.');
    expect(text(el, '#admin-name-error')).to.equal('Enter your name.');
    expect(text(el, '#email-error')).to.equal('Enter an email address like you@company.com.');
    expect(text(el, '#password-error')).to.equal('Use at least 10 characters. Mix letters with at least one digit or symbol.');
    expect(inputLabelled(el, 'Password').getAttribute('aria-describedby')).to.equal('password-hint password-error');
    await expect(el).to.be.accessible();

    stub.on(`POST /api/public/offers/${purchaseCode}/redemptions`, offerErrors.signupLicensesOutOfBounds);
    submitButton(el).click();
    await waitUntil(() => alertText(el) === 'The sign-up is not valid; see details.');
    expect(text(el, `#licenses-${CSS.escape(security!.serviceId)}-error`)).to.equal('Security Plus takes between 5 and 5000 licenses.');
  });

  it('says when the offer was withdrawn while the form was open', async () => {
    stub.on(`POST /api/public/offers/${trialCode}/redemptions`, offerErrors.offerRevoked);
    const el = await signup(trialCode);
    fillNewCustomer(el);
    submitButton(el).click();
    await heading(el, 'This offer was withdrawn');
    expect(text(el, '[part~="intro"]')).to.contain('Nothing was created. Ask your advisor for a new link.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('problem-title');
  });

  it('says when the link is unknown, revoked or expired', async () => {
    stub.on('GET /api/public/offers/nope', offerErrors.unknownOffer);
    stub.on('GET /api/public/offers/gone', offerErrors.offerRevoked);
    stub.on('GET /api/public/offers/late', offerErrors.offerExpired);
    const unknown = await signup('nope');
    await heading(unknown, 'This offer link is not valid');
    await expect(unknown).to.be.accessible();
    await heading(await signup('gone'), 'This offer was withdrawn');
    await heading(await signup('late'), 'This offer has expired');
  });

  describe('languages', () => {
    const until = (test: () => unknown, what: string) => waitUntil(test, what, { timeout: 3000 });
    async function signupIn(locale: string, code: string): Promise<PartnerSignup> {
      const el = await fixture<PartnerSignup>(html`<partner-signup api-base=${apiBase} offer=${code} locale=${locale}></partner-signup>`);
      await until(() => getLocale() === locale && el.shadowRoot!.querySelector('#offer-title'), `the offer in ${locale}`);
      await el.updateComplete;
      return el;
    }

    afterEach(async () => {
      await backToEnglish();
    });

    it('shows a trial offer in German, signs up and welcomes in German; accessible', async () => {
      const el = await signupIn('de', trialCode);
      expect(text(el, '[part~="eyebrow"]')).to.equal('Testeinladung');
      expect(text(el, '#offer-title')).to.equal('Mail trial for bakeries'); // the partner's own name for it
      expect(text(el, '[part~="intro"]')).to.equal('Northwind Cloud Partners lädt Sie ein, Business Mail 30 Tage lang kostenlos zu testen.');
      expect(text(el, '#advisor-title')).to.equal('Ihr Berater: Northwind Cloud Partners');
      // text() makes the no-break space before "$" a space.
      expect(text(el, '[part~="price"]')).to.equal('30 Tage kostenlos, danach 6,00 $ pro Lizenz und Monat.');
      expect(text(el, '#password-hint')).to.equal('Mindestens 10 Zeichen: Buchstaben und dazu eine Ziffer oder ein Sonderzeichen.');
      expect(submitButton(el).textContent?.trim()).to.equal('Konto erstellen und Testphase starten');
      await expect(el).to.be.accessible();

      stub.on(`POST /api/public/offers/${trialCode}/redemptions`, offerErrors.rateLimited);
      fill(el, 'Unternehmensname', 'Alpine Ski House');
      fill(el, 'Ihr Name', 'Anna Alpine');
      fill(el, 'E-Mail-Adresse', 'anna@alpineski.example');
      fill(el, 'Passwort', 'alpine-ski-2026');
      inputLabelled(el, 'Northwind Cloud Partners vollständige Administratorrechte für mein Unternehmen erteilen').click();
      submitButton(el).click();
      await until(() => alertText(el) !== '', 'no message');
      expect(alertText(el)).to.equal('Zu viele Registrierungsversuche. Versuchen Sie es in 22 Sekunden erneut.');

      stub.on(`POST /api/public/offers/${trialCode}/redemptions`, { status: 201, body: trialRedemption });
      submitButton(el).click();
      await heading(el, '✓ Willkommen! Ihr Unternehmen Alpine Ski House ist eingerichtet');
      expect(all(el, '[part~="subscriptions"] li').map(textOf)).to.deep.equal([
        `Business Mail Kostenlose Testphase bis ${formatDate(trialRedemption.subscriptions[0]!.trialEndsAt!)} · 25 Lizenzen`,
      ]);
      expect(text(el, '[part~="delegation"]')).to.equal(
        'Northwind Cloud Partners hat jetzt vollständige Administratorrechte für Ihr Unternehmen. Sie können diese jederzeit widerrufen.',
      );
      await expect(el).to.be.accessible();
    });

    it('shows a purchase offer in Japanese, with the sign-in for an existing account and its refusals; accessible', async () => {
      const el = await signupIn('ja', purchaseCode);
      expect(text(el, '[part~="eyebrow"]')).to.equal('オファー');
      expect(text(el, '[part~="intro"]')).to.equal(
        `Northwind Cloud Partners から、次のサービスのご提案が届いています。ライセンス数は必要に応じて調整してください。${formatDate(publicPurchaseOffer.expiresAt!)}まで有効です。`,
      );
      expect(text(el, '#items-title')).to.equal('ご提供内容');
      expect(text(el, '#total-label')).to.equal('月額合計');
      expect(submitButton(el).textContent?.trim()).to.equal('アカウントを作成して申し込む');

      stub.on(`POST /api/public/offers/${purchaseCode}/redemptions`, {
        status: 403,
        body: { error: { code: 'forbidden', message: 'Only an admin of a customer company who manages subscriptions can redeem an offer into it.' } },
      });
      inputLabelled(el, 'アカウントをお持ちの方').click();
      await el.updateComplete;
      expect(submitButton(el).textContent?.trim()).to.equal('サインインして申し込む');
      fill(el, 'メールアドレス', 'anna@alpineski.example');
      fill(el, 'パスワード', 'alpine-ski-2026');
      submitButton(el).click();
      await until(() => alertText(el) !== '', 'no message');
      // Who may redeem, and what to do here, in the widget's own words (the general text for the code would say less).
      expect(alertText(el)).to.equal(
        'オファーを会社に追加できるのは、サブスクリプションを管理する顧客企業の管理者のみです。顧客企業の管理者としてサインインするか、新規のお客様として登録してください。',
      );
      expect(text(el, '[part~="account"] p')).to.equal('Alpine Ski House の Anna Alpine（anna@alpineski.example）としてサインインしています。オファーはこの会社に追加されます。');
      expect(submitButton(el).textContent?.trim()).to.equal('申し込む');
      await expect(el).to.be.accessible();

      stub.on(`POST /api/public/offers/${purchaseCode}/redemptions`, offerErrors.alreadySubscribed);
      submitButton(el).click();
      await until(() => alertText(el).startsWith('貴社'), 'no message');
      // The BFF's English message names the service; in Japanese the widget says it in its own words.
      expect(alertText(el)).to.equal('貴社はこのオファーのサービスをすでにご利用中です。変更は行われていません。');
    });

    it('says in German and Japanese that a link is not valid or the offer was withdrawn', async () => {
      stub.on('GET /api/public/offers/nope', offerErrors.unknownOffer);
      stub.on('GET /api/public/offers/gone', offerErrors.offerRevoked);
      const unknown = await fixture<PartnerSignup>(html`<partner-signup api-base=${apiBase} offer="nope" locale="de"></partner-signup>`);
      await heading(unknown, 'Dieser Angebotslink ist ungültig');
      await expect(unknown).to.be.accessible();
      const gone = await fixture<PartnerSignup>(html`<partner-signup api-base=${apiBase} offer="gone" locale="ja"></partner-signup>`);
      await heading(gone, 'このオファーは取り下げられました');
      expect(text(gone, '[part~="intro"]')).to.contain('何も作成されていません。');
    });

    it('renders again in the new language when its locale attribute changes', async () => {
      const el = await signup(trialCode);
      expect(submitButton(el).textContent?.trim()).to.equal('Create account and start the trial');
      el.setAttribute('locale', 'de');
      await until(() => submitButton(el).textContent?.trim() === 'Konto erstellen und Testphase starten', 'German after locale="de"');
      expect(text(el, '#account-title')).to.equal('Ihr Konto');
      el.setAttribute('locale', 'ja');
      await until(() => submitButton(el).textContent?.trim() === 'アカウントを作成してトライアルを開始', 'Japanese after locale="ja"');
      expect(text(el, '#consent-title')).to.equal('委任管理');
      el.setAttribute('locale', 'en');
      await until(() => text(el, '#account-title') === 'Your account', 'English again');
    });
  });
});

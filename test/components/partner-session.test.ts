import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/index.ts';
import type { PartnerSession, PartnerSignIn } from '../../components/index.ts';
import { stubFetch, type FetchStub } from './fetch-stub.ts';
import { button, fill, heading, text } from './helpers.ts';
import { adminMe, adminSession, demoPassword, errors } from './fixtures.ts';

const apiBase = 'http://127.0.0.1:9'; // never reached: fetch is stubbed

describe('<partner-session>', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch({
      'POST /api/sessions': { status: 201, body: adminSession },
      'GET /api/me': (call) =>
        call.authorization === `Bearer ${adminSession.token}` ? { status: 200, body: adminMe } : errors.invalidToken,
      'DELETE /api/sessions/current': { status: 204 },
    });
    localStorage.clear();
    sessionStorage.clear();
  });
  afterEach(() => stub.restore());

  async function twoWidgets(token?: string) {
    const session = await fixture<PartnerSession>(html`
      <partner-session api-base=${apiBase} .token=${token ?? null}>
        <partner-sign-in id="a"></partner-sign-in>
        <div><partner-sign-in id="b"></partner-sign-in></div>
      </partner-session>
    `);
    const [a, b] = [...session.querySelectorAll('partner-sign-in')] as [PartnerSignIn, PartnerSignIn];
    return { session, a, b };
  }

  it('gives every widget inside the same client, for its api-base', async () => {
    const { session, a, b } = await twoWidgets();
    expect(a.client).to.equal(session.client);
    expect(b.client).to.equal(session.client);
    expect(session.client.apiBase).to.equal(apiBase);
    expect(session.client.hasCredentials).to.equal(false);
    await expect(session).to.be.accessible();
  });

  it('hands a new client to the widgets when its token changes', async () => {
    const { session, a, b } = await twoWidgets();
    const before = session.client;
    session.token = adminSession.token;
    await heading(a, 'Signed in');
    await heading(b, 'Signed in');
    expect(session.client).not.to.equal(before);
    expect(a.client).to.equal(session.client);
    expect(b.client).to.equal(session.client);
    expect(stub.calls.filter((c) => c.path === '/api/me').map((c) => c.authorization)).to.deep.equal([
      `Bearer ${adminSession.token}`,
      `Bearer ${adminSession.token}`,
    ]);
  });

  it('is signed in by a widget inside it, so the other widgets follow; signing out signs all out', async () => {
    const { session, a, b } = await twoWidgets();
    fill(a, 'Email', 'admin@northwind.example');
    fill(a, 'Password', demoPassword);
    const signedIn = oneEvent(session, 'partner-signed-in');
    button(a, 'Sign in').click();
    await signedIn;
    expect(session.token).to.equal(adminSession.token);
    await heading(a, 'Signed in');
    await heading(b, 'Signed in');
    expect(text(b, '[part~="name"]')).to.equal('Ada Admin');

    // Memory only: the token is not written to storage, cookies or the DOM.
    expect([localStorage.length, sessionStorage.length, document.cookie]).to.deep.equal([0, 0, '']);
    expect(session.hasAttribute('token')).to.equal(false);

    button(b, 'Sign out').click();
    await oneEvent(session, 'partner-signed-out');
    expect(session.token).to.equal(null);
    await heading(a, 'Sign in');
    await heading(b, 'Sign in');
  });

  it('lets only the nearest of nested sessions take a sign-in', async () => {
    const outer = await fixture<PartnerSession>(html`
      <partner-session api-base=${apiBase} .token=${'pks_outer'}>
        <partner-session id="inner" api-base=${apiBase}><partner-sign-in></partner-sign-in></partner-session>
      </partner-session>
    `);
    const inner = outer.querySelector<PartnerSession>('#inner')!;
    const widget = inner.querySelector('partner-sign-in')!;
    expect(widget.client).to.equal(inner.client);
    await heading(widget, 'Sign in');
    fill(widget, 'Email', 'admin@northwind.example');
    fill(widget, 'Password', demoPassword);
    button(widget, 'Sign in').click();
    await heading(widget, 'Signed in');
    expect([inner.token, outer.token]).to.deep.equal([adminSession.token, 'pks_outer']);
  });

  it('shows the sign-in form with the server\u2019s message when its token has expired', async () => {
    const { a } = await twoWidgets('pks_expired');
    await waitUntil(() => a.shadowRoot!.querySelector('[role="alert"]')?.textContent !== '', 'no message');
    await heading(a, 'Sign in');
    expect(text(a, '[role="alert"]')).to.equal('The token is unknown, expired or revoked; sign in again.');
  });
});

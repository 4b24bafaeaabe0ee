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

  describe('with fetchToken', () => {
    const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
    /** A fetchToken that hands out the given answers in turn (the last one again when they run out). */
    function tokens(...answers: Array<string | { token: string; expiresAt: string }>) {
      const fn = Object.assign(async () => answers[Math.min(fn.calls++, answers.length - 1)]!, { calls: 0 });
      return fn;
    }
    const meCalls = () => stub.calls.filter((c) => c.path === '/api/me').map((c) => c.authorization);

    it('calls it at start, and every widget inside shares the one client that sends its token', async () => {
      const fetchToken = tokens({ token: adminSession.token, expiresAt: inAnHour() });
      const session = await fixture<PartnerSession>(html`
        <partner-session api-base=${apiBase} .fetchToken=${fetchToken}>
          <partner-sign-in id="a"></partner-sign-in>
          <partner-sign-in id="b"></partner-sign-in>
        </partner-session>
      `);
      const [a, b] = [...session.querySelectorAll('partner-sign-in')] as [PartnerSignIn, PartnerSignIn];
      await heading(a, 'Signed in');
      await heading(b, 'Signed in');
      expect(fetchToken.calls).to.equal(1);
      expect(a.client).to.equal(session.client);
      expect(b.client).to.equal(session.client);
      expect(meCalls()).to.deep.equal([`Bearer ${adminSession.token}`, `Bearer ${adminSession.token}`]);
      expect([localStorage.length, sessionStorage.length, document.cookie]).to.deep.equal([0, 0, '']);
    });

    it('asks again shortly before the token expires, without changing the client', async () => {
      stub.on('GET /api/me', (call) => (call.authorization === 'Bearer pks_second' ? { status: 200, body: adminMe } : errors.invalidToken));
      const fetchToken = tokens({ token: 'pks_first', expiresAt: new Date(Date.now() + 800).toISOString() }, { token: 'pks_second', expiresAt: inAnHour() });
      const session = await fixture<PartnerSession>(html`<partner-session api-base=${apiBase} .fetchToken=${fetchToken}></partner-session>`);
      const client = session.client;
      await waitUntil(() => fetchToken.calls === 2, 'fetchToken was not called again before expiry', { timeout: 3000 });
      expect(session.client).to.equal(client);
      await session.client.me();
      expect(meCalls()).to.deep.equal(['Bearer pks_second']);
    });

    it('after a 401 gets a new token and sends the refused request once more', async () => {
      const fetchToken = tokens('pks_stale', { token: adminSession.token, expiresAt: inAnHour() });
      const session = await fixture<PartnerSession>(html`<partner-session api-base=${apiBase} .fetchToken=${fetchToken}></partner-session>`);
      const me = await session.client.me();
      expect(me.user.email).to.equal('admin@northwind.example');
      expect(meCalls()).to.deep.equal(['Bearer pks_stale', `Bearer ${adminSession.token}`]);
      expect(fetchToken.calls).to.equal(2);
    });

    it('retries only once: a second 401 reaches the widget', async () => {
      const fetchToken = tokens('pks_one', 'pks_two', 'pks_three');
      const session = await fixture<PartnerSession>(html`<partner-session api-base=${apiBase} .fetchToken=${fetchToken}></partner-session>`);
      const error = await session.client.me().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).to.have.property('status', 401);
      expect(meCalls()).to.deep.equal(['Bearer pks_one', 'Bearer pks_two']);
    });

    it('reports a failing fetchToken as an error the widgets can show', async () => {
      const session = await fixture<PartnerSession>(html`
        <partner-session api-base=${apiBase} .fetchToken=${async () => Promise.reject(new Error('backend down'))}>
          <partner-sign-in></partner-sign-in>
        </partner-session>
      `);
      const error = await session.client.me().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).to.have.property('code', 'token_unavailable');
      expect(meCalls()).to.deep.equal([]);
    });
  });
});

import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/index.ts';
import type { PartnerSignIn } from '../../components/index.ts';
import { stubFetch, type FetchStub } from './fetch-stub.ts';
import { button, fill, heading, inputLabelled, text } from './helpers.ts';
import {
  adminMe,
  adminSession,
  changedMe,
  changedSession,
  demoPassword,
  errors,
  temporaryMe,
  temporaryPassword,
  temporarySession,
} from './fixtures.ts';
import { audit } from './axe.ts';

const apiBase = 'http://127.0.0.1:9'; // never reached: fetch is stubbed

async function signInForm(): Promise<PartnerSignIn> {
  const el = await fixture<PartnerSignIn>(html`<partner-sign-in api-base=${apiBase}></partner-sign-in>`);
  await heading(el, 'Sign in');
  return el;
}

async function signIn(el: PartnerSignIn, email = 'admin@northwind.example', password = demoPassword) {
  fill(el, 'Email', email);
  fill(el, 'Password', password);
  button(el, 'Sign in').click();
}

describe('<partner-sign-in>', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch({
      'POST /api/sessions': { status: 201, body: adminSession },
      'GET /api/me': (call) =>
        call.authorization === `Bearer ${adminSession.token}` ? { status: 200, body: adminMe } : errors.invalidToken,
      'DELETE /api/sessions/current': { status: 204 },
    });
  });
  afterEach(() => stub.restore());

  it('renders a form with labelled email and password fields and is accessible', async () => {
    const el = await signInForm();
    const email = inputLabelled(el, 'Email');
    const password = inputLabelled(el, 'Password');
    expect(email.type).to.equal('email');
    expect(email.autocomplete).to.equal('username');
    expect(email.required).to.equal(true);
    expect(password.type).to.equal('password');
    expect(password.autocomplete).to.equal('current-password');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('');
    expect(stub.calls).to.have.length(0); // no token: nothing to ask the server
    await expect(el).to.be.accessible();
  });

  it('signs in through the API, fires partner-signed-in and shows who is signed in', async () => {
    const el = await signInForm();
    const signedIn = oneEvent(el, 'partner-signed-in');
    await signIn(el);
    const event = await signedIn;
    expect(event.detail).to.deep.equal(adminSession);
    expect(event.bubbles && event.composed).to.equal(true);

    await heading(el, 'Signed in');
    expect(stub.calls.map((c) => `${c.method} ${c.url}`)).to.deep.equal([`POST ${apiBase}/api/sessions`, `GET ${apiBase}/api/me`]);
    expect(stub.calls[0]!.body).to.deep.equal({ email: 'admin@northwind.example', password: demoPassword });
    expect(stub.calls[1]!.authorization).to.equal(`Bearer ${adminSession.token}`);
    expect(text(el, '[part~="name"]')).to.equal('Ada Admin');
    expect(text(el, '[part~="email"]')).to.equal('admin@northwind.example');
    const rows = [...el.shadowRoot!.querySelectorAll('[part~="details"] > div')].map((row) =>
      [...row.children].map((cell) => cell.textContent),
    );
    expect(rows).to.deep.equal([
      ['Company', 'Northwind Cloud Partners'],
      ['Roles', 'Global admin'],
      ['Partner access', 'Full'],
    ]);
    // Focus follows the view, so keyboard and screen-reader users are not left on <body>.
    expect(el.shadowRoot!.activeElement?.id).to.equal('signed-in-title');
    await expect(el).to.be.accessible();
  });

  it('shows the server\u2019s message in the alert region when the password is wrong', async () => {
    stub.on('POST /api/sessions', errors.invalidCredentials);
    const el = await signInForm();
    await signIn(el, 'admin@northwind.example', 'not-the-password');
    await waitUntil(() => text(el, '[role="alert"]') !== '', 'no message');
    expect(text(el, '[role="alert"]')).to.equal('The email or password is not correct.');
    expect(inputLabelled(el, 'Email').value).to.equal('admin@northwind.example'); // kept for the next try
    await expect(el).to.be.accessible();
  });

  it('puts validation details beside their fields', async () => {
    stub.on('POST /api/sessions', errors.signInInvalid);
    const el = await signInForm();
    await signIn(el, 'nope@x', 'x'); // passes the browser's checks; the server finds fault
    await waitUntil(() => text(el, '[role="alert"]') !== '', 'no message');
    expect(text(el, '[role="alert"]')).to.equal('The request is not valid; see details.');
    const email = inputLabelled(el, 'Email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, `#${email.getAttribute('aria-describedby')}`)).to.equal('Invalid email address');
  });

  it('shows a loading state on the submit button while signing in', async () => {
    let release!: () => void;
    stub.on('POST /api/sessions', { status: 201, body: adminSession, gate: new Promise<void>((r) => (release = r)) });
    const el = await signInForm();
    await signIn(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="submit"]')?.getAttribute('aria-disabled') === 'true');
    expect(text(el, '[part~="submit"]')).to.equal('Signing in…');
    expect(inputLabelled(el, 'Email').readOnly).to.equal(true);
    await audit(el, 'signing in');
    release();
    await heading(el, 'Signed in');
  });

  it('signs out: ends the session on the server and fires partner-signed-out', async () => {
    const el = await signInForm();
    await signIn(el);
    await heading(el, 'Signed in');

    const signedOut = oneEvent(el, 'partner-signed-out');
    button(el, 'Sign out').click();
    await signedOut;
    await heading(el, 'Sign in');
    const last = stub.calls.at(-1)!;
    expect([last.method, last.path, last.authorization]).to.deep.equal(['DELETE', '/api/sessions/current', `Bearer ${adminSession.token}`]);
    expect(el.shadowRoot!.activeElement?.id).to.equal('email');
  });

  it('asks for a new password when the session needs one, then signs in with the new session', async () => {
    stub.on('POST /api/sessions', { status: 201, body: temporarySession });
    stub.on('GET /api/me', (call) =>
      call.authorization === `Bearer ${temporarySession.token}`
        ? { status: 200, body: temporaryMe }
        : call.authorization === `Bearer ${changedSession.token}`
          ? { status: 200, body: changedMe }
          : errors.invalidToken,
    );
    stub.on('PUT /api/me/password', (call) =>
      (call.body as { currentPassword: string }).currentPassword === temporaryPassword
        ? { status: 200, body: changedSession }
        : errors.wrongCurrentPassword,
    );
    const el = await signInForm();
    await signIn(el, 'temp@tempco.example', temporaryPassword);
    await heading(el, 'Choose a new password');
    expect(el.shadowRoot!.activeElement?.id).to.equal('current-password');
    expect(inputLabelled(el, 'New password').autocomplete).to.equal('new-password');
    await expect(el).to.be.accessible();

    // A wrong current password: the server's message, beside the field too.
    fill(el, 'Temporary password', 'wrong-one');
    fill(el, 'New password', 'new-password-2026');
    button(el, 'Change password').click();
    await waitUntil(() => text(el, '[role="alert"]') !== '', 'no message');
    expect(text(el, '[role="alert"]')).to.equal('The current password is not correct.');
    expect(inputLabelled(el, 'Temporary password').getAttribute('aria-invalid')).to.equal('true');

    const signedIn = oneEvent(el, 'partner-signed-in');
    fill(el, 'Temporary password', temporaryPassword);
    button(el, 'Change password').click();
    expect((await signedIn).detail).to.deep.equal(changedSession);
    await heading(el, 'Signed in');
    const put = stub.calls.findLast((c) => c.method === 'PUT')!;
    expect([put.path, put.authorization, put.body]).to.deep.equal([
      '/api/me/password',
      `Bearer ${temporarySession.token}`,
      { currentPassword: temporaryPassword, newPassword: 'new-password-2026' },
    ]);
    expect(stub.calls.at(-1)!.authorization).to.equal(`Bearer ${changedSession.token}`);
    expect(text(el, '[part~="name"]')).to.equal('Tina Temp');
  });
});

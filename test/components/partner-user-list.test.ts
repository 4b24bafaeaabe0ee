import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/index.ts';
import type { PartnerRolePicker, PartnerUserList } from '../../components/index.ts';
import { stubFetch, type Answer, type FetchStub, type RecordedCall } from './fetch-stub.ts';
import {
  adminMe,
  allUsers,
  createdLena,
  errors,
  firstPage,
  passwordsMe,
  peopleMe,
  roles,
  searchNone,
  searchPat,
  secondPage,
  staffMe,
  stuReset,
  stuUpdated,
  users,
} from './fixtures-company.ts';
import { button, fill, inputLabelled, pick, text, backToEnglish } from './helpers.ts';
import { audit } from './axe.ts';

const apiBase = 'http://127.0.0.1:9'; // never reached: fetch is stubbed

function rowOf(list: PartnerUserList, name: string): HTMLElement {
  const row = [...list.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')].find((r) => r.querySelector('[part~="name"]')?.textContent === name);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

function buttonsOf(row: HTMLElement): string[] {
  return [...row.querySelectorAll('button')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
}

function dialog(list: PartnerUserList): HTMLDialogElement {
  return list.shadowRoot!.querySelector('dialog')!;
}

async function listed(list: PartnerUserList) {
  await waitUntil(() => list.shadowRoot!.querySelector('[part~="row"]'), 'no users were listed');
  return list;
}

function picker(list: PartnerUserList): PartnerRolePicker {
  return list.shadowRoot!.querySelector('partner-role-picker')!;
}

const usersCalls = (stub: FetchStub) => stub.calls.filter((c) => c.method === 'GET' && c.path === '/api/users');

describe('<partner-user-list>', () => {
  let stub: FetchStub;
  let me = adminMe;
  beforeEach(() => {
    me = adminMe;
    stub = stubFetch({
      'GET /api/me': () => ({ status: 200, body: me }),
      'GET /api/roles': { status: 200, body: roles },
      'GET /api/users': (call: RecordedCall): Answer => {
        const q = call.query.get('q');
        if (q === 'pat') return { status: 200, body: searchPat };
        if (q) return { status: 200, body: searchNone };
        if (call.query.get('cursor') === firstPage.nextCursor) return { status: 200, body: secondPage };
        return { status: 200, body: call.query.get('limit') === '3' ? firstPage : allUsers };
      },
    });
  });
  afterEach(() => stub.restore());

  async function list(pageSize?: number) {
    return listed(
      await fixture<PartnerUserList>(html`<partner-user-list api-base=${apiBase} token="pks_admin" page-size=${pageSize ?? 25}></partner-user-list>`),
    );
  }

  it('lists the users with their roles, partner access and badges, and is accessible', async () => {
    stub.on('GET /api/users', {
      status: 200,
      body: { items: [users.ada, { ...users.bill, disabled: true }, { ...users.stu, passwordTemporary: true }], nextCursor: null },
    });
    const el = await list();
    const rows = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')].map((r) => ({
      who: [...r.querySelectorAll('[part~="name"], [part~="email"]')].map((n) => n.textContent).join(' '),
      access: [...r.querySelectorAll('[part~="access"] > div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]),
      badges: [...r.querySelectorAll('[part~="badge"]')].map((b) => b.textContent),
    }));
    expect(rows).to.deep.equal([
      { who: 'Ada Admin admin@northwind.example', access: [['Admin role', 'Global admin'], ['Partner access', 'Full']], badges: ['You'] },
      { who: 'Bill Ledger billing@northwind.example', access: [['Admin role', 'Billing admin'], ['Partner access', 'None']], badges: ['Disabled'] },
      { who: 'Stu Staff staff@northwind.example', access: [['Admin role', 'None'], ['Partner access', 'None']], badges: ['Must change password'] },
    ]);
    expect(text(el, '[part~="status"]')).to.equal('3 users.');
    expect(stub.calls.every((c) => c.authorization === 'Bearer pks_admin')).to.equal(true);
    // A global admin may do everything, except resetting their own password here.
    expect(button(el, 'Add user')).to.exist;
    expect(buttonsOf(rowOf(el, 'Ada Admin'))).to.deep.equal(['Edit Ada Admin']);
    expect(buttonsOf(rowOf(el, 'Stu Staff'))).to.deep.equal(['Edit Stu Staff', 'Reset password of Stu Staff']);
    await expect(el).to.be.accessible();
  });

  it('shows each access value beside its label, and under it when the widget is phone-wide', async () => {
    const el = await list();
    const pair = () => {
      const [dt, dd] = [...rowOf(el, 'Bill Ledger').querySelectorAll('[part~="access"] > div')][0]!.children as unknown as HTMLElement[];
      return { label: dt!.getBoundingClientRect(), value: dd!.getBoundingClientRect() };
    };
    el.style.width = '60rem';
    await el.updateComplete;
    const wide = pair();
    expect(wide.value.left, 'beside').to.be.greaterThan(wide.label.right);
    el.style.width = '22rem';
    await el.updateComplete;
    const narrow = pair();
    expect(narrow.value.top, 'under').to.be.at.least(narrow.label.bottom);
    expect(narrow.value.left).to.equal(narrow.label.left);
  });

  it('creates a user with the role picker and shows the temporary password once', async () => {
    stub.on('POST /api/users', { status: 201, body: createdLena });
    const el = await list();
    button(el, 'Add user').click();
    await waitUntil(() => dialog(el).open, 'the dialog did not open');
    expect(el.shadowRoot!.activeElement?.id).to.equal('display-name');
    fill(el, 'Display name', 'Lena Limited');
    fill(el, 'Email', 'lena@northwind.example');
    await waitUntil(() => picker(el).shadowRoot!.querySelector('[part~="picker"]'));
    await pick(picker(el), 'partner', 'Yes');
    await pick(picker(el), 'partner', 'Limited');
    await expect(el).to.be.accessible();

    const created = oneEvent(el, 'partner-user-created');
    const before = usersCalls(stub).length;
    button(el, 'Create user').click();
    const event = await created;
    expect(event.detail).to.deep.equal(createdLena.user);
    expect(event.bubbles && event.composed).to.equal(true);
    const post = stub.calls.find((c) => c.method === 'POST')!;
    expect(post.body).to.deep.equal({ displayName: 'Lena Limited', email: 'lena@northwind.example', companyRoles: [], partnerAccess: 'limited' });

    await el.updateComplete;
    const password = inputLabelled(el, 'Temporary password');
    expect(password.value).to.equal(createdLena.temporaryPassword);
    expect(password.readOnly).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(password);
    expect(text(el, '#dialog-title')).to.equal('User added');
    expect(text(el, '[part~="once-note"]')).to.match(/^Shown once\./);
    expect(button(el, 'Copy')).to.exist;
    await waitUntil(() => usersCalls(stub).length > before, 'the list was not reloaded');
    await expect(el).to.be.accessible();

    button(el, 'Done').click();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(el.shadowRoot!.innerHTML).not.to.contain(createdLena.temporaryPassword);
  });

  it('edits a user: PATCHes only what changed and fires partner-user-updated', async () => {
    stub.on('PATCH /api/users/' + users.stu.id, { status: 200, body: stuUpdated });
    const el = await list();
    button(el, 'Edit Stu Staff').click();
    await waitUntil(() => dialog(el).open);
    expect(text(el, '#dialog-title')).to.equal('Edit Stu Staff');
    expect(inputLabelled(el, 'Display name').value).to.equal('Stu Staff');
    expect(inputLabelled(el, 'Account disabled').checked).to.equal(false);
    fill(el, 'Display name', 'Stu Staffer');
    await waitUntil(() => picker(el).shadowRoot!.querySelector('[part~="picker"]'));
    expect(picker(el).value).to.deep.equal({ companyRoles: [], partnerAccess: 'none' });
    await pick(picker(el), 'company', 'Yes');
    await pick(picker(el), 'company', 'Service admin');

    const updated = oneEvent(el, 'partner-user-updated');
    button(el, 'Save changes').click();
    expect((await updated).detail).to.deep.equal(stuUpdated);
    const patch = stub.calls.find((c) => c.method === 'PATCH')!;
    expect([patch.path, patch.body]).to.deep.equal([`/api/users/${users.stu.id}`, { displayName: 'Stu Staffer', companyRoles: ['service_admin'] }]);
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(rowOf(el, 'Stu Staffer').textContent).to.contain('Service admin');
  });

  it('disables a user with the toggle', async () => {
    stub.on('PATCH /api/users/' + users.stu.id, { status: 200, body: { ...users.stu, disabled: true } });
    const el = await list();
    button(el, 'Edit Stu Staff').click();
    await waitUntil(() => dialog(el).open);
    inputLabelled(el, 'Account disabled').click();
    const updated = oneEvent(el, 'partner-user-updated');
    button(el, 'Save changes').click();
    await updated;
    expect(stub.calls.find((c) => c.method === 'PATCH')!.body).to.deep.equal({ disabled: true });
    await el.updateComplete;
    expect(rowOf(el, 'Stu Staff').textContent).to.contain('Disabled');
  });

  it('resets a password after a confirmation and shows the temporary password once', async () => {
    stub.on(`POST /api/users/${users.stu.id}/reset-password`, { status: 200, body: stuReset });
    const el = await list();
    button(el, 'Reset password of Stu Staff').click();
    await waitUntil(() => dialog(el).open);
    expect(text(el, '#dialog-title')).to.equal('Reset the password of Stu Staff?');
    expect(stub.calls.some((c) => c.method === 'POST')).to.equal(false); // nothing happens before the confirmation
    expect(el.shadowRoot!.activeElement?.id).to.equal('confirm-reset');
    await expect(el).to.be.accessible();

    const reset = oneEvent(el, 'partner-password-reset');
    button(el, 'Reset password').click();
    expect((await reset).detail).to.deep.equal({ user: stuReset.user });
    await el.updateComplete;
    expect(text(el, '#dialog-title')).to.equal('Password reset');
    expect(inputLabelled(el, 'Temporary password').value).to.equal(stuReset.temporaryPassword);
    expect(rowOf(el, 'Stu Staff').textContent).to.contain('Must change password');
    button(el, 'Done').click();
    await el.updateComplete;
    expect(el.shadowRoot!.innerHTML).not.to.contain(stuReset.temporaryPassword);
  });

  it('shows a user without users:read no list and no controls', async () => {
    me = staffMe;
    const el = await fixture<PartnerUserList>(html`<partner-user-list api-base=${apiBase} token="pks_staff"></partner-user-list>`);
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Your role does not include'), 'no explanation');
    expect(usersCalls(stub)).to.have.length(0);
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows a password admin only the resets of non-admins and their own edit', async () => {
    me = passwordsMe;
    const el = await list();
    expect(el.shadowRoot!.textContent).not.to.contain('Add user');
    expect(buttonsOf(rowOf(el, 'Ada Admin'))).to.deep.equal([]);
    expect(buttonsOf(rowOf(el, 'Hal Helpdesk'))).to.deep.equal([]); // partner access makes Hal an admin
    expect(buttonsOf(rowOf(el, 'Stu Staff'))).to.deep.equal(['Reset password of Stu Staff']);
    expect(buttonsOf(rowOf(el, 'Pat Reset'))).to.deep.equal(['Edit Pat Reset']);
    // Their own edit: the name only; roles are shown, not offered.
    button(el, 'Edit Pat Reset').click();
    await waitUntil(() => dialog(el).open);
    expect(el.shadowRoot!.querySelector('partner-role-picker')).to.equal(null);
    expect(el.shadowRoot!.querySelector('#disabled')).to.equal(null);
    expect(text(el, 'dialog [part~="access"]')).to.contain('Password admin');
  });

  it('gives a user management admin plain users only, and no role picker', async () => {
    me = peopleMe;
    stub.on('POST /api/users', { status: 201, body: { ...createdLena, user: { ...createdLena.user, partnerAccess: 'none' } } });
    const el = await list();
    expect(buttonsOf(rowOf(el, 'Bill Ledger'))).to.deep.equal([]);
    expect(buttonsOf(rowOf(el, 'Stu Staff'))).to.deep.equal(['Edit Stu Staff', 'Reset password of Stu Staff']);
    button(el, 'Add user').click();
    await waitUntil(() => dialog(el).open);
    expect(el.shadowRoot!.querySelector('partner-role-picker')).to.equal(null);
    fill(el, 'Display name', 'Lena Limited');
    fill(el, 'Email', 'lena@northwind.example');
    const created = oneEvent(el, 'partner-user-created');
    button(el, 'Create user').click();
    await created;
    expect(stub.calls.find((c) => c.method === 'POST')!.body).to.deep.equal({
      displayName: 'Lena Limited',
      email: 'lena@northwind.example',
      companyRoles: [],
      partnerAccess: 'none',
    });
  });

  it('shows a 409 email_taken at the email field and keeps what was typed', async () => {
    stub.on('POST /api/users', errors.emailTaken);
    const el = await list();
    button(el, 'Add user').click();
    await waitUntil(() => dialog(el).open);
    fill(el, 'Display name', 'Lena 2');
    fill(el, 'Email', 'LENA@northwind.example');
    button(el, 'Create user').click();
    await waitUntil(() => text(el, 'dialog [role="alert"]') !== '', 'no message');
    expect(text(el, 'dialog [role="alert"]')).to.equal('A user with this email already exists.');
    const email = inputLabelled(el, 'Email');
    expect(email.value).to.equal('LENA@northwind.example');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, `#${email.getAttribute('aria-describedby')}`)).to.equal('Another user already has this email.');
    expect(el.shadowRoot!.activeElement).to.equal(email);
    expect(dialog(el).open).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows 422 details beside their fields', async () => {
    stub.on('POST /api/users', errors.createInvalid);
    const el = await list();
    button(el, 'Add user').click();
    await waitUntil(() => dialog(el).open);
    fill(el, 'Display name', 'x');
    fill(el, 'Email', 'nope@x'); // passes the browser's check; the server finds fault
    button(el, 'Create user').click();
    await waitUntil(() => text(el, 'dialog [role="alert"]') !== '', 'no message');
    expect(text(el, 'dialog [role="alert"]')).to.equal('The request is not valid; see details.');
    expect(text(el, '#email-error')).to.equal('Invalid email address');
    expect(text(el, '#display-name-error')).to.equal('Too small: expected string to have >=1 characters');
  });

  it('shows the 409 last_global_admin message when the last global admin gives up the role', async () => {
    stub.on('PATCH /api/users/' + users.ada.id, errors.lastGlobalAdmin);
    const el = await list();
    button(el, 'Edit Ada Admin').click();
    await waitUntil(() => dialog(el).open);
    expect(el.shadowRoot!.querySelector('#disabled')).to.equal(null); // nobody disables themselves
    await waitUntil(() => picker(el).shadowRoot!.querySelector('[part~="picker"]'));
    await pick(picker(el), 'company', 'Billing admin');
    button(el, 'Save changes').click();
    await waitUntil(() => text(el, 'dialog [role="alert"]') !== '', 'no message');
    expect(text(el, 'dialog [role="alert"]')).to.equal('A company needs at least one enabled global admin; appoint another first.');
    expect(stub.calls.find((c) => c.method === 'PATCH')!.body).to.deep.equal({ companyRoles: ['billing_admin'] });
    expect(dialog(el).open).to.equal(true);
  });

  it('shows a 403 from the server in the dialog', async () => {
    stub.on(`POST /api/users/${users.stu.id}/reset-password`, errors.forbiddenManageAdmins);
    const el = await list();
    button(el, 'Reset password of Stu Staff').click();
    await waitUntil(() => dialog(el).open);
    button(el, 'Reset password').click();
    await waitUntil(() => text(el, 'dialog [role="alert"]') !== '', 'no message');
    expect(text(el, 'dialog [role="alert"]')).to.equal('You do not have the permission users:manage-admins here.');
    await audit(el, 'dialog with an error');
  });

  it('waits for a pause in typing before searching, and says when nothing matches', async () => {
    const el = await list();
    const before = usersCalls(stub).length;
    for (const typed of ['p', 'pa', 'pat']) {
      fill(el, 'Search by name or email', typed);
      await aTimeout(60);
    }
    expect(usersCalls(stub).length).to.equal(before); // still typing
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="row"]').length === 1, 'the search did not narrow the list');
    expect(usersCalls(stub).slice(before).map((c) => c.query.get('q'))).to.deep.equal(['pat']);
    expect(rowOf(el, 'Pat Reset')).to.exist;

    fill(el, 'Search by name or email', 'zzz');
    await waitUntil(() => text(el, '[part~="status"]') === 'No users match \u201czzz\u201d.', 'no empty state');
    expect(el.shadowRoot!.querySelector('[part~="list"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('discards a slower, older search answer', async () => {
    const el = await list();
    let releaseSlow!: () => void;
    stub.on('GET /api/users', (call) =>
      call.query.get('q') === 'zzz'
        ? { status: 200, body: searchNone, gate: new Promise<void>((r) => (releaseSlow = r)) }
        : { status: 200, body: searchPat },
    );
    fill(el, 'Search by name or email', 'zzz');
    await waitUntil(() => usersCalls(stub).some((c) => c.query.get('q') === 'zzz'), 'the first search was not sent');
    fill(el, 'Search by name or email', 'pat');
    await waitUntil(() => text(el, '[part~="status"]').startsWith('1 user'), 'the second search did not show');
    // The older request was cancelled, and its late answer changes nothing.
    expect(usersCalls(stub).find((c) => c.query.get('q') === 'zzz')!.signal!.aborted).to.equal(true);
    releaseSlow();
    await aTimeout(50);
    expect(text(el, '[part~="status"]')).to.equal('1 user matching \u201cpat\u201d.');
    expect(rowOf(el, 'Pat Reset')).to.exist;
  });

  it('loads more users with the next cursor, appending them', async () => {
    const el = await list(3);
    expect(text(el, '[part~="status"]')).to.equal('3 users, more to load.');
    button(el, 'Load more').click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="row"]').length === 6, 'no more rows');
    const call = usersCalls(stub).at(-1)!;
    expect([call.query.get('cursor'), call.query.get('limit')]).to.deep.equal([firstPage.nextCursor, '3']);
    expect([...el.shadowRoot!.querySelectorAll('[part~="name"]')].map((n) => n.textContent)).to.deep.equal([
      'Ada Admin',
      'Bill Ledger',
      'Hal Helpdesk',
      'Pat Reset',
      'Sam Service',
      'Stu Staff',
    ]);
  });

  it('shows a load error with a retry', async () => {
    stub.on('GET /api/users', { status: 503, body: { error: { code: 'database_unavailable', message: 'The database is not reachable; try again shortly.' } } });
    const el = await fixture<PartnerUserList>(html`<partner-user-list api-base=${apiBase} token="pks_admin"></partner-user-list>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"].shown'), 'no error');
    expect(text(el, '[role="alert"]')).to.equal('The database is not reachable; try again shortly.');
    await audit(el, 'load error');
    stub.on('GET /api/users', { status: 200, body: allUsers });
    button(el, 'Try again').click();
    await listed(el);
  });

  describe('languages', () => {
    const title = (el: PartnerUserList) => text(el, '#users-title');
    afterEach(async () => {
      await backToEnglish();
    });

    it('lists the users in German: heading, search, count, badges, roles and buttons', async () => {
      const el = await list();
      el.setAttribute('locale', 'de');
      await waitUntil(() => title(el) === 'Benutzer', 'the German list');
      expect(button(el, 'Benutzer hinzufügen')).to.exist;
      expect(inputLabelled(el, 'Nach Name oder E-Mail-Adresse suchen')).to.exist;
      expect(text(el, '[part~="status"]')).to.equal('7 Benutzer.');
      const ada = rowOf(el, 'Ada Admin');
      expect(ada.querySelector('[part~="badge"]')!.textContent).to.equal('Sie');
      expect([...ada.querySelectorAll('dt')].map((dt) => dt.textContent)).to.deep.equal(['Administratorrolle', 'Partnerzugriff']);
      // The roles and access levels in German (role-names.ts); no admin role is "Keine", no access "Keiner".
      expect([...ada.querySelectorAll('dd')].map((dd) => dd.textContent)).to.deep.equal(['Globaler Administrator', 'Vollständig']);
      expect([...rowOf(el, 'Stu Staff').querySelectorAll('dd')].map((dd) => dd.textContent)).to.deep.equal(['Keine', 'Keiner']);
      expect(buttonsOf(rowOf(el, 'Stu Staff'))).to.deep.equal(['Bearbeiten Stu Staff', 'Passwort zurücksetzen für Stu Staff']);
      await expect(el).to.be.accessible();

      fill(el, 'Nach Name oder E-Mail-Adresse suchen', 'zzz');
      await waitUntil(() => text(el, '[part~="status"]') === 'Keine Benutzer passen zu \u201ezzz\u201c.', 'the German empty state');
    });

    it('asks to confirm a reset in Japanese, and adds a user with the role picker in Japanese', async () => {
      const el = await list();
      el.setAttribute('locale', 'ja');
      await waitUntil(() => title(el) === 'ユーザー', 'the Japanese list');
      expect(text(el, '[part~="status"]')).to.equal('ユーザーは7人です。');
      button(el, 'パスワードをリセット （Stu Staff）').click();
      await waitUntil(() => dialog(el).open);
      expect(text(el, '#dialog-title')).to.equal('Stu Staff さんのパスワードをリセットしますか？');
      expect(text(el, 'dialog [part~="intro"]')).to.match(/^Stu Staff さん（staff@northwind\.example）はすべての場所でサインアウトされ/);
      expect(button(el, 'パスワードをリセット')).to.exist;
      await expect(el).to.be.accessible();
      const closed = oneEvent(dialog(el), 'close');
      button(el, 'キャンセル').click();
      await closed;

      button(el, 'ユーザーを追加').click();
      await waitUntil(() => dialog(el).open);
      expect(text(el, '#dialog-title')).to.equal('ユーザーを追加');
      expect(inputLabelled(el, '表示名')).to.exist;
      await waitUntil(() => picker(el).shadowRoot!.querySelector('[part~="picker"]'), 'no role picker');
      expect(picker(el).shadowRoot!.querySelector('legend')!.textContent).to.equal('自社への管理者アクセス');
      await pick(picker(el), 'partner', 'はい');
      expect(button(el, 'ユーザーを作成')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('renders again in the language its locale attribute names', async () => {
      const el = await list(3);
      expect([title(el), text(el, '[part~="status"]')]).to.deep.equal(['Users', '3 users, more to load.']);
      el.setAttribute('locale', 'de');
      await waitUntil(() => title(el) === 'Benutzer', 'German');
      expect(text(el, '[part~="status"]')).to.equal('3 Benutzer, weitere können geladen werden.');
      el.setAttribute('locale', 'ja');
      await waitUntil(() => title(el) === 'ユーザー', 'Japanese');
      expect(text(el, '[part~="status"]')).to.equal('ユーザーは3人です。さらに読み込めます。');
      el.setAttribute('locale', 'en');
      await waitUntil(() => title(el) === 'Users', 'English again');
      expect(button(el, 'Add user')).to.exist;
    });
  });

  it('asks to sign in when there is no token', async () => {
    const el = await fixture<PartnerUserList>(html`<partner-user-list api-base=${apiBase}></partner-user-list>`);
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Sign in to see'), 'no sign-in hint');
    await audit(el, 'signed out');
    expect(stub.calls).to.have.length(0);
  });
});

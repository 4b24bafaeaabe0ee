/**
 * The demo page: the widgets inside one <partner-session> on the BFF's own origin. The session
 * keeps the token in memory only, so a reload signs out.
 */
import '../components/index.ts';
import type { SessionView } from '../components/index.ts';

const session = document.querySelector('partner-session')!;
session.apiBase = location.origin;

const status = document.querySelector<HTMLElement>('#session-status')!;
const demoUsers = document.querySelector<HTMLDetailsElement>('#demo-users')!;

function paragraph(...parts: (string | Node)[]): HTMLParagraphElement {
  const p = document.createElement('p');
  p.append(...parts);
  return p;
}

function strong(text: string): HTMLElement {
  const b = document.createElement('strong');
  b.textContent = text;
  return b;
}

function showSignedIn({ user, expiresAt }: SessionView) {
  const expires = new Date(expiresAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  status.replaceChildren(
    paragraph('Signed in as ', strong(user.displayName), ` (${user.email}).`),
    paragraph(`The session ends ${expires}. More widgets for this session appear here in later versions.`),
  );
  if (user.passwordTemporary) status.append(paragraph('Choose a new password to continue.'));
  demoUsers.open = false;
}

function showSignedOut() {
  status.replaceChildren(paragraph('Not signed in. The token is kept in this page\u2019s memory only, so reloading signs you out.'));
}

session.addEventListener('partner-signed-in', (event) => showSignedIn(event.detail));
session.addEventListener('partner-signed-out', showSignedOut);

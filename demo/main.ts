/**
 * The demo page: the widgets inside one <partner-session> on the BFF's own origin. The session
 * keeps the token in memory only, so a reload signs out.
 */
import '../components/index.ts';
import type { SessionView } from '../components/index.ts';

const session = document.querySelector('partner-session')!;
session.apiBase = location.origin;

// The widgets follow <html lang> (README, Languages); ?lang=de opens the page in German.
const language = document.querySelector<HTMLSelectElement>('#language')!;
const setLanguage = (lang: string) => {
  document.documentElement.lang = language.value = lang;
};
setLanguage(new URLSearchParams(location.search).get('lang') ?? 'en');
language.addEventListener('change', () => setLanguage(language.value));

const status = document.querySelector<HTMLElement>('#session-status')!;
const demoUsers = document.querySelector<HTMLDetailsElement>('#demo-users')!;
const workspace = document.querySelector<HTMLElement>('#workspace')!;
const accessForm = document.querySelector<HTMLFormElement>('#access-form')!;
const formOutput = document.querySelector<HTMLOutputElement>('#form-output')!;

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
    paragraph(`The session ends ${expires}. Your company profile and users are below.`),
  );
  if (user.passwordTemporary) status.append(paragraph('Choose a new password to continue.'));
  demoUsers.open = false;
  // A temporary-password session may do nothing but change the password; the widgets wait for it.
  workspace.hidden = user.passwordTemporary;
}

function showSignedOut() {
  status.replaceChildren(paragraph('Not signed in. The token is kept in this page\u2019s memory only, so reloading signs you out.'));
  workspace.hidden = true;
  formOutput.textContent = 'Nothing submitted yet.';
}

// The form-association demo: show what the browser would submit, instead of submitting it.
accessForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const entries = [...new FormData(accessForm)].map(([name, value]) => `${name} = ${String(value)}`);
  formOutput.textContent = entries.join('\n');
});
accessForm.addEventListener('reset', () => {
  formOutput.textContent = 'The form was reset. Nothing submitted yet.';
});

session.addEventListener('partner-signed-in', (event) => showSignedIn(event.detail));
session.addEventListener('partner-signed-out', showSignedOut);

// A host page routes the overview's actions itself; here each goes to the widget on this page.
session.addEventListener('partner-action', ({ detail }) => {
  const target =
    detail.action === 'company' ? document.querySelector('partner-company-profile')
    : detail.action === 'trial-invitation' || detail.action === 'purchase-offer' || detail.action === 'follow-up' ? document.querySelector('partner-offer-builder')
    : detail.action === 'webhooks' ? document.querySelector('partner-webhooks')
    : document.querySelector('partner-customer-list');
  if (target?.localName === 'partner-offer-builder') {
    document.querySelector('partner-offer-builder')!.startOffer(detail.action === 'trial-invitation' ? 'trial' : 'purchase', detail.followUp);
  }
  if (detail.action === 'customer' && detail.customerId) document.querySelector('partner-customer-list')!.openCustomer(detail.customerId);
  target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
});

// The site's own code: how the widgets get a token for the signed-in visitor.
const session = document.getElementById('session');
const visitor = document.getElementById('visitor');
const tokenFor = (email) => async () => {
  const res = await fetch('/embed-token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!res.ok) throw new Error(`embed session: ${res.status}`);
  return res.json(); // { token, expiresAt }
};
session.fetchToken = tokenFor(visitor.value);
visitor.addEventListener('change', () => (session.fetchToken = tokenFor(visitor.value)));

// The site's language, handed to the widgets by the session's `locale` attribute (README, Languages).
const language = document.getElementById('language');
const setLanguage = (lang) => {
  language.value = lang;
  session.setAttribute('locale', lang);
};
setLanguage(new URLSearchParams(location.search).get('lang') ?? 'en');
language.addEventListener('change', () => setLanguage(language.value));

// What the site's backend received by webhook: asked again every few seconds, drawn as text only.
const status = document.getElementById('webhook-status');
const list = document.getElementById('webhook-events');
const describe = (event) => {
  const d = event.data;
  const who = d.customer?.name ?? d.user?.email ?? d.offer?.name ?? '';
  return who ? `${event.type} · ${who}` : event.type;
};
async function showWebhookEvents() {
  try {
    const res = await fetch('/webhook-events');
    const { receiving, note, events } = await res.json();
    status.textContent = receiving ? (events.length ? '' : 'Nothing yet: change something in the portal.') : note;
    list.replaceChildren(
      ...events.map((event) => {
        const item = document.createElement('li');
        const time = document.createElement('time');
        time.dateTime = event.timestamp;
        time.textContent = new Date(event.timestamp).toLocaleTimeString();
        item.append(time, ' ', describe(event));
        item.dataset.type = event.type;
        return item;
      }),
    );
  } catch {
    status.textContent = 'Could not reach our backend.';
  }
}
showWebhookEvents();
setInterval(showWebhookEvents, 4000);

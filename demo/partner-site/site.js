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

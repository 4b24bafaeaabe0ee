/**
 * The distribution routes (bff/bundle.ts) over a folder of fake built files, so the tests do not
 * depend on `npm run build`.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { contentHash } from '../../bff/bundle.ts';
import { assertErrorShape, createTestApp, json } from './harness.ts';

const dist = mkdtempSync(join(tmpdir(), 'pk-dist-'));
after(() => rmSync(dist, { recursive: true, force: true }));

const bundleSource = `customElements.get('x-fake')||customElements.define('x-fake',class extends HTMLElement{});\n`;
mkdirSync(join(dist, 'elements', 'chunks'), { recursive: true });
mkdirSync(join(dist, 'locales'), { recursive: true });
writeFileSync(join(dist, 'partnerkit.js'), bundleSource);
writeFileSync(join(dist, 'custom-elements.json'), JSON.stringify({ schemaVersion: '1.0.0', modules: [] }));
writeFileSync(join(dist, 'elements', 'partner-session.js'), `import{a}from"./chunks/lit-AbC_12-x.js";a();\n`);
writeFileSync(join(dist, 'elements', 'chunks', 'lit-AbC_12-x.js'), 'export const a=()=>{};\n');
writeFileSync(join(dist, 'locales', 'de.js'), 'export const templates={s1:`Anmelden`};\n');
writeFileSync(join(dist, 'secret.txt'), 'not for the web');

const t = await createTestApp({ distDir: dist });
const hash = contentHash(Buffer.from(bundleSource));
const fromAnotherSite = { Origin: 'https://partner.example' };

test('GET /partnerkit.js answers the bundle for any origin, revalidated by its content hash', async () => {
  const res = await t.request('/partnerkit.js', { headers: fromAnotherSite });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/javascript\b/);
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
  assert.equal(res.headers.get('etag'), `"${hash}"`);
  assert.equal(res.headers.get('cache-control'), 'no-cache');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', 'the app-wide secure headers still apply');
  assert.equal(await res.text(), bundleSource);
});

test('If-None-Match with the current hash is a 304 without a body; another hash gets the file', async () => {
  const notModified = await t.request('/partnerkit.js', { headers: { 'If-None-Match': `W/"stale", "${hash}"` } });
  assert.equal(notModified.status, 304);
  assert.equal(notModified.headers.get('etag'), `"${hash}"`);
  assert.equal(notModified.headers.get('cache-control'), 'no-cache');
  assert.equal(notModified.headers.get('access-control-allow-origin'), '*');
  assert.equal(await notModified.text(), '');

  const changed = await t.request('/partnerkit.js', { headers: { 'If-None-Match': '"0000000000000000"' } });
  assert.equal(changed.status, 200);
  assert.equal(await changed.text(), bundleSource);
});

test('?v=<current hash> may be kept for a year; a stale ?v= is not cached under that URL', async () => {
  const pinned = await t.request(`/partnerkit.js?v=${hash}`);
  assert.equal(pinned.status, 200);
  assert.equal(pinned.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(pinned.headers.get('etag'), `"${hash}"`);

  const stale = await t.request('/partnerkit.js?v=0123456789abcdef');
  assert.equal(stale.status, 200);
  assert.equal(stale.headers.get('cache-control'), 'no-cache');
});

test('a client that accepts gzip gets the same bytes gzipped, with a weak ETag that still revalidates', async () => {
  const res = await t.request('/partnerkit.js', { headers: { 'Accept-Encoding': 'br;q=1, gzip;q=0.8' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-encoding'), 'gzip');
  assert.equal(res.headers.get('vary'), 'Accept-Encoding');
  assert.equal(res.headers.get('etag'), `W/"${hash}"`);
  assert.equal(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8'), bundleSource);

  const refused = await t.request('/partnerkit.js', { headers: { 'Accept-Encoding': 'gzip;q=0' } });
  assert.equal(refused.headers.get('content-encoding'), null);
  assert.equal(await refused.text(), bundleSource);

  const revalidated = await t.request('/partnerkit.js', { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': `W/"${hash}"` } });
  assert.equal(revalidated.status, 304);
});

test('a rebuilt bundle gets a new hash at once', async () => {
  const rebuilt = `${bundleSource}// rebuilt\n`;
  writeFileSync(join(dist, 'partnerkit.js'), rebuilt);
  // Same second on coarse file systems: move the mtime so the change is seen.
  const later = new Date(Date.now() + 5000);
  utimesSync(join(dist, 'partnerkit.js'), later, later);
  try {
    const res = await t.request('/partnerkit.js', { headers: { 'If-None-Match': `"${hash}"` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('etag'), `"${contentHash(Buffer.from(rebuilt))}"`);
    assert.equal(await res.text(), rebuilt);
  } finally {
    writeFileSync(join(dist, 'partnerkit.js'), bundleSource);
    utimesSync(join(dist, 'partnerkit.js'), new Date(), new Date(Date.now() + 10000));
  }
});

test('per-element entries revalidate; their content-hashed chunks are immutable', async () => {
  const entry = await t.request('/elements/partner-session.js');
  assert.equal(entry.status, 200);
  assert.match(entry.headers.get('content-type') ?? '', /^text\/javascript\b/);
  assert.equal(entry.headers.get('access-control-allow-origin'), '*');
  assert.equal(entry.headers.get('cache-control'), 'no-cache');
  assert.ok(entry.headers.get('etag'));

  const chunk = await t.request('/elements/chunks/lit-AbC_12-x.js');
  assert.equal(chunk.status, 200);
  assert.equal(chunk.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(chunk.headers.get('cross-origin-resource-policy'), 'cross-origin');
});

test('GET /locales/<locale>.js answers the translations the bundle loads, for any origin, revalidated', async () => {
  const res = await t.request('/locales/de.js', { headers: fromAnotherSite });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/javascript\b/);
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
  assert.equal(res.headers.get('cache-control'), 'no-cache');
  assert.match(await res.text(), /Anmelden/);
  await assertErrorShape(await t.request('/locales/fr.js'), 404, 'not_found');
  await assertErrorShape(await t.request('/locales/..%2Fsecret.txt'), 404);
});

test('GET /custom-elements.json answers the manifest as JSON, readable from any origin', async () => {
  const res = await t.request('/custom-elements.json', { headers: fromAnotherSite });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  assert.deepEqual(await json(res), { schemaVersion: '1.0.0', modules: [] });
});

test('files that are not built, and anything else in the folder, are 404s', async () => {
  await assertErrorShape(await t.request('/elements/partner-portal.js'), 404, 'not_found');
  await assertErrorShape(await t.request('/elements/..%2Fsecret.txt'), 404);
  await assertErrorShape(await t.request('/elements/chunks/..%2F..%2Fsecret.txt'), 404);
  await assertErrorShape(await t.request('/secret.txt'), 404);
});

test('without a dist folder the app serves none of it', async () => {
  const bare = await createTestApp();
  await assertErrorShape(await bare.request('/partnerkit.js'), 404, 'route_not_found');
});

test('/openapi.json documents the distribution routes as public', async () => {
  const document = await json(await t.request('/openapi.json'));
  for (const path of ['/partnerkit.js', '/custom-elements.json', '/elements/{file}', '/elements/chunks/{file}', '/locales/{file}']) {
    assert.ok(document.paths[path]?.get, `${path} is documented`);
    assert.equal(document.paths[path].get.security, undefined, `${path} needs no token`);
  }
});

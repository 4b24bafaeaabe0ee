/**
 * Security headers (bff/security-headers.ts) on API answers and on pages, over a folder of fake
 * built pages so the tests do not depend on `npm run build`.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { companies, offers } from '../../db/schema.ts';
import { generateCode } from '../../bff/tokens.ts';
import { createTestApp } from './harness.ts';

const dist = mkdtempSync(join(tmpdir(), 'pk-pages-'));
after(() => rmSync(dist, { recursive: true, force: true }));
mkdirSync(join(dist, 'demo'), { recursive: true });
for (const page of ['index', 'signup', 'consent', 'elements']) {
  writeFileSync(join(dist, 'demo', `${page}.html`), `<!doctype html><title>${page}</title><script type="module" src="./assets/${page}.js"></script>`);
}

const t = await createTestApp({ distDir: dist });

/** The directives of a Content-Security-Policy header, by name. */
function csp(res: Response): Map<string, string[]> {
  const header = res.headers.get('content-security-policy');
  assert.ok(header, 'a Content-Security-Policy');
  return new Map(header.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

describe('every answer', () => {
  test('nosniff, a referrer policy, and no HSTS while PUBLIC_URL is http', async () => {
    for (const path of ['/healthz', '/api/me', '/openapi.json', '/docs', '/']) {
      const res = await t.request(path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
      assert.equal(res.headers.get('strict-transport-security'), null, path);
    }
  });

  test('HSTS when PUBLIC_URL is https', async () => {
    const secure = await createTestApp({ config: { publicUrl: 'https://bff.example' } });
    assert.equal((await secure.request('/healthz')).headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains');
  });

  test('API answers load nothing and may not be framed', async () => {
    const res = await t.request('/api/me');
    const policy = csp(res);
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    assert.deepEqual(policy.get('frame-ancestors'), ["'none'"]);
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
  });
});

describe('pages', () => {
  test('the demo, the docs and the consent page run only our own scripts and are never framed', async () => {
    for (const path of ['/', '/elements.html', '/docs', '/consent?delegation=abc', '/signup']) {
      const res = await t.request(path);
      assert.equal(res.status, 200, path);
      const policy = csp(res);
      assert.deepEqual(policy.get('script-src'), ["'self'"], `${path}: no inline script`);
      assert.deepEqual(policy.get('default-src'), ["'self'"]);
      assert.deepEqual(policy.get('object-src'), ["'none'"]);
      assert.deepEqual(policy.get('base-uri'), ["'none'"]);
      assert.ok(!res.headers.get('content-security-policy')!.includes('unsafe-inline'), path);
      assert.deepEqual(policy.get('frame-ancestors'), ["'none'"], path);
      assert.equal(res.headers.get('x-frame-options'), 'DENY', path);
    }
  });

  test('the docs page styles itself with the request’s nonce, a new one each time', async () => {
    const first = await t.request('/docs');
    const nonce = csp(first).get('style-src')?.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
    assert.ok(nonce, 'a nonce for styles');
    assert.ok((await first.text()).includes(`<style nonce="${nonce}">`));
    const again = csp(await t.request('/docs')).get('style-src')!;
    assert.ok(!again.includes(`'nonce-${nonce}'`));
  });

  test('/signup?offer=CODE may be framed by the origins the offer’s partner allows, and no others', async () => {
    const partner = await t.createCompany({ kind: 'partner' });
    await t.db.update(companies).set({ allowedOrigins: ['https://www.partner.example', 'https://shop.partner.example'] }).where(eq(companies.id, partner.id));
    const code = generateCode();
    await t.db.insert(offers).values({ partnerId: partner.id, kind: 'trial', code });
    const res = await t.request(`/signup?offer=${code}`);
    assert.deepEqual(csp(res).get('frame-ancestors'), ["'self'", 'https://www.partner.example', 'https://shop.partner.example']);
    assert.equal(res.headers.get('x-frame-options'), null, 'X-Frame-Options cannot name origins');

    for (const unknown of [generateCode(), 'not%00a-code', 'x'.repeat(300)]) {
      const other = await t.request(`/signup?offer=${unknown}`);
      assert.deepEqual(csp(other).get('frame-ancestors'), ["'none'"], unknown);
    }
  });
});

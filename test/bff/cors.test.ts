import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { companies, services } from '../../db/schema.ts';
import { linkCustomer, signedIn } from './fixtures-customers.ts';
import { assertErrorShape, createTestApp, json, uniqueSuffix } from './harness.ts';

const demo = 'https://demo.partnerkit.test';
const t = await createTestApp({ config: { publicUrl: demo } });

/** A fresh origin per test: the preflight verdicts are cached for a minute. */
const origin = (label: string) => `https://${label}-${uniqueSuffix()}.example`;

async function partnerWithOrigins(...allowedOrigins: string[]) {
  const { company, admin } = await t.createPartner();
  await t.db.update(companies).set({ allowedOrigins }).where(eq(companies.id, company.id));
  const token = (await t.signIn(admin.email, admin.password)).token;
  return { company, admin, token };
}

function preflight(from: string, path = '/api/me') {
  return t.request(path, {
    method: 'OPTIONS',
    headers: { Origin: from, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
  });
}

function assertNoCors(res: Response) {
  assert.equal(res.headers.get('Access-Control-Allow-Origin'), null, 'no ACAO');
  assert.equal(res.headers.get('Access-Control-Allow-Methods'), null);
  assert.match(res.headers.get('Vary') ?? '', /Origin/);
}

function assertEchoed(res: Response, from: string) {
  assert.equal(res.headers.get('Access-Control-Allow-Origin'), from);
  assert.match(res.headers.get('Vary') ?? '', /Origin/);
}

describe('CORS preflight', () => {
  test('a listed origin is answered 204 with the origin echoed; an unlisted one is a 403', async () => {
    const listed = origin('listed');
    await partnerWithOrigins(listed);
    const res = await preflight(listed);
    assert.equal(res.status, 204);
    assertEchoed(res, listed);
    assert.equal(res.headers.get('Access-Control-Allow-Methods'), 'GET, POST, PUT, PATCH, DELETE');
    assert.equal(res.headers.get('Access-Control-Allow-Headers'), 'Authorization, Content-Type, Idempotency-Key');
    assert.equal(res.headers.get('Access-Control-Max-Age'), '600');

    const unlisted = await preflight(origin('unlisted'));
    await assertErrorShape(unlisted.clone(), 403, 'origin_not_allowed');
    assertNoCors(unlisted);
    // The demo's own origin is always allowed.
    assert.equal((await preflight(demo)).status, 204);
  });

  test('verdicts are cached briefly, then looked up again', async () => {
    const later = origin('later');
    assert.equal((await preflight(later)).status, 403);
    await partnerWithOrigins(later);
    assert.equal((await preflight(later)).status, 403, 'still the cached verdict');
    t.clock.advance(61_000);
    assert.equal((await preflight(later)).status, 204);
  });
});

describe('CORS on actual responses', () => {
  test("authenticated: only the caller's company's origins, echoed, never *", async () => {
    const mine = origin('mine');
    const theirs = origin('theirs');
    const p = await partnerWithOrigins(mine);
    await partnerWithOrigins(theirs);
    const ok = await t.request('/api/me', { token: p.token, headers: { Origin: mine } });
    assert.equal(ok.status, 200);
    assertEchoed(ok, mine);
    assert.equal(ok.headers.get('Access-Control-Expose-Headers'), 'Retry-After');
    const other = await t.request('/api/me', { token: p.token, headers: { Origin: theirs } });
    assert.equal(other.status, 200);
    assertNoCors(other);
    const nobody = await t.request('/api/me', { token: p.token, headers: { Origin: origin('nobody') } });
    assertNoCors(nobody);
    // The demo's own origin may read everything.
    assertEchoed(await t.request('/api/me', { token: p.token, headers: { Origin: demo } }), demo);
    // No Origin, no CORS headers at all.
    const plain = await t.request('/api/me', { token: p.token });
    assert.equal(plain.headers.get('Access-Control-Allow-Origin'), null);
    for (const res of [ok, other, nobody, plain]) assert.notEqual(res.headers.get('Access-Control-Allow-Origin'), '*');
  });

  test('a 401 is readable from a listed origin (so a widget can refresh its token), not from others', async () => {
    const listed = origin('listed');
    await partnerWithOrigins(listed);
    const res = await t.request('/api/me', { token: 'pks_expired', headers: { Origin: listed } });
    await assertErrorShape(res.clone(), 401);
    assertEchoed(res, listed);
    assertNoCors(await t.request('/api/me', { token: 'pks_expired', headers: { Origin: origin('unlisted') } }));
  });

  test("public offer routes: readable from the owning partner's origins only", async () => {
    const partnerSite = origin('partner');
    const elsewhere = origin('elsewhere');
    const p = await partnerWithOrigins(partnerSite);
    await partnerWithOrigins(elsewhere);
    const tag = uniqueSuffix();
    const [service] = await t.db
      .insert(services)
      .values({ sku: `CORS-${tag}`, name: `Cors ${tag}`, description: 'x', trialDays: 30, priceMinor: 100, currency: 'USD', minLicenses: 1, maxLicenses: 10 })
      .returning();
    const offer = await json(await t.request('/api/offers', { method: 'POST', token: p.token, body: { kind: 'trial', serviceId: service!.id } }));
    const ok = await t.request(`/api/public/offers/${offer.code}`, { headers: { Origin: partnerSite } });
    assert.equal(ok.status, 200);
    assertEchoed(ok, partnerSite);
    assertNoCors(await t.request(`/api/public/offers/${offer.code}`, { headers: { Origin: elsewhere } }));
    // Errors of the owning partner's codes are readable too (e.g. a withdrawn offer).
    await t.request(`/api/offers/${offer.id}/revoke`, { method: 'POST', token: p.token });
    const gone = await t.request(`/api/public/offers/${offer.code}`, { headers: { Origin: partnerSite } });
    assert.equal(gone.status, 410);
    assertEchoed(gone, partnerSite);
    // A redemption answer (here a validation failure) from the partner's site.
    const redeem = await t.request(`/api/public/offers/${offer.code}/redemptions`, {
      method: 'POST',
      headers: { Origin: partnerSite, 'Idempotency-Key': `key-${uniqueSuffix()}` },
      body: {},
    });
    assertEchoed(redeem, partnerSite);
  });

  test("public delegation routes: readable from the requesting partner's origins only", async () => {
    const partnerSite = origin('partner');
    const elsewhere = origin('elsewhere');
    const p = await partnerWithOrigins(partnerSite);
    await partnerWithOrigins(elsewhere);
    const { customer, admin } = await linkCustomer(t, p.company.id);
    const request = await json(
      await t.request(`/api/customers/${customer.id}/delegation-requests`, { method: 'POST', token: p.token, body: { level: 'limited' } }),
    );
    const customerAdmin = await signedIn(t, admin);
    const ok = await t.request(`/api/public/delegations/${request.code}`, { token: customerAdmin.token, headers: { Origin: partnerSite } });
    assert.equal(ok.status, 200);
    assertEchoed(ok, partnerSite);
    assertNoCors(await t.request(`/api/public/delegations/${request.code}`, { token: customerAdmin.token, headers: { Origin: elsewhere } }));
    const accepted = await t.request(`/api/public/delegations/${request.code}/accept`, {
      method: 'POST',
      token: customerAdmin.token,
      headers: { Origin: partnerSite },
      body: {},
    });
    assert.equal(accepted.status, 200);
    assertEchoed(accepted, partnerSite);
    // Answered twice: the 409 is readable by the partner's page too.
    const again = await t.request(`/api/public/delegations/${request.code}/decline`, { method: 'POST', token: customerAdmin.token, headers: { Origin: partnerSite } });
    assert.equal(again.status, 409);
    assertEchoed(again, partnerSite);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { offers, services } from '../../db/schema.ts';
import { assertErrorShape, createTestApp, json, uniqueSuffix } from './harness.ts';

const t = await createTestApp();

/** Services with unique skus, so files sharing a database never collide. */
export async function createServices() {
  const tag = uniqueSuffix();
  const rows = await t.db
    .insert(services)
    .values([
      { sku: `MAIL-${tag}`, name: `Mail ${tag}`, description: 'Mailboxes', trialDays: 30, priceMinor: 600, currency: 'USD', minLicenses: 1, maxLicenses: 300 },
      { sku: `SEC-${tag}`, name: `Security ${tag}`, description: 'Security', trialDays: 14, priceMinor: 900, currency: 'USD', minLicenses: 5, maxLicenses: 50 },
    ])
    .returning();
  return { mail: rows[0]!, security: rows[1]! };
}

async function partnerUser(partnerAccess: 'none' | 'limited' | 'full' = 'full', companyId?: string) {
  const company = companyId ? { id: companyId } : await t.createCompany({ kind: 'partner' });
  const u = await t.createUser({ companyId: company.id, partnerAccess });
  return { companyId: company.id, ...u, token: (await t.signIn(u.email, u.password)).token };
}

describe('GET /api/catalog', () => {
  test('lists services with trial days, prices and bounds; needs a session', async () => {
    const { mail } = await createServices();
    await assertErrorShape(await t.request('/api/catalog'), 401);
    const p = await partnerUser();
    const body = await json(await t.request('/api/catalog', { token: p.token }));
    const item = body.items.find((s: { id: string }) => s.id === mail.id);
    assert.deepEqual(item, {
      id: mail.id, sku: mail.sku, name: mail.name, description: 'Mailboxes', trialDays: 30, priceMinor: 600, currency: 'USD', minLicenses: 1, maxLicenses: 300,
    });
  });
});

describe('POST /api/offers', () => {
  test('a trial invitation: one service, a ≥128-bit URL-safe code, the hosted sign-up URL', async () => {
    const { mail } = await createServices();
    const p = await partnerUser('limited');
    const res = await t.request('/api/offers', { method: 'POST', token: p.token, body: { kind: 'trial', serviceId: mail.id, delegatedAdmin: 'limited', name: 'Spring trial' } });
    assert.equal(res.status, 201);
    const offer = await json(res);
    assert.equal(offer.kind, 'trial');
    assert.equal(offer.status, 'active');
    assert.equal(offer.delegatedAdmin, 'limited');
    assert.match(offer.code, /^[A-Za-z0-9_-]{22,}$/);
    assert.ok(Buffer.from(offer.code, 'base64url').length * 8 >= 128);
    assert.equal(offer.url, `${t.config.publicUrl}/signup?offer=${offer.code}`);
    assert.deepEqual(offer.items.map((i: { serviceId: string; licenses: null }) => [i.serviceId, i.licenses]), [[mail.id, null]]);
    assert.equal(offer.redemptions, 0);
  });

  test("the URL uses the partner's own sign-up page when it has one", async () => {
    const { mail } = await createServices();
    const company = await t.createCompany({ kind: 'partner' });
    const admin = await t.createUser({ companyId: company.id, companyRoles: ['global_admin'], partnerAccess: 'full' });
    const token = (await t.signIn(admin.email, admin.password)).token;
    await t.request('/api/company', { method: 'PATCH', token, body: { signupUrl: 'https://partner.example/join?lang=en' } });
    const offer = await json(await t.request('/api/offers', { method: 'POST', token, body: { kind: 'trial', serviceId: mail.id } }));
    assert.equal(offer.url, `https://partner.example/join?lang=en&offer=${offer.code}`);
  });

  test('a purchase offer: distinct services with license counts within bounds', async () => {
    const { mail, security } = await createServices();
    const p = await partnerUser();
    const ok = await t.request('/api/offers', {
      method: 'POST',
      token: p.token,
      body: { kind: 'purchase', items: [{ serviceId: mail.id, licenses: 10 }, { serviceId: security.id, licenses: 5 }] },
    });
    assert.equal(ok.status, 201);
    assert.equal((await json(ok)).items.length, 2);
    const cases: [unknown, string][] = [
      [{ kind: 'purchase', items: [] }, 'body.items'],
      [{ kind: 'purchase', items: [{ serviceId: mail.id, licenses: 1 }, { serviceId: mail.id, licenses: 2 }] }, 'body.items'],
      [{ kind: 'purchase', items: [{ serviceId: security.id, licenses: 4 }] }, 'body.items.0.licenses'],
      [{ kind: 'purchase', items: [{ serviceId: security.id, licenses: 51 }] }, 'body.items.0.licenses'],
      [{ kind: 'purchase', items: [{ serviceId: '00000000-0000-4000-8000-000000000000', licenses: 1 }] }, 'body.items.0.serviceId'],
      [{ kind: 'trial', serviceId: mail.id, items: [{ serviceId: security.id, licenses: 5 }] }, 'body'],
      [{ kind: 'trial' }, 'body.serviceId'],
      [{ kind: 'trial', serviceId: 'nope' }, 'body.serviceId'],
      [{ kind: 'trial', serviceId: mail.id, expiresAt: new Date(t.clock.now().getTime() - 1000).toISOString() }, 'body.expiresAt'],
      [{ kind: 'gift', serviceId: mail.id }, 'body.kind'],
    ];
    const before = (await t.db.select().from(offers).where(eq(offers.partnerId, p.companyId))).length;
    for (const [body, path] of cases) {
      const err = await assertErrorShape(await t.request('/api/offers', { method: 'POST', token: p.token, body }), 422);
      assert.ok(err.error.details?.some((d) => d.path.startsWith(path)), `${JSON.stringify(body)} → ${path}: ${JSON.stringify(err.error.details)}`);
    }
    assert.equal((await t.db.select().from(offers).where(eq(offers.partnerId, p.companyId))).length, before, 'nothing written');
  });

  test('needs partner access: none gets 403, customers get 403', async () => {
    const { mail } = await createServices();
    const p = await partnerUser('none');
    await assertErrorShape(await t.request('/api/offers', { method: 'POST', token: p.token, body: { kind: 'trial', serviceId: mail.id } }), 403);
    await assertErrorShape(await t.request('/api/offers', { token: p.token }), 403);
  });
});

describe('GET /api/offers, GET /api/offers/:id, POST /api/offers/:id/revoke', () => {
  test('lists own offers newest first with status filters and paging; others see nothing', async () => {
    const { mail, security } = await createServices();
    const p = await partnerUser();
    const made = [];
    for (let i = 0; i < 3; i++) {
      t.clock.advance(1000);
      made.push(await json(await t.request('/api/offers', { method: 'POST', token: p.token, body: { kind: 'trial', serviceId: mail.id, name: `o${i}` } })));
    }
    t.clock.advance(1000);
    const purchase = await json(
      await t.request('/api/offers', { method: 'POST', token: p.token, body: { kind: 'purchase', items: [{ serviceId: security.id, licenses: 5 }], expiresAt: new Date(t.clock.now().getTime() + 60_000).toISOString() } }),
    );
    await t.request(`/api/offers/${made[0].id}/revoke`, { method: 'POST', token: p.token });

    const all = await json(await t.request('/api/offers?limit=10', { token: p.token }));
    assert.deepEqual(all.items.map((o: { id: string }) => o.id), [purchase.id, made[2].id, made[1].id, made[0].id]);
    const page1 = await json(await t.request('/api/offers?limit=2', { token: p.token }));
    const page2 = await json(await t.request(`/api/offers?limit=2&cursor=${page1.nextCursor}`, { token: p.token }));
    assert.deepEqual([...page1.items, ...page2.items].map((o: { id: string }) => o.id), all.items.map((o: { id: string }) => o.id));
    assert.equal(page2.nextCursor, null);

    const ids = async (q: string) => (await json(await t.request(`/api/offers?${q}`, { token: p.token }))).items.map((o: { id: string }) => o.id);
    assert.deepEqual(await ids('status=revoked'), [made[0].id]);
    assert.deepEqual(await ids('kind=purchase'), [purchase.id]);
    t.clock.advance(120_000);
    assert.deepEqual(await ids('status=expired'), [purchase.id]);
    assert.deepEqual(await ids('status=active'), [made[2].id, made[1].id]);

    const other = await partnerUser();
    assert.deepEqual((await json(await t.request('/api/offers', { token: other.token }))).items, []);
    await assertErrorShape(await t.request(`/api/offers/${made[1].id}`, { token: other.token }), 404);
    await assertErrorShape(await t.request(`/api/offers/${made[1].id}/revoke`, { method: 'POST', token: other.token }), 404);
    assert.equal((await json(await t.request(`/api/offers/${made[1].id}`, { token: p.token }))).status, 'active', 'still active after the failed revoke');
    await assertErrorShape(await t.request('/api/offers/not-an-id', { token: p.token }), 404);
  });
});

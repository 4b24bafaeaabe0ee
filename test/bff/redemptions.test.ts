import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { companies, delegations, idempotencyKeys, partnerCustomers, services, subscriptions, users } from '../../db/schema.ts';
import { assertErrorShape, createTestApp, json, uniqueEmail, uniqueSuffix } from './harness.ts';

const t = await createTestApp({ config: { trustProxy: true, signupRateLimit: 1000, signupRateLimitPerOffer: 1000 } });

async function setup() {
  const tag = uniqueSuffix();
  const [mail, security] = await t.db
    .insert(services)
    .values([
      { sku: `MAIL-${tag}`, name: `Mail ${tag}`, description: 'Mailboxes', trialDays: 30, priceMinor: 600, currency: 'USD', minLicenses: 1, maxLicenses: 300 },
      { sku: `SEC-${tag}`, name: `Security ${tag}`, description: 'Security', trialDays: 14, priceMinor: 900, currency: 'USD', minLicenses: 5, maxLicenses: 50 },
    ])
    .returning();
  const partner = await t.createCompany({ kind: 'partner' });
  const admin = await t.createUser({ companyId: partner.id, companyRoles: ['global_admin'], partnerAccess: 'full' });
  const token = (await t.signIn(admin.email, admin.password)).token;
  await t.request('/api/company', { method: 'PATCH', token, body: { email: 'hello@advisor.example', phone: '+1 555 0100', website: 'https://advisor.example' } });
  const offer = async (body: Record<string, unknown>) => {
    const res = await t.request('/api/offers', { method: 'POST', token, body });
    assert.equal(res.status, 201, await res.clone().text());
    return json(res);
  };
  return { mail: mail!, security: security!, partner, token, offer };
}

const prospect = (overrides: Record<string, unknown> = {}) => ({
  company: { name: `Prospect ${uniqueSuffix()}` },
  admin: { email: uniqueEmail('prospect'), displayName: 'Pia Prospect', password: 'prospect-pass-1' },
  acceptDelegatedAdmin: true,
  ...overrides,
});

const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}, 10.0.0.${Math.floor(Math.random() * 250)}`;

function redeem(code: string, body: unknown, options: { key?: string; token?: string; from?: string } = {}) {
  return t.request(`/api/public/offers/${code}/redemptions`, {
    method: 'POST',
    body,
    token: options.token,
    headers: { 'Idempotency-Key': options.key ?? randomUUID(), 'X-Forwarded-For': options.from ?? address() },
  });
}

const companiesNamed = async (name: string) => t.db.select().from(companies).where(eq(companies.name, name));

describe('GET /api/public/offers/:code', () => {
  test('shows the services with prices and trial length, the delegated-admin ask and the advisor', async () => {
    const s = await setup();
    const offer = await s.offer({ kind: 'trial', serviceId: s.mail.id, delegatedAdmin: 'full' });
    const body = await json(await t.request(`/api/public/offers/${offer.code}`));
    assert.equal(body.kind, 'trial');
    assert.equal(body.items[0].trialDays, 30);
    assert.equal(body.items[0].priceMinor, 600);
    assert.equal(body.delegatedAdmin.level, 'full');
    assert.match(body.delegatedAdmin.description, /global admin/);
    assert.deepEqual(body.advisor, { name: s.partner.name, email: 'hello@advisor.example', phone: '+1 555 0100', website: 'https://advisor.example' });
    assert.ok(!('id' in body) && !('redemptions' in body), 'no internal fields');
  });

  test('unknown code 404, revoked 410, expired 410', async () => {
    const s = await setup();
    await assertErrorShape(await t.request('/api/public/offers/no-such-code'), 404);
    const revoked = await s.offer({ kind: 'trial', serviceId: s.mail.id });
    await t.request(`/api/offers/${revoked.id}/revoke`, { method: 'POST', token: s.token });
    await assertErrorShape(await t.request(`/api/public/offers/${revoked.code}`), 410, 'offer_revoked');
    await assertErrorShape(await redeem(revoked.code, prospect()), 410, 'offer_revoked');
    const expiring = await s.offer({ kind: 'trial', serviceId: s.mail.id, expiresAt: new Date(t.clock.now().getTime() + 60_000).toISOString() });
    t.clock.advance(61_000);
    await assertErrorShape(await t.request(`/api/public/offers/${expiring.code}`), 410, 'offer_expired');
  });
});

describe('POST /api/public/offers/:code/redemptions', () => {
  test('a trial with delegated admin accepted creates everything, and the admin is signed in', async () => {
    const s = await setup();
    const offer = await s.offer({ kind: 'trial', serviceId: s.mail.id, delegatedAdmin: 'limited' });
    const body = prospect();
    const res = await redeem(offer.code, body);
    assert.equal(res.status, 201);
    const result = await json(res);
    const [company] = await companiesNamed(body.company.name);
    assert.equal(result.customerId, company!.id);
    assert.equal(company!.kind, 'customer');
    const [sub] = await t.db.select().from(subscriptions).where(eq(subscriptions.customerId, company!.id));
    assert.equal(sub!.status, 'trial');
    assert.equal(sub!.advisorId, s.partner.id);
    assert.equal(sub!.trialEndsAt!.getTime(), t.clock.now().getTime() + 30 * 86_400_000);
    assert.deepEqual(result.delegation, { status: 'active', level: 'limited' });
    const [link] = await t.db.select().from(partnerCustomers).where(eq(partnerCustomers.customerId, company!.id));
    assert.equal(link!.partnerId, s.partner.id);
    assert.equal(link!.isAdvisor, true);
    const me = await json(await t.request('/api/me', { token: result.token }));
    assert.deepEqual(me.user.companyRoles, ['global_admin']);
    assert.equal(me.company.id, company!.id);
    assert.equal((await json(await t.request(`/api/offers/${offer.id}`, { token: s.token }))).redemptions, 1);
  });

  test('a purchase with license counts changed within bounds; declining delegated admin still redeems', async () => {
    const s = await setup();
    const offer = await s.offer({ kind: 'purchase', items: [{ serviceId: s.mail.id, licenses: 10 }, { serviceId: s.security.id, licenses: 5 }], delegatedAdmin: 'full' });
    const result = await json(await redeem(offer.code, prospect({ acceptDelegatedAdmin: false, licenses: { [s.security.id]: 20 } })));
    const byService = Object.fromEntries(result.subscriptions.map((x: { serviceId: string; licenses: number; status: string }) => [x.serviceId, x]));
    assert.equal(byService[s.mail.id].licenses, 10);
    assert.equal(byService[s.security.id].licenses, 20);
    assert.equal(byService[s.security.id].status, 'active');
    assert.deepEqual(result.delegation, { status: 'declined', level: 'full' });
    const active = await t.db.select().from(delegations).where(and(eq(delegations.customerId, result.customerId), eq(delegations.status, 'active')));
    assert.equal(active.length, 0);
  });

  test('license counts out of bounds or for other services are 422 and create nothing', async () => {
    const s = await setup();
    const offer = await s.offer({ kind: 'purchase', items: [{ serviceId: s.security.id, licenses: 5 }] });
    for (const licenses of [{ [s.security.id]: 4 }, { [s.security.id]: 51 }, { [s.mail.id]: 3 }]) {
      const body = prospect({ licenses });
      const err = await assertErrorShape(await redeem(offer.code, body), 422, 'validation_failed');
      assert.match(err.error.details![0]!.path, /^body\.licenses\./);
      assert.equal((await companiesNamed(body.company.name)).length, 0);
    }
    const weak = prospect({ admin: { email: uniqueEmail(), displayName: 'X', password: 'short' } });
    const err = await assertErrorShape(await redeem(offer.code, weak), 422);
    assert.equal(err.error.details![0]!.path, 'body.admin.password');
    await assertErrorShape(await redeem(offer.code, { acceptDelegatedAdmin: true }), 422);
    await assertErrorShape(
      await t.request(`/api/public/offers/${offer.code}/redemptions`, { method: 'POST', body: prospect(), headers: { 'X-Forwarded-For': address() } }),
      422,
    );
  });

  test('an admin email that exists gives 409 and creates nothing', async () => {
    const s = await setup();
    const offer = await s.offer({ kind: 'trial', serviceId: s.mail.id });
    const existing = await t.createUser();
    const body = prospect({ admin: { email: existing.email.toUpperCase(), displayName: 'Dup', password: 'prospect-pass-1' } });
    await assertErrorShape(await redeem(offer.code, body), 409, 'email_taken');
    assert.equal((await companiesNamed(body.company.name)).length, 0);
  });

  test('idempotency: same key and body replays (with a fresh session), another body is 422', async () => {
    const s = await setup();
    const offer = await s.offer({ kind: 'trial', serviceId: s.mail.id });
    const key = randomUUID();
    const body = prospect();
    const first = await json(await redeem(offer.code, body, { key }));
    const again = await redeem(offer.code, { ...body, company: { ...body.company } }, { key });
    assert.equal(again.status, 201);
    const replay = await json(again);
    assert.equal(replay.customerId, first.customerId);
    assert.deepEqual(replay.subscriptions, first.subscriptions);
    assert.notEqual(replay.token, first.token);
    assert.equal((await t.request('/api/me', { token: replay.token })).status, 200);
    assert.equal((await companiesNamed(body.company.name)).length, 1);
    await assertErrorShape(await redeem(offer.code, { ...body, acceptDelegatedAdmin: false }, { key }), 422, 'idempotency_key_reused');
    await assertErrorShape(await redeem(offer.code, { ...body, admin: { ...body.admin, password: 'another-pass-2' } }, { key }), 422, 'idempotency_key_reused');
    const stored = await t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    assert.ok(!JSON.stringify(stored).includes(first.token), 'the session token is not stored');
    assert.ok(!JSON.stringify(stored).includes(body.admin.password), 'the password is not stored');
    assert.equal((await json(await t.request(`/api/offers/${offer.id}`, { token: s.token }))).redemptions, 1);
  });

  test('concurrent identical requests create exactly one customer', async () => {
    const s = await setup();
    const offer = await s.offer({ kind: 'trial', serviceId: s.mail.id });
    const key = randomUUID();
    const body = prospect();
    const responses = await Promise.all(Array.from({ length: 5 }, () => redeem(offer.code, body, { key })));
    const statuses = responses.map((r) => r.status);
    assert.ok(statuses.includes(201), `one succeeds: ${statuses}`);
    for (const r of responses) {
      if (r.status !== 201) await assertErrorShape(r, 409, 'request_in_progress');
    }
    assert.equal((await companiesNamed(body.company.name)).length, 1);
    assert.equal((await t.db.select().from(users).where(eq(sql`lower(${users.email})`, body.admin.email))).length, 1);
  });

  test('all or nothing: a failure mid-transaction leaves no company, user, subscription or link', async () => {
    const s = await setup();
    const offer = await s.offer({ kind: 'trial', serviceId: s.mail.id, delegatedAdmin: 'full' });
    const fn = `pk_fail_${uniqueSuffix()}`;
    // A trigger on the last insert of the transaction fails it after everything else was written.
    await t.db.execute(sql.raw(`create function ${fn}() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`));
    await t.db.execute(sql.raw(`create trigger ${fn} before insert on offer_redemptions for each row when (new.offer_id = '${offer.id}') execute function ${fn}()`));
    const key = randomUUID();
    const body = prospect();
    try {
      await assertErrorShape(await redeem(offer.code, body, { key }), 500, 'internal_error');
    } finally {
      await t.db.execute(sql.raw(`drop trigger ${fn} on offer_redemptions`));
      await t.db.execute(sql.raw(`drop function ${fn}()`));
    }
    assert.equal((await companiesNamed(body.company.name)).length, 0);
    assert.equal((await t.db.select().from(users).where(eq(users.email, body.admin.email))).length, 0);
    assert.equal((await t.db.select().from(partnerCustomers).where(eq(partnerCustomers.partnerId, s.partner.id))).length, 0);
    assert.equal((await t.db.select().from(subscriptions).where(eq(subscriptions.offerId, offer.id))).length, 0);
    assert.equal((await t.db.select().from(delegations).where(eq(delegations.partnerId, s.partner.id))).length, 0);
    // The key was freed: the same request succeeds once the fault is gone.
    assert.equal((await redeem(offer.code, body, { key })).status, 201);
  });

  test('a signed-in customer admin redeems into their own company; a purchase converts a trial', async () => {
    const s = await setup();
    const trial = await s.offer({ kind: 'trial', serviceId: s.mail.id });
    const first = await json(await redeem(trial.code, prospect()));
    const purchase = await s.offer({ kind: 'purchase', items: [{ serviceId: s.mail.id, licenses: 40 }] });
    const res = await redeem(purchase.code, { acceptDelegatedAdmin: false }, { token: first.token });
    assert.equal(res.status, 201);
    const result = await json(res);
    assert.equal(result.customerId, first.customerId);
    assert.equal(result.token, null);
    const subs = await t.db.select().from(subscriptions).where(eq(subscriptions.customerId, first.customerId));
    assert.equal(subs.length, 1, 'the trial was converted, not duplicated');
    assert.equal(subs[0]!.status, 'active');
    assert.equal(subs[0]!.licenses, 40);
    assert.equal(subs[0]!.trialEndsAt, null);
    // Another trial of a service it already has is a conflict.
    await assertErrorShape(await redeem(trial.code, {}, { token: first.token }), 409, 'already_subscribed');
    await assertErrorShape(await redeem(purchase.code, prospect(), { token: first.token }), 422);
  });

  test('a partner user or a customer user without subscription rights cannot redeem into their company', async () => {
    const s = await setup();
    const offer = await s.offer({ kind: 'trial', serviceId: s.mail.id });
    await assertErrorShape(await redeem(offer.code, {}, { token: s.token }), 403);
    const customer = await t.createCompany({ kind: 'customer' });
    const plain = await t.createUser({ companyId: customer.id });
    await assertErrorShape(await redeem(offer.code, {}, { token: (await t.signIn(plain.email, plain.password)).token }), 403);
    await assertErrorShape(await redeem(offer.code, {}, { token: 'pks_bad' }), 401);
  });
});

describe('sign-up rate limits', () => {
  test('per client address (invalid attempts count), with Retry-After, until the window passes', async () => {
    const limited = await createTestApp({ config: { trustProxy: true, signupRateLimit: 3, signupRateLimitPerOffer: 1000 } });
    const s = await setup();
    const offer = await s.offer({ kind: 'trial', serviceId: s.mail.id });
    const from = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const send = (body: unknown, who = from) =>
      limited.request(`/api/public/offers/${offer.code}/redemptions`, { method: 'POST', body, headers: { 'Idempotency-Key': randomUUID(), 'X-Forwarded-For': who } });
    for (let i = 0; i < 3; i++) assert.equal((await send({ bad: true })).status, 422);
    const refused = await send(prospect());
    await assertErrorShape(refused, 429, 'rate_limited');
    assert.match(refused.headers.get('Retry-After') ?? '', /^\d+$/);
    assert.equal((await send(prospect(), `${from}9`)).status, 201, 'another address is not limited');
    limited.clock.advance(61_000);
    assert.equal((await send(prospect())).status, 201);
  });

  test('per offer, across addresses; X-Forwarded-For is ignored unless TRUST_PROXY', async () => {
    const limited = await createTestApp({ config: { trustProxy: false, signupRateLimit: 2, signupRateLimitPerOffer: 1000 } });
    const s = await setup();
    const offer = await s.offer({ kind: 'trial', serviceId: s.mail.id });
    const send = (who: string) =>
      limited.request(`/api/public/offers/${offer.code}/redemptions`, { method: 'POST', body: {}, headers: { 'Idempotency-Key': randomUUID(), 'X-Forwarded-For': who } });
    // Without TRUST_PROXY every request counts against the same (socket) address.
    await send('192.0.2.1');
    await send('192.0.2.2');
    await assertErrorShape(await send('192.0.2.3'), 429);

    const perOffer = await createTestApp({ config: { trustProxy: true, signupRateLimit: 1000, signupRateLimitPerOffer: 2 } });
    const other = await s.offer({ kind: 'trial', serviceId: s.mail.id });
    const post = (who: string) =>
      perOffer.request(`/api/public/offers/${other.code}/redemptions`, { method: 'POST', body: {}, headers: { 'Idempotency-Key': randomUUID(), 'X-Forwarded-For': who } });
    await post(address());
    await post(address());
    await assertErrorShape(await post(address()), 429, 'rate_limited');
  });
});

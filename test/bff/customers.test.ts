import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { companies, delegations, partnerCustomers, services, subscriptions } from '../../db/schema.ts';
import { pageSchema } from '../../bff/cursor.ts';
import { customerDetailSchema, customerListItemSchema } from '../../bff/domain/customers.ts';
import { assertErrorShape, createTestApp, json, uniqueSuffix } from './harness.ts';
import { auditRows, createService, insertDelegation, insertUser, linkCustomer, partnerUser, signedIn } from './fixtures-customers.ts';

const t = await createTestApp();
const day = 86_400_000;

type Item = { id: string; name: string; domain: string | null; delegation: { status: string; level: string | null; expiresAt: string | null }; subscriptionSummary: Record<string, unknown> };
type Page = { items: Item[]; nextCursor: string | null };

/** Every page of a list, following the cursors. */
async function walk(token: string, query: string, limit = 2): Promise<Item[]> {
  const seen: Item[] = [];
  let cursor: string | null = null;
  do {
    const res = await t.request(`/api/customers?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { token });
    // The documented schema holds for every page (the list is rendered in SQL, not from the schema's type).
    const page: Page = pageSchema(customerListItemSchema).parse(await json(res));
    assert.ok(page.items.length <= limit);
    seen.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

describe('GET /api/customers', () => {
  test('lists only the partner’s customers, sorted by name in any case, paged with a cursor', async () => {
    const partner = await t.createCompany({ kind: 'partner' });
    const p = await partnerUser(t, partner.id, 'limited');
    const tag = uniqueSuffix();
    const names = [`delta ${tag}`, `Alpha ${tag}`, `charlie ${tag}`, `Bravo ${tag}`, `echo ${tag}`];
    for (const name of names) await linkCustomer(t, partner.id, { name });
    const stranger = await t.createCompany({ kind: 'partner' });
    await linkCustomer(t, stranger.id, { name: `Alpha ${tag} of someone else` });

    const all = await walk(p.token, 'sort=name');
    assert.deepEqual(all.map((c) => c.name), [`Alpha ${tag}`, `Bravo ${tag}`, `charlie ${tag}`, `delta ${tag}`, `echo ${tag}`]);
    assert.equal(new Set(all.map((c) => c.id)).size, 5);
    // The default sort is by name too.
    assert.deepEqual((await walk(p.token, '')).map((c) => c.id), all.map((c) => c.id));
  });

  test('newest first by when they became customers, paged without repeats', async () => {
    const partner = await t.createCompany({ kind: 'partner' });
    const p = await partnerUser(t, partner.id, 'full');
    const base = t.clock.now().getTime();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await linkCustomer(t, partner.id, { since: new Date(base - (5 - i) * day) }));
    // Two share an instant: the id breaks the tie, and paging neither skips nor repeats.
    const twin = await linkCustomer(t, partner.id, { since: new Date(base - day) });
    const got = (await walk(p.token, 'sort=newest')).map((c) => c.id);
    assert.equal(got.length, 6);
    assert.equal(new Set(got).size, 6);
    assert.deepEqual(got.slice(2), [made[3]!.customer.id, made[2]!.customer.id, made[1]!.customer.id, made[0]!.customer.id]);
    assert.deepEqual(new Set(got.slice(0, 2)), new Set([made[4]!.customer.id, twin.customer.id]));
  });

  test('q finds a substring of the name or the domain in any case; wildcards are literal', async () => {
    const partner = await t.createCompany({ kind: 'partner' });
    const p = await partnerUser(t, partner.id, 'full');
    const tag = uniqueSuffix();
    const bakery = await linkCustomer(t, partner.id, { name: `Fabrikam Bakery ${tag}`, domain: `fabrikam-${tag}.example` });
    const toys = await linkCustomer(t, partner.id, { name: `Tailspin Toys ${tag}`, domain: `bakery-supplies-${tag}.example` });
    const percent = await linkCustomer(t, partner.id, { name: `Fifty%Off_${tag}`, domain: null });
    await linkCustomer(t, partner.id, { name: `Fifty Off ${tag}`, domain: null });
    const ids = async (q: string) => (await walk(p.token, `q=${encodeURIComponent(q)}`, 10)).map((c) => c.id).sort();

    assert.deepEqual(await ids(`KERY ${tag}`), [bakery.customer.id]);
    assert.deepEqual(await ids(`bakery`), [bakery.customer.id, toys.customer.id].sort(), 'name or domain');
    assert.deepEqual(await ids(`RIKAM-${tag}.EXAM`), [bakery.customer.id], 'middle of the domain');
    assert.deepEqual(await ids(`%off_${tag}`), [percent.customer.id], '% and _ match themselves only');
    assert.deepEqual(await ids(`nothing-like-${tag}`), []);
  });

  test('filters by delegation state as of now, expiry included', async () => {
    const partner = await t.createCompany({ kind: 'partner' });
    const p = await partnerUser(t, partner.id, 'full');
    const byState: Record<string, string> = {};
    for (const state of ['none', 'pending', 'active-full', 'active-limited', 'expired', 'revoked', 'declined'] as const) {
      byState[state] = (await linkCustomer(t, partner.id, { delegation: state })).customer.id;
    }
    // A request nobody answered in time also counts as expired.
    const lapsed = await linkCustomer(t, partner.id);
    await insertDelegation(t, { partnerId: partner.id, customerId: lapsed.customer.id }, 'pending', { requestExpiresAt: new Date(t.clock.now().getTime() - 1000) });
    // A customer with an active delegation and a newer open request shows the active one.
    const upgrading = await linkCustomer(t, partner.id, { delegation: 'active-limited' });
    await insertDelegation(t, { partnerId: partner.id, customerId: upgrading.customer.id }, 'pending', { createdAt: t.clock.now() });

    const ids = async (state: string) => (await walk(p.token, `delegation=${state}`, 20)).map((c) => c.id).sort();
    assert.deepEqual(await ids('none'), [byState.none]);
    assert.deepEqual(await ids('pending'), [byState.pending]);
    assert.deepEqual(await ids('active'), [byState['active-full'], byState['active-limited'], upgrading.customer.id].sort());
    assert.deepEqual(await ids('expired'), [byState.expired, lapsed.customer.id].sort());
    assert.deepEqual(await ids('revoked'), [byState.revoked]);
    assert.deepEqual(await ids('declined'), [byState.declined]);

    const all = await walk(p.token, 'sort=name', 50);
    const full = all.find((c) => c.id === byState['active-full'])!;
    assert.deepEqual({ status: full.delegation.status, level: full.delegation.level }, { status: 'active', level: 'full' });
    assert.equal(all.find((c) => c.id === byState.none)!.delegation.status, 'none');

    // Time moves: an active delegation with an end date becomes expired in the list at once.
    const ending = await linkCustomer(t, partner.id);
    await insertDelegation(t, { partnerId: partner.id, customerId: ending.customer.id }, 'active-full', { expiresAt: new Date(t.clock.now().getTime() + 60_000) });
    assert.ok((await ids('active')).includes(ending.customer.id));
    t.clock.advance(61_000);
    assert.ok((await ids('expired')).includes(ending.customer.id));
    assert.ok(!(await ids('active')).includes(ending.customer.id));
  });

  test('filters by subscription state through this partner; summaries count by state', async () => {
    const partner = await t.createCompany({ kind: 'partner' });
    const p = await partnerUser(t, partner.id, 'full');
    const service = await createService(t);
    const now = t.clock.now().getTime();
    const trial = await linkCustomer(t, partner.id, { service, subscription: { status: 'trial', trialEndsAt: new Date(now + 10 * day) } });
    const active = await linkCustomer(t, partner.id, { service, subscription: { status: 'active' } });
    const lapsedTrial = await linkCustomer(t, partner.id, { service, subscription: { status: 'trial', trialEndsAt: new Date(now - day) } });
    const markedExpired = await linkCustomer(t, partner.id, { service, subscription: { status: 'expired', trialEndsAt: new Date(now - 5 * day) } });

    const ids = async (state: string) => (await walk(p.token, `subscription=${state}`, 20)).map((c) => c.id).sort();
    assert.deepEqual(await ids('trial'), [trial.customer.id]);
    assert.deepEqual(await ids('active'), [active.customer.id]);
    assert.deepEqual(await ids('expired_trial'), [lapsedTrial.customer.id, markedExpired.customer.id].sort());

    const item = (await walk(p.token, 'subscription=expired_trial', 20)).find((c) => c.id === lapsedTrial.customer.id)!;
    assert.deepEqual(item.subscriptionSummary, {
      trial: 0,
      active: 0,
      expiredTrial: 1,
      cancelled: 0,
      services: [{ sku: service.sku, name: service.name, status: 'expired_trial' }],
    });
  });

  test('the list follows every write to delegations, subscriptions, services and names, and agrees with the detail', async () => {
    const [a, b] = [await t.createCompany({ kind: 'partner' }), await t.createCompany({ kind: 'partner' })];
    const [pa, pb] = [await partnerUser(t, a.id, 'full'), await partnerUser(t, b.id, 'full')];
    const c = await linkCustomer(t, a.id, { subscription: { status: 'trial', trialEndsAt: new Date(t.clock.now().getTime() + 60_000) } });
    let term = c.customer.name;
    const item = async (token: string) => (await walk(token, `q=${encodeURIComponent(term)}`, 5)).find((i) => i.id === c.customer.id);
    const pair = { partnerId: a.id, customerId: c.customer.id };
    const servicesOf = async (token: string) => ((await item(token))!.subscriptionSummary as { services: { name: string; status: string }[] }).services;

    // Delegations: added, changed, removed.
    const request = await insertDelegation(t, pair, 'pending');
    assert.equal((await item(pa.token))!.delegation.status, 'pending');
    await t.db.update(delegations).set({ status: 'active', answeredAt: t.clock.now() }).where(eq(delegations.id, request.id));
    assert.equal((await item(pa.token))!.delegation.status, 'active');
    await t.db.delete(delegations).where(eq(delegations.id, request.id));
    assert.equal((await item(pa.token))!.delegation.status, 'none');

    // Subscriptions: a second one, a renamed service, time passing, an advisor change.
    const other = await createService(t);
    await t.db.insert(subscriptions).values({ customerId: c.customer.id, serviceId: other.id, advisorId: a.id, status: 'active', licenses: 3 });
    await t.db.update(services).set({ name: `Zz ${other.name}` }).where(eq(services.id, other.id));
    const [first] = await t.db.select().from(services).where(eq(services.id, c.subscription.serviceId));
    assert.deepEqual((await servicesOf(pa.token)).map((s) => [s.name, s.status]), [[first!.name, 'trial'], [`Zz ${other.name}`, 'active']]);
    t.clock.advance(61_000);
    assert.equal((await servicesOf(pa.token))[0]!.status, 'expired_trial', 'a trial past its end, with no write at all');
    await t.db.update(subscriptions).set({ advisorId: b.id }).where(eq(subscriptions.id, c.subscription.id));
    assert.deepEqual((await servicesOf(pa.token)).map((s) => s.name), [`Zz ${other.name}`]);

    // A partner linked after its delegation and subscription were written starts with both.
    await insertDelegation(t, { partnerId: b.id, customerId: c.customer.id }, 'active-limited');
    assert.equal(await item(pb.token), undefined, 'not yet a customer of b');
    await t.db.insert(partnerCustomers).values({ partnerId: b.id, customerId: c.customer.id, isAdvisor: true });
    const seenByB = (await item(pb.token))!;
    assert.deepEqual([seenByB.delegation.status, seenByB.delegation.level], ['active', 'limited']);
    assert.equal((seenByB.subscriptionSummary as { expiredTrial: number }).expiredTrial, 1);

    // A renamed customer is found, and sorted, under its new name in every partner's list.
    const renamed = `Renamed ${uniqueSuffix()}`;
    await t.db.update(companies).set({ name: renamed, domain: null }).where(eq(companies.id, c.customer.id));
    for (const p of [pa, pb]) {
      const found = await walk(p.token, `q=${encodeURIComponent(renamed.toUpperCase())}`, 5);
      assert.deepEqual(found.map((i) => [i.id, i.name, i.domain]), [[c.customer.id, renamed, null]]);
    }
    term = renamed;

    // The detail computes the same item from the tables themselves.
    for (const [p, listed] of [[pa, await item(pa.token)], [pb, seenByB]] as const) {
      const detail = await json(await t.request(`/api/customers/${c.customer.id}`, { token: p.token }));
      assert.deepEqual({ delegation: detail.delegation, subscriptionSummary: detail.subscriptionSummary }, { delegation: listed!.delegation, subscriptionSummary: listed!.subscriptionSummary });
    }
  });

  test('bad cursors and bad filters are 422; a cursor of the other sort is refused', async () => {
    const partner = await t.createCompany({ kind: 'partner' });
    const p = await partnerUser(t, partner.id, 'full');
    for (let i = 0; i < 3; i++) await linkCustomer(t, partner.id);
    const byName: Page = await json(await t.request('/api/customers?limit=1', { token: p.token }));
    await assertErrorShape(await t.request(`/api/customers?sort=newest&cursor=${byName.nextCursor}`, { token: p.token }), 422);
    for (const q of ['cursor=garbage', 'delegation=maybe', 'subscription=forever', 'sort=size', 'limit=0', 'limit=101']) {
      const err = await assertErrorShape(await t.request(`/api/customers?${q}`, { token: p.token }), 422, 'validation_failed');
      assert.ok(err.error.details?.[0]?.path.startsWith('query.'));
    }
  });

  test('needs partner access: 401 without a token, 403 for access none and for customers', async () => {
    const partner = await t.createCompany({ kind: 'partner' });
    const none = await partnerUser(t, partner.id, 'none', ['global_admin']);
    const c = await linkCustomer(t, partner.id);
    const customerAdmin = await signedIn(t, c.admin);
    await assertErrorShape(await t.request('/api/customers'), 401);
    await assertErrorShape(await t.request('/api/customers', { token: none.token }), 403, 'forbidden');
    await assertErrorShape(await t.request('/api/customers', { token: customerAdmin.token }), 403, 'forbidden');
    await assertErrorShape(await t.request(`/api/customers/${c.customer.id}`, { token: none.token }), 403, 'forbidden');
  });

  // The token is checked before the query, and a session that ended sees nothing.
  test('the token is checked first: 401 for a bad or ended session whatever the query', async () => {
    const partner = await t.createCompany({ kind: 'partner' });
    const p = await partnerUser(t, partner.id, 'full');
    await linkCustomer(t, partner.id);
    for (const q of ['', '?cursor=garbage', '?limit=0', '?q=a&sort=newest']) {
      await assertErrorShape(await t.request(`/api/customers${q}`, { token: 'pks_not-a-token' }), 401, 'invalid_token');
    }
    assert.equal((await json(await t.request('/api/customers', { token: p.token }))).items.length, 1);
    assert.equal((await t.request('/api/sessions/current', { method: 'DELETE', token: p.token })).status, 204);
    await assertErrorShape(await t.request('/api/customers', { token: p.token }), 401, 'invalid_token');
  });
});

describe('GET /api/customers/:id', () => {
  test('another partner’s customer, an unknown id and a malformed id are all 404', async () => {
    const partner = await t.createCompany({ kind: 'partner' });
    const p = await partnerUser(t, partner.id, 'full');
    const stranger = await t.createCompany({ kind: 'partner' });
    const theirs = await linkCustomer(t, stranger.id, { delegation: 'active-full' });
    for (const id of [theirs.customer.id, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      await assertErrorShape(await t.request(`/api/customers/${id}`, { token: p.token }), 404, 'not_found');
      await assertErrorShape(await t.request(`/api/customers/${id}/users`, { token: p.token }), 404, 'not_found');
      await assertErrorShape(await t.request(`/api/customers/${id}/audit`, { token: p.token }), 404, 'not_found');
      await assertErrorShape(await t.request(`/api/customers/${id}/delegation-requests`, { method: 'POST', token: p.token, body: { level: 'full' } }), 404);
    }
  });

  test('without a delegation: delegation, subscriptions through the partner; no admins, no service requests', async () => {
    const partner = await t.createCompany({ kind: 'partner' });
    const p = await partnerUser(t, partner.id, 'full');
    const c = await linkCustomer(t, partner.id, { delegation: 'declined' });
    const body = await json(await t.request(`/api/customers/${c.customer.id}`, { token: p.token }));
    assert.equal(body.id, c.customer.id);
    assert.equal(body.name, c.customer.name);
    assert.equal(body.delegation.status, 'declined');
    assert.deepEqual(body.permissions, []);
    assert.equal(body.admins, null);
    assert.equal(body.openServiceRequests, null);
    assert.equal(body.pendingRequest, null);
    assert.deepEqual(body.subscriptions.map((s: { id: string; advisedByYou: boolean }) => [s.id, s.advisedByYou]), [[c.subscription.id, true]]);
  });

  test('with full delegation: admins with roles, every subscription, open service requests, the open request', async () => {
    const partner = await t.createCompany({ kind: 'partner' });
    const p = await partnerUser(t, partner.id, 'full');
    const c = await linkCustomer(t, partner.id, { delegation: 'active-full' });
    const billing = await insertUser(t, c.customer.id, { companyRoles: ['billing_admin'], displayName: 'Zz Billing' });
    const request = await json(
      await t.request(`/api/customers/${c.customer.id}/delegation-requests`, { method: 'POST', token: p.token, body: { level: 'limited', expiresInDays: 7 } }),
    );
    const opened = await json(
      await t.request(`/api/customers/${c.customer.id}/service-requests`, { method: 'POST', token: p.token, body: { title: 'Mail down', description: 'No mail since 9:00', severity: 'high' } }),
    );
    const body = await json(await t.request(`/api/customers/${c.customer.id}`, { token: p.token }));
    customerDetailSchema.parse(body);
    assert.equal(body.delegation.status, 'active', 'the delegation in force wins over the newer request');
    assert.equal(body.delegation.level, 'full');
    assert.deepEqual(body.pendingRequest, { ...request });
    assert.deepEqual(
      body.admins.map((a: { id: string; roles: string[] }) => [a.id, a.roles]),
      [[c.admin.user.id, ['global_admin']], [billing.user.id, ['billing_admin']]],
    );
    assert.ok(body.admins.every((a: { email: string; displayName: string }) => a.email && a.displayName));
    assert.deepEqual(body.openServiceRequests.map((s: { id: string }) => s.id), [opened.id]);
    assert.ok(body.permissions.includes('subscriptions:manage'));
    assert.ok(!body.permissions.includes('delegations:manage'), 'a delegate never manages the customer’s delegations');
  });
});

describe('POST /api/customers/:id/delegation-requests', () => {
  test('returns a ≥128-bit code and the consent URL; records delegation.requested', async () => {
    const partner = await t.createCompany({ kind: 'partner' });
    const p = await partnerUser(t, partner.id, 'limited');
    const c = await linkCustomer(t, partner.id);
    const res = await t.request(`/api/customers/${c.customer.id}/delegation-requests`, { method: 'POST', token: p.token, body: { level: 'full' } });
    assert.equal(res.status, 201);
    const body = await json(res);
    assert.deepEqual(Object.keys(body).sort(), ['code', 'createdAt', 'id', 'level', 'requestExpiresAt', 'status', 'url']);
    assert.match(body.code, /^[A-Za-z0-9_-]{27,}$/);
    assert.ok(Buffer.from(body.code, 'base64url').length * 8 >= 128);
    assert.equal(body.url, `${t.config.publicUrl}/consent?delegation=${body.code}`);
    assert.equal(body.level, 'full');
    assert.equal(body.status, 'pending');
    assert.equal(new Date(body.requestExpiresAt).getTime(), t.clock.now().getTime() + 90 * day, '90 days unless set shorter');

    const [row] = await auditRows(t, c.customer.id, { action: 'delegation.requested' });
    assert.equal(row?.actorUserId, p.user.id);
    assert.equal(row?.actorEmail, p.email);
    assert.equal(row?.partnerId, partner.id);
    assert.equal(row?.partnerName, partner.name);
    assert.equal(row?.targetId, body.id);
    assert.equal(row?.outcome, 'success');
  });

  test('a new request replaces the open one, whose link then answers 410', async () => {
    const partner = await t.createCompany({ kind: 'partner' });
    const p = await partnerUser(t, partner.id, 'full');
    const c = await linkCustomer(t, partner.id);
    const admin = await signedIn(t, c.admin);
    const first = await json(await t.request(`/api/customers/${c.customer.id}/delegation-requests`, { method: 'POST', token: p.token, body: { level: 'full' } }));
    const second = await json(
      await t.request(`/api/customers/${c.customer.id}/delegation-requests`, { method: 'POST', token: p.token, body: { level: 'limited', expiresInDays: 3 } }),
    );
    assert.equal(new Date(second.requestExpiresAt).getTime(), t.clock.now().getTime() + 3 * day);
    const pending = await t.db
      .select()
      .from(delegations)
      .where(and(eq(delegations.customerId, c.customer.id), eq(delegations.status, 'pending')));
    assert.deepEqual(pending.map((d) => d.id), [second.id]);
    await assertErrorShape(await t.request(`/api/public/delegations/${first.code}`, { token: admin.token }), 410, 'delegation_withdrawn');
    assert.equal((await json(await t.request(`/api/public/delegations/${second.code}`, { token: admin.token }))).level, 'limited');
  });

  test('validates level and expiresInDays (1..90); needs partner access', async () => {
    const partner = await t.createCompany({ kind: 'partner' });
    const p = await partnerUser(t, partner.id, 'full');
    const none = await partnerUser(t, partner.id, 'none');
    const c = await linkCustomer(t, partner.id);
    const path = `/api/customers/${c.customer.id}/delegation-requests`;
    for (const [body, field] of [
      [{ level: 'total' }, 'body.level'],
      [{}, 'body.level'],
      [{ level: 'full', expiresInDays: 0 }, 'body.expiresInDays'],
      [{ level: 'full', expiresInDays: 91 }, 'body.expiresInDays'],
      [{ level: 'full', expiresInDays: 1.5 }, 'body.expiresInDays'],
    ] as const) {
      const err = await assertErrorShape(await t.request(path, { method: 'POST', token: p.token, body }), 422, 'validation_failed');
      assert.equal(err.error.details?.[0]?.path, field);
    }
    await assertErrorShape(await t.request(path, { method: 'POST', token: none.token, body: { level: 'full' } }), 403, 'forbidden');
    assert.deepEqual(await auditRows(t, c.customer.id), [], 'nothing recorded for refused requests');
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { delegations, partnerCustomers, partnerServiceTotals, partnerTotals, serviceRequests, services, subscriptions } from '../../db/schema.ts';
import { createService, insertDelegation, linkCustomer, partnerUser, signedIn } from './fixtures-customers.ts';
import { assertErrorShape, createTestApp, json, uniqueEmail, uniqueSuffix } from './harness.ts';

const t = await createTestApp();
const day = 86_400_000;
const hours = (n: number) => new Date(t.clock.now().getTime() + n * 3_600_000);
const days = (n: number) => new Date(t.clock.now().getTime() + n * day);

const overview = async (token: string, query = '') => {
  const res = await t.request(`/api/overview${query}`, { token });
  assert.equal(res.status, 200);
  return json(res);
};

async function partner() {
  const company = await t.createCompany({ kind: 'partner' });
  const admin = await partnerUser(t, company.id, 'full', ['global_admin']);
  return { company, admin };
}

describe('who sees what', () => {
  test('money only for global and billing admins; customers only with partner access; the rest left out, not zeroed', async () => {
    const { company, admin } = await partner();
    await linkCustomer(t, company.id, { subscription: { status: 'active', licenses: 4 } });
    const billing = await partnerUser(t, company.id, 'none', ['billing_admin']);
    const service = await partnerUser(t, company.id, 'none', ['service_admin']);
    const helpdesk = await partnerUser(t, company.id, 'limited');

    const all = await overview(admin.token);
    assert.deepEqual(Object.keys(all.figures).sort(), ['activeTrials', 'conversion', 'customers', 'delegationsInForce', 'licensesUnderManagement', 'monthlyRecurring', 'payingSubscriptions']);
    assert.ok(all.series && all.attention);

    const money = await overview(billing.token);
    assert.deepEqual(Object.keys(money.figures), ['monthlyRecurring']);
    assert.deepEqual(money.figures.monthlyRecurring, [{ currency: 'USD', amountMinor: 2000 }]);
    assert.equal(money.series, undefined);
    assert.equal(money.attention, undefined, 'no customer names without partner access');

    const none = await overview(service.token);
    assert.deepEqual(none, { company: { id: company.id, name: company.name }, figures: {} });

    const customers = await overview(helpdesk.token);
    assert.equal(customers.figures.monthlyRecurring, undefined, 'no money without subscriptions:manage');
    assert.equal(customers.figures.customers, 1);
  });

  test('401 without a token, 403 for a customer company, 422 for a bad cursor', async () => {
    const { company, admin } = await partner();
    await assertErrorShape(await t.request('/api/overview'), 401);
    const c = await linkCustomer(t, company.id);
    const customerAdmin = await signedIn(t, c.admin);
    await assertErrorShape(await t.request('/api/overview', { token: customerAdmin.token }), 403, 'forbidden');
    await assertErrorShape(await t.request('/api/overview?cursor=bm9wZQ', { token: admin.token }), 422, 'validation_failed');
    await assertErrorShape(await t.request('/api/overview?limit=0', { token: admin.token }), 422, 'validation_failed');
  });

  // The token is checked before the query, and a session that ended sees nothing.
  test('the token is checked first: 401 for a bad or ended session whatever the query', async () => {
    const { company, admin } = await partner();
    await linkCustomer(t, company.id, { subscription: { status: 'trial', trialEndsAt: days(2) } });
    for (const query of ['', '?cursor=bm9wZQ', '?limit=0']) {
      await assertErrorShape(await t.request(`/api/overview${query}`, { token: 'pks_not-a-token' }), 401, 'invalid_token');
    }
    const ending = await partnerUser(t, company.id, 'full', ['global_admin']);
    assert.equal((await overview(ending.token)).attention.items.length, 1);
    assert.equal((await t.request('/api/sessions/current', { method: 'DELETE', token: ending.token })).status, 204);
    await assertErrorShape(await t.request('/api/overview', { token: ending.token }), 401, 'invalid_token');
    assert.equal((await overview(admin.token)).attention.items.length, 1);
  });

  test('another partner’s customers never appear or count', async () => {
    const a = await partner();
    const b = await partner();
    await linkCustomer(t, b.company.id, { subscription: { status: 'trial', trialEndsAt: days(2) }, delegation: 'active-full' });
    const seen = await overview(a.admin.token);
    assert.equal(seen.figures.customers, 0);
    assert.equal(seen.figures.activeTrials, 0);
    assert.deepEqual(seen.figures.delegationsInForce, { full: 0, limited: 0 });
    assert.deepEqual(seen.attention.items, []);
    assert.equal((await overview(b.admin.token)).attention.items.length, 1);
  });
});

describe('figures', () => {
  test('customers, trials in force, paying subscriptions, licenses, money per currency, delegations by level', async () => {
    const { company, admin } = await partner();
    const euro = await createService(t);
    await t.db.update(services).set({ currency: 'EUR', priceMinor: 1250 }).where(eq(services.id, euro.id));
    await linkCustomer(t, company.id, { subscription: { status: 'active', licenses: 10 }, delegation: 'active-full' });
    await linkCustomer(t, company.id, { service: euro, subscription: { status: 'active', licenses: 2 }, delegation: 'active-limited' });
    await linkCustomer(t, company.id, { subscription: { status: 'trial', trialEndsAt: days(3) }, delegation: 'pending' });
    await linkCustomer(t, company.id, { subscription: { status: 'trial', trialEndsAt: hours(1) } });
    await linkCustomer(t, company.id, { subscription: { status: 'cancelled' }, delegation: 'expired' });
    const lapsing = await linkCustomer(t, company.id, { subscription: { status: 'expired' } });
    await insertDelegation(t, { partnerId: company.id, customerId: lapsing.customer.id }, 'active-full', { expiresAt: hours(2) });

    const figures = (await overview(admin.token)).figures;
    assert.equal(figures.customers, 6);
    assert.equal(figures.activeTrials, 2);
    assert.equal(figures.payingSubscriptions, 2);
    assert.equal(figures.licensesUnderManagement, 12);
    assert.deepEqual(figures.monthlyRecurring, [
      { currency: 'EUR', amountMinor: 2500 },
      { currency: 'USD', amountMinor: 5000 },
    ]);
    assert.deepEqual(figures.delegationsInForce, { full: 2, limited: 1 }, 'the expired one does not count');

    // Time alone ends a trial and a delegation: they stop counting with no write at all.
    t.clock.advance(3 * 3_600_000);
    const later = (await overview(admin.token)).figures;
    assert.equal(later.activeTrials, 1);
    assert.deepEqual(later.delegationsInForce, { full: 1, limited: 1 });
    t.clock.advance(-3 * 3_600_000);
  });

  test('the counters follow every write, deletes included, and agree with counting the tables', async () => {
    const { company, admin } = await partner();
    const kept = await linkCustomer(t, company.id, { subscription: { status: 'trial', trialEndsAt: days(9) }, delegation: 'active-full' });
    const gone = await linkCustomer(t, company.id, { subscription: { status: 'active', licenses: 7 }, delegation: 'active-limited' });
    await t.db.update(subscriptions).set({ status: 'active', licenses: 3 }).where(eq(subscriptions.id, kept.subscription.id));
    await t.db.update(delegations).set({ status: 'revoked' }).where(eq(delegations.customerId, kept.customer.id));
    await t.db.delete(subscriptions).where(eq(subscriptions.customerId, gone.customer.id));
    await t.db.delete(delegations).where(eq(delegations.customerId, gone.customer.id));
    await t.db.delete(partnerCustomers).where(and(eq(partnerCustomers.partnerId, company.id), eq(partnerCustomers.customerId, gone.customer.id)));

    const figures = (await overview(admin.token)).figures;
    const [counted] = await t.db
      .select({
        customers: sql<number>`(select count(*)::int from partner_customers where partner_id = ${company.id})`,
        paying: sql<number>`(select count(*)::int from subscriptions where advisor_id = ${company.id} and status = 'active')`,
        licenses: sql<number>`(select coalesce(sum(licenses), 0)::int from subscriptions where advisor_id = ${company.id} and status = 'active')`,
        trials: sql<number>`(select count(*)::int from subscriptions where advisor_id = ${company.id} and status = 'trial')`,
      })
      .from(sql`(select 1) one`);
    assert.deepEqual(
      { customers: figures.customers, paying: figures.payingSubscriptions, licenses: figures.licensesUnderManagement, trials: figures.activeTrials },
      counted,
    );
    assert.deepEqual(counted, { customers: 1, paying: 1, licenses: 3, trials: 0 });
    assert.deepEqual(figures.delegationsInForce, { full: 0, limited: 0 });
    const [totals] = await t.db.select().from(partnerTotals).where(eq(partnerTotals.partnerId, company.id));
    assert.deepEqual([totals?.customers, totals?.delegationsFull, totals?.delegationsLimited], [1, 0, 0]);
    const serviceRows = await t.db.select().from(partnerServiceTotals).where(eq(partnerServiceTotals.partnerId, company.id));
    assert.ok(serviceRows.every((r) => r.trials >= 0 && r.paying >= 0));
  });

  test('sign-ups per week for 12 weeks, oldest first; redemptions per offer, most first', async () => {
    const { company, admin } = await partner();
    await linkCustomer(t, company.id);
    await linkCustomer(t, company.id, { since: days(-7) });
    await linkCustomer(t, company.id, { since: days(-100) });
    const { series } = await overview(admin.token);
    assert.equal(series.signupsPerWeek.length, 12);
    const weeks = series.signupsPerWeek.map((w: { week: string }) => w.week);
    assert.deepEqual(weeks, [...weeks].sort(), 'oldest first');
    assert.ok(weeks.every((w: string) => new Date(`${w}T00:00:00Z`).getUTCDay() === 1), 'Mondays');
    assert.equal(series.signupsPerWeek.at(-1).signups, 1);
    assert.equal(series.signupsPerWeek.at(-2).signups, 1);
    assert.equal(series.signupsPerWeek.reduce((n: number, w: { signups: number }) => n + w.signups, 0), 2, 'the one 100 days ago is outside');
    assert.deepEqual(series.redemptionsPerOffer, []);
  });
});

describe('attention', () => {
  test('every rule: trials, delegations, requests and service requests, inside and outside their windows', async () => {
    const { company, admin } = await partner();
    const at = (c: Awaited<ReturnType<typeof linkCustomer>>) => c.customer.id;
    const trial2 = await linkCustomer(t, company.id, { subscription: { status: 'trial', trialEndsAt: days(2) } });
    const trial20 = await linkCustomer(t, company.id, { subscription: { status: 'trial', trialEndsAt: days(20) } });
    await linkCustomer(t, company.id, { subscription: { status: 'trial', trialEndsAt: days(40) } });
    const ended5 = await linkCustomer(t, company.id, { subscription: { status: 'expired', trialEndsAt: days(-5) } });
    const endedUnwritten = await linkCustomer(t, company.id, { subscription: { status: 'trial', trialEndsAt: days(-1) } });
    await linkCustomer(t, company.id, { subscription: { status: 'expired', trialEndsAt: days(-40) } });
    await linkCustomer(t, company.id, { subscription: { status: 'active', trialEndsAt: days(-3) } });
    const pair = (c: Awaited<ReturnType<typeof linkCustomer>>) => ({ partnerId: company.id, customerId: at(c) });
    const del1 = await linkCustomer(t, company.id);
    await insertDelegation(t, pair(del1), 'active-full', { expiresAt: hours(12) });
    const del5 = await linkCustomer(t, company.id);
    await insertDelegation(t, pair(del5), 'active-limited', { expiresAt: days(5) });
    const del20 = await linkCustomer(t, company.id);
    await insertDelegation(t, pair(del20), 'active-full', { expiresAt: days(21) });
    const del40 = await linkCustomer(t, company.id);
    await insertDelegation(t, pair(del40), 'active-full', { expiresAt: days(40) });
    const stale = await linkCustomer(t, company.id);
    await insertDelegation(t, pair(stale), 'pending', { createdAt: days(-5), requestExpiresAt: days(60) });
    const lapsing = await linkCustomer(t, company.id);
    await insertDelegation(t, pair(lapsing), 'pending', { createdAt: days(0), requestExpiresAt: days(3) });
    const fresh = await linkCustomer(t, company.id);
    await insertDelegation(t, pair(fresh), 'pending', { createdAt: days(-1), requestExpiresAt: days(60) });
    const sr = await linkCustomer(t, company.id);
    const [old] = await t.db.insert(serviceRequests).values({ customerId: at(sr), partnerId: company.id, title: 'Mail is slow', description: 'x', createdAt: days(-8) }).returning();
    await t.db.insert(serviceRequests).values({ customerId: at(sr), partnerId: company.id, title: 'Recent', description: 'x', createdAt: days(-3) });
    await t.db.insert(serviceRequests).values({ customerId: at(sr), partnerId: company.id, title: 'Solved', description: 'x', status: 'resolved', createdAt: days(-10) });

    const { items } = (await overview(admin.token, '?limit=100')).attention;
    const seen = items.map((i: { kind: string; customer: { id: string } }) => `${i.kind}:${i.customer.id}`);
    assert.deepEqual(seen, [
      `delegation_ending:${at(del1)}`,
      `trial_ending:${at(trial2)}`,
      `delegation_request:${at(lapsing)}`,
      `delegation_ending:${at(del5)}`,
      `trial_ending:${at(trial20)}`,
      `delegation_ending:${at(del20)}`,
      // Passed deadlines, latest first.
      `trial_ended:${at(endedUnwritten)}`,
      `service_request:${at(sr)}`,
      `delegation_request:${at(stale)}`,
      `trial_ended:${at(ended5)}`,
    ]);
    const byKey = new Map(items.map((i: { kind: string; customer: { id: string } }) => [`${i.kind}:${i.customer.id}`, i]));
    assert.equal((byKey.get(`delegation_ending:${at(del1)}`) as { within: number }).within, 1);
    assert.equal((byKey.get(`delegation_ending:${at(del5)}`) as { within: number }).within, 7);
    assert.equal((byKey.get(`delegation_ending:${at(del20)}`) as { within: number }).within, 30);
    assert.equal((byKey.get(`trial_ending:${at(trial2)}`) as { within: number }).within, 7);
    assert.equal((byKey.get(`trial_ending:${at(trial20)}`) as { within: number }).within, 30);
    assert.equal((byKey.get(`delegation_request:${at(stale)}`) as { reason: string }).reason, 'unanswered');
    assert.equal((byKey.get(`delegation_request:${at(lapsing)}`) as { reason: string }).reason, 'lapsing');
    const service = byKey.get(`service_request:${at(sr)}`) as { id: string; title: string; deadline: string };
    assert.deepEqual([service.id, service.title, service.deadline], [old!.id, 'Mail is slow', days(-1).toISOString()]);
    const trial = byKey.get(`trial_ending:${at(trial2)}`) as { customer: { name: string }; licenses: number; service: { id: string }; deadline: string; followUp: null };
    assert.deepEqual(
      [trial.customer.name, trial.licenses, trial.service.id, trial.deadline, trial.followUp],
      [trial2.customer.name, 10, trial2.subscription.serviceId, days(2).toISOString(), null],
    );
  });

  test('an ending delegation shows a renewal once one is asked for at the same level, and only its own customer\'s', async () => {
    const { company, admin } = await partner();
    const pair = (c: Awaited<ReturnType<typeof linkCustomer>>) => ({ partnerId: company.id, customerId: c.customer.id });
    const renewed = await linkCustomer(t, company.id);
    await insertDelegation(t, pair(renewed), 'active-limited', { expiresAt: days(5) });
    const other = await linkCustomer(t, company.id);
    await insertDelegation(t, pair(other), 'active-full', { expiresAt: days(6) });
    const ending = async () => (await overview(admin.token, '?limit=100')).attention.items.filter((i: { kind: string }) => i.kind === 'delegation_ending');
    assert.deepEqual((await ending()).map((i: { renewal: unknown }) => i.renewal), [null, null]);

    const res = await t.request(`/api/customers/${renewed.customer.id}/delegation-requests`, { method: 'POST', token: admin.token, body: { level: 'limited' } });
    assert.equal(res.status, 201);
    const request = await json(res);
    const [first, second] = await ending();
    assert.equal(first.customer.id, renewed.customer.id);
    assert.deepEqual(first.renewal, { requestId: request.id, requestedAt: request.createdAt });
    assert.equal(first.level, 'limited');
    assert.equal(second.renewal, null);
  });

  test('paged with a cursor: every item once, in the same order', async () => {
    const { company, admin } = await partner();
    for (let i = 1; i <= 4; i++) await linkCustomer(t, company.id, { subscription: { status: 'trial', trialEndsAt: days(i) } });
    for (let i = 1; i <= 3; i++) await linkCustomer(t, company.id, { subscription: { status: 'expired', trialEndsAt: days(-i) } });
    const everything = (await overview(admin.token, '?limit=100')).attention.items.map((i: { id: string }) => i.id);
    assert.equal(everything.length, 7);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await overview(admin.token, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).attention;
      assert.ok(page.items.length <= 2);
      paged.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(paged, everything);
  });
});

describe('following a trial up with a purchase offer', () => {
  test('the follow-up is addressed to the customer, shows in the overview, and only that customer redeems it: the trial converts', async () => {
    const { company, admin } = await partner();
    const service = await createService(t);
    const trialOffer = await json(await t.request('/api/offers', { method: 'POST', token: admin.token, body: { kind: 'trial', serviceId: service.id } }));
    // A prospect takes the trial through the API, as the sign-up page does.
    const email = uniqueEmail('convert');
    const signup = await t.request(`/api/public/offers/${trialOffer.code}/redemptions`, {
      method: 'POST',
      headers: { 'Idempotency-Key': `convert-${uniqueSuffix()}` },
      body: { company: { name: `Converting ${uniqueSuffix()}` }, admin: { email, displayName: 'Converting Admin', password: 'a-good-password-7' } },
    });
    assert.equal(signup.status, 201);
    const { customerId, token: customerToken } = await json(signup);

    const before = await overview(admin.token);
    assert.deepEqual(before.figures.conversion.trialsStarted, 1);
    assert.deepEqual(before.figures.conversion.converted, 0);
    const ending = before.attention.items.find((i: { kind: string; customer: { id: string } }) => i.kind === 'trial_ending' && i.customer.id === customerId);
    assert.ok(ending, 'the trial ends within 30 days');
    assert.equal(ending.licenses, 25);

    // Another partner's customer cannot be addressed.
    const other = await partner();
    const stranger = await linkCustomer(t, other.company.id);
    await assertErrorShape(
      await t.request('/api/offers', { method: 'POST', token: admin.token, body: { kind: 'purchase', items: [{ serviceId: service.id, licenses: 25 }], customerId: stranger.customer.id } }),
      404,
      'not_found',
    );

    const followUp = await json(
      await t.request('/api/offers', { method: 'POST', token: admin.token, body: { kind: 'purchase', items: [{ serviceId: service.id, licenses: ending.licenses }], customerId } }),
    );
    assert.equal(followUp.customer.id, customerId);
    const shown = (await overview(admin.token)).attention.items.find((i: { id: string }) => i.id === ending.id);
    assert.deepEqual(shown.followUp.offerId, followUp.id);
    const publicView = await json(await t.request(`/api/public/offers/${followUp.code}`));
    assert.ok(publicView.addressedTo.name.startsWith('Converting'));

    // Nobody else redeems it: not a new sign-up, not another customer's admin.
    const redeem = (token?: string, body: unknown = {}) =>
      t.request(`/api/public/offers/${followUp.code}/redemptions`, { method: 'POST', token, headers: { 'Idempotency-Key': `fu-${uniqueSuffix()}` }, body });
    await assertErrorShape(
      await redeem(undefined, { company: { name: 'Someone Else' }, admin: { email: uniqueEmail('else'), displayName: 'Else', password: 'a-good-password-7' } }),
      403,
      'offer_addressed',
    );
    const strangerAdmin = await signedIn(t, stranger.admin);
    await assertErrorShape(await redeem(strangerAdmin.token), 403, 'offer_addressed');

    const bought = await redeem(customerToken);
    assert.equal(bought.status, 201);
    const subs = await t.db.select().from(subscriptions).where(eq(subscriptions.customerId, customerId));
    assert.equal(subs.length, 1, 'the trial’s subscription became the paid one');
    assert.equal(subs[0]!.status, 'active');
    assert.ok(subs[0]!.convertedAt);
    assert.equal(subs[0]!.convertedByOfferId, followUp.id);

    const after = await overview(admin.token);
    assert.deepEqual([after.figures.conversion.trialsStarted, after.figures.conversion.converted, after.figures.conversion.rate], [1, 1, 1]);
    assert.equal(after.figures.activeTrials, 0);
    assert.equal(after.figures.payingSubscriptions, 1);
    assert.ok(!after.attention.items.some((i: { customer: { id: string } }) => i.customer.id === customerId), 'nothing left to follow up');
    const offersList = await json(await t.request('/api/offers', { token: admin.token }));
    const counts = Object.fromEntries(offersList.items.map((o: { id: string; conversions: number; redemptions: number }) => [o.id, [o.redemptions, o.conversions]]));
    assert.deepEqual(counts[followUp.id], [1, 1]);
    assert.deepEqual(counts[trialOffer.id], [1, 1]);
    assert.deepEqual(after.series.redemptionsPerOffer.map((r: { offerId: string }) => r.offerId).sort(), [followUp.id, trialOffer.id].sort());
  });

  test('a purchase of a service another partner advised on trial is no conversion for either', async () => {
    const a = await partner();
    const b = await partner();
    const service = await createService(t);
    const trialled = await linkCustomer(t, a.company.id, { service, subscription: { status: 'trial', trialEndsAt: days(5) } });
    await t.db.update(subscriptions).set({ trialStartedAt: days(-25) }).where(eq(subscriptions.id, trialled.subscription.id));
    await t.db.insert(partnerCustomers).values({ partnerId: b.company.id, customerId: trialled.customer.id });
    const offer = await json(await t.request('/api/offers', { method: 'POST', token: b.admin.token, body: { kind: 'purchase', items: [{ serviceId: service.id, licenses: 5 }] } }));
    const customerAdmin = await signedIn(t, trialled.admin);
    const res = await t.request(`/api/public/offers/${offer.code}/redemptions`, { method: 'POST', token: customerAdmin.token, headers: { 'Idempotency-Key': `x-${uniqueSuffix()}` }, body: {} });
    assert.equal(res.status, 201);
    const [row] = await t.db.select().from(subscriptions).where(eq(subscriptions.id, trialled.subscription.id));
    assert.equal(row!.convertedAt, null);
    assert.equal((await overview(b.admin.token)).figures.conversion.converted, 0);
  });
});

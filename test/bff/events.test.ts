/**
 * The event log (issue 14): every change writes its event in its own transaction (and none when
 * it rolls back), time-driven events are recorded once per subject and threshold however often
 * and wherever the schedule runs, and GET /api/events shows a partner its own log.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { and, asc, eq, sql } from 'drizzle-orm';
import { createDatabase } from '../../db/database.ts';
import { companies, delegations, events, partnerCustomers, subscriptions, users } from '../../db/schema.ts';
import { loadConfig } from '../../bff/config.ts';
import { queues, sendJob } from '../../db/job-queue.ts';
import { eventTypes, recordEvent } from '../../bff/domain/events.ts';
import { startWorkers } from '../../bff/jobs/workers.ts';
import { redeemOffer } from '../../bff/domain/redemptions.ts';
import { recordTimeEvents } from '../../bff/jobs/time-events.ts';
import type { Deps } from '../../bff/env.ts';
import { createService, insertDelegation, linkCustomer, partnerUser, signedIn } from './fixtures-customers.ts';
import { assertErrorShape, createTestApp, json, uniqueEmail, uniqueSuffix } from './harness.ts';

// Sessions outlive the days these tests move the clock by.
const t = await createTestApp({ config: { sessionTtlMinutes: 365 * 24 * 60, signupRateLimit: 1000, signupRateLimitPerOffer: 1000, trustProxy: true } });
const day = 86_400_000;
const minute = 60_000;
const fromNow = (ms: number) => new Date(t.clock.now().getTime() + ms);

/** The partner's events, oldest first; only one type's when given. */
async function eventsOf(partnerId: string, type?: string) {
  const rows = await t.db
    .select()
    .from(events)
    .where(and(eq(events.partnerId, partnerId), type ? eq(events.type, type) : undefined))
    .orderBy(asc(events.createdAt), asc(events.id));
  // any: a test reads whatever an event's data holds and asserts the parts it cares about.
  return rows.map((row) => ({ ...row, data: row.data as any }));
}

/** The rows of a raw query: postgres.js answers an array (of its own subclass), PGlite an object with rows. */
async function query<Row>(statement: ReturnType<typeof sql>): Promise<Row[]> {
  const result = (await t.db.execute(statement)) as unknown;
  return [...((Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Row[])];
}

/** Fan-out jobs of these events (sent in the event's transaction). */
async function fanOutJobs(eventIds: string[]) {
  if (eventIds.length === 0) return [];
  return query<{ eventId: string }>(
    sql`select data->>'eventId' as "eventId" from pgboss.job where name = 'event-fan-out' and data->>'eventId' in (${sql.join(eventIds.map((id) => sql`${id}`), sql`, `)})`,
  );
}

/** Fan-out jobs whose event does not exist: what a rolled-back change would leave behind. */
async function orphanJobs() {
  const [row] = await query<{ n: number }>(
    sql`select count(*)::int as n from pgboss.job j where j.name = 'event-fan-out' and not exists (select 1 from events e where e.id::text = j.data->>'eventId')`,
  );
  return Number(row!.n);
}

/** A partner with a signed-in global admin (full partner access), as the webhook settings need. */
async function partner() {
  const company = await t.createCompany({ kind: 'partner' });
  const admin = await partnerUser(t, company.id, 'full', ['global_admin']);
  return { company, admin };
}

async function createOffer(token: string, body: Record<string, unknown>) {
  const res = await t.request('/api/offers', { method: 'POST', token, body });
  assert.equal(res.status, 201, await res.clone().text());
  return json(res);
}

function redeem(code: string, body: unknown, token?: string) {
  return t.request(`/api/public/offers/${code}/redemptions`, {
    method: 'POST',
    body,
    token,
    headers: { 'Idempotency-Key': randomUUID(), 'X-Forwarded-For': `198.51.100.${Math.floor(Math.random() * 250) + 1}` },
  });
}

const prospect = (acceptDelegatedAdmin = true) => ({
  company: { name: `Prospect ${uniqueSuffix()}` },
  admin: { email: uniqueEmail('prospect'), displayName: 'Pia Prospect', password: 'prospect-pass-1' },
  acceptDelegatedAdmin,
});

describe('changes write their events in their transaction', () => {
  test('a sign-up through a trial invitation: customer.created, delegation.accepted, offer.redeemed, each with one fan-out job', async () => {
    const p = await partner();
    const service = await createService(t);
    const offer = await createOffer(p.admin.token, { kind: 'trial', serviceId: service.id, delegatedAdmin: 'full', name: 'Spring trial' });
    const body = prospect();
    const res = await redeem(offer.code, body);
    assert.equal(res.status, 201);
    const redeemed = await json(res);

    const all = await eventsOf(p.company.id);
    const [admin] = await t.db.select().from(users).where(eq(users.companyId, redeemed.customerId));
    assert.deepEqual(all.map((e) => e.type).sort(), ['customer.created', 'delegation.accepted', 'offer.redeemed']);
    const byType = Object.fromEntries(all.map((e) => [e.type, e.data]));
    const customer = { id: redeemed.customerId, name: body.company.name };
    const offerRef = { id: offer.id, kind: 'trial', name: 'Spring trial' };
    assert.deepEqual(byType['customer.created'], {
      customer: { ...customer, domain: 'partnerkit.test' },
      admin: { id: admin!.id, email: body.admin.email, displayName: 'Pia Prospect' },
      offer: offerRef,
    });
    assert.deepEqual(byType['offer.redeemed'], {
      offer: offerRef,
      customer,
      newCustomer: true,
      subscriptions: [
        { id: redeemed.subscriptions[0].id, serviceId: service.id, sku: service.sku, name: service.name, status: 'trial', licenses: redeemed.subscriptions[0].licenses, trialEndsAt: redeemed.subscriptions[0].trialEndsAt },
      ],
      delegation: { status: 'active', level: 'full' },
    });
    const accepted = byType['delegation.accepted']!;
    assert.equal(accepted.delegation.status, 'active');
    assert.equal(accepted.delegation.level, 'full');
    assert.deepEqual(accepted.customer, customer);
    assert.equal(accepted.via, 'offer');
    assert.deepEqual(accepted.offer, offerRef);

    const text = JSON.stringify(all.map((e) => e.data));
    assert.doesNotMatch(text, /prospect-pass-1|scrypt|password/i, 'no password or hash');
    assert.ok(!text.includes(offer.code), 'no offer code');
    assert.equal((await fanOutJobs(all.map((e) => e.id))).length, 3, 'one fan-out job per event');
  });

  test('declining at sign-up: delegation.declined', async () => {
    const p = await partner();
    const service = await createService(t);
    const offer = await createOffer(p.admin.token, { kind: 'trial', serviceId: service.id, delegatedAdmin: 'limited' });
    assert.equal((await redeem(offer.code, prospect(false))).status, 201);
    const [declined] = await eventsOf(p.company.id, 'delegation.declined');
    assert.equal(declined?.data.delegation.status, 'declined');
    assert.equal(declined?.data.delegation.level, 'limited');
    assert.deepEqual(await eventsOf(p.company.id, 'delegation.accepted'), []);
  });

  test('a purchase by a customer holding the partner’s trial of that service: trial.converted and offer.redeemed, no customer.created', async () => {
    const p = await partner();
    const service = await createService(t);
    const trial = await createOffer(p.admin.token, { kind: 'trial', serviceId: service.id });
    const body = prospect();
    const signUp = await json(await redeem(trial.code, body));
    const purchase = await createOffer(p.admin.token, { kind: 'purchase', items: [{ serviceId: service.id, licenses: 12 }] });
    t.clock.advance(1000);
    const res = await redeem(purchase.code, { acceptDelegatedAdmin: false }, signUp.token);
    assert.equal(res.status, 201, await res.clone().text());

    const [converted] = await eventsOf(p.company.id, 'trial.converted');
    assert.deepEqual(converted?.data.customer, { id: signUp.customerId, name: body.company.name });
    assert.deepEqual(converted?.data.offer, { id: purchase.id, kind: 'purchase', name: null });
    assert.equal(converted?.data.subscription.id, signUp.subscriptions[0].id);
    assert.equal(converted?.data.subscription.status, 'active');
    assert.equal(converted?.data.subscription.licenses, 12);
    assert.equal(converted?.data.trial.offerId, trial.id);
    assert.equal(converted?.data.trial.endsAt, signUp.subscriptions[0].trialEndsAt);
    const redeemed = await eventsOf(p.company.id, 'offer.redeemed');
    assert.deepEqual(redeemed.map((e) => e.data.newCustomer), [true, false]);
    assert.equal((await eventsOf(p.company.id, 'customer.created')).length, 1);
  });

  test('revoking an offer: offer.revoked once, however often it is revoked', async () => {
    const p = await partner();
    const service = await createService(t);
    const offer = await createOffer(p.admin.token, { kind: 'trial', serviceId: service.id, name: 'Gone' });
    for (let i = 0; i < 2; i++) assert.equal((await t.request(`/api/offers/${offer.id}/revoke`, { method: 'POST', token: p.admin.token })).status, 200);
    const revoked = await eventsOf(p.company.id, 'offer.revoked');
    assert.equal(revoked.length, 1);
    assert.deepEqual(revoked[0]!.data, { offer: { id: offer.id, kind: 'trial', name: 'Gone', revokedAt: t.clock.now().toISOString() }, revokedBy: { id: p.admin.user.id } });
  });

  test('delegation requested, replaced, accepted (replacing the one in force), declined and revoked by the customer', async () => {
    const p = await partner();
    const c = await linkCustomer(t, p.company.id);
    const customerAdmin = await signedIn(t, c.admin);
    const ask = async (level: string) => json(await t.request(`/api/customers/${c.customer.id}/delegation-requests`, { method: 'POST', token: p.admin.token, body: { level } }));
    const customer = { id: c.customer.id, name: c.customer.name };

    const first = await ask('limited');
    const [requested] = await eventsOf(p.company.id, 'delegation.requested');
    assert.deepEqual(requested?.data, {
      delegation: { id: first.id, level: 'limited', status: 'pending', expiresAt: null, requestExpiresAt: first.requestExpiresAt },
      customer,
    });
    assert.ok(!JSON.stringify(requested?.data).includes(first.code), 'no consent code');

    const second = await ask('full');
    const [replaced] = await eventsOf(p.company.id, 'delegation.revoked');
    assert.equal(replaced?.data.delegation.id, first.id);
    assert.equal(replaced?.data.reason, 'replaced_by_new_request');

    const expiresAt = fromNow(90 * day).toISOString();
    assert.equal((await t.request(`/api/public/delegations/${second.code}/accept`, { method: 'POST', token: customerAdmin.token, body: { expiresAt } })).status, 200);
    const [accepted] = await eventsOf(p.company.id, 'delegation.accepted');
    assert.deepEqual(accepted?.data.delegation, { id: second.id, level: 'full', status: 'active', expiresAt, requestExpiresAt: second.requestExpiresAt });
    assert.equal(accepted?.data.via, 'request');

    // A newer grant replaces the one in force: that one's end is told too.
    const third = await ask('limited');
    assert.equal((await t.request(`/api/public/delegations/${third.code}/accept`, { method: 'POST', token: customerAdmin.token })).status, 200);
    const revokedByAccept = (await eventsOf(p.company.id, 'delegation.revoked')).find((e) => e.data.delegation.id === second.id);
    assert.equal(revokedByAccept?.data.reason, 'replaced');
    assert.equal(revokedByAccept?.data.replacedBy, third.id);

    const fourth = await ask('full');
    assert.equal((await t.request(`/api/public/delegations/${fourth.code}/decline`, { method: 'POST', token: customerAdmin.token })).status, 200);
    const [declined] = await eventsOf(p.company.id, 'delegation.declined');
    assert.deepEqual(declined?.data.delegation, { id: fourth.id, level: 'full', status: 'declined', expiresAt: null, requestExpiresAt: fourth.requestExpiresAt });

    assert.equal((await t.request(`/api/partners/${p.company.id}/delegation`, { method: 'DELETE', token: customerAdmin.token })).status, 200);
    const revokedByCustomer = (await eventsOf(p.company.id, 'delegation.revoked')).find((e) => e.data.delegation.id === third.id);
    assert.equal(revokedByCustomer?.data.reason, 'revoked_by_customer');
    assert.equal(revokedByCustomer?.data.delegation.status, 'revoked');
  });

  test('the partner’s own users: user.created, and user.access_changed for roles, partner access or disabling, not for a rename', async () => {
    const p = await partner();
    const email = uniqueEmail('staff');
    const created = await json(await t.request('/api/users', { method: 'POST', token: p.admin.token, body: { email, displayName: 'Sam Staff', partnerAccess: 'limited' } }));
    const [userCreated] = await eventsOf(p.company.id, 'user.created');
    assert.deepEqual(userCreated?.data, { user: { id: created.user.id, email, displayName: 'Sam Staff', companyRoles: [], partnerAccess: 'limited', disabled: false } });
    assert.ok(!JSON.stringify(userCreated?.data).includes(created.temporaryPassword), 'no temporary password');

    const patch = (body: Record<string, unknown>) => t.request(`/api/users/${created.user.id}`, { method: 'PATCH', token: p.admin.token, body });
    assert.equal((await patch({ displayName: 'Samantha Staff' })).status, 200);
    assert.deepEqual(await eventsOf(p.company.id, 'user.access_changed'), [], 'a rename is not an access change');
    assert.equal((await patch({ companyRoles: ['billing_admin'], partnerAccess: 'full' })).status, 200);
    t.clock.advance(1000);
    assert.equal((await patch({ disabled: true })).status, 200);
    const changes = await eventsOf(p.company.id, 'user.access_changed');
    assert.equal(changes.length, 2);
    assert.deepEqual(changes[0]!.data, {
      user: { id: created.user.id, email, displayName: 'Samantha Staff', companyRoles: ['billing_admin'], partnerAccess: 'full', disabled: false },
      previous: { companyRoles: [], partnerAccess: 'limited', disabled: false },
      changed: ['companyRoles', 'partnerAccess'],
    });
    assert.deepEqual(changes[1]!.data.changed, ['disabled']);
    assert.equal(changes[1]!.data.user.disabled, true);
  });

  test('users of a customer company, and users a partner creates in a customer’s tenant, are not the partner’s events', async () => {
    const p = await partner();
    const c = await linkCustomer(t, p.company.id, { delegation: 'active-full' });
    const customerAdmin = await signedIn(t, c.admin);
    assert.equal((await t.request('/api/users', { method: 'POST', token: customerAdmin.token, body: { email: uniqueEmail('own'), displayName: 'Own' } })).status, 201);
    const res = await t.request(`/api/customers/${c.customer.id}/users`, { method: 'POST', token: p.admin.token, body: { email: uniqueEmail('assisted'), displayName: 'Assisted' } });
    assert.equal(res.status, 201);
    assert.deepEqual(await eventsOf(p.company.id), []);
    assert.deepEqual(await eventsOf(c.customer.id), []);
  });

  test('a service request opened for a customer: service_request.created for the partner', async () => {
    const p = await partner();
    const c = await linkCustomer(t, p.company.id, { delegation: 'active-full' });
    const res = await t.request(`/api/customers/${c.customer.id}/service-requests`, { method: 'POST', token: p.admin.token, body: { title: 'Printer offline', description: 'Floor 3', severity: 'high' } });
    assert.equal(res.status, 201);
    const request = await json(res);
    const [created] = await eventsOf(p.company.id, 'service_request.created');
    assert.deepEqual(created?.data, {
      serviceRequest: { id: request.id, title: 'Printer offline', description: 'Floor 3', severity: 'high', status: 'open' },
      customer: { id: c.customer.id, name: c.customer.name },
      openedBy: { id: p.admin.user.id, name: p.admin.user.displayName, email: p.admin.email },
    });
  });
});

describe('a change that rolls back leaves no event and no job', () => {
  test('a redemption failing at its last step inside the transaction', async () => {
    const p = await partner();
    const service = await createService(t);
    const offer = await createOffer(p.admin.token, { kind: 'trial', serviceId: service.id, delegatedAdmin: 'full' });
    const deps = { db: t.db, primary: t.db, config: t.config, clock: t.clock.now, ping: async () => {} } as Deps;
    const body = prospect();
    // By the time `onCommit` runs, customer.created, delegation.accepted and offer.redeemed are written.
    await assert.rejects(
      redeemOffer(deps, offer.code, null, body, async () => {
        throw new Error('forced failure');
      }),
      /forced failure/,
    );
    assert.deepEqual(await eventsOf(p.company.id), []);
    assert.deepEqual(await t.db.select().from(companies).where(eq(companies.name, body.company.name)), [], 'nor the customer');
    assert.equal(await orphanJobs(), 0, 'no fan-out job without its event');
  });

  test('an error thrown after recordEvent in the same transaction', async () => {
    const p = await partner();
    let eventId: string | null = null;
    await assert.rejects(
      t.db.transaction(async (tx) => {
        eventId = await recordEvent(tx, { partnerId: p.company.id, type: 'offer.revoked', data: {} }, t.clock.now());
        throw new Error('rolled back');
      }),
    );
    assert.ok(eventId);
    assert.deepEqual(await eventsOf(p.company.id), []);
    assert.deepEqual(await fanOutJobs([eventId!]), []);
  });

  test('a refused request (409) records nothing', async () => {
    const p = await partner();
    const service = await createService(t);
    const trial = await createOffer(p.admin.token, { kind: 'trial', serviceId: service.id });
    const signUp = await json(await redeem(trial.code, prospect()));
    const before = await eventsOf(p.company.id);
    // Already on trial: refused inside the transaction.
    assert.equal((await redeem(trial.code, { acceptDelegatedAdmin: false }, signUp.token)).status, 409);
    assert.deepEqual(await eventsOf(p.company.id), before);
  });
});

/** A customer of a new partner with one trial through the partner, ending at `endsAt`. */
async function trialEnding(endsAt: Date, startedAt = fromNow(-day)) {
  const p = await t.createCompany({ kind: 'partner' });
  const c = await linkCustomer(t, p.id, { subscription: { status: 'trial', trialEndsAt: endsAt } });
  await t.db.update(subscriptions).set({ trialStartedAt: startedAt }).where(eq(subscriptions.id, c.subscription.id));
  return { partnerId: p.id, ...c };
}

const typesOf = async (partnerId: string) => (await eventsOf(partnerId)).map((e) => `${e.type}${e.data.daysLeft ? `:${e.data.daysLeft}` : ''}`);

describe('recordTimeEvents', () => {
  test('trial.ending at 7 and 1 days, trial.ended once, as the clock moves; a second run records nothing', async () => {
    const s = await trialEnding(fromNow(10 * day), fromNow(-20 * day));
    const run = async () => recordTimeEvents(t.db, t.clock.now());
    const clock = createMover();
    await run();
    assert.deepEqual(await typesOf(s.partnerId), []);
    clock.to(3 * day + minute);
    await run();
    await run();
    assert.deepEqual(await typesOf(s.partnerId), ['trial.ending:7']);
    const [ending] = await eventsOf(s.partnerId);
    assert.equal(ending?.dedupeKey, `trial.ending:7:${s.subscription.id}`);
    assert.deepEqual(ending?.data.customer, { id: s.customer.id, name: s.customer.name });
    assert.equal(ending?.data.subscription.id, s.subscription.id);
    assert.equal(ending?.data.subscription.trialEndsAt, s.subscription.trialEndsAt?.toISOString());
    clock.to(5 * day);
    await run();
    assert.deepEqual(await typesOf(s.partnerId), ['trial.ending:7']);
    clock.to(9 * day + minute);
    await run();
    clock.to(9 * day + 2 * minute);
    await run();
    assert.deepEqual(await typesOf(s.partnerId), ['trial.ending:7', 'trial.ending:1']);
    clock.to(10 * day + minute);
    await run();
    await run();
    clock.to(11 * day);
    await run();
    assert.deepEqual(await typesOf(s.partnerId), ['trial.ending:7', 'trial.ending:1', 'trial.ended']);
    const ended = (await eventsOf(s.partnerId, 'trial.ended'))[0]!;
    assert.equal(ended.data.subscription.status, 'expired');
    assert.equal((await fanOutJobs((await eventsOf(s.partnerId)).map((e) => e.id))).length, 3);
    clock.reset();
  });

  test('a late run tells only the threshold it is in; a threshold crossed before the trial began, or long ago, is not told', async () => {
    const short = await trialEnding(fromNow(3 * day), fromNow(0));
    const late = await trialEnding(fromNow(12 * 3_600_000), fromNow(-30 * day));
    const old = await trialEnding(fromNow(-3 * day), fromNow(-33 * day));
    const bought = await trialEnding(fromNow(-day), fromNow(-31 * day));
    await t.db.update(subscriptions).set({ status: 'active', trialEndsAt: null, convertedAt: t.clock.now() }).where(eq(subscriptions.id, bought.subscription.id));
    await recordTimeEvents(t.db, t.clock.now());
    assert.deepEqual(await typesOf(short.partnerId), [], 'its 7-day mark came before it began');
    assert.deepEqual(await typesOf(late.partnerId), ['trial.ending:1'], 'not the 7-day one as well');
    assert.deepEqual(await typesOf(old.partnerId), [], 'ended three days ago: outside the catch-up window');
    assert.deepEqual(await typesOf(bought.partnerId), [], 'bought before it ended');
    const clock = createMover();
    clock.to(2 * day + minute);
    await recordTimeEvents(t.db, t.clock.now());
    assert.deepEqual(await typesOf(short.partnerId), ['trial.ending:1']);
    clock.reset();
  });

  test('delegation.expiring at 30, 7 and 1 days and delegation.expired, each once; also when a write marked it expired first', async () => {
    const p = await t.createCompany({ kind: 'partner' });
    const c = await linkCustomer(t, p.id);
    const d = await insertDelegation(t, { partnerId: p.id, customerId: c.customer.id }, 'active-full', { expiresAt: fromNow(40 * day), answeredAt: fromNow(-day) });
    const clock = createMover();
    const run = async () => {
      await recordTimeEvents(t.db, t.clock.now());
      await recordTimeEvents(t.db, t.clock.now());
    };
    for (const [at, expected] of [
      [0, []],
      [10 * day + minute, ['delegation.expiring:30']],
      [20 * day, ['delegation.expiring:30']],
      [33 * day + minute, ['delegation.expiring:30', 'delegation.expiring:7']],
      [39 * day + minute, ['delegation.expiring:30', 'delegation.expiring:7', 'delegation.expiring:1']],
    ] as const) {
      clock.to(at);
      await run();
      assert.deepEqual(await typesOf(p.id), expected, `at day ${at / day}`);
    }
    // A write after its end marks it expired before the schedule runs.
    clock.to(40 * day + minute);
    await t.db.update(delegations).set({ status: 'expired' }).where(eq(delegations.id, d.id));
    await run();
    clock.to(41 * day);
    await run();
    const expired = await eventsOf(p.id, 'delegation.expired');
    assert.equal(expired.length, 1);
    assert.deepEqual(expired[0]!.data, {
      delegation: { id: d.id, level: 'full', status: 'expired', expiresAt: d.expiresAt!.toISOString(), requestExpiresAt: null },
      customer: { id: c.customer.id, name: c.customer.name },
    });
    assert.equal(expired[0]!.dedupeKey, `delegation.expired:${d.id}`);
    clock.reset();
  });

  test('offer.expired once for an offer past its expiry, never for a revoked one', async () => {
    const p = await partner();
    const service = await createService(t);
    const expiresAt = fromNow(day).toISOString();
    const lapsing = await createOffer(p.admin.token, { kind: 'trial', serviceId: service.id, expiresAt, name: 'Lapsing' });
    const withdrawn = await createOffer(p.admin.token, { kind: 'trial', serviceId: service.id, expiresAt });
    await t.request(`/api/offers/${withdrawn.id}/revoke`, { method: 'POST', token: p.admin.token });
    const clock = createMover();
    await recordTimeEvents(t.db, t.clock.now());
    assert.deepEqual(await eventsOf(p.company.id, 'offer.expired'), []);
    clock.to(day + minute);
    await recordTimeEvents(t.db, t.clock.now());
    clock.to(day + 2 * minute);
    await recordTimeEvents(t.db, t.clock.now());
    const expired = await eventsOf(p.company.id, 'offer.expired');
    assert.equal(expired.length, 1);
    assert.deepEqual(expired[0]!.data, { offer: { id: lapsing.id, kind: 'trial', name: 'Lapsing', expiresAt } });
    clock.reset();
  });

  /** A new partner with `count` customers whose trials through it ended a minute ago. */
  async function manyEndedTrials(count: number) {
    const p = await t.createCompany({ kind: 'partner' });
    const service = await createService(t, { max: 1000 });
    const customers = await t.db
      .insert(companies)
      .values(Array.from({ length: count }, (_, i) => ({ kind: 'customer' as const, name: `Batch ${i} ${uniqueSuffix()}` })))
      .returning({ id: companies.id });
    await t.db.insert(partnerCustomers).values(customers.map((c) => ({ partnerId: p.id, customerId: c.id })));
    await t.db.insert(subscriptions).values(
      customers.map((c) => ({ customerId: c.id, serviceId: service.id, advisorId: p.id, status: 'trial' as const, licenses: 5, trialEndsAt: fromNow(-minute), trialStartedAt: fromNow(-30 * day) })),
    );
    return p.id;
  }

  /** Asserts `count` trial.ended events for the partner, one per subject, each with its fan-out job. */
  async function assertEndedOnce(partnerId: string, count: number) {
    const ended = await eventsOf(partnerId, 'trial.ended');
    assert.equal(ended.length, count);
    assert.equal(new Set(ended.map((e) => e.dedupeKey)).size, count);
    assert.equal((await fanOutJobs(ended.map((e) => e.id))).length, count, 'one fan-out job each');
  }

  test('more subjects than one batch: all recorded in one run, none again in the next', async () => {
    const partnerId = await manyEndedTrials(450);
    await recordTimeEvents(t.db, t.clock.now());
    await recordTimeEvents(t.db, t.clock.now());
    await assertEndedOnce(partnerId, 450);
  });

  test('two instances at once, on pools of their own, record each event once', { skip: !process.env.PK_TEST_DATABASE_URL && 'PostgreSQL pass only' }, async () => {
    const url = process.env.PK_TEST_DATABASE_URL!;
    const [a, b] = await Promise.all([createDatabase({ url, poolSize: 2 }), createDatabase({ url, poolSize: 2 })]);
    try {
      const partnerId = await manyEndedTrials(450);
      const now = t.clock.now();
      const [fromA, fromB] = await Promise.all([recordTimeEvents(a.db, now), recordTimeEvents(b.db, now)]);
      assert.ok(fromA + fromB >= 450, `${fromA} + ${fromB} recorded (others’ subjects may add to it)`);
      await assertEndedOnce(partnerId, 450);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('the workers', () => {
  test('a time-events job runs recordTimeEvents with the workers’ clock; the schedule is every minute', async () => {
    const s = await trialEnding(fromNow(-minute), fromNow(-30 * day));
    const workers = await startWorkers({ database: t.database, config: t.config, clock: t.clock.now }, [queues.timeEvents]);
    try {
      const rows = await query<{ cron: string }>(sql`select cron from pgboss.schedule where name = ${queues.timeEvents}`);
      assert.deepEqual(rows.map((r) => r.cron), ['* * * * *']);
      await sendJob(t.db, queues.timeEvents, {});
      const deadline = Date.now() + 20_000;
      while ((await eventsOf(s.partnerId, 'trial.ended')).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      assert.equal((await eventsOf(s.partnerId, 'trial.ended')).length, 1);
    } finally {
      await workers.stop();
    }
  });

  test('WORKERS=0 turns them off for an instance; on by default', () => {
    assert.equal(loadConfig({}).workers, true);
    assert.equal(loadConfig({ WORKERS: '0' }).workers, false);
    assert.equal(loadConfig({ WORKERS: '1' }).workers, true);
    assert.throws(() => loadConfig({ WORKERS: 'maybe' }), /WORKERS/);
  });
});

/** Moves the test clock to `start + ms` (and back), as days pass for a subject made at `start`. */
function createMover() {
  const start = t.clock.now().getTime();
  return {
    to(ms: number) {
      t.clock.advance(start + ms - t.clock.now().getTime());
    },
    reset() {
      t.clock.advance(start - t.clock.now().getTime());
    },
  };
}

describe('GET /api/events', () => {
  async function partnerWithEvents(n: number) {
    const p = await partner();
    for (let i = 0; i < n; i++) {
      await t.db.transaction((tx) => recordEvent(tx, { partnerId: p.company.id, type: i % 2 ? 'offer.revoked' : 'user.created', data: { n: i } }, fromNow(i * 1000)));
    }
    return p;
  }

  test('newest first in pages, with a type filter; pings are left out', async () => {
    const p = await partnerWithEvents(5);
    await t.db.transaction((tx) => recordEvent(tx, { partnerId: p.company.id, type: 'ping', data: {} }, fromNow(9_000)));
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.request(`/api/events?${query}`, { token: p.admin.token });
      assert.equal(res.status, 200);
      const page = await json(res);
      for (const item of page.items) {
        assert.deepEqual(Object.keys(item).sort(), ['createdAt', 'data', 'id', 'type']);
        seen.push(item.data.n);
      }
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    assert.deepEqual(seen, [4, 3, 2, 1, 0]);
    assert.equal(pages, 3);

    const revoked = await json(await t.request('/api/events?type=offer.revoked', { token: p.admin.token }));
    assert.deepEqual(revoked.items.map((i: { data: { n: number } }) => i.data.n), [3, 1]);
    assert.ok(revoked.items.every((i: { type: string }) => i.type === 'offer.revoked'));
    assert.equal(revoked.items[0].createdAt, fromNow(3000).toISOString());
  });

  test('401 without a token; 403 for a billing admin, a partner user without a role, a customer’s global admin; 422 for a bad type or cursor', async () => {
    const p = await partnerWithEvents(1);
    await assertErrorShape(await t.request('/api/events'), 401);
    const billing = await partnerUser(t, p.company.id, 'full', ['billing_admin']);
    const helpdesk = await partnerUser(t, p.company.id, 'full');
    const c = await linkCustomer(t, p.company.id);
    const customerAdmin = await signedIn(t, c.admin);
    for (const token of [billing.token, helpdesk.token, customerAdmin.token]) {
      await assertErrorShape(await t.request('/api/events', { token }), 403, 'forbidden');
    }
    await assertErrorShape(await t.request('/api/events?type=offer.nonsense', { token: p.admin.token }), 422, 'validation_failed');
    await assertErrorShape(await t.request('/api/events?type=ping', { token: p.admin.token }), 422, 'validation_failed');
    await assertErrorShape(await t.request('/api/events?cursor=bm9wZQ', { token: p.admin.token }), 422, 'validation_failed');
    await assertErrorShape(await t.request('/api/events?limit=0', { token: p.admin.token }), 422, 'validation_failed');
  });

  test('another partner never sees these events, by list or by filter', async () => {
    const mine = await partnerWithEvents(3);
    const other = await partner();
    const theirs = await json(await t.request('/api/events', { token: other.admin.token }));
    assert.deepEqual(theirs.items, []);
    for (const type of eventTypes) {
      assert.deepEqual((await json(await t.request(`/api/events?type=${type}`, { token: other.admin.token }))).items, []);
    }
    assert.equal((await json(await t.request('/api/events', { token: mine.admin.token }))).items.length, 3);
    // A cursor from my log reads nothing of mine for them.
    const page = await json(await t.request('/api/events?limit=1', { token: mine.admin.token }));
    assert.deepEqual((await json(await t.request(`/api/events?cursor=${page.nextCursor}`, { token: other.admin.token }))).items, []);
  });

  test('the CLI’s new partner: its first admin is user.created', async () => {
    const { createPartner } = await import('../../bff/domain/companies.ts');
    const created = await createPartner(t.db, { name: `CLI partner ${uniqueSuffix()}`, adminEmail: uniqueEmail('cli') });
    const [event] = await eventsOf(created.companyId, 'user.created');
    assert.equal(event?.data.user.id, created.userId);
    assert.equal(event?.data.user.partnerAccess, 'full');
    assert.ok(!JSON.stringify(event?.data).includes(created.password));
  });
});

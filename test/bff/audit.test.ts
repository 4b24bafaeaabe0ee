import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csvField } from '../../bff/domain/audit.ts';
import { assertErrorShape, createTestApp, json, uniqueSuffix } from './harness.ts';
import { insertDelegation, insertUser, linkCustomer, partnerUser, signedIn } from './fixtures-customers.ts';
import { partnerCustomers } from '../../db/schema.ts';

const t = await createTestApp();

type Entry = { id: string; at: string; action: string; outcome: string; partner: { id: string; name: string }; actor: { name: string; email: string } | null; target: { type: string; id: string } | null };

/** A customer assisted by two partners; each partner does a few things at known times. */
async function trail() {
  const tag = uniqueSuffix();
  const partner = await t.createCompany({ kind: 'partner', name: `Contoso, "Cloud" ${tag}` });
  const other = await t.createCompany({ kind: 'partner', name: `Other ${tag}` });
  const c = await linkCustomer(t, partner.id, { delegation: 'active-full' });
  await t.db.insert(partnerCustomers).values({ partnerId: other.id, customerId: c.customer.id });
  await insertDelegation(t, { partnerId: other.id, customerId: c.customer.id }, 'active-full');
  // A name a spreadsheet would run as a formula, with a comma and quotes besides.
  const p = await signedIn(t, await insertUser(t, partner.id, { partnerAccess: 'full', displayName: `=HYPERLINK("x"), Doe ${tag}` }));
  const q = await partnerUser(t, other.id, 'full');
  const base = `/api/customers/${c.customer.id}`;
  const times: string[] = [];
  for (let i = 0; i < 4; i++) {
    t.clock.advance(60_000);
    times.push(t.clock.now().toISOString());
    const res = await t.request(`${base}/service-requests`, { method: 'POST', token: p.token, body: { title: `Request ${i}`, description: 'Line one\nline two' } });
    assert.equal(res.status, 201);
  }
  t.clock.advance(60_000);
  await t.request(`/api/customers/${c.customer.id}/service-requests`, { method: 'POST', token: q.token, body: { title: 'Theirs', description: 'x' } });
  const otherAt = t.clock.now().toISOString();
  return { partner, other, c, p, q, base, times, otherAt, admin: await signedIn(t, c.admin) };
}

/** A small RFC 4180 reader, to check that what the export writes reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  assert.equal(field + row.join(''), '', 'the file ends with CRLF');
  return rows;
}

async function walk(path: string, token: string): Promise<Entry[]> {
  const seen: Entry[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: { items: Entry[]; nextCursor: string | null } = await json(await t.request(`${path}${sep}limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token }));
    seen.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

describe('GET /api/customers/:id/audit (partner side)', () => {
  test('only this partner’s entries in the customer, newest first, paged, filtered by time', async () => {
    const s = await trail();
    const all = await walk(`${s.base}/audit`, s.p.token);
    assert.equal(all.length, 4);
    assert.deepEqual(all.map((e) => e.at), [...s.times].reverse());
    assert.ok(all.every((e) => e.partner.id === s.partner.id && e.action === 'service_request.created' && e.outcome === 'success'));
    assert.equal(all[0]!.actor?.email, s.p.email);
    assert.equal(all[0]!.target?.type, 'service_request');

    const between = await json(await t.request(`${s.base}/audit?from=${s.times[1]}&to=${s.times[3]}`, { token: s.p.token }));
    assert.deepEqual(between.items.map((e: Entry) => e.at), [s.times[2], s.times[1]], 'from inclusive, to exclusive');
    // Any partner user with partner access reads it; the other partner cannot.
    const colleague = await partnerUser(t, s.partner.id, 'limited');
    assert.equal((await json(await t.request(`${s.base}/audit`, { token: colleague.token }))).items.length, 4);
    await assertErrorShape(await t.request(`${s.base}/audit`, { token: (await partnerUser(t, s.partner.id, 'none')).token }), 403);
  });

  test('?format=csv and Accept: text/csv export every entry with proper quoting and a file name', async () => {
    const s = await trail();
    const res = await t.request(`${s.base}/audit?format=csv&limit=1`, { token: s.p.token });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="partnerkit-audit-customer-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parseCsv(await res.text());
    assert.deepEqual(rows[0], ['time', 'partner_id', 'partner', 'actor_name', 'actor_email', 'action', 'target_type', 'target_id', 'outcome', 'details']);
    assert.equal(rows.length, 5, 'a header and every entry: limit does not apply to exports');
    const first = rows[1]!;
    assert.equal(first[0], s.times[3]);
    assert.equal(first[2], s.partner.name, 'commas and quotes survive');
    assert.equal(first[3], `'${s.p.user.displayName}`, 'formula-like text is defused');
    assert.equal(first[5], 'service_request.created');
    assert.deepEqual(JSON.parse(first[9]!), { title: 'Request 3', severity: 'normal' });

    const byAccept = await t.request(`${s.base}/audit`, { token: s.p.token, headers: { Accept: 'text/csv' } });
    assert.match(byAccept.headers.get('content-type') ?? '', /^text\/csv/);
    assert.equal(parseCsv(await byAccept.text()).length, 5);
    const filtered = parseCsv(await (await t.request(`${s.base}/audit?format=csv&from=${s.times[3]}`, { token: s.p.token })).text());
    assert.equal(filtered.length, 2);
  });

  test('bad cursors and times are 422', async () => {
    const s = await trail();
    for (const q of ['cursor=abc', `cursor=${Buffer.from(JSON.stringify(['2026-01-01', 'x'])).toString('base64url')}`, 'from=yesterday', 'format=xml']) {
      await assertErrorShape(await t.request(`${s.base}/audit?${q}`, { token: s.p.token }), 422, 'validation_failed');
    }
    await assertErrorShape(await t.request(`${s.base}/audit?format=csv&cursor=abc`, { token: s.p.token }), 422);
  });
});

describe('GET /api/audit (customer side)', () => {
  test('everything partners did in my company, by partner if asked; global admins only', async () => {
    const s = await trail();
    const all = await walk('/api/audit', s.admin.token);
    assert.equal(all.length, 5);
    assert.equal(all[0]!.partner.id, s.other.id);
    assert.equal(all[0]!.at, s.otherAt);
    const theirs = await json(await t.request(`/api/audit?partnerId=${s.other.id}`, { token: s.admin.token }));
    assert.deepEqual(theirs.items.map((e: Entry) => e.actor?.email), [s.q.email]);
    await assertErrorShape(await t.request('/api/audit?partnerId=nope', { token: s.admin.token }), 422);

    const csv = await t.request('/api/audit?format=csv', { token: s.admin.token });
    assert.match(csv.headers.get('content-disposition') ?? '', /filename="partnerkit-audit-customer-/);
    assert.equal(parseCsv(await csv.text()).length, 6);

    const member = await signedIn(t, s.c.member);
    for (const token of [member.token, s.p.token]) await assertErrorShape(await t.request('/api/audit', { token }), 403, 'forbidden');
    await assertErrorShape(await t.request('/api/audit'), 401);
  });

  test('delegation events are in it: requested, accepted, revoked, and expired (nobody’s act)', async () => {
    const partner = await t.createCompany({ kind: 'partner' });
    const p = await partnerUser(t, partner.id, 'full');
    const c = await linkCustomer(t, partner.id);
    const admin = await signedIn(t, c.admin);
    const request = await json(await t.request(`/api/customers/${c.customer.id}/delegation-requests`, { method: 'POST', token: p.token, body: { level: 'full' } }));
    t.clock.advance(1000);
    await t.request(`/api/public/delegations/${request.code}/accept`, { method: 'POST', token: admin.token, body: { expiresAt: new Date(t.clock.now().getTime() + 60_000).toISOString() } });
    t.clock.advance(120_000);
    const entries: Entry[] = (await json(await t.request('/api/audit', { token: admin.token }))).items;
    assert.deepEqual(entries.map((e) => e.action), ['delegation.expired', 'delegation.accepted', 'delegation.requested']);
    assert.equal(entries[0]!.actor, null);
    assert.equal(entries[1]!.actor?.email, c.admin.email);
    assert.equal(entries[2]!.actor?.email, p.email);
    const partnerSide: Entry[] = (await json(await t.request(`/api/customers/${c.customer.id}/audit`, { token: p.token }))).items;
    assert.deepEqual(partnerSide.map((e) => e.id), entries.map((e) => e.id), 'the partner sees its own delegation events too');
  });
});

test('csvField quotes what needs quoting and defuses formulas', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField(null), '');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('=1+1'), "'=1+1");
  assert.equal(csvField('-5'), "'-5");
  assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { companies } from '../../db/schema.ts';
import { assertErrorShape, createTestApp, json } from './harness.ts';

const t = await createTestApp();

async function member(companyRoles: ('global_admin' | 'billing_admin')[] = [], kind: 'partner' | 'customer' = 'partner') {
  const company = await t.createCompany({ kind });
  const u = await t.createUser({ companyId: company.id, companyRoles });
  return { company, token: (await t.signIn(u.email, u.password)).token };
}

const reload = async (id: string) => (await t.db.select().from(companies).where(eq(companies.id, id)))[0]!;

describe('GET /api/company', () => {
  test('every member reads their own company; no token is a 401', async () => {
    const { company, token } = await member([]);
    const body = await json(await t.request('/api/company', { token }));
    assert.equal(body.id, company.id);
    assert.equal(body.name, company.name);
    await assertErrorShape(await t.request('/api/company'), 401);
  });
});

describe('PATCH /api/company', () => {
  test('a global admin edits the profile; origins are normalised and de-duplicated', async () => {
    const { company, token } = await member(['global_admin']);
    const res = await t.request('/api/company', {
      method: 'PATCH',
      token,
      body: {
        name: 'Renamed Partner',
        email: 'support@renamed.example',
        phone: '+1 (425) 555-0100',
        website: 'https://renamed.example',
        address: { line1: '1 Main St', city: 'Oslo', country: 'NO' },
        allowedOrigins: ['https://Shop.Renamed.example', 'https://shop.renamed.example', 'https://renamed.example:8443', 'http://localhost:5173'],
        signupUrl: 'https://renamed.example/signup',
      },
    });
    assert.equal(res.status, 200);
    const body = await json(res);
    assert.deepEqual(body.allowedOrigins, ['https://shop.renamed.example', 'https://renamed.example:8443', 'http://localhost:5173']);
    const row = await reload(company.id);
    assert.equal(row.name, 'Renamed Partner');
    assert.equal(row.email, 'support@renamed.example');
    assert.deepEqual(row.address, { line1: '1 Main St', city: 'Oslo', country: 'NO' });
    assert.equal(row.signupUrl, 'https://renamed.example/signup');
    // Clearing a field takes null.
    assert.equal((await json(await t.request('/api/company', { method: 'PATCH', token, body: { phone: null } }))).phone, null);
  });

  test('other roles get 403 and nothing changes', async () => {
    for (const roles of [['billing_admin'], []] as const) {
      const { company, token } = await member([...roles]);
      await assertErrorShape(await t.request('/api/company', { method: 'PATCH', token, body: { name: 'Hijacked' } }), 403, 'forbidden');
      assert.equal((await reload(company.id)).name, company.name);
    }
  });

  test('field-level validation: emails, origins, web addresses', async () => {
    const { company, token } = await member(['global_admin']);
    const body = await assertErrorShape(
      await t.request('/api/company', {
        method: 'PATCH',
        token,
        body: {
          name: '',
          email: 'not-an-email',
          website: 'javascript:alert(1)',
          allowedOrigins: ['https://ok.example', 'http://insecure.example', 'https://x.example/path', '*', 'https://x.example:99999'],
        },
      }),
      422,
      'validation_failed',
    );
    const paths = body.error.details!.map((d) => d.path).sort();
    assert.deepEqual(paths, [
      'body.allowedOrigins.1',
      'body.allowedOrigins.2',
      'body.allowedOrigins.3',
      'body.allowedOrigins.4',
      'body.email',
      'body.name',
      'body.website',
    ]);
    assert.equal((await reload(company.id)).email, null, 'nothing was written');
  });

  test('only partner companies have a sign-up page', async () => {
    const { token } = await member(['global_admin'], 'customer');
    await assertErrorShape(await t.request('/api/company', { method: 'PATCH', token, body: { signupUrl: 'https://c.example/signup' } }), 422);
  });
});

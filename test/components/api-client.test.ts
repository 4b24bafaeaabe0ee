import { expect } from '@open-wc/testing';
import { ApiClient, ApiRequestError } from '../../components/api/client.ts';
import { stubFetch, type FetchStub } from './fetch-stub.ts';
import { adminMe, adminSession, demoPassword, errors } from './fixtures.ts';

describe('ApiClient', () => {
  let stub: FetchStub;
  afterEach(() => stub.restore());

  it('sends JSON with the bearer token to apiBase and returns the parsed answer', async () => {
    stub = stubFetch({ 'POST /api/sessions': { status: 201, body: adminSession }, 'GET /api/me': { status: 200, body: adminMe } });
    const client = new ApiClient({ apiBase: `${location.origin}/`, token: 'pks_abc' });
    expect(await client.me()).to.deep.equal(adminMe);
    expect(await client.signIn('admin@northwind.example', demoPassword)).to.deep.equal(adminSession);
    expect(stub.calls.map((c) => [c.method, c.url, c.authorization])).to.deep.equal([
      ['GET', `${location.origin}/api/me`, 'Bearer pks_abc'],
      ['POST', `${location.origin}/api/sessions`, 'Bearer pks_abc'],
    ]);
    expect(stub.calls[1]!.body).to.deep.equal({ email: 'admin@northwind.example', password: demoPassword });
  });

  it('asks getToken before each request and sends no header without a token', async () => {
    stub = stubFetch({ 'GET /api/me': { status: 200, body: adminMe }, 'DELETE /api/sessions/current': { status: 204 } });
    const asked: unknown[] = [];
    let token: string | null = 'pks_first';
    const client = new ApiClient({
      getToken: async (options) => {
        asked.push(options);
        return token;
      },
    });
    expect(client.hasCredentials).to.equal(true);
    await client.me();
    token = null;
    expect(await client.signOut()).to.equal(undefined);
    expect(asked).to.deep.equal([{ refresh: false }, { refresh: false }]);
    expect(stub.calls.map((c) => c.authorization)).to.deep.equal(['Bearer pks_first', null]);
    expect(new ApiClient({}).hasCredentials).to.equal(false);
  });

  it('throws the BFF error shape as ApiRequestError', async () => {
    stub = stubFetch({ 'POST /api/sessions': errors.signInInvalid });
    const error = await new ApiClient().signIn('nope', '').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ApiRequestError);
    expect(error).to.include({ status: 422, code: 'validation_failed', message: 'The request is not valid; see details.' });
    expect((error as ApiRequestError).details).to.deep.equal(errors.signInInvalid.body.error.details);
  });

  it('reports a failed connection as network_error and a non-JSON failure by its status', async () => {
    stub = stubFetch({});
    const network = await new ApiClient().me().catch((e: unknown) => e);
    expect(network).to.be.instanceOf(ApiRequestError);
    expect(network).to.include({ status: 0, code: 'network_error' });

    stub.on('GET /api/me', { status: 502, statusText: 'Bad Gateway', text: '<h1>Bad gateway</h1>' });
    const gateway = await new ApiClient().me().catch((e: unknown) => e);
    expect(gateway).to.include({ status: 502, code: 'http_error', message: 'The server answered 502 Bad Gateway.' });
  });
});

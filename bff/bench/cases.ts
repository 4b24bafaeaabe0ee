/**
 * What the bench measures. Append a case here to measure another endpoint: give it a name,
 * say whether it is a baseline (a floor to compare the real app against), and, when the request
 * needs data or a token, a `setup` that prepares them through `ctx` and returns the request.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { createApp, type App } from '../app.ts';
import type { Config } from '../config.ts';
import type { Database, Tx } from '../../db/database.ts';
import { demoPassword } from '../../db/seed.ts';
import { companies, events, services, users, webhookEndpoints } from '../../db/schema.ts';
import { recordEvent } from '../domain/events.ts';
import { hashPassword } from '../passwords.ts';
import { attemptDelivery } from '../webhooks/delivery.ts';
import { encryptSecret, generateSigningSecret } from '../webhooks/secrets.ts';
import { serveInstances } from './instances.ts';

/** Anything @hono/node-server can serve. */
export interface Fetchable {
  fetch: (request: Request) => Response | Promise<Response>;
}

export interface BenchRequest {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  /** Sent as JSON unless it is already a string. */
  body?: unknown;
}

export interface BenchContext {
  database: Database;
  /** The bench database's URL, for processes of their own; null on PGlite. */
  databaseUrl: string | null;
  config: Config;
  /** The full partnerkit app, built once with `createApp` on the bench database (demo seeded). */
  app: App;
  /** Signs in through the app (`POST /api/sessions`) and returns the bearer token. */
  signIn(email: string, password: string): Promise<string>;
}

export interface BenchCase {
  name: string;
  /** A baseline is not partnerkit code: it shows what the server, driver and machine allow. */
  baseline: boolean;
  /** The baseline whose p99 every app case's p99 is set against (issue 5 asks for at most 3×). */
  reference?: boolean;
  /** The app to serve; the full partnerkit app when omitted. */
  app?: (ctx: BenchContext) => Fetchable;
  /** Servers of its own instead of `app` in this process (e.g. several BFF processes); PostgreSQL only. */
  serve?: (ctx: BenchContext) => Promise<{ url: string; close(): Promise<void> }>;
  /** Concurrent connections for this case, when the default would only measure queueing. */
  connections?: number;
  /** Prepares data and returns the request to repeat; `GET /` when omitted. */
  setup?: (ctx: BenchContext) => BenchRequest | Promise<BenchRequest>;
}

const demoAdminEmail = 'admin@northwind.example';

export const benchCases: BenchCase[] = [
  {
    name: 'bare Hono JSON handler',
    baseline: true,
    app: () => new Hono().get('/', (c) => c.json({ ok: true, service: 'partnerkit-bench' })),
  },
  {
    // Through drizzle on the same database and driver (and pool) as the app, so the gap to
    // `GET /api/me` is partnerkit's own work, not the driver's.
    name: 'bare handler + one primary-key select (drizzle)',
    baseline: true,
    reference: true,
    app: ({ database }) =>
      new Hono().get('/users/:id', async (c) => {
        const [row] = await database.db
          .select({ id: users.id, email: users.email, displayName: users.displayName })
          .from(users)
          .where(eq(users.id, c.req.param('id')));
        return row ? c.json(row) : c.json({ error: 'not found' }, 404);
      }),
    setup: async ({ database }) => {
      const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, demoAdminEmail));
      if (!user) throw new Error(`the demo user ${demoAdminEmail} is missing`);
      return { path: `/users/${user.id}` };
    },
  },
  {
    // Two queries per request: the session look-up behind the token, then the user and company.
    name: 'GET /api/me (valid token)',
    baseline: false,
    setup: async (ctx) => ({
      path: '/api/me',
      headers: { authorization: `Bearer ${await ctx.signIn(demoAdminEmail, demoPassword)}` },
    }),
  },
  {
    // Keyset paging on (company_id, display_name, id): the 50th page costs what the first does.
    name: 'GET /api/users?limit=50 (10,000 users)',
    baseline: false,
    setup: async (ctx) => {
      const db = ctx.database.db;
      const [company] = await db.insert(companies).values({ kind: 'partner', name: 'Bench Users Inc' }).returning();
      const passwordHash = await hashPassword(demoPassword);
      // generate_series makes the 10,000 rows in one statement instead of 10,000 round trips.
      await db.execute(sql`
        insert into users (company_id, email, display_name, password_hash)
        select ${company!.id}::uuid, 'bench-user-' || n || '@bench.example', 'Bench User ' || lpad(n::text, 5, '0'), ${passwordHash}
        from generate_series(1, 10000) as n`);
      await db.insert(users).values({
        companyId: company!.id,
        email: 'bench-admin@bench.example',
        displayName: 'Bench Admin',
        passwordHash,
        companyRoles: ['global_admin'],
      });
      // Autovacuum would do this within a minute in production; without fresh statistics the
      // planner thinks the company has a handful of users and sorts all 10,000.
      await db.execute(sql`analyze users`);
      const token = await ctx.signIn('bench-admin@bench.example', demoPassword);
      return { path: '/api/users?limit=50', headers: { authorization: `Bearer ${token}` } };
    },
  },
  {
    name: 'GET /api/public/offers/:code',
    baseline: false,
    setup: async (ctx) => {
      const code = await createBenchOffer(ctx);
      return { path: `/api/public/offers/${code}` };
    },
  },
  {
    // The floor under a sign-up: one scrypt hash (N=16384, r=8) per request, nothing else.
    // Ten connections: scrypt runs on libuv's 4 worker threads, so more only lengthen the queue.
    name: 'password hashing alone (scrypt, as in a sign-up; 10 connections)',
    baseline: true,
    connections: 10,
    app: () => new Hono().post('/', async (c) => c.json({ hash: await hashPassword('bench-password-1') }, 201)),
    setup: () => ({ path: '/', method: 'POST' }),
  },
  {
    // Every request is a new prospect: a small shim in front of the app gives each one its own
    // email and Idempotency-Key (autocannon repeats one request). Rate limits are lifted here.
    name: 'POST redemption (new customer, trial; 10 connections)',
    baseline: false,
    connections: 10,
    app: (ctx) => {
      const app = createApp({ db: ctx.database.db, config: { ...ctx.config, signupRateLimit: 1e9, signupRateLimitPerOffer: 1e9 } });
      return {
        fetch: async (request: Request) => {
          const n = randomUUID();
          const body = {
            company: { name: `Bench Prospect ${n}` },
            admin: { email: `prospect-${n}@bench.example`, displayName: 'Bench Prospect', password: 'bench-password-1' },
            acceptDelegatedAdmin: true,
          };
          return app.fetch(
            new Request(request.url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'idempotency-key': n },
              body: JSON.stringify(body),
            }),
          );
        },
      };
    },
    setup: async (ctx) => ({ path: `/api/public/offers/${await createBenchOffer(ctx)}/redemptions`, method: 'POST' }),
  },
  {
    // One prepared statement: a walk of the partner's (sort_name, customer_id) entries that stops
    // after 51 of 100,000, each customer's delegations and subscriptions looked up, the page's
    // JSON built by Postgres.
    name: 'GET /api/customers?limit=50 (100,000 customers)',
    baseline: false,
    setup: async (ctx) => ({ path: '/api/customers?limit=50', headers: { authorization: `Bearer ${await seedBenchCustomers(ctx)}` } }),
  },
  {
    // A substring search (LIKE on the lower-cased search_text) in name order stops after 51
    // matches: "bakery" is in 1 of 25 names, so it reads ~1,300 index entries.
    name: 'GET /api/customers?q=bakery&limit=50 (100,000 customers)',
    baseline: false,
    setup: async (ctx) => ({ path: '/api/customers?q=bakery&limit=50', headers: { authorization: `Bearer ${await seedBenchCustomers(ctx)}` } }),
  },
  {
    // Counter rows (kept by triggers in each write's transaction), short index ranges for what
    // time alone has ended, and a page of attention items found through deadline indexes.
    name: 'GET /api/overview (100,000 customers)',
    baseline: false,
    setup: async (ctx) => ({ path: '/api/overview', headers: { authorization: `Bearer ${await seedBenchCustomers(ctx)}` } }),
  },
  {
    // The simple way the counters replace: the same figures counted from the tables on each
    // request (README, Benchmarks: a speed trick shows its figure beside the simple way).
    name: 'comparison: the overview\'s figures counted from the tables (100,000 customers)',
    // Not a baseline: it runs only with the overview (BENCH_ONLY=overview), after the same seed.
    baseline: false,
    app: ({ database }) =>
      new Hono().get('/figures/:partnerId', async (c) => {
        const partnerId = c.req.param('partnerId');
        const [row] = await database.db.execute(sql`select
          (select count(*) from partner_customers where partner_id = ${partnerId}) as customers,
          (select count(*) from subscriptions where advisor_id = ${partnerId} and status = 'trial' and trial_ends_at > now()) as trials,
          (select count(*) from subscriptions where advisor_id = ${partnerId} and status = 'active') as paying,
          (select coalesce(sum(licenses), 0) from subscriptions where advisor_id = ${partnerId} and status = 'active') as licenses,
          (select count(*) from delegations where partner_id = ${partnerId} and status = 'active' and (expires_at is null or expires_at > now())) as delegations`).then((r) =>
          Array.isArray(r) ? r : (r as { rows: unknown[] }).rows,
        );
        return c.json(row);
      }),
    setup: async (ctx) => {
      await seedBenchCustomers(ctx);
      const [partner] = await ctx.database.db.select({ id: companies.id }).from(companies).where(eq(companies.name, 'Bench Customers Partner'));
      return { path: `/figures/${partner!.id}` };
    },
  },
  ...webhookCases(),
  // Scale-out: the same requests against 1 and against 2 BFF processes on the one database
  // (cluster workers sharing a port, each with its own pool). On 2 cores shared with Postgres
  // and the load generator, expect well under twice the throughput.
  ...[1, 2].flatMap((count): BenchCase[] => {
    const processes = `${count} BFF process${count > 1 ? 'es' : ''}`;
    const serve = (ctx: BenchContext) => serveInstances(count, ctx.databaseUrl!, ctx.config.dbPoolSize);
    return [
      {
        name: `GET /api/me (valid token), ${processes}`,
        baseline: false,
        serve,
        setup: async (ctx) => ({ path: '/api/me', headers: { authorization: `Bearer ${await ctx.signIn(demoAdminEmail, demoPassword)}` } }),
      },
      {
        name: `GET /api/customers?limit=50 (100,000 customers), ${processes}`,
        baseline: false,
        serve,
        setup: async (ctx) => ({ path: '/api/customers?limit=50', headers: { authorization: `Bearer ${await seedBenchCustomers(ctx)}` } }),
      },
    ];
  }),
];

const benchCustomers = new WeakMap<Database, Promise<string>>();

/**
 * 100,000 customers of one partner (names from word lists, each with a subscription through the
 * partner, a quarter on trial, a third with an active delegation), seeded once per run with
 * generate_series. Returns a token of the partner's admin.
 */
function seedBenchCustomers(ctx: BenchContext): Promise<string> {
  let seeded = benchCustomers.get(ctx.database);
  if (!seeded) benchCustomers.set(ctx.database, (seeded = seed()));
  return seeded;

  async function seed() {
    const db = ctx.database.db;
    const [partner] = await db.insert(companies).values({ kind: 'partner', name: 'Bench Customers Partner' }).returning();
    const passwordHash = await hashPassword(demoPassword);
    await db.insert(users).values({
      companyId: partner!.id,
      email: 'bench-partner@bench.example',
      displayName: 'Bench Partner Admin',
      passwordHash,
      companyRoles: ['global_admin'],
      partnerAccess: 'full',
    });
    const [service] = await db.select({ id: services.id }).from(services).where(eq(services.sku, 'MAIL-STD'));
    await db.execute(sql`
      with made as (
        insert into companies (kind, name, domain, created_at, updated_at)
        select 'customer',
          (array['Contoso','Fabrikam','Northwind','Tailspin','Wingtip','Litware','Adatum','Proseware','Lucerne','Coho',
                 'Humongous','Alpine','Blue Yonder','Consolidated','Graphic','Margie','Nod','Southridge','Trey','Woodgrove'])[1 + n % 20]
            || ' ' ||
          (array['Bakery','Toys','Cycles','Winery','Publishing','Insurance','Airlines','Bank','Foods','Labs','Logistics','Media',
                 'Motors','Outfitters','Pharma','Realty','Studios','Systems','Textiles','Travel','Utilities','Ventures','Works','Yachts','Zoo'])[1 + (n / 20) % 25]
            || ' ' || n,
          'customer-' || n || '.example',
          now() - n * interval '1 minute', now()
        from generate_series(1, 100000) as n
        returning id, created_at
      )
      insert into partner_customers (partner_id, customer_id, is_advisor, created_at)
      select ${partner!.id}::uuid, id, true, created_at from made`);
    await db.execute(sql`
      insert into subscriptions (customer_id, service_id, advisor_id, status, licenses, trial_ends_at)
      select customer_id, ${service!.id}::uuid, partner_id,
        (case when r < 0.25 then 'trial' else 'active' end)::subscription_status, 10,
        case when r < 0.25 then now() + interval '10 days' end
      from (select customer_id, partner_id, random() as r from partner_customers where partner_id = ${partner!.id}::uuid) as pc`);
    // A third with an active delegation, one in seven with an open request, a few declined.
    await db.execute(sql`
      insert into delegations (partner_id, customer_id, level, status, answered_at, request_expires_at, code)
      select partner_id, customer_id, 'full',
        (case when r < 0.33 then 'active' when r < 0.47 then 'pending' else 'declined' end)::delegation_status,
        case when r >= 0.33 and r < 0.47 then null else now() end,
        case when r >= 0.33 and r < 0.47 then now() + interval '90 days' end,
        case when r >= 0.33 and r < 0.47 then md5(customer_id::text) end
      from (select partner_id, customer_id, random() as r from partner_customers where partner_id = ${partner!.id}::uuid) as pc
      where r < 0.475`);
    // Fresh statistics and visibility map, as autovacuum would make them within a minute in
    // production (the name walk is an index-only scan, which needs the visibility map).
    await db.execute(sql`vacuum analyze companies, partner_customers, subscriptions, delegations`);
    return ctx.signIn('bench-partner@bench.example', demoPassword);
  }
}

/** A trial offer with delegated admin from the demo partner, created through the API. */
async function createBenchOffer(ctx: BenchContext): Promise<string> {
  const token = await ctx.signIn(demoAdminEmail, demoPassword);
  const [service] = await ctx.database.db.select({ id: services.id }).from(services).limit(1);
  const response = await ctx.app.request('/api/offers', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ kind: 'trial', serviceId: service!.id, delegatedAdmin: 'limited' }),
  });
  if (response.status !== 201) throw new Error(`creating the bench offer failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { code: string }).code;
}

/**
 * Webhooks (issue 14). A delivery attempt is what a worker does per job: read the delivery,
 * claim it, sign, POST to the receiver (a local node:http server answering 204), record the
 * attempt; each request here makes one, on deliveries made beforehand. Five at once, as one
 * worker's batch. The outbox write is what every change that others hear of adds to its
 * transaction: the event row and its fan-out job, next to the event row alone.
 */
function webhookCases(): BenchCase[] {
  // Made in `setup`, read by `app`: the runner calls setup first.
  const made = new WeakMap<Database, { config: Config; deliveries: string[]; partnerId: string }>();
  const partnerOf = async (ctx: BenchContext) => {
    const [partner] = await ctx.database.db.insert(companies).values({ kind: 'partner', name: `Bench Webhooks ${randomUUID()}` }).returning();
    return partner!.id;
  };
  const transactionApp = (ctx: BenchContext, write: (tx: Tx, partnerId: string) => Promise<unknown>) =>
    new Hono().post('/', async (c) => {
      const { partnerId } = made.get(ctx.database)!;
      await ctx.database.db.transaction((tx) => write(tx, partnerId));
      return c.body(null, 201);
    });
  return [
    {
      name: 'webhook delivery attempt to a local receiver (claim, sign, POST, record; 5 connections)',
      baseline: false,
      connections: 5,
      app: (ctx) => {
        const { config, deliveries } = made.get(ctx.database)!;
        let next = 0;
        return new Hono().post('/', async (c) => {
          const deliveryId = deliveries[next++];
          if (!deliveryId) return c.json({ error: 'out of deliveries' }, 503);
          const outcome = await attemptDelivery(ctx.database.db, config, { deliveryId }, new Date());
          return c.json({ outcome }, outcome === 'succeeded' ? 200 : 500);
        });
      },
      setup: async (ctx) => {
        const receiver = createServer((req, res) => req.resume().on('end', () => res.writeHead(204).end()));
        await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
        receiver.unref();
        const config: Config = { ...ctx.config, webhooksAllowHttpLoopback: true, webhooksSecretKey: randomBytes(32) };
        const partnerId = await partnerOf(ctx);
        const endpointId = randomUUID();
        await ctx.database.db.insert(webhookEndpoints).values({
          id: endpointId,
          partnerId,
          url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
          secretCiphertext: encryptSecret(config.webhooksSecretKey!, generateSigningSecret(), endpointId),
        });
        // More than a run can use, in two statements.
        const rows = await ctx.database.db.execute(sql`
          with made as (
            insert into ${events} (partner_id, type, data)
            select ${partnerId}::uuid, 'customer.created', jsonb_build_object('customerId', gen_random_uuid(), 'n', n) from generate_series(1, 60000) as n
            returning id
          )
          insert into webhook_deliveries (endpoint_id, event_id) select ${endpointId}::uuid, id from made returning id`);
        const deliveries = (Array.isArray(rows) ? rows : (rows as unknown as { rows: { id: string }[] }).rows).map((r) => (r as { id: string }).id);
        made.set(ctx.database, { config, deliveries, partnerId });
        return { path: '/', method: 'POST' };
      },
    },
    {
      name: 'webhook outbox write: recordEvent in a transaction (event row + fan-out job)',
      baseline: false,
      app: (ctx) => transactionApp(ctx, (tx, partnerId) => recordEvent(tx, { partnerId, type: 'customer.created', data: { customerId: randomUUID() } }, new Date())),
      setup: async (ctx) => {
        made.set(ctx.database, { config: ctx.config, deliveries: [], partnerId: await partnerOf(ctx) });
        return { path: '/', method: 'POST' };
      },
    },
    {
      name: 'webhook outbox comparison: the event row alone in a transaction (no job)',
      baseline: false,
      app: (ctx) => transactionApp(ctx, (tx, partnerId) => tx.insert(events).values({ partnerId, type: 'customer.created', data: { customerId: randomUUID() } })),
      setup: async (ctx) => {
        made.set(ctx.database, { config: ctx.config, deliveries: [], partnerId: await partnerOf(ctx) });
        return { path: '/', method: 'POST' };
      },
    },
  ];
}

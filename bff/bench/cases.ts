/**
 * What the bench measures. Append a case here to measure another endpoint: give it a name,
 * say whether it is a baseline (a floor to compare the real app against), and, when the request
 * needs data or a token, a `setup` that prepares them through `ctx` and returns the request.
 */
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type { App } from '../app.ts';
import type { Config } from '../config.ts';
import type { Database } from '../../db/database.ts';
import { demoPassword } from '../../db/seed.ts';
import { users } from '../../db/schema.ts';

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
  /** The app to serve; the full partnerkit app when omitted. */
  app?: (ctx: BenchContext) => Fetchable;
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
];

/**
 * `createApp(deps)`: the whole BFF as a Hono app built only from its arguments, so tests and
 * the server each pass their own database, clock and configuration.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { Db } from '../db/database.ts';
import type { Config } from './config.ts';
import type { AppEnv, Deps } from './env.ts';
import { handleError, handleNotFound } from './errors.ts';
import { openApiDocument } from './openapi.ts';
import { postgresRateLimiter, type RateLimiter } from './rate-limit.ts';
import { codeOwnerAllowedOrigins, cors } from './cors.ts';
import { isCode } from './ids.ts';
import { securityHeaders } from './security-headers.ts';
import { safeInput } from './safe-input.ts';
import { distFiles } from './bundle.ts';
import { bundleRoutes } from './routes/bundle.ts';
import { pageRoutes } from './routes/pages.ts';
import { apiKeyRoutes } from './routes/api-keys.ts';
import { embedSessionRoutes } from './routes/embed-sessions.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { offerRoutes } from './routes/offers.ts';
import { overviewRoutes } from './routes/overview.ts';
import { publicOfferRoutes } from './routes/public-offers.ts';
import { auditRoutes } from './routes/audit.ts';
import { customerRoutes } from './routes/customers.ts';
import { eventRoutes } from './routes/events.ts';
import { partnerRoutes } from './routes/partners.ts';
import { publicDelegationRoutes } from './routes/public-delegations.ts';
import { docsRoutes } from './routes/docs.ts';
import { healthRoutes } from './routes/health.ts';
import { companyRoutes } from './routes/company.ts';
import { meRoutes } from './routes/me.ts';
import { roleRoutes } from './routes/roles.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { userRoutes } from './routes/users.ts';
import { webhookEndpointRoutes } from './routes/webhook-endpoints.ts';

export interface AppOptions {
  db: Db;
  /** Where GET and HEAD requests read (a replica); default `db`. Nothing they run may write. */
  readDb?: Db;
  config: Config;
  clock?: () => Date;
  ping?: () => Promise<void>;
  /** Default: counters in the app's own Postgres database. */
  rateLimiter?: RateLimiter;
  /** The build output (dist/) whose bundle, element modules and manifest the app serves; none when unset. */
  distDir?: string;
}

export function createApp(options: AppOptions) {
  const deps: Deps = {
    db: options.db,
    primary: options.db,
    config: options.config,
    clock: options.clock ?? (() => new Date()),
    ping: options.ping ?? (async () => {}),
    rateLimiter: options.rateLimiter ?? postgresRateLimiter(options.db),
  };
  // Reads never write (README, "Reads and writes"), so every GET can run on a replica.
  const readDeps: Deps = { ...deps, db: options.readDb ?? options.db };

  const api = new Hono<AppEnv>()
    .route('/sessions', sessionRoutes)
    .route('/me', meRoutes)
    .route('/embed-sessions', embedSessionRoutes)
    .route('/api-keys', apiKeyRoutes)
    .route('/company', companyRoutes)
    .route('/users', userRoutes)
    .route('/roles', roleRoutes)
    .route('/catalog', catalogRoutes)
    .route('/overview', overviewRoutes)
    .route('/offers', offerRoutes)
    .route('/public/offers', publicOfferRoutes)
    .route('/customers', customerRoutes)
    .route('/partners', partnerRoutes)
    .route('/audit', auditRoutes)
    .route('/events', eventRoutes)
    .route('/public/delegations', publicDelegationRoutes)
    .route('/webhook-endpoints', webhookEndpointRoutes);

  const app = new Hono<AppEnv>()
    .use(async function provideDeps(c, next) {
      c.set('deps', c.req.method === 'GET' || c.req.method === 'HEAD' ? readDeps : deps);
      await next();
    })
    .use(
      securityHeaders({
        https: options.config.publicUrl.startsWith('https:'),
        // Only the hosted sign-up page may be framed, by the origins the offer's partner allows.
        framers: async (c) => {
          const code = c.req.path === '/signup' ? c.req.query('offer') : undefined;
          return code && isCode(code) ? ((await codeOwnerAllowedOrigins(deps.db, 'offer', code)) ?? []) : [];
        },
      }),
    )
    // Before the input checks and the routes, so preflights and every answer (413s too) get CORS.
    .use('/api/*', cors())
    .use(safeInput({ maxBodyBytes: 256 * 1024 }))
    .route('/', healthRoutes)
    .route('/api', api);

  let document: ReturnType<typeof openApiDocument> | undefined;
  if (options.distDir) app.route('/', bundleRoutes(distFiles(options.distDir)));
  app.route('/', docsRoutes(() => (document ??= openApiDocument(app, { title: 'partnerkit', version: '0.1.0' }))));
  // The built demo, and the hosted sign-up and consent pages that offer and delegation links open.
  if (options.distDir && existsSync(join(options.distDir, 'demo'))) app.route('/', pageRoutes(join(options.distDir, 'demo')));
  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;

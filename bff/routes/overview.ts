import { Hono } from 'hono';
import { requireSession } from '../auth.ts';
import { getOverview, overviewQuerySchema, overviewSchema } from '../domain/overview.ts';
import type { AppEnv } from '../env.ts';
import { describe, validate } from '../openapi.ts';

export const overviewRoutes = new Hono<AppEnv>().get(
  '/',
  describe({
    summary: 'The partner overview: key figures, sign-ups and redemptions for charts, and what needs attention',
    description:
      'What you may not see is left out, not zeroed: everything about customers needs partner access; the monthly recurring total needs subscriptions:manage (global and billing admins). The attention list is paged (`cursor`, `limit`): coming deadlines soonest first, then passed ones latest first.',
    tags: ['partner'],
    responses: { 200: { description: 'The overview', schema: overviewSchema } },
    errors: [403, 422],
  }),
  requireSession(),
  validate('query', overviewQuerySchema),
  async (c) => c.json(await getOverview(c.var.deps, c.var.auth, c.req.valid('query'))),
);

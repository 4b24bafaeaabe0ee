import { Hono } from 'hono';
import { z } from 'zod';
import { requireSession } from '../auth.ts';
import { listCatalog, serviceViewSchema } from '../domain/catalog.ts';
import type { AppEnv } from '../env.ts';
import { describe } from '../openapi.ts';

export const catalogRoutes = new Hono<AppEnv>().get(
  '/',
  describe({
    summary: 'The services offers are built from, with trial length, price and license bounds',
    tags: ['offers'],
    responses: { 200: { description: 'The catalog', schema: z.object({ items: z.array(serviceViewSchema) }) } },
  }),
  requireSession(),
  async (c) => c.json(await listCatalog(c.var.deps.db)),
);

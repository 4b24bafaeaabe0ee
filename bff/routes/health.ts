import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env.ts';
import { describe } from '../openapi.ts';

const statusSchema = z.object({ status: z.literal('ok') });

export const healthRoutes = new Hono<AppEnv>()
  .get(
    '/healthz',
    describe({ summary: 'The process is up', tags: ['operations'], auth: false, responses: { 200: { description: 'Up', schema: statusSchema } } }),
    (c) => c.json({ status: 'ok' as const }),
  )
  .get(
    '/readyz',
    describe({
      summary: 'The database answers',
      tags: ['operations'],
      auth: false,
      responses: { 200: { description: 'Ready', schema: statusSchema } },
      errors: [503],
    }),
    async (c) => {
      // A failed ping becomes the 503 error shape in onError.
      await c.var.deps.ping();
      return c.json({ status: 'ok' as const });
    },
  );

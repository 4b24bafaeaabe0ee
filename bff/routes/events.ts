import { Hono } from 'hono';
import { requireSession } from '../auth.ts';
import { pageSchema } from '../cursor.ts';
import { eventViewSchema, listEvents, listEventsQuerySchema } from '../domain/events.ts';
import type { AppEnv } from '../env.ts';
import { describe, validate } from '../openapi.ts';

export const eventRoutes = new Hono<AppEnv>().use(requireSession()).get(
  '/',
  describe({
    summary: 'Your company’s event log, newest first (partner global admins)',
    description:
      'Everything your webhook endpoints are sent (README, "Events"), keyset paged. `type` narrows the log to one event type of the catalogue.',
    tags: ['events'],
    responses: { 200: { description: 'A page of events', schema: pageSchema(eventViewSchema) } },
    errors: [403, 422],
  }),
  validate('query', listEventsQuerySchema),
  async (c) => c.json(await listEvents(c.var.deps.db, c.var.auth.actor, c.req.valid('query'))),
);

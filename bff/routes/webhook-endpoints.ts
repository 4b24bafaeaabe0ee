import { Hono } from 'hono';
import { z } from 'zod';
import { requireSession } from '../auth.ts';
import { pageSchema } from '../cursor.ts';
import {
  createEndpoint,
  createEndpointSchema,
  deleteEndpoint,
  deliveryViewSchema,
  endpointListSchema,
  endpointViewSchema,
  endpointWithSecretSchema,
  getEndpoint,
  listDeliveries,
  listDeliveriesQuerySchema,
  listEndpoints,
  replayDelivery,
  rotateSecret,
  testEndpoint,
  updateEndpoint,
  updateEndpointSchema,
} from '../domain/webhook-endpoints.ts';
import type { AppEnv } from '../env.ts';
import { idParam, idParamSchema } from '../ids.ts';
import { describe, validate } from '../openapi.ts';

const endpointParams = idParamSchema('Webhook endpoint');
const deliveryParams = z.object({ id: idParam('Webhook endpoint'), deliveryId: idParam('Delivery') });
const tags = ['webhooks'];

export const webhookEndpointRoutes = new Hono<AppEnv>()
  .use(requireSession())
  .post(
    '/',
    describe({
      summary: 'Register a webhook endpoint; its signing secret is shown only in this answer',
      description: 'https only (plain http to loopback only when the server allows it for development); a literal private, loopback or link-local address is refused (`webhook_url_refused`). At most 10 per partner.',
      tags,
      responses: { 201: { description: 'Registered', schema: endpointWithSecretSchema } },
      errors: [403, 409, 422],
    }),
    validate('json', createEndpointSchema),
    async (c) => c.json(await createEndpoint(c.var.deps, c.var.auth.actor, c.req.valid('json')), 201),
  )
  .get(
    '/',
    describe({
      summary: 'Your webhook endpoints, newest first (never their secrets)',
      tags,
      responses: { 200: { description: 'The endpoints', schema: endpointListSchema } },
      errors: [403],
    }),
    async (c) => c.json(await listEndpoints(c.var.deps, c.var.auth.actor)),
  )
  .get(
    '/:id',
    describe({ summary: 'One of your webhook endpoints', tags, responses: { 200: { description: 'The endpoint', schema: endpointViewSchema } }, errors: [403, 404] }),
    validate('param', endpointParams),
    async (c) => c.json(await getEndpoint(c.var.deps, c.var.auth.actor, c.req.valid('param').id)),
  )
  .patch(
    '/:id',
    describe({
      summary: 'Change an endpoint: URL, description, event types, on or off',
      tags,
      responses: { 200: { description: 'Changed', schema: endpointViewSchema } },
      errors: [403, 404, 422],
    }),
    validate('param', endpointParams),
    validate('json', updateEndpointSchema),
    async (c) => c.json(await updateEndpoint(c.var.deps, c.var.auth.actor, c.req.valid('param').id, c.req.valid('json'))),
  )
  .delete(
    '/:id',
    describe({ summary: 'Delete an endpoint with its deliveries', tags, responses: { 204: { description: 'Deleted' } }, errors: [403, 404] }),
    validate('param', endpointParams),
    async (c) => {
      await deleteEndpoint(c.var.deps, c.var.auth.actor, c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .post(
    '/:id/rotate-secret',
    describe({
      summary: 'A new signing secret; the previous one keeps signing beside it for 24 hours',
      tags,
      responses: { 200: { description: 'Rotated; the new secret is shown only in this answer', schema: endpointWithSecretSchema } },
      errors: [403, 404],
    }),
    validate('param', endpointParams),
    async (c) => c.json(await rotateSecret(c.var.deps, c.var.auth.actor, c.req.valid('param').id)),
  )
  .get(
    '/:id/deliveries',
    describe({
      summary: "An endpoint's deliveries, newest first, each with its latest attempts",
      tags,
      responses: { 200: { description: 'A page of deliveries', schema: pageSchema(deliveryViewSchema) } },
      errors: [403, 404, 422],
    }),
    validate('param', endpointParams),
    validate('query', listDeliveriesQuerySchema),
    async (c) => c.json(await listDeliveries(c.var.deps, c.var.auth.actor, c.req.valid('param').id, c.req.valid('query'))),
  )
  .post(
    '/:id/deliveries/:deliveryId/replay',
    describe({
      summary: 'Send a delivery again, with the same webhook-id',
      tags,
      responses: { 202: { description: 'Queued', schema: deliveryViewSchema } },
      errors: [403, 404, 409],
    }),
    validate('param', deliveryParams),
    async (c) => {
      const { id, deliveryId } = c.req.valid('param');
      return c.json(await replayDelivery(c.var.deps, c.var.auth.actor, id, deliveryId), 202);
    },
  )
  .post(
    '/:id/test',
    describe({
      summary: 'Send a `ping` event to this endpoint only',
      tags,
      responses: { 202: { description: 'Queued', schema: deliveryViewSchema } },
      errors: [403, 404],
    }),
    validate('param', endpointParams),
    async (c) => c.json(await testEndpoint(c.var.deps, c.var.auth.actor, c.req.valid('param').id), 202),
  );

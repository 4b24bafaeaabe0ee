import { Hono } from 'hono';
import { requireSession } from '../auth.ts';
import { pageSchema } from '../cursor.ts';
import { createOffer, createOfferSchema, getOffer, listOffers, listOffersQuerySchema, offerViewSchema, revokeOffer } from '../domain/offers.ts';
import type { AppEnv } from '../env.ts';
import { idParamSchema } from '../ids.ts';
import { describe, validate } from '../openapi.ts';

const offerParams = idParamSchema('Offer');

export const offerRoutes = new Hono<AppEnv>()
  .use(requireSession())
  .post(
    '/',
    describe({
      summary: 'Create a trial invitation (one service) or a purchase offer (services with license counts)',
      tags: ['offers'],
      responses: { 201: { description: 'Created, with its code and URL', schema: offerViewSchema } },
      errors: [400, 403, 422],
    }),
    validate('json', createOfferSchema),
    async (c) => c.json(await createOffer(c.var.deps, c.var.auth.actor, c.req.valid('json')), 201),
  )
  .get(
    '/',
    describe({
      summary: 'Your offers, newest first, with redemption counts',
      tags: ['offers'],
      responses: { 200: { description: 'A page of offers', schema: pageSchema(offerViewSchema) } },
      errors: [403, 422],
    }),
    validate('query', listOffersQuerySchema),
    async (c) => c.json(await listOffers(c.var.deps, c.var.auth.actor, c.req.valid('query'))),
  )
  .get(
    '/:id',
    describe({ summary: 'One of your offers', tags: ['offers'], responses: { 200: { description: 'The offer', schema: offerViewSchema } }, errors: [403, 404] }),
    validate('param', offerParams),
    async (c) => c.json(await getOffer(c.var.deps, c.var.auth.actor, c.req.valid('param').id)),
  )
  .post(
    '/:id/revoke',
    describe({
      summary: 'Revoke an offer: no new redemptions; what was redeemed stays',
      tags: ['offers'],
      responses: { 200: { description: 'Revoked', schema: offerViewSchema } },
      errors: [403, 404],
    }),
    validate('param', offerParams),
    async (c) => c.json(await revokeOffer(c.var.deps, c.var.auth.actor, c.req.valid('param').id)),
  );

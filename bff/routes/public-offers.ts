import { Hono } from 'hono';
import { z } from 'zod';
import { requireSession } from '../auth.ts';
import { clientAddress } from '../client-address.ts';
import { offerPartnerOrigins } from '../cors.ts';
import { getPublicOffer, publicOfferViewSchema, redeemOfferOnce, redemptionResultSchema, redemptionSchema } from '../domain/redemptions.ts';
import type { AppEnv } from '../env.ts';
import { codeParam } from '../ids.ts';
import { describe, validate } from '../openapi.ts';
import { rateLimit } from '../rate-limit.ts';

const codeParamSchema = z.object({ code: codeParam('Offer') });
const idempotencyHeaderSchema = z.object({
  'idempotency-key': z.string().min(8, 'Send a unique Idempotency-Key of 8 to 255 characters.').max(255),
});

export const publicOfferRoutes = new Hono<AppEnv>()
  .get(
    '/:code',
    describe({
      summary: 'What an offer contains and who the advisor is (for the sign-up page)',
      tags: ['public'],
      auth: false,
      responses: { 200: { description: 'The offer', schema: publicOfferViewSchema } },
      errors: [404, 410],
    }),
    offerPartnerOrigins,
    validate('param', codeParamSchema),
    async (c) => c.json(await getPublicOffer(c.var.deps, c.req.valid('param').code)),
  )
  .post(
    '/:code/redemptions',
    describe({
      summary: 'Redeem an offer: a new customer (company + first admin), or with a customer admin token, your own company',
      description:
        'Needs an `Idempotency-Key` header: the same key and body replay the first answer; the same key with another body is a 422; while the first request runs, a duplicate gets 409. Rate limited per client address and per offer.',
      tags: ['public'],
      auth: false,
      responses: { 201: { description: 'Redeemed', schema: redemptionResultSchema } },
      errors: [400, 401, 403, 404, 409, 410, 422, 429],
    }),
    offerPartnerOrigins,
    // First, so that invalid attempts count too.
    rateLimit((c) => {
      const { config } = c.var.deps;
      return [
        { key: `signup:address:${clientAddress(c, config.trustProxy)}`, limit: config.signupRateLimit },
        { key: `signup:offer:${c.req.param('code')}`, limit: config.signupRateLimitPerOffer },
      ];
    }),
    requireSession({ optional: true }),
    validate('param', codeParamSchema),
    validate('header', idempotencyHeaderSchema),
    validate('json', redemptionSchema),
    async (c) => {
      const { status, body } = await redeemOfferOnce(
        c.var.deps,
        c.req.valid('param').code,
        c.req.valid('header')['idempotency-key'],
        c.get('auth') ?? null,
        c.req.valid('json'),
      );
      return c.json(body, status);
    },
  );

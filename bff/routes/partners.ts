import { Hono } from 'hono';
import { z } from 'zod';
import { requireSession } from '../auth.ts';
import { pageSchema } from '../cursor.ts';
import { delegationViewSchema, listPartners, listPartnersQuerySchema, partnerListItemSchema, revokeDelegation } from '../domain/delegations.ts';
import type { AppEnv } from '../env.ts';
import { idParam } from '../ids.ts';
import { describe, validate } from '../openapi.ts';

const partnerParamSchema = z.object({ partnerId: idParam('Delegation') });

/** Customer side: my partners and their delegations. */
export const partnerRoutes = new Hono<AppEnv>()
  .use(requireSession())
  .get(
    '/',
    describe({
      summary: 'Your partners, with advisor flag, delegation and any open request (global admin)',
      tags: ['customer'],
      responses: { 200: { description: 'A page of partners', schema: pageSchema(partnerListItemSchema) } },
      errors: [403, 422],
    }),
    validate('query', listPartnersQuerySchema),
    async (c) => c.json(await listPartners(c.var.deps, c.var.auth.actor, c.req.valid('query'))),
  )
  .delete(
    '/:partnerId/delegation',
    describe({
      summary: 'Revoke the partner’s delegated administration; it grants nothing from the next request on',
      tags: ['customer'],
      responses: { 200: { description: 'Revoked', schema: delegationViewSchema } },
      errors: [403, 404],
    }),
    validate('param', partnerParamSchema),
    async (c) => c.json(await revokeDelegation(c.var.deps, c.var.auth.actor, c.req.valid('param').partnerId)),
  );

import { Hono } from 'hono';
import { z } from 'zod';
import { requireSession } from '../auth.ts';
import { delegationPartnerOrigins } from '../cors.ts';
import { acceptDelegationSchema, answerDelegationRequest, getDelegationRequest, publicDelegationViewSchema } from '../domain/delegations.ts';
import type { AppEnv } from '../env.ts';
import { codeParam } from '../ids.ts';
import { describe, validate } from '../openapi.ts';

const codeParamSchema = z.object({ code: codeParam('Delegation request') });
const who = 'Only a global admin of the customer the request was sent to (403 for anyone else, partner users included).';

/** The consent page's API: a customer's global admin views and answers a partner's request. */
export const publicDelegationRoutes = new Hono<AppEnv>()
  .use(requireSession())
  .get(
    '/:code',
    describe({
      summary: 'A delegation request: which partner, what level, what it allows, until when',
      description: `${who} 410 when it lapsed unanswered (\`delegation_expired\`) or the partner replaced it (\`delegation_withdrawn\`); an answered one shows its status.`,
      tags: ['public'],
      responses: { 200: { description: 'The request', schema: publicDelegationViewSchema } },
      errors: [403, 404, 410],
    }),
    delegationPartnerOrigins,
    validate('param', codeParamSchema),
    async (c) => c.json(await getDelegationRequest(c.var.deps, c.var.auth, c.req.valid('param').code)),
  )
  .post(
    '/:code/accept',
    describe({
      summary: 'Accept: the delegation becomes active (until `expiresAt`, when given), replacing the partner’s older one',
      description: `${who} 409 \`already_answered\`; 410 as for viewing.`,
      tags: ['public'],
      responses: { 200: { description: 'Accepted', schema: publicDelegationViewSchema } },
      errors: [400, 403, 404, 409, 410, 422],
    }),
    delegationPartnerOrigins,
    validate('param', codeParamSchema),
    validate('json', acceptDelegationSchema),
    async (c) => {
      const { expiresAt } = c.req.valid('json');
      return c.json(await answerDelegationRequest(c.var.deps, c.var.auth, c.req.valid('param').code, { accept: true, ...(expiresAt ? { expiresAt } : {}) }));
    },
  )
  .post(
    '/:code/decline',
    describe({
      summary: 'Decline the request',
      description: `${who} 409 \`already_answered\`; 410 as for viewing.`,
      tags: ['public'],
      responses: { 200: { description: 'Declined', schema: publicDelegationViewSchema } },
      errors: [403, 404, 409, 410],
    }),
    delegationPartnerOrigins,
    validate('param', codeParamSchema),
    async (c) => c.json(await answerDelegationRequest(c.var.deps, c.var.auth, c.req.valid('param').code, { accept: false })),
  );

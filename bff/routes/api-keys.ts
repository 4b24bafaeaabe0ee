import { Hono } from 'hono';
import { requireSession } from '../auth.ts';
import { apiKeyListSchema, createApiKey, createApiKeySchema, createdApiKeySchema, deleteApiKey, listApiKeys } from '../domain/api-keys.ts';
import type { AppEnv } from '../env.ts';
import { idParamSchema } from '../ids.ts';
import { describe, validate } from '../openapi.ts';

export const apiKeyRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describe({
      summary: "Your company's API keys (never the secrets)",
      tags: ['api-keys'],
      responses: { 200: { description: 'The keys', schema: apiKeyListSchema } },
      errors: [403],
    }),
    requireSession(),
    async (c) => c.json(await listApiKeys(c.var.deps, c.var.auth.actor)),
  )
  .post(
    '/',
    describe({
      summary: 'Create an API key for minting embed sessions; the key is shown only in this answer',
      tags: ['api-keys'],
      responses: { 201: { description: 'Created', schema: createdApiKeySchema } },
      errors: [403, 422],
    }),
    requireSession(),
    validate('json', createApiKeySchema),
    async (c) => c.json(await createApiKey(c.var.deps, c.var.auth.actor, c.req.valid('json')), 201),
  )
  .delete(
    '/:id',
    describe({
      summary: 'Delete an API key; every session minted with it ends at once',
      tags: ['api-keys'],
      responses: { 204: { description: 'Deleted' } },
      errors: [403, 404],
    }),
    requireSession(),
    validate('param', idParamSchema('API key')),
    async (c) => {
      await deleteApiKey(c.var.deps, c.var.auth.actor, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

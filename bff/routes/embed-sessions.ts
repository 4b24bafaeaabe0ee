import { Hono } from 'hono';
import { bearerToken } from '../auth.ts';
import { clientAddress } from '../client-address.ts';
import { createEmbedSession, createEmbedSessionSchema, embedSessionViewSchema, invalidApiKey } from '../domain/embed-sessions.ts';
import { tokenPrefixes } from '../tokens.ts';
import type { AppEnv } from '../env.ts';
import { describe, validate } from '../openapi.ts';

export const embedSessionRoutes = new Hono<AppEnv>().post(
  '/',
  describe({
    summary: "Mint a short-lived session for one of your company's users (server to server, with an API key)",
    description:
      'Call it from your backend with `Authorization: Bearer <API key>` — the only route that takes an API key — and hand the token to the widgets on your page. Another company’s, an unknown or a disabled user is a 404.',
    tags: ['auth'],
    auth: 'api-key',
    responses: { 201: { description: 'The embed session', schema: embedSessionViewSchema } },
    errors: [404, 422, 429],
  }),
  // No or a non-API-key bearer (a session token included) is a 401 before the body is read.
  async (c, next) => {
    if (!bearerToken(c.req.header('Authorization'))?.startsWith(tokenPrefixes.apiKey)) throw invalidApiKey();
    await next();
  },
  validate('json', createEmbedSessionSchema),
  async (c) => {
    const secret = bearerToken(c.req.header('Authorization'));
    return c.json(await createEmbedSession(c.var.deps, secret, c.req.valid('json'), clientAddress(c, c.var.deps.config.trustProxy)), 201);
  },
);

import { Hono } from 'hono';
import { requireSession } from '../auth.ts';
import { clientAddress } from '../client-address.ts';
import { changePassword, changePasswordSchema, getMe, meViewSchema, sessionViewSchema } from '../domain/sessions.ts';
import type { AppEnv } from '../env.ts';
import { describe, validate } from '../openapi.ts';

export const meRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describe({
      summary: 'The signed-in user, company, roles and effective permissions',
      tags: ['auth'],
      responses: { 200: { description: 'Who is signed in', schema: meViewSchema } },
    }),
    requireSession({ allowTemporaryPassword: true }),
    (c) => c.json(getMe(c.var.auth)),
  )
  .put(
    '/password',
    describe({
      summary: 'Change your own password; ends all your sessions and returns a new one',
      tags: ['auth'],
      responses: { 200: { description: 'Changed; a fresh session', schema: sessionViewSchema } },
      errors: [400, 422, 429],
    }),
    requireSession({ allowTemporaryPassword: true }),
    validate('json', changePasswordSchema),
    async (c) => c.json(await changePassword(c.var.deps, c.var.auth, c.req.valid('json'), clientAddress(c, c.var.deps.config.trustProxy))),
  );

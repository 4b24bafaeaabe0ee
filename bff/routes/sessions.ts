import { Hono } from 'hono';
import { requireSession } from '../auth.ts';
import { clientAddress } from '../client-address.ts';
import { sessionViewSchema, signIn, signInSchema, signOut } from '../domain/sessions.ts';
import type { AppEnv } from '../env.ts';
import { describe, validate } from '../openapi.ts';

export const sessionRoutes = new Hono<AppEnv>()
  .post(
    '/',
    describe({
      summary: 'Sign in with email and password',
      tags: ['auth'],
      auth: false,
      responses: { 201: { description: 'Signed in', schema: sessionViewSchema } },
      errors: [400, 401, 422, 429],
    }),
    validate('json', signInSchema),
    async (c) => c.json(await signIn(c.var.deps, c.req.valid('json'), clientAddress(c, c.var.deps.config.trustProxy)), 201),
  )
  .delete(
    '/current',
    describe({ summary: 'Sign out (ends this session)', tags: ['auth'], responses: { 204: { description: 'Signed out' } } }),
    requireSession({ allowTemporaryPassword: true }),
    async (c) => {
      await signOut(c.var.deps, c.var.auth);
      return c.body(null, 204);
    },
  );

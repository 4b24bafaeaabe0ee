import { Hono } from 'hono';
import { requireSession } from '../auth.ts';
import { pageSchema } from '../cursor.ts';
import { userViewSchema } from '../domain/user-view.ts';
import {
  createdUserSchema,
  createUser,
  createUserSchema,
  getUser,
  listUsers,
  listUsersQuerySchema,
  passwordResetSchema,
  resetUserPassword,
  updateUser,
  updateUserSchema,
} from '../domain/users.ts';
import type { AppEnv } from '../env.ts';
import { idParamSchema } from '../ids.ts';
import { describe, validate } from '../openapi.ts';

const userParams = idParamSchema('User');

export const userRoutes = new Hono<AppEnv>()
  .use(requireSession())
  .get(
    '/',
    describe({
      summary: 'Users of your company, by name; search by name or email',
      tags: ['users'],
      responses: { 200: { description: 'A page of users', schema: pageSchema(userViewSchema) } },
      errors: [403, 422],
    }),
    validate('query', listUsersQuerySchema),
    async (c) => c.json(await listUsers(c.var.deps, c.var.auth.actor, c.req.valid('query'))),
  )
  .post(
    '/',
    describe({
      summary: 'Create a user with a one-time temporary password',
      tags: ['users'],
      responses: { 201: { description: 'Created', schema: createdUserSchema } },
      errors: [400, 403, 409, 422],
    }),
    validate('json', createUserSchema),
    async (c) => c.json(await createUser(c.var.deps, c.var.auth.actor, c.req.valid('json')), 201),
  )
  .get(
    '/:id',
    describe({ summary: 'One user of your company', tags: ['users'], responses: { 200: { description: 'The user', schema: userViewSchema } }, errors: [403, 404] }),
    validate('param', userParams),
    async (c) => c.json(await getUser(c.var.deps, c.var.auth.actor, c.req.valid('param').id)),
  )
  .patch(
    '/:id',
    describe({
      summary: 'Edit a user: name, admin roles, partner access, disabled',
      tags: ['users'],
      responses: { 200: { description: 'Updated', schema: userViewSchema } },
      errors: [400, 403, 404, 409, 422],
    }),
    validate('param', userParams),
    validate('json', updateUserSchema),
    async (c) => c.json(await updateUser(c.var.deps, c.var.auth.actor, c.req.valid('param').id, c.req.valid('json'))),
  )
  .post(
    '/:id/reset-password',
    describe({
      summary: "Reset a user's password to a one-time temporary one; ends their sessions",
      tags: ['users'],
      responses: { 200: { description: 'The temporary password, shown once', schema: passwordResetSchema } },
      errors: [403, 404],
    }),
    validate('param', userParams),
    async (c) => c.json(await resetUserPassword(c.var.deps, c.var.auth.actor, c.req.valid('param').id)),
  );

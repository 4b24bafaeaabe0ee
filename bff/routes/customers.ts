import { Hono } from 'hono';
import { z } from 'zod';
import { requireSession } from '../auth.ts';
import { pageSchema } from '../cursor.ts';
import { auditQuerySchema } from '../domain/audit.ts';
import {
  createCustomerUser,
  listCustomerUsers,
  resetCustomerUserPassword,
  subscriptionViewSchema,
  updateCustomerSubscription,
  updateCustomerUser,
  updateSubscriptionSchema,
} from '../domain/assist.ts';
import {
  customerAuditFilter,
  customerDetailSchema,
  customerListItemSchema,
  getCustomer,
  listCustomers,
  listCustomersQuerySchema,
  requestDelegation,
} from '../domain/customers.ts';
import { delegationRequestSchema, delegationRequestViewSchema } from '../domain/delegations.ts';
import {
  createServiceRequest,
  createServiceRequestSchema,
  listServiceRequests,
  listServiceRequestsQuerySchema,
  serviceRequestViewSchema,
} from '../domain/service-requests.ts';
import { userViewSchema } from '../domain/user-view.ts';
import { createdUserSchema, createUserSchema, listUsersQuerySchema, passwordResetSchema, updateUserSchema } from '../domain/users.ts';
import type { AppEnv } from '../env.ts';
import { idParam, idParamSchema } from '../ids.ts';
import { describe, validate } from '../openapi.ts';
import { auditDoc, sendAudit } from './audit.ts';

const customerParams = idParamSchema('Customer');
const userParamSchema = customerParams.extend({ userId: idParam('User') });
const subscriptionParamSchema = customerParams.extend({ subscriptionId: idParam('Subscription') });

const assistNote =
  'Needs a delegation in force from the customer; what it allows comes from your partner access capped by its level. Without one: 403 `no_delegation`. Recorded in the customer’s audit trail (refusals as `denied`).';

export const customerRoutes = new Hono<AppEnv>()
  .use(requireSession())
  .get(
    '/',
    describe({
      summary: 'Your customers: search by name or domain, filter by delegation and subscription state, sort by name or newest',
      tags: ['customers'],
      responses: { 200: { description: 'A page of customers', schema: pageSchema(customerListItemSchema) } },
      errors: [403, 422],
    }),
    validate('query', listCustomersQuerySchema),
    // The page arrives as JSON text, built by Postgres.
    async (c) => c.body(await listCustomers(c.var.deps, c.var.auth.actor, c.req.valid('query')), 200, { 'Content-Type': 'application/json' }),
  )
  .get(
    '/:id',
    describe({
      summary: 'One customer: delegation, subscriptions, and (as your rights there allow) its admins and open service requests',
      tags: ['customers'],
      responses: { 200: { description: 'The customer', schema: customerDetailSchema } },
      errors: [403, 404],
    }),
    validate('param', customerParams),
    async (c) => c.json(await getCustomer(c.var.deps, c.var.auth.actor, c.req.valid('param').id)),
  )
  .post(
    '/:id/delegation-requests',
    describe({
      summary: 'Ask the customer for delegated administration: a code and the consent URL to send',
      description: 'Replaces your open request to this customer, if any. The customer’s global admin answers it within `expiresInDays` (default 90).',
      tags: ['customers'],
      responses: { 201: { description: 'The request', schema: delegationRequestViewSchema } },
      errors: [400, 403, 404, 409, 422],
    }),
    validate('param', customerParams),
    validate('json', delegationRequestSchema),
    async (c) => c.json(await requestDelegation(c.var.deps, c.var.auth.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .get(
    '/:id/users',
    describe({
      summary: 'The customer’s users (users:read in the customer)',
      description: 'Needs a delegation in force; without one: 403 `no_delegation`.',
      tags: ['assist'],
      responses: { 200: { description: 'A page of users', schema: pageSchema(userViewSchema) } },
      errors: [403, 404, 422],
    }),
    validate('param', customerParams),
    validate('query', listUsersQuerySchema),
    async (c) => c.json(await listCustomerUsers(c.var.deps, c.var.auth.actor, c.req.valid('param').id, c.req.valid('query'))),
  )
  .post(
    '/:id/users',
    describe({
      summary: 'Create a user in the customer, with a one-time temporary password (users:manage; admins need users:manage-admins)',
      description: assistNote,
      tags: ['assist'],
      responses: { 201: { description: 'Created', schema: createdUserSchema } },
      errors: [400, 403, 404, 409, 422],
    }),
    validate('param', customerParams),
    validate('json', createUserSchema),
    async (c) => c.json(await createCustomerUser(c.var.deps, c.var.auth.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .patch(
    '/:id/users/:userId',
    describe({
      summary: 'Edit a customer’s user: name, admin roles, disabled (the rules of your own users)',
      description: assistNote,
      tags: ['assist'],
      responses: { 200: { description: 'Updated', schema: userViewSchema } },
      errors: [400, 403, 404, 409, 422],
    }),
    validate('param', userParamSchema),
    validate('json', updateUserSchema),
    async (c) => {
      const { id, userId } = c.req.valid('param');
      return c.json(await updateCustomerUser(c.var.deps, c.var.auth.actor, id, userId, c.req.valid('json')));
    },
  )
  .post(
    '/:id/users/:userId/reset-password',
    describe({
      summary: 'Reset a customer’s user’s password to a one-time one; ends their sessions (limited: users without admin roles only)',
      description: assistNote,
      tags: ['assist'],
      responses: { 200: { description: 'The temporary password, shown once', schema: passwordResetSchema } },
      errors: [403, 404],
    }),
    validate('param', userParamSchema),
    async (c) => {
      const { id, userId } = c.req.valid('param');
      return c.json(await resetCustomerUserPassword(c.var.deps, c.var.auth.actor, id, userId));
    },
  )
  .patch(
    '/:id/subscriptions/:subscriptionId',
    describe({
      summary: 'Change a subscription’s license count within the service’s bounds (subscriptions:manage)',
      description: assistNote,
      tags: ['assist'],
      responses: { 200: { description: 'Updated', schema: subscriptionViewSchema } },
      errors: [400, 403, 404, 409, 422],
    }),
    validate('param', subscriptionParamSchema),
    validate('json', updateSubscriptionSchema),
    async (c) => {
      const { id, subscriptionId } = c.req.valid('param');
      return c.json(await updateCustomerSubscription(c.var.deps, c.var.auth.actor, id, subscriptionId, c.req.valid('json')));
    },
  )
  .get(
    '/:id/service-requests',
    describe({
      summary: 'The customer’s service requests, newest first (service-requests:manage)',
      description: 'Needs a delegation in force; without one: 403 `no_delegation`.',
      tags: ['assist'],
      responses: { 200: { description: 'A page of service requests', schema: pageSchema(serviceRequestViewSchema) } },
      errors: [403, 404, 422],
    }),
    validate('param', customerParams),
    validate('query', listServiceRequestsQuerySchema),
    async (c) => c.json(await listServiceRequests(c.var.deps, c.var.auth.actor, c.req.valid('param').id, c.req.valid('query'))),
  )
  .post(
    '/:id/service-requests',
    describe({
      summary: 'Open a service request for the customer (service-requests:manage)',
      description: assistNote,
      tags: ['assist'],
      responses: { 201: { description: 'Opened', schema: serviceRequestViewSchema } },
      errors: [400, 403, 404, 422],
    }),
    validate('param', customerParams),
    validate('json', createServiceRequestSchema),
    async (c) => c.json(await createServiceRequest(c.var.deps, c.var.auth.actor, c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .get(
    '/:id/audit',
    describe({ summary: 'What your company did in this customer, and its delegation events', tags: ['customers'], ...auditDoc, errors: [403, 404, 422] }),
    validate('param', customerParams),
    validate('query', auditQuerySchema),
    async (c) => {
      const query = c.req.valid('query');
      const { filter, label } = await customerAuditFilter(c.var.deps, c.var.auth.actor, c.req.valid('param').id);
      return sendAudit(c, filter, query, label);
    },
  );

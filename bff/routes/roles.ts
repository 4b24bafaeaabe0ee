import { Hono } from 'hono';
import { z } from 'zod';
import { requireSession } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { describe } from '../openapi.ts';
import { rolesView } from '../permissions.ts';

const grant = z.object({ id: z.string(), label: z.string(), description: z.string() });
const rolesViewSchema = z.object({
  companyRoles: z.array(grant.extend({ permissions: z.array(z.string()) })),
  partnerAccess: z.array(grant.extend({ actsAs: z.string().nullable() })),
  delegationLevels: z.array(grant.extend({ grants: z.string() })),
  memberPermissions: z.array(z.string()),
});

export const roleRoutes = new Hono<AppEnv>().get(
  '/',
  describe({
    summary: 'The permission table: company roles, partner access levels and delegation levels',
    tags: ['users'],
    responses: { 200: { description: 'The table', schema: rolesViewSchema } },
  }),
  requireSession(),
  (c) => c.json(rolesView()),
);

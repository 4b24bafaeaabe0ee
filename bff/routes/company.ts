import { Hono } from 'hono';
import { requireSession } from '../auth.ts';
import { companyViewSchema, getCompany, updateCompany, updateCompanySchema } from '../domain/companies.ts';
import type { AppEnv } from '../env.ts';
import { describe, validate } from '../openapi.ts';

export const companyRoutes = new Hono<AppEnv>()
  .use(requireSession())
  .get(
    '/',
    describe({ summary: 'Your company profile', tags: ['company'], responses: { 200: { description: 'The profile', schema: companyViewSchema } }, errors: [403] }),
    async (c) => c.json(await getCompany(c.var.deps, c.var.auth.actor)),
  )
  .patch(
    '/',
    describe({
      summary: 'Edit the company profile customers see (global admin)',
      tags: ['company'],
      responses: { 200: { description: 'Updated', schema: companyViewSchema } },
      errors: [400, 403, 422],
    }),
    validate('json', updateCompanySchema),
    async (c) => c.json(await updateCompany(c.var.deps, c.var.auth.actor, c.req.valid('json'))),
  );

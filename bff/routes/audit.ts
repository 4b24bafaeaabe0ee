import { Hono, type Context } from 'hono';
import { requireSession } from '../auth.ts';
import { pageSchema } from '../cursor.ts';
import { auditCsv, auditEntryViewSchema, listAudit, type AuditFilter, type AuditQuery } from '../domain/audit.ts';
import { tenantAuditFilter, tenantAuditQuerySchema } from '../domain/delegations.ts';
import type { AppEnv } from '../env.ts';
import { describe, validate } from '../openapi.ts';

export const auditDoc = {
  description:
    'Newest first, keyset paged. `from` (inclusive) and `to` (exclusive) bound the time. With `format=csv` or `Accept: text/csv` the answer is every matching entry as CSV (RFC 4180, one header row, formula-like text prefixed with an apostrophe) with a `Content-Disposition` file name; `limit` does not apply there.',
  responses: {
    200: { description: 'A page of audit entries (or CSV, see above)', schema: pageSchema(auditEntryViewSchema) },
  },
  errors: [403, 422],
};

/** Answers an audit read as a JSON page, or as a CSV download when asked for one. */
export async function sendAudit(c: Context<AppEnv>, filter: AuditFilter, query: AuditQuery, label: string) {
  const { db } = c.var.deps;
  const wantsCsv = query.format === 'csv' || (query.format === undefined && /\btext\/csv\b/i.test(c.req.header('Accept') ?? ''));
  if (!wantsCsv) return c.json(await listAudit(db, filter, query));
  const stream = auditCsv(db, filter, query);
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'company';
  const filename = `partnerkit-audit-${slug}-${c.var.deps.clock().toISOString().slice(0, 10)}.csv`;
  return c.body(stream, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
  });
}

/** Customer side: everything partners did in my company. */
export const auditRoutes = new Hono<AppEnv>().use(requireSession()).get(
  '/',
  describe({ summary: 'What partners did in your company (global admin)', tags: ['customer'], ...auditDoc }),
  validate('query', tenantAuditQuerySchema),
  async (c) => {
    const query = c.req.valid('query');
    const { filter, label } = await tenantAuditFilter(c.var.deps, c.var.auth, query.partnerId);
    return sendAudit(c, filter, query, label);
  },
);

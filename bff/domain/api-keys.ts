/**
 * A partner's API keys: secrets its own backend holds to mint embed sessions
 * (`POST /api/embed-sessions`). A key is shown once when created and stored only as a hash;
 * deleting it ends every session minted with it at once.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { apiKeys, sessions } from '../../db/schema.ts';
import type { Deps } from '../env.ts';
import { notFound } from '../errors.ts';
import { assertCan, type Actor } from '../permissions.ts';
import { generateSecret, hashSecret, tokenPrefixes } from '../tokens.ts';

/** Characters of the key kept for display: `pk_live_` and 4 random ones, never enough to use. */
const displayPrefixLength = tokenPrefixes.apiKey.length + 4;

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, 'Name the key, e.g. after the site that uses it.').max(100),
});

export const apiKeyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the key, to tell keys apart'),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export const apiKeyListSchema = z.object({ items: z.array(apiKeyViewSchema) });
export const createdApiKeySchema = apiKeyViewSchema.omit({ lastUsedAt: true }).extend({
  key: z.string().describe('The secret itself; shown only in this response'),
});

type ApiKeyRow = typeof apiKeys.$inferSelect;

function toApiKeyView(row: ApiKeyRow): z.infer<typeof apiKeyViewSchema> {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export async function listApiKeys(deps: Pick<Deps, 'db'>, actor: Actor) {
  assertCan(actor, 'api-keys:manage');
  const rows = await deps.db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.companyId, actor.companyId), isNull(apiKeys.deletedAt)))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return { items: rows.map(toApiKeyView) };
}

export async function createApiKey(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: z.infer<typeof createApiKeySchema>) {
  assertCan(actor, 'api-keys:manage');
  const key = generateSecret(tokenPrefixes.apiKey);
  const [row] = await deps.db
    .insert(apiKeys)
    .values({
      companyId: actor.companyId,
      name: input.name,
      prefix: key.slice(0, displayPrefixLength),
      keyHash: hashSecret(key),
      createdById: actor.userId,
      createdAt: deps.clock(),
    })
    .returning();
  const { lastUsedAt: _, ...view } = toApiKeyView(row!);
  return { ...view, key };
}

/** Marks the key deleted and revokes every session minted with it, in one transaction. */
export async function deleteApiKey(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: string) {
  assertCan(actor, 'api-keys:manage');
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ deletedAt: now })
      .where(and(eq(apiKeys.id, id), eq(apiKeys.companyId, actor.companyId), isNull(apiKeys.deletedAt)))
      .returning({ id: apiKeys.id });
    if (!row) throw notFound('API key');
    await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.apiKeyId, id), isNull(sessions.revokedAt)));
  });
}

/**
 * Embed sessions: a partner's backend, holding one of the partner's API keys, mints a
 * short-lived session token for one of its own users, which its page hands to the widgets.
 * The token is an ordinary session (`kind: 'embed'`, tied to the key), so it is revocable like
 * any other and ends when the key is deleted.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { apiKeys, users } from '../../db/schema.ts';
import type { Deps } from '../env.ts';
import { assertNotLocked, countFailure, throttleKeys } from '../auth-throttle.ts';
import { ApiError, notFound } from '../errors.ts';
import { requireId } from '../ids.ts';
import { hashSecret, tokenPrefixes } from '../tokens.ts';
import { createSession } from './sessions.ts';

/** The longest an embed session lives. */
export const maxEmbedTtlMinutes = 60;

export const createEmbedSessionSchema = z
  .object({
    userId: z.string().max(100).optional().describe('The user to sign in; or give `email`'),
    email: z.email().max(320).optional().describe('The user to sign in, by email; or give `userId`'),
    ttlMinutes: z
      .number()
      .int()
      .min(1)
      .max(maxEmbedTtlMinutes)
      .default(maxEmbedTtlMinutes)
      .describe('How long the token lives, at most 60 minutes'),
  })
  .refine((v) => (v.userId === undefined) !== (v.email === undefined), {
    message: 'Give exactly one of userId and email.',
    path: ['userId'],
  });

export const embedSessionViewSchema = z.object({
  token: z.string().describe('Bearer token for the widgets (`Authorization: Bearer …`)'),
  expiresAt: z.iso.datetime(),
});

export const invalidApiKey = () =>
  new ApiError(401, 'invalid_api_key', 'Send a valid, not deleted API key as the bearer token.');

/**
 * Mints the session. Looking the key up, stamping its `lastUsedAt` and locking its row is one
 * UPDATE, so a concurrent key deletion waits for this transaction and then revokes the new
 * session too: no session minted with a deleted key survives.
 */
export async function createEmbedSession(deps: Deps, secret: string | null, input: z.infer<typeof createEmbedSessionSchema>, address: string) {
  // Only API-key-shaped secrets are looked up: a session token is never an API key.
  if (!secret?.startsWith(tokenPrefixes.apiKey)) throw invalidApiKey();
  const now = deps.clock();
  // Keys carry 256 bits, so guessing one is hopeless; the limit stops a caller from trying anyway.
  const keys = throttleKeys(deps.config, `api-key:${address}`, address);
  await assertNotLocked(deps.db, keys, now);
  try {
    return await mint(deps, secret, input, now);
  } catch (error) {
    // Counted after the transaction rolled back, so the failure itself stays.
    if (error instanceof ApiError && error.code === 'invalid_api_key') await countFailure(deps, keys, now, { reason: 'api_key', address });
    throw error;
  }
}

async function mint(deps: Deps, secret: string, input: z.infer<typeof createEmbedSessionSchema>, now: Date) {
  return deps.db.transaction(async (tx) => {
    const [key] = await tx
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.keyHash, hashSecret(secret)), isNull(apiKeys.deletedAt)))
      .returning({ id: apiKeys.id, companyId: apiKeys.companyId });
    if (!key) throw invalidApiKey();
    const match =
      input.userId !== undefined
        ? eq(users.id, requireId(input.userId, 'User'))
        : eq(sql`lower(${users.email})`, input.email!.toLowerCase());
    // Another company's user, an unknown one and a disabled one all look the same: not found.
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(match, eq(users.companyId, key.companyId), isNull(users.disabledAt)))
      .limit(1);
    if (!user) throw notFound('User');
    return createSession(tx, deps, user.id, {
      kind: 'embed',
      apiKeyId: key.id,
      ttlMinutes: Math.min(input.ttlMinutes, maxEmbedTtlMinutes),
    });
  });
}

/**
 * Bearer secrets: random, prefixed so they can be recognised (e.g. by secret scanners),
 * and stored only as a SHA-256 hash.
 */
import { createHash, randomBytes } from 'node:crypto';

export const tokenPrefixes = { session: 'pks_', apiKey: 'pk_live_' } as const;

/** 32 bytes (256 bits) from a CSPRNG, base64url, after the prefix. */
export function generateSecret(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** A URL-safe code with 160 bits of randomness, for offer and delegation URLs. */
export function generateCode(): string {
  return randomBytes(20).toString('base64url');
}

// A plain hash is enough here: unlike passwords, these secrets carry 256 bits of entropy.
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

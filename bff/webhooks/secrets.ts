/**
 * Signing secrets of webhook endpoints. Signing needs the secret itself (an HMAC key), so it is
 * kept encrypted (AES-256-GCM) rather than hashed, under a key from WEBHOOKS_SECRET_KEY or, when
 * that is unset, from a key file made once in DATA_DIR. Each ciphertext is bound to its endpoint
 * (the id is the additional data), so one endpoint's ciphertext cannot be moved onto another.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';

/** How long a rotated-out secret keeps signing, so receivers can switch without losing messages. */
export const previousSecretValidMs = 24 * 60 * 60 * 1000;

/** The name of the key file in DATA_DIR when WEBHOOKS_SECRET_KEY is unset. */
export const keyFileName = 'webhooks.key';

/** `whsec_` and base64 of 32 random bytes: the format `standardwebhooks` takes. */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

const keys = new WeakMap<Config, Buffer>();

/**
 * The encryption key: the configured one, else the key file (created on first use with mode
 * 0600; `wx` so that two processes starting at once keep one key, the second reading the first's).
 */
export function secretKey(config: Config): Buffer {
  if (config.webhooksSecretKey) return config.webhooksSecretKey;
  let key = keys.get(config);
  if (!key) {
    const path = join(config.dataDir, keyFileName);
    mkdirSync(config.dataDir, { recursive: true });
    try {
      writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${path} does not hold base64 of 32 bytes; restore it or set WEBHOOKS_SECRET_KEY.`);
    keys.set(config, key);
  }
  return key;
}

const version = 'v1';

/** `v1.` + base64url of iv (12 bytes) · tag (16) · ciphertext. */
export function encryptSecret(key: Buffer, secret: string, endpointId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(endpointId));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${version}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}`;
}

/** Throws when the key is not the one that encrypted it, or the text was altered. */
export function decryptSecret(key: Buffer, stored: string, endpointId: string): string {
  const [prefix, body] = stored.split('.');
  if (prefix !== version || !body) throw new Error('Unknown signing-secret format.');
  const bytes = Buffer.from(body, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(endpointId));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

/** The secrets that sign a message sent at `now`: the current one, and the previous while it is valid. */
export function signingSecrets(
  key: Buffer,
  endpoint: { id: string; secretCiphertext: string; previousSecretCiphertext: string | null; previousSecretExpiresAt: Date | null },
  now: Date,
): string[] {
  const current = decryptSecret(key, endpoint.secretCiphertext, endpoint.id);
  const previousValid = endpoint.previousSecretCiphertext && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now;
  return previousValid ? [current, decryptSecret(key, endpoint.previousSecretCiphertext!, endpoint.id)] : [current];
}

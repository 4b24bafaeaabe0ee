/**
 * Password hashing with scrypt (memory-hard, built into node) and the password rules.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

const params = { N: 16384, r: 8, p: 1, keylen: 32 };

function derive(password: string, salt: Buffer, options: ScryptOptions & { keylen: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, options.keylen, { ...options, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** Returns `scrypt$N$r$p$salt$hash` (base64url), so parameters can be raised later per hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    keylen: expected.length,
  });
  return timingSafeEqual(actual, expected);
}

// A hash of nothing in particular: verifying against it when the email is unknown makes
// "no such user" take as long as "wrong password", so timing does not reveal accounts.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}

/** The minimum rules for a password a person chooses. */
export const newPasswordSchema = z
  .string()
  .min(10, 'Use at least 10 characters.')
  .max(200, 'Use at most 200 characters.')
  .refine((v) => /[A-Za-z]/.test(v) && /[^A-Za-z]/.test(v), 'Mix letters with at least one digit or symbol.')
  .describe('At least 10 characters, mixing letters with a digit or symbol.');

// No look-alike characters (0/O, 1/l/I), since people copy these from a screen.
const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A one-time password for the CLI, user creation and resets: 16 characters from a CSPRNG
 * (about 92 bits), drawn again in the rare case it lacks a digit, so it also meets the rules.
 */
export function generateTemporaryPassword(): string {
  for (;;) {
    const out: string[] = [];
    while (out.length < 16) {
      for (const byte of randomBytes(32)) {
        // Rejection sampling keeps every character equally likely.
        if (byte < 256 - (256 % alphabet.length) && out.length < 16) out.push(alphabet[byte % alphabet.length]!);
      }
    }
    const password = out.join('');
    if (/[0-9]/.test(password) && /[A-Za-z]/.test(password)) return password;
  }
}

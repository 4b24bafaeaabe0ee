/**
 * Configuration, read from the environment and validated once at start, then passed down.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

export const configSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** A read replica for every GET; only with DATABASE_URL. */
  DATABASE_READ_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where browsers reach the BFF; offer and consent URLs are built from it. */
  PUBLIC_URL: z.url().optional(),
  SESSION_TTL_MINUTES: z.coerce.number().int().positive().default(12 * 60),
  DB_POOL_SIZE: z.coerce.number().int().positive().default(10),
  DB_CONNECT_TIMEOUT_S: z.coerce.number().positive().max(60).default(1.5),
  DB_QUERY_TIMEOUT_S: z.coerce.number().positive().max(3600).default(10),
  TRUST_PROXY: flag,
  SIGNUP_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  SIGNUP_RATE_LIMIT_PER_OFFER: z.coerce.number().int().positive().default(100),
  SIGNIN_MAX_FAILURES: z.coerce.number().int().positive().default(10),
  SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(100),
  SIGNIN_WINDOW_S: z.coerce.number().int().positive().default(15 * 60),
  /** `0` runs this instance without background work (job queue workers and schedules). */
  WORKERS: z.enum(['1', '0', 'true', 'false', 'yes', 'no']).default('1').transform((v) => v === '1' || v === 'true' || v === 'yes'),
  /** The demo's second origin, playing a partner's own website; `off` to not start it. */
  PARTNER_SITE_PORT: z.union([z.literal('off'), z.coerce.number().int().min(0).max(65535)]).default(8788),
  /** Webhook endpoints may be plain http to a loopback host: development and tests only. */
  WEBHOOKS_ALLOW_HTTP_LOOPBACK: flag,
  /** AES-256-GCM key for the endpoints' signing secrets; unset: a key file in DATA_DIR. */
  WEBHOOKS_SECRET_KEY: z
    .base64('Base64 of 32 random bytes, e.g. `openssl rand -base64 32`.')
    .transform((v) => Buffer.from(v, 'base64'))
    .refine((key) => key.length === 32, 'Must decode to exactly 32 bytes (AES-256).')
    .optional(),
  /** Seconds to wait after each failed delivery attempt; one more attempt than delays. */
  WEBHOOK_RETRY_DELAYS_S: z
    .string()
    .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'A comma-separated list of whole seconds, e.g. 5,300,1800.')
    .transform((v) => v.split(',').map(Number))
    .refine((delays) => delays.length <= 20, 'At most 20 retries.')
    .default([5, 300, 1800, 7200, 18000, 36000, 36000]),
}).refine((e) => !e.DATABASE_READ_URL || e.DATABASE_URL, {
  message: 'A read replica needs DATABASE_URL for the primary (the embedded database has none).',
  path: ['DATABASE_READ_URL'],
});

export type Config = {
  databaseUrl: string | undefined;
  /** Where GETs read; unset: from DATABASE_URL. */
  databaseReadUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  publicUrl: string;
  /** False when PUBLIC_URL was not given and `publicUrl` is derived from HOST and PORT. */
  publicUrlSet: boolean;
  sessionTtlMinutes: number;
  dbPoolSize: number;
  /** Seconds a new database connection may take before the database counts as unreachable. */
  dbConnectTimeoutSeconds: number;
  /** Seconds a query may wait and run before it is cancelled (and answered 503). */
  dbQueryTimeoutSeconds: number;
  trustProxy: boolean;
  /** Sign-up (offer redemption) attempts per minute per client address. */
  signupRateLimit: number;
  /** Sign-up attempts per minute per offer, from all addresses together. */
  signupRateLimitPerOffer: number;
  /** Failed sign-ins (or password checks, or API-key attempts) for one subject within the window that lock it. */
  signInMaxFailures: number;
  /** The same, for one client address over every subject. */
  signInMaxFailuresPerAddress: number;
  signInWindowSeconds: number;
  /** Port of the demo partner site (`npm start`), or null when it is off. */
  partnerSitePort: number | null;
  /** Whether this instance runs the job queue's workers and schedules (WORKERS, default on). */
  workers: boolean;
  /** Plain http to loopback hosts is allowed for webhook endpoints (and loopback addresses at all). */
  webhooksAllowHttpLoopback: boolean;
  /** The 32-byte key that encrypts signing secrets; undefined: `webhooks.key` in `dataDir` (bff/webhooks/secrets.ts). */
  webhooksSecretKey: Buffer | undefined;
  /** Seconds before each retry of a failed delivery (±20 % jitter); its length is the number of retries. */
  webhookRetryDelaysSeconds: number[];
};

/** Throws a readable message naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    dataDir: e.DATA_DIR,
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    publicUrlSet: e.PUBLIC_URL !== undefined,
    sessionTtlMinutes: e.SESSION_TTL_MINUTES,
    dbPoolSize: e.DB_POOL_SIZE,
    dbConnectTimeoutSeconds: e.DB_CONNECT_TIMEOUT_S,
    dbQueryTimeoutSeconds: e.DB_QUERY_TIMEOUT_S,
    trustProxy: e.TRUST_PROXY,
    signupRateLimit: e.SIGNUP_RATE_LIMIT,
    signupRateLimitPerOffer: e.SIGNUP_RATE_LIMIT_PER_OFFER,
    signInMaxFailures: e.SIGNIN_MAX_FAILURES,
    signInMaxFailuresPerAddress: e.SIGNIN_MAX_FAILURES_PER_ADDRESS,
    signInWindowSeconds: e.SIGNIN_WINDOW_S,
    partnerSitePort: e.PARTNER_SITE_PORT === 'off' ? null : e.PARTNER_SITE_PORT,
    workers: e.WORKERS,
    webhooksAllowHttpLoopback: e.WEBHOOKS_ALLOW_HTTP_LOOPBACK,
    webhooksSecretKey: e.WEBHOOKS_SECRET_KEY,
    webhookRetryDelaysSeconds: e.WEBHOOK_RETRY_DELAYS_S,
  };
}

// One key per process: apps and workers of one test process read each other's secrets, and no
// key file is written into the working folder.
const testSecretKey = randomBytes(32);

/** Defaults for tests and embedding callers that build an app without an environment. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), webhooksSecretKey: testSecretKey, ...overrides };
}

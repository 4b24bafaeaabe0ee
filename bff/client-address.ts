/**
 * The address a request came from, for rate limits. `X-Forwarded-For` is trusted only when
 * TRUST_PROXY says a proxy in front of us sets it; otherwise anyone could claim any address.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    // The right-most entry is the one our own proxy appended: the address it saw.
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').map((s) => s.trim()).filter(Boolean);
    if (forwarded?.length) return forwarded.at(-1)!;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // No socket, e.g. `app.request()` in tests.
    return 'unknown';
  }
}

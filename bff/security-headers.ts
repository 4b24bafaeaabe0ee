/**
 * Security headers on every answer, through Hono's `secure-headers`: `nosniff`, a referrer
 * policy, HSTS when the BFF is reached over https, and a Content-Security-Policy that fits what
 * the answer is.
 *
 * - API answers, files and JSON load nothing and are never framed: `default-src 'none'`.
 * - Pages (the demo, the docs, the hosted sign-up and consent pages) run only the BFF's own
 *   scripts: no inline script, styles from our files or with the request's nonce (the docs page).
 *   Framing: `/signup?offer=CODE` may be framed by the origins the offer's partner allows for
 *   embedding, so a partner can put our hosted sign-up inside its own page. The consent page is
 *   never framed: a partner framing the page that grants it admin rights is the clickjacking
 *   case `frame-ancestors` exists for.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './env.ts';

/** Paths answered with HTML. */
export function isPage(path: string): boolean {
  return path === '/' || path === '/docs' || path === '/signup' || path === '/consent' || path.endsWith('.html');
}

export interface SecurityHeaderOptions {
  /** PUBLIC_URL is https: browsers are told to use nothing else (HSTS). */
  https: boolean;
  /** The origins that may frame this page (empty: none), for the pages that may be framed at all. */
  framers(c: Context<AppEnv>): Promise<readonly string[]>;
}

export function securityHeaders(options: SecurityHeaderOptions): MiddlewareHandler<AppEnv> {
  const common = {
    // The bundle is loaded by other origins and the hosted pages open no popups worth isolating.
    crossOriginResourcePolicy: false,
    crossOriginOpenerPolicy: false,
    strictTransportSecurity: options.https ? 'max-age=31536000; includeSubDomains' : false,
  } as const;
  const pagePolicy = (frameAncestors: (string | ((c: Context) => string))[]) => ({
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", NONCE],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors,
  });
  const api = secureHeaders({ ...common, xFrameOptions: 'DENY', contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } });
  const page = secureHeaders({ ...common, xFrameOptions: 'DENY', contentSecurityPolicy: pagePolicy(["'none'"]) });
  // X-Frame-Options knows no list of origins; browsers that read frame-ancestors ignore it anyway.
  const framedPage = secureHeaders({
    ...common,
    xFrameOptions: false,
    contentSecurityPolicy: pagePolicy(["'self'", (c) => (c as Context<AppEnv>).get('frameAncestors')?.join(' ') ?? '']),
  });

  return async function securityHeaders(c, next) {
    if (!isPage(c.req.path)) return api(c, next);
    const framers = await options.framers(c);
    if (framers.length === 0) return page(c, next);
    c.set('frameAncestors', framers);
    return framedPage(c, next);
  };
}

import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

/**
 * The built demo (dist/demo) as pages of the BFF: `/` and the element reference, the hosted
 * sign-up page that offer URLs point at (`/signup?offer=CODE`, the page reads the query) and the
 * consent page of delegation requests (`/consent?delegation=CODE`, `consentUrl` in
 * domain/delegations.ts). Anything else that is not a file falls through to the 404.
 */
export function pageRoutes(demoRoot: string) {
  return new Hono<AppEnv>()
    .get('/signup', serveStatic({ root: demoRoot, path: 'signup.html' }))
    .get('/consent', serveStatic({ root: demoRoot, path: 'consent.html' }))
    .use('/*', serveStatic({ root: demoRoot }));
}

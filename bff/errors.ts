/**
 * The one error shape of DESIGN.md §3, and the handlers that put every failure into it.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { isDatabaseUnavailable } from '../db/database.ts';

export const errorDetailSchema = z.object({
  path: z.string().describe('Where the problem is, e.g. `body.email`'),
  message: z.string(),
});
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('Stable, machine-readable reason, e.g. `validation_failed`'),
    message: z.string(),
    details: z.array(errorDetailSchema).optional(),
  }),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A failure a client can act on. Domain functions throw it; `onError` renders it. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    /** Extra response headers, e.g. `Retry-After` for 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Resource') => new ApiError(404, 'not_found', `${what} not found.`);
export const forbidden = (message = 'You are not allowed to do this.') => new ApiError(403, 'forbidden', message);
export const unauthorized = (message = 'Sign in to continue.') => new ApiError(401, 'unauthorized', message);
export const conflict = (code: string, message: string) => new ApiError(409, code, message);

/** Turns zod issues into the `details` list, with the request part (`body`, `query`, `param`) first. */
export function detailsFromZod(target: string, issues: readonly z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.map((issue) => ({
    path: [target, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

const bodyTargets: Record<string, string> = { json: 'body', query: 'query', param: 'path', header: 'header' };

export function validationFailed(target: string, issues: readonly z.core.$ZodIssue[]): ApiError {
  return new ApiError(
    422,
    'validation_failed',
    'The request is not valid; see details.',
    detailsFromZod(bodyTargets[target] ?? target, issues),
  );
}

export function errorResponse(c: Context, error: ApiError): Response {
  const body: ErrorBody = {
    error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
  };
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  return c.json(body, error.status);
}

/** `app.onError`: every thrown thing leaves in the error shape, and no stack trace leaves at all. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof ApiError) return errorResponse(c, error);
  if (error instanceof HTTPException) {
    const code = error.status === 400 && /JSON/i.test(error.message) ? 'malformed_json' : 'bad_request';
    return errorResponse(c, new ApiError(error.status as ContentfulStatusCode, code, error.message));
  }
  if (isDatabaseUnavailable(error)) {
    return errorResponse(c, new ApiError(503, 'database_unavailable', 'The database is not reachable; try again shortly.'));
  }
  console.error(`[partnerkit] ${c.req.method} ${c.req.path} failed:`, error);
  return errorResponse(c, new ApiError(500, 'internal_error', 'Something went wrong on our side.'));
}

export function handleNotFound(c: Context): Response {
  return errorResponse(c, new ApiError(404, 'route_not_found', `No route for ${c.req.method} ${c.req.path}.`));
}

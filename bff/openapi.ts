/**
 * OpenAPI from the validators themselves: `validate()` wraps @hono/zod-validator and tags the
 * middleware with its zod schema, `describe()` tags a route with its summary and responses, and
 * `openApiDocument()` walks `app.routes` to assemble the document. Nothing is written twice.
 */
import { zValidator } from '@hono/zod-validator';
import type { Hono, MiddlewareHandler, ValidationTargets } from 'hono';
import { z } from 'zod';
import { errorBodySchema, notFound, validationFailed } from './errors.ts';
import { notFoundParam } from './ids.ts';

const docKey = Symbol.for('partnerkit.openapi');

type RequestTarget = 'json' | 'query' | 'param' | 'header';

export interface RouteDoc {
  summary: string;
  description?: string;
  tags?: string[];
  /** false for routes that need no bearer token; 'api-key' for the one that takes a partner API key. */
  auth?: boolean | 'api-key';
  /** Success responses by status; error responses are added from `errors`. */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  /** Error statuses this route can answer with (all share the error shape). */
  errors?: number[];
}

type Tagged = { [docKey]?: { target: RequestTarget; schema: z.ZodType } | { doc: RouteDoc } };

/**
 * Validates one part of the request with zod; a failure becomes a 422 in the error shape, except
 * a path id or code that cannot exist (`idParam`, `codeParam`): that is a 404.
 */
export function validate<Target extends RequestTarget & keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
) {
  const middleware = zValidator(target, schema, (result) => {
    if (result.success) return;
    const missing = target === 'param' ? notFoundParam(result.error.issues) : null;
    throw missing ? notFound(missing) : validationFailed(target, result.error.issues);
  });
  (middleware as Tagged)[docKey] = { target, schema };
  return middleware;
}

/** Documents a route; it does nothing at request time. */
export function describe(doc: RouteDoc): MiddlewareHandler {
  const middleware: MiddlewareHandler = async (_c, next) => {
    await next();
  };
  (middleware as Tagged)[docKey] = { doc };
  return middleware;
}

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

const statusText: Record<number, string> = {
  400: 'Malformed request',
  401: 'Missing, expired or revoked credentials',
  403: 'Not allowed for this user',
  404: 'Not found, or not yours',
  409: 'Conflict with the current state',
  410: 'Revoked or expired',
  422: 'Validation failed',
  429: 'Rate limited; see Retry-After',
  503: 'Database unavailable',
};

// any: the generic parameters of the app do not matter for reading its routes.
export function openApiDocument(app: Hono<any, any, any>, info: { title: string; version: string }) {
  const paths: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const route of app.routes) {
    const tag = (route.handler as Tagged)[docKey];
    if (!tag || route.method === 'ALL') continue;
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const method = route.method.toLowerCase();
    const op = ((paths[path] ??= {})[method] ??= { parameters: [] as unknown[] });
    if ('doc' in tag) {
      const { doc } = tag;
      op.summary = doc.summary;
      if (doc.description) op.description = doc.description;
      if (doc.tags) op.tags = doc.tags;
      if (doc.auth !== false) op.security = [doc.auth === 'api-key' ? { apiKey: [] } : { bearer: [] }];
      const responses: Record<string, unknown> = {};
      for (const [status, r] of Object.entries(doc.responses)) {
        responses[status] = {
          description: r.description,
          ...(r.schema ? { content: { 'application/json': { schema: jsonSchema(r.schema, 'output') } } } : {}),
        };
      }
      for (const status of new Set([...(doc.errors ?? []), ...(doc.auth !== false ? [401] : [])])) {
        responses[status] = { description: statusText[status] ?? 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
      }
      op.responses = responses;
    } else if (tag.target === 'json') {
      op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(tag.schema, 'input') } } };
      op.responses ??= {};
    } else {
      const where = tag.target === 'param' ? 'path' : tag.target;
      const shape = jsonSchema(tag.schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(shape.properties ?? {})) {
        (op.parameters as unknown[]).push({
          name,
          in: where,
          required: where === 'path' || (shape.required ?? []).includes(name),
          schema,
        });
      }
    }
  }
  return {
    openapi: '3.0.3',
    info,
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A session token (sign-in or embed session)' },
        apiKey: { type: 'http', scheme: 'bearer', description: 'A partner API key (`pk_live_…`), server to server only' },
      },
      schemas: { Error: jsonSchema(errorBodySchema, 'output') },
    },
  };
}

/**
 * Requests made from `/openapi.json` alone: every documented operation with its parameters,
 * and a plausible value of any schema, so that a test can change one part and see what that
 * part does (the fuzz test), or send every route something it would accept (the outage test).
 */
import { randomUUID } from 'node:crypto';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  minLength?: number;
  additionalProperties?: JsonSchema | boolean;
  default?: unknown;
};

/** A plausible value of the schema, so that a request fails on the one field made hostile. */
export function plausible(schema: JsonSchema | undefined): unknown {
  if (!schema) return 'x';
  const alternative = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (alternative) return plausible(alternative);
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(schema.properties ?? {})) out[key] = plausible(value);
      return out;
    }
    case 'array':
      return [plausible(schema.items)];
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return false;
    default:
      if (schema.format === 'email') return 'fuzz@partnerkit.test';
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
      if (schema.format === 'uri') return 'https://fuzz.example';
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 12));
  }
}

export interface Operation {
  method: string;
  /** With OpenAPI's `{name}` placeholders. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** The JSON body's schema, when the operation takes one. */
  body?: JsonSchema;
  /** Needs no token (`security` absent). */
  public: boolean;
  /** Takes a partner API key instead of a session token. */
  apiKey: boolean;
}

type DocumentedOperation = {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  security?: Record<string, unknown>[];
};

export function documentedOperations(document: { paths: Record<string, Record<string, DocumentedOperation>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      body: op.requestBody?.content['application/json']?.schema,
      public: !op.security,
      apiKey: Boolean(op.security?.some((s) => 'apiKey' in s)),
    })),
  );
}

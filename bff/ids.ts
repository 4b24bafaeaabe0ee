/**
 * Ids are opaque to clients, but the database stores them as UUIDs, and codes are base64url:
 * anything else cannot name a row. Path parameters are checked for that shape at the edge,
 * before any query, and one that cannot exist is simply "not found" (404), like another
 * tenant's; `validate('param', …)` turns these refusals into that 404.
 */
import { z } from 'zod';
import { notFound } from './errors.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Offer and delegation codes: 160 random bits as base64url (27 characters); room for longer ones. */
const codePattern = /^[A-Za-z0-9_-]{16,100}$/;

/** What a refused path parameter names in its 404 ("User not found."). */
export type NotFoundParams = { notFound: string };

const shaped = (pattern: RegExp, what: string) =>
  z.string().refine((value) => pattern.test(value), { params: { notFound: what } satisfies NotFoundParams });

/** A path parameter holding an id; a malformed one answers 404 `<what> not found`. */
export const idParam = (what: string) => shaped(uuidPattern, what).transform((v) => v.toLowerCase());

/** The shape of every offer and delegation code, for code that takes one from elsewhere (a page's query). */
export const isCode = (value: string) => codePattern.test(value);

/** A path parameter holding an offer or delegation code. */
export const codeParam = (what: string) => shaped(codePattern, what);

/** `/:id` routes. */
export const idParamSchema = (what: string) => z.object({ id: idParam(what) });

/** The name a refused path parameter carries, when every issue is such a refusal. */
export function notFoundParam(issues: readonly z.core.$ZodIssue[]): string | null {
  const names = issues.map((issue) => (issue.code === 'custom' ? (issue.params as NotFoundParams | undefined)?.notFound : undefined));
  return names.length > 0 && names.every(Boolean) ? names[0]! : null;
}

/** An id inside a request body: malformed ones are invalid input (422), with the message given. */
export const idSchema = (message: string) => z.string().regex(uuidPattern, message).transform((v) => v.toLowerCase());

/** For an id that arrives in a body field but names a row like a path would (404 when malformed). */
export function requireId(id: string, what: string): string {
  if (!uuidPattern.test(id)) throw notFound(what);
  return id.toLowerCase();
}

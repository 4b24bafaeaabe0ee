/**
 * Ids are opaque to clients, but the database stores them as UUIDs: anything that is not one
 * cannot name a row, so it is simply "not found" (and never reaches a query to fail there).
 */
import { z } from 'zod';
import { notFound } from './errors.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const idParamSchema = z.object({ id: z.string().max(100) });

/** An id inside a request body: malformed ones are invalid input (422), with the message given. */
export const idSchema = (message: string) => z.string().regex(uuidPattern, message).transform((v) => v.toLowerCase());

export function requireId(id: string, what: string): string {
  if (!uuidPattern.test(id)) throw notFound(what);
  return id.toLowerCase();
}

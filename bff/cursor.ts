/**
 * Opaque keyset-paging cursors: the sort key of the last row, base64url-encoded JSON.
 * Clients pass them back untouched; a tampered cursor is a 422, never a query error.
 */
import { sql, type SQLWrapper } from 'drizzle-orm';
import { z } from 'zod';
import { ApiError } from './errors.ts';

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const keySchema = z.array(z.union([z.string().max(1000), z.number()])).min(1).max(4);

export function decodeCursor(cursor: string, length: number): (string | number)[] {
  try {
    const key = keySchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (key.length === length) return key;
  } catch {
    // fall through to the one answer for every bad cursor
  }
  throw invalidCursor();
}

/** The one answer for every cursor this API did not issue. */
export function invalidCursor(): ApiError {
  return new ApiError(422, 'validation_failed', 'The cursor is not valid; start again from the first page.', [
    { path: 'query.cursor', message: 'Not a cursor this API issued.' },
  ]);
}

/** Query parameters shared by every paged list. */
export const pageQuerySchema = z.object({
  cursor: z.string().max(2000).optional().describe('`nextCursor` from the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** Takes `limit + 1` rows and turns them into a page with the cursor of its last row. */
export function toPage<Row, Item>(rows: Row[], limit: number, key: (row: Row) => (string | number)[], view: (row: Row) => Item) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(view),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(key(last)) : null,
  };
}

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/**
 * Newest-first lists page on (timestamp, id). The cursor carries the timestamp as UTC ISO text
 * to the microsecond, as Postgres stores it: a JS Date would round it to the millisecond and
 * skip or repeat rows that share one.
 */
export const cursorInstant = (column: SQLWrapper) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor part that must be an id: anything else is a bad cursor (422), never a query error. */
export function cursorId(value: string | number | undefined): string {
  const id = String(value);
  if (!uuidPattern.test(id)) throw invalidCursor();
  return id;
}

/** Decodes a (timestamp, id) cursor, vouching for both parts so neither can fail in a query. */
export function decodeInstantCursor(cursor: string): [string, string] {
  const [at, id] = decodeCursor(cursor, 2).map(String) as [string, string];
  if (!instantPattern.test(at) || !uuidPattern.test(id)) throw invalidCursor();
  return [at, id];
}

/** `(column, idColumn) < cursor`, for newest-first keyset paging. */
export function beforeInstantCursor(column: SQLWrapper, idColumn: SQLWrapper, cursor: [string, string]) {
  return sql`(${column}, ${idColumn}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`;
}

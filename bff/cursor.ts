/**
 * Opaque keyset-paging cursors: the sort key of the last row, base64url-encoded JSON.
 * Clients pass them back untouched; a tampered cursor is a 422, never a query error.
 */
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
  throw new ApiError(422, 'validation_failed', 'The cursor is not valid; start again from the first page.', [
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

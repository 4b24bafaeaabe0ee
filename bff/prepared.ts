/**
 * Prepared statements, built once per database (pool) and name. drizzle prepares only queries
 * given a name (`db.execute` never), and Postgres then plans them once per connection instead
 * of on every request; for the overview and the customer list, planning cost more than running.
 * Values go in as `sql.placeholder(…)`s when the statement is executed.
 */
import type { Db } from '../db/database.ts';

const statements = new WeakMap<Db, Map<string, unknown>>();

/** The statement called `name` on `db`, made by `build` the first time it is asked for. */
export function prepared<Statement>(db: Db, name: string, build: (name: string) => Statement): Statement {
  let byName = statements.get(db);
  if (!byName) statements.set(db, (byName = new Map()));
  let statement = byName.get(name) as Statement | undefined;
  if (!statement) byName.set(name, (statement = build(name)));
  return statement;
}

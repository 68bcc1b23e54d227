import pg from "pg";
import type { DbOrTx } from "./database.ts";

/** The pool of a PostgreSQL server behind a handle; undefined on the embedded database. */
export function serverPoolOf(db: DbOrTx): pg.Pool | undefined {
  const client = (db as unknown as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? client : undefined;
}

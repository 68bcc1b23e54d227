import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { sql, type Query, type SQL } from "drizzle-orm";
import pg from "pg";
import * as schema from "./schema.ts";
import { lockDataFolder } from "./data-folder-lock.ts";
import { copyTemplateInto, defaultTemplateFolder } from "./empty-cluster-template.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; repositories accept either a Db or a Tx. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Where the data lives: the PGlite folder, or the server URL without its password. */
  location: string;
  close: () => Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent an embedded PGlite database is used. */
  url?: string | undefined;
  /** PGlite data folder; "memory://" keeps everything in memory (tests). */
  dataDir?: string | undefined;
  /** The empty cluster copied into a new PGlite folder instead of initdb (empty-cluster-template.ts). */
  template?: string | undefined;
}

/** The SQL migrations, in the order drizzle-kit generated them (`meta/_journal.json`). */
export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

/**
 * Opens the database named by the options without migrating: the server's configuration decides
 * (apps/api/src/shared/config.ts); with none, the embedded database in `.data/pg`.
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const url = options.url;
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection the server ends (a restart, a failover, an administrator's
    // pg_terminate_backend) is reported here; the pool has already dropped it and the next query
    // opens a new one. Unheard, the event would end the whole process.
    pool.on("error", () => undefined);
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { db, kind: "postgres", location: redact(url), close: () => pool.end() };
  }
  const dataDir = options.dataDir ?? join(".data", "pg");
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const unlock = inMemory ? () => undefined : lockDataFolder(resolve(dataDir));
  try {
    if (!inMemory) copyTemplateInto(options.template ?? defaultTemplateFolder, dataDir);
    const client = await PGlite.create(inMemory ? undefined : resolve(dataDir), {
      // Keeps the write-ahead log small: the default 1 GB folder otherwise stays on disk.
      postgresqlconf: ["max_wal_size = '64MB'", "min_wal_size = '32MB'"],
    });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: "pglite",
      location: inMemory ? "memory" : resolve(dataDir),
      close: async () => {
        await client.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** Any fixed number: the advisory lock several servers starting at once take to migrate. */
const migrationLock = 7_241_026;

/**
 * Runs `work` while holding the advisory lock of the database's set-up on a PostgreSQL server:
 * servers starting together migrate, and set up the job queue's schema, one after the other.
 */
export async function withSetupLock<T>(database: Database, work: () => Promise<T>): Promise<T> {
  if (database.kind !== "postgres") return work();
  const pool = (database.db as unknown as { $client: pg.Pool }).$client;
  const holder = await pool.connect();
  try {
    await holder.query("select pg_advisory_lock($1)", [migrationLock]);
    return await work();
  } finally {
    await holder.query("select pg_advisory_unlock($1)", [migrationLock]).catch(() => undefined);
    holder.release();
  }
}

/** A migration of drizzle-kit's journal: its file's tag and its time stamp. */
export interface MigrationEntry {
  tag: string;
  when: number;
}

/** The migrations of `folder`, oldest first, as its journal lists them. */
export function migrationJournal(folder = migrationsFolder): MigrationEntry[] {
  return (
    JSON.parse(readFileSync(join(folder, "meta", "_journal.json"), "utf8")) as {
      entries: MigrationEntry[];
    }
  ).entries;
}

/**
 * The time stamp of the last migration applied (drizzle's own table), or null on a database that
 * was never migrated: one or two small statements, no lock.
 */
export async function lastAppliedMigration(db: DbOrTx): Promise<number | null> {
  const [table] = await queryRows<{ name: string | null }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`,
  );
  if (!table?.name) return null;
  const [applied] = await queryRows<{ last: string | number | null }>(
    db,
    sql`select max(created_at) as last from drizzle.__drizzle_migrations`,
  );
  return applied?.last === null || applied?.last === undefined ? null : Number(applied.last);
}

/** The migrations of a journal left to apply, by drizzle's own rule: stamped after the last one applied. */
export function pendingMigrations(
  journal: MigrationEntry[],
  last: number | null,
): MigrationEntry[] {
  return journal.filter((entry) => last === null || entry.when > last);
}

/**
 * Whether a migration of `folder` is left to apply, from the journal and the last migration
 * applied: no SQL file is read.
 */
export async function hasPendingMigrations(
  database: Database,
  folder = migrationsFolder,
): Promise<boolean> {
  const last = await lastAppliedMigration(database.db);
  return pendingMigrations(migrationJournal(folder), last).length > 0;
}

/**
 * Applies every pending migration; the same SQL files serve PGlite and PostgreSQL. A database
 * already up to date (every start but the first after an update) is only asked for its last
 * migration.
 */
export async function migrateDatabase(
  database: Database,
  folder = migrationsFolder,
): Promise<void> {
  if (!(await hasPendingMigrations(database, folder))) return;
  if (database.kind === "postgres") {
    // Servers starting together on one database: one migrates, the others wait, then find
    // nothing left to do (without the lock both would apply the same migration, and one fail).
    await withSetupLock(database, () =>
      migratePg(database.db as never, { migrationsFolder: folder }),
    );
  } else {
    await migratePglite(database.db as never, { migrationsFolder: folder });
  }
}

/** Opens and migrates: what the server, the CLI and the tests call. */
export async function createDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const database = await openDatabase(options);
  await migrateDatabase(database);
  return database;
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

interface NamingSession {
  dialect: { sqlToQuery(query: SQL): Query };
  prepareQuery(
    query: Query,
    fields: undefined,
    name: string,
    arrayMode: false,
  ): { execute(): Promise<unknown> };
}

/**
 * `queryRows` as a named statement, for one whose text never changes under its name: a PostgreSQL
 * server parses and plans it once per connection instead of at every call (the embedded
 * database ignores the name).
 */
export async function queryRowsNamed<T>(db: DbOrTx, name: string, query: SQL): Promise<T[]> {
  const session = db._.session as unknown as NamingSession;
  const prepared = session.prepareQuery(session.dialect.sqlToQuery(query), undefined, name, false);
  const result = (await prepared.execute()) as { rows: T[] };
  return result.rows;
}

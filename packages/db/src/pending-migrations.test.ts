import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import {
  hasPendingMigrations,
  migrateDatabase,
  migrationsFolder,
  openDatabase,
  queryRows,
} from "./database.ts";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A copy of the shipped migrations that a test may change. */
function copyOfMigrations(): string {
  const folder = mkdtempSync(join(tmpdir(), "ntm-migrations-"));
  folders.push(folder);
  cpSync(migrationsFolder, folder, { recursive: true });
  return folder;
}

describe("the migrations check at start", () => {
  it("migrates a new database, then finds nothing to do without reading a migration file", async () => {
    const folder = copyOfMigrations();
    const database = await openDatabase({ dataDir: "memory://" });
    try {
      expect(await hasPendingMigrations(database, folder)).toBe(true);
      await migrateDatabase(database, folder);
      expect(await hasPendingMigrations(database, folder)).toBe(false);
      // Drizzle's migrator reads every SQL file of the journal; the up-to-date start reads none.
      rmSync(join(folder, "0000_init.sql"));
      await expect(migrateDatabase(database, folder)).resolves.toBeUndefined();
    } finally {
      await database.close();
    }
  });

  it("applies a migration shipped after the last one applied", async () => {
    const folder = copyOfMigrations();
    const database = await openDatabase({ dataDir: "memory://" });
    try {
      await migrateDatabase(database, folder);
      const journalFile = join(folder, "meta", "_journal.json");
      const journal = JSON.parse(readFileSync(journalFile, "utf8")) as {
        entries: {
          idx: number;
          version: string;
          when: number;
          tag: string;
          breakpoints: boolean;
        }[];
      };
      const last = journal.entries.at(-1);
      if (!last) throw new Error("no migration shipped");
      const tag = "9999_start_check";
      journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag });
      writeFileSync(journalFile, JSON.stringify(journal));
      writeFileSync(join(folder, `${tag}.sql`), "create table start_check (id integer);");

      expect(await hasPendingMigrations(database, folder)).toBe(true);
      await migrateDatabase(database, folder);
      const tables = await queryRows<{ name: string | null }>(
        database.db,
        sql`select to_regclass('public.start_check')::text as name`,
      );
      expect(tables[0]?.name).toBe("start_check");
      expect(await hasPendingMigrations(database, folder)).toBe(false);
    } finally {
      await database.close();
    }
  });
});

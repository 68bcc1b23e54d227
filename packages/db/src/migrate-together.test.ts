import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createDatabase } from "./database.ts";

const serverUrl = process.env.DATABASE_URL;

// Several API processes started at once on a new (or not yet migrated) PostgreSQL database.
describe.skipIf(!serverUrl)("servers starting together on one PostgreSQL database", () => {
  it("all start: one applies the migrations, the others wait and find nothing to do", async () => {
    const name = `ntm_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl as string);
    url.pathname = `/${name}`;
    try {
      const started = await Promise.allSettled(
        [1, 2, 3].map(() => createDatabase({ url: url.toString() })),
      );
      const failures = started.flatMap((result) =>
        result.status === "rejected" ? [String(result.reason)] : [],
      );
      expect(failures).toEqual([]);
      for (const result of started) {
        if (result.status === "fulfilled") await result.value.close();
      }
      const check = new pg.Client({ connectionString: url.toString() });
      await check.connect();
      const { rows } = await check.query<{ n: number; distinct: number }>(
        "select count(*)::int as n, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations",
      );
      await check.end();
      expect(rows[0]?.n).toBe(rows[0]?.distinct);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});

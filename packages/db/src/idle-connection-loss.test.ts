import pg from "pg";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "./database.ts";

const serverUrl = process.env.DATABASE_URL;

describe.skipIf(!serverUrl)("a pooled connection the server ends while idle", () => {
  it("is dropped without ending the process, and the next query opens a new one", async () => {
    const database = await openDatabase({ url: serverUrl });
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      const [before] = await queryRows<{ pid: number }>(
        database.db,
        sql`select pg_backend_pid() as pid`,
      );
      await admin.query("select pg_terminate_backend($1)", [before?.pid]);
      // The idle connection learns of its end from the server; give the message time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const [after] = await queryRows<{ pid: number }>(
        database.db,
        sql`select pg_backend_pid() as pid`,
      );
      expect(after?.pid).toBeTypeOf("number");
      expect(after?.pid).not.toBe(before?.pid);
    } finally {
      await admin.end();
      await database.close();
    }
  });
});

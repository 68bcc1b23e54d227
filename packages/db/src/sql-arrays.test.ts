import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows, type Database } from "./database.ts";
import { sqlArray, type ArrayElement, type ArrayType } from "./sql-arrays.ts";

let database: Database;
beforeAll(async () => {
  database = await openDatabase(
    process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: "memory://" },
  );
});
afterAll(async () => {
  await database.close();
});

async function roundTrip(values: ArrayElement[], type: ArrayType) {
  const rows = await queryRows<{ v: unknown; n: number }>(
    database.db,
    sql`select v::text as v, n::integer as n
          from unnest(${sqlArray(values, type)}) with ordinality as a(v, n) order by n`,
  );
  return rows.map((row) => row.v);
}

describe("a column as one array parameter", () => {
  it("keeps every text as written: quotes, backslashes, commas, braces, spaces, the word NULL", async () => {
    const texts = ['Xã "Hòa"', "a\\b", "a,b", "{x}", " lề ", "NULL", "", "\\", '"', null];
    expect(await roundTrip(texts, "text")).toEqual(texts);
  });

  it("keeps numbers of every sign and size, and booleans", async () => {
    const numbers = [0, -1, 12.5, -0.001, 1e21, 123456789.125, null];
    expect(
      (await roundTrip(numbers, "double precision")).map((v) => (v === null ? null : Number(v))),
    ).toEqual(numbers);
    expect(await roundTrip([1, -32768, 32767, null], "smallint")).toEqual([
      "1",
      "-32768",
      "32767",
      null,
    ]);
    expect(await roundTrip([true, false, null], "boolean")).toEqual(["true", "false", null]);
  });

  it("reads a number given for a text column as its digits", async () => {
    expect(await roundTrip([2024, 7, null], "text")).toEqual(["2024", "7", null]);
  });
});

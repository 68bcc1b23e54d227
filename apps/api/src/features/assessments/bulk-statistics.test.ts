import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@ntm/db";
import { importCommunes } from "../../test/communes.ts";
import { createTestApp, fixedNow, type TestApp } from "../../test/test-app.ts";
import { systemUser } from "../auth/index.ts";
import { reevaluate } from "./bulk-evaluation.service.ts";
import { writeValuesBulk } from "./bulk-values.service.ts";

// The embedded database has no autovacuum: after a re-evaluation that wrote most of the stored
// results, the reads that follow would be planned from statistics of before it.
let t: TestApp;
const communes = Array.from({ length: 120 }, (_, index) => `S${String(index).padStart(3, "0")}`);

async function lastAnalyzed(table: string) {
  const [row] = await queryRows<{ at: string | null }>(
    t.database.db,
    sql`select last_analyze::text as at from pg_stat_user_tables where relname = ${table}`,
  );
  return row?.at ?? null;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await importCommunes(db, communes);
  await writeValuesBulk(db, {
    rows: communes.map((unitCode) => ({ unitCode, year: 2024, indicatorCode: "3.1", value: 90 })),
    by: systemUser,
    now: fixedNow,
    demo: false,
    source: "kiểm thử",
  });
});
afterAll(() => t?.close());

describe("the planner's statistics after a maintenance re-evaluation", () => {
  it("are left as they are after a few communes", async () => {
    const before = await lastAnalyzed("evaluation_results");
    const run = await reevaluate(t.database.db, {
      years: [2024],
      unitCodes: ["S000"],
      now: fixedNow,
    });
    expect(run.evaluated).toBe(1);
    expect(await lastAnalyzed("evaluation_results")).toBe(before);
  });

  it("are refreshed on the embedded database after many, and left to autovacuum on a server", async () => {
    const tables = ["evaluation_results", "evaluation_criteria"];
    const before = await Promise.all(tables.map(lastAnalyzed));
    const run = await reevaluate(t.database.db, { years: [2024], now: fixedNow });
    expect(run.evaluated).toBeGreaterThanOrEqual(communes.length);
    const after = await Promise.all(tables.map(lastAnalyzed));
    tables.forEach((table, index) => {
      if (t.database.kind === "pglite") {
        expect(after[index], table).not.toBeNull();
        expect(after[index], table).not.toBe(before[index]);
      } else {
        expect(after[index], table).toBe(before[index]);
      }
    });
  });
});

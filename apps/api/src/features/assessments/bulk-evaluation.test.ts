import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@ntm/db";
import { createTestApp, fixedNow, loginAs, type TestApp } from "../../test/test-app.ts";
import {
  evaluateMany,
  reevaluate,
  type BulkEvaluationProgress,
} from "./bulk-evaluation.service.ts";
import { storeEvaluations } from "./bulk-evaluation.repository.ts";
import { evaluateUnit } from "./evaluation.service.ts";

let t: TestApp;

const values: Record<string, Record<string, number | boolean>> = {
  X01: { "3.1": 85, "3.2": true, "10.1": 44.9, "10.2": 3 },
  X02: { "3.1": 40, "3.2": false, "10.1": 80, "10.2": 1 },
  X03: { "3.1": 99, "10.1": 12 },
  Y01: { "3.1": 100, "3.2": true, "10.1": 90, "10.2": 0 },
  W01: { "3.1": 100 },
};

async function writeValues(year: number, table: Record<string, Record<string, number | boolean>>) {
  for (const [unit, indicators] of Object.entries(table)) {
    await t.database.db.execute(
      sql`insert into assessments (unit_code, year, version, updated_by) values (${unit}, ${year}, 1, 'test')
        on conflict do nothing`,
    );
    for (const [indicator, value] of Object.entries(indicators)) {
      const num = typeof value === "number" ? value : null;
      const bool = typeof value === "boolean" ? value : null;
      await t.database.db.execute(
        sql`insert into assessment_values
            (unit_code, province_code, year, indicator_code, num_value, bool_value, updated_by)
          values (${unit}, ntm_province_of(${unit}, make_date(${year}, 12, 31)), ${year},
            ${indicator}, ${num}, ${bool}, 'test')
          on conflict (year, unit_code, indicator_code)
          do update set num_value = excluded.num_value, bool_value = excluded.bool_value`,
      );
    }
  }
}

interface Stored {
  unit: string;
  met: number;
  total: number;
  level: string | null;
  entered: number;
  criteria: string;
  at: number;
}

async function stored(year: number) {
  const rows = await queryRows<Stored>(
    t.database.db,
    sql`select r.unit_code as unit, r.criteria_met as met, r.criteria_total as total, r.level,
        r.values_entered as entered,
        (extract(epoch from r.computed_at) * 1000)::float8 as at,
        (select string_agg(c.criterion_code || '=' || c.status, ',' order by c.criterion_code)
          from evaluation_criteria c where c.year = r.year and c.unit_code = r.unit_code) as criteria
      from evaluation_results r where r.year = ${year} order by r.unit_code`,
  );
  return new Map(rows.map((row) => [row.unit, row]));
}

beforeAll(async () => {
  t = await createTestApp();
  await writeValues(2023, values);
  await writeValues(2024, { X01: values.X01!, Y01: values.Y01! });
});
afterAll(() => t.close());

describe("bulk re-evaluation", () => {
  it("stores, chunk by chunk, what the engine gives for each commune-year with values", async () => {
    const progress: BulkEvaluationProgress[] = [];
    const run = await reevaluate(t.database.db, {
      years: [2024, 2023],
      now: fixedNow,
      chunkSize: 2,
      onProgress: (step) => progress.push(step),
    });
    // 2023: X01, X02, X03, Y01 (the ward W01 is not assessed); 2024: X01, Y01.
    expect(run.evaluated).toBe(6);
    // Four assessed communes a year, two per chunk and each chunk of one province (P01: X01,
    // X02 | X03; P02: Y01), so that each runs on one shard: the plan does not depend on the values.
    expect(progress.map((step) => `${step.chunksDone}/${step.chunksTotal}`)).toEqual([
      "1/6",
      "2/6",
      "3/6",
      "4/6",
      "5/6",
      "6/6",
    ]);
    expect(progress.at(-1)?.evaluated).toBe(6);
    for (const year of [2023, 2024]) {
      const rows = await stored(year);
      expect([...rows.keys()]).toEqual(
        year === 2023 ? ["X01", "X02", "X03", "Y01"] : ["X01", "Y01"],
      );
      for (const [unit, row] of rows) {
        const { result } = await evaluateUnit(t.database.db, { unitCode: unit, year });
        const first = result.levels[0]?.level ?? "standard";
        expect(row).toMatchObject({
          met: result.criteriaMet,
          total: result.criteriaTotal,
          level: result.level,
          entered: result.valuesEntered,
        });
        expect(row.criteria).toBe(
          result.criteria
            .map((criterion) => `${criterion.code}=${criterion.byLevel[first]?.status}`)
            .sort()
            .join(","),
        );
      }
    }
    const levels = [...(await stored(2023)).values()].map((row) => `${row.unit}:${row.met}`);
    // Not every commune alike: the check above compares real differences.
    expect(new Set(levels.map((level) => level.split(":")[1])).size).toBeGreaterThan(1);
  });

  it("resumes from a chunk: earlier chunks are left as they are, later ones upserted", async () => {
    await writeValues(2023, { X01: { "3.1": 10 }, Y01: { "3.1": 10 } });
    const before = await stored(2023);
    const later = new Date(fixedNow.getTime() + 60_000);
    // Chunks of 2023, of one province each: [X01, X02], [X03], [Y01].
    const run = await reevaluate(t.database.db, {
      years: [2023],
      now: later,
      chunkSize: 2,
      readSize: 1,
      fromChunk: 1,
    });
    expect(run.evaluated).toBe(2);
    const after = await stored(2023);
    expect(after.get("X01")).toEqual(before.get("X01"));
    expect(after.get("Y01")?.at).toBe(later.getTime());
    expect(after.get("Y01")?.met).toBeLessThan(before.get("Y01")?.met ?? 0);
    // Running the whole plan again gives the same rows as a fresh run: results are upserted.
    await reevaluate(t.database.db, { years: [2023], now: later, chunkSize: 2 });
    const again = await stored(2023);
    expect(again.get("Y01")).toEqual(after.get("Y01"));
    expect(again.get("X01")?.met).toBeLessThan(before.get("X01")?.met ?? 0);
    expect(again.size).toBe(4);
  });

  it("re-evaluates only the communes asked for, inside the caller's transaction", async () => {
    await writeValues(2024, { X02: values.X02!, X03: values.X03! });
    const later = new Date(fixedNow.getTime() + 120_000);
    await expect(
      t.database.db.transaction(async (tx) => {
        await evaluateMany(tx, { years: [2024], unitCodes: ["X03"], now: later });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect((await stored(2024)).has("X03")).toBe(false);
    const { evaluated } = await t.database.db.transaction((tx) =>
      evaluateMany(tx, { years: [2024], unitCodes: ["X03", "W01"], now: later }),
    );
    expect(evaluated).toBe(1);
    const rows = await stored(2024);
    expect([...rows.keys()]).toEqual(["X01", "X03", "Y01"]);
    expect(rows.get("X03")?.at).toBe(later.getTime());
    expect(rows.get("X01")?.at).toBe(fixedNow.getTime());
  });

  it("stores nothing for a commune whose assessment changed after its values were read", async () => {
    const version = async () =>
      (
        await queryRows<{ version: number }>(
          t.database.db,
          sql`select version from assessments where unit_code = 'X02' and year = 2023`,
        )
      )[0]?.version ?? -1;
    const read = await version();
    const before = (await stored(2023)).get("X02");
    const later = new Date(fixedNow.getTime() + 180_000);
    const result = {
      unitCode: "X02",
      setId: (await evaluateUnit(t.database.db, { unitCode: "X02", year: 2023 })).set.id,
      evaluation: {
        criteriaMet: 0,
        criteriaTotal: 19,
        level: null,
        valuesEntered: 1,
        criteria: [{ code: "3", status: "not_met" }],
      },
    };
    // A save commits between the run's read of the values and its write: its own result stands.
    await t.database.db.execute(
      sql`update assessments set version = version + 1 where unit_code = 'X02' and year = 2023`,
    );
    const key = { year: 2023, provinceCode: "P01" };
    expect(await storeEvaluations(t.database.db, key, [{ ...result, version: read }], later)).toBe(
      0,
    );
    expect((await stored(2023)).get("X02")).toEqual(before);
    // At the version that stands, the result is stored, and the criteria it lacks are removed.
    expect(
      await storeEvaluations(t.database.db, key, [{ ...result, version: read + 1 }], later),
    ).toBe(1);
    expect((await stored(2023)).get("X02")).toMatchObject({
      met: 0,
      level: null,
      criteria: "3=not_met",
      at: later.getTime(),
    });
    // The run puts back what the engine gives for the values that stand.
    await reevaluate(t.database.db, { years: [2023], now: later, unitCodes: ["X02"] });
    const again = (await stored(2023)).get("X02");
    expect(again?.met).toBe(before?.met);
    expect(again?.criteria).toBe(before?.criteria);
  });

  it("answers a scorecard read issued during a maintenance run before the run ends", async () => {
    const cookie = await loginAs(t.app, "huyen");
    let chunksDone = 0;
    let answeredAfter: number | undefined;
    let read: Promise<unknown> | undefined;
    const run = await reevaluate(t.database.db, {
      years: [2023, 2024],
      now: fixedNow,
      chunkSize: 1,
      onProgress: (step) => {
        chunksDone = step.chunksDone;
        read ??= t.app
          .inject({ method: "GET", url: "/api/units/X01/scorecard?year=2024", headers: { cookie } })
          .then((response) => {
            expect(response.statusCode, response.body).toBe(200);
            answeredAfter = chunksDone;
          });
      },
    });
    await read;
    // Asked after the first of eight chunks; the run's statements let it pass, so it is not
    // queued behind the rest of the run.
    expect(run.chunks).toBe(8);
    expect(answeredAfter).toBeDefined();
    expect(answeredAfter).toBeLessThan(run.chunks);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@ntm/db";
import { importCommunes } from "../../test/communes.ts";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { systemUser } from "../auth/index.ts";
import { CsvSplitter } from "./csv-splitter.ts";
import { checkSheet } from "./import-check.ts";
import { importValues } from "./import-values.service.ts";
import { commandLineLimits, openSheet, type ReadRow, type SheetSource } from "./read-sheet.ts";

/** Communes added under district D01 so that a file can hold tens of thousands of valid values. */
const communes = Array.from({ length: 2500 }, (_, index) => `S${String(index).padStart(4, "0")}`);
const indicators = ["3.1", "3.2", "10.1", "10.2"];
const cellOf = (indicator: string, index: number) =>
  indicator === "3.2" ? (index % 2 === 0 ? "Có" : "Không") : String(index % 90);

/** One long-format row per commune, year and indicator. */
function* longRows(years: number[], count = communes.length): Generator<string> {
  for (const year of years) {
    for (const [index, code] of communes.slice(0, count).entries()) {
      for (const indicator of indicators) {
        yield `${code},${indicator},${year},${cellOf(indicator, index)}`;
      }
    }
  }
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await importCommunes(t.database.db, communes);
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe("CSV read piece by piece", () => {
  it("gives the same rows whatever the pieces, quotes, doubled quotes and CRLF cut included", () => {
    const text =
      '\ufeffma_don_vi;ma_chi_tieu;nam;gia_tri;ghi_chu\r\nX01;3.1;2024;"81,5";"đo ""lại""\r\nngày 2"\r\n\r\nX02;3.2;2024;Có;\nX03;10.1;2024;;"a;b"';
    const whole = new CsvSplitter();
    const expected = [...whole.push(text), ...whole.end()];
    expect(expected).toEqual([
      { number: 1, cells: ["ma_don_vi", "ma_chi_tieu", "nam", "gia_tri", "ghi_chu"] },
      { number: 2, cells: ["X01", "3.1", "2024", "81,5", 'đo "lại"\r\nngày 2'] },
      { number: 5, cells: ["X02", "3.2", "2024", "Có", null] },
      { number: 6, cells: ["X03", "10.1", "2024", null, "a;b"] },
    ]);
    for (const size of [1, 2, 3, 7]) {
      const pieces = new CsvSplitter();
      const rows: ReadRow[] = [];
      for (let start = 0; start < text.length; start += size) {
        for (const row of pieces.push(text.slice(start, start + size))) rows.push(row);
      }
      for (const row of pieces.end()) rows.push(row);
      expect(rows).toEqual(expected);
    }
  });

  it("splits 5,000 random texts of quotes, delimiters and line breaks the same in pieces as whole", () => {
    const alphabet = ["a", "é", " ", ",", ";", '"', '"', "\r", "\n", "1"];
    let seed = 11;
    const next = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    const rowsOf = (text: string, size: number) => {
      const splitter = new CsvSplitter();
      const rows: ReadRow[] = [];
      for (let start = 0; start < text.length; start += size) {
        for (const row of splitter.push(text.slice(start, start + size))) rows.push(row);
      }
      return [...rows, ...splitter.end()];
    };
    for (let round = 0; round < 5000; round += 1) {
      let text = "ma;b\n";
      for (let length = next(40); length > 0; length -= 1) text += alphabet[next(alphabet.length)];
      const whole = rowsOf(text, text.length);
      for (const size of [1, 2, 1 + next(7)]) expect(rowsOf(text, size)).toEqual(whole);
    }
  });

  it("reads a 200,000-row file as its rows are taken, not the whole file first", async () => {
    const header = "ma_don_vi,ma_chi_tieu,nam,gia_tri";
    const lines = [header];
    for (let index = 0; index < 200_000; index += 1) lines.push(`X01,3.1,${index},${index % 90}`);
    const content = Buffer.from(lines.join("\n"));
    const source = await openSheet("lon.csv", content, { limits: commandLineLimits });
    const iterator = source.rows[Symbol.asyncIterator]();
    for (let index = 0; index < 10; index += 1) await iterator.next();
    expect(source.bytesRead()).toBeLessThan(content.length / 10);
    let rows = 10;
    while (!(await iterator.next()).done) rows += 1;
    expect(rows).toBe(200_001);
    expect(source.bytesRead()).toBe(content.length);
  });
});

describe("streaming check", () => {
  it("hands the values on in batches while it reads: it never holds more than a batch", async () => {
    let pulled = 0;
    let handed = 0;
    let most = 0;
    async function* rows(): AsyncGenerator<ReadRow> {
      yield { number: 1, cells: ["ma_don_vi", "ma_chi_tieu", "nam", "gia_tri"] };
      let number = 1;
      for (const line of longRows([2021, 2022, 2023, 2024, 2025])) {
        most = Math.max(most, pulled - handed);
        pulled += 1;
        number += 1;
        yield { number, cells: line.split(",") };
      }
    }
    const source: SheetSource = {
      kind: "csv",
      sheet: null,
      merges: [],
      rows: rows(),
      bytesRead: () => 0,
    };
    const batches: number[] = [];
    const summary = await checkSheet(source, {
      db: t.database.db,
      user: systemUser,
      batchSize: 1000,
      onValues: async (values) => {
        batches.push(values.length);
        handed += values.length;
      },
    });
    expect(summary).toMatchObject({ errorCount: 0, values: 50_000, rows: 50_000, units: 12_500 });
    expect(handed).toBe(50_000);
    expect(batches.length).toBe(50);
    expect(most).toBeLessThanOrEqual(1000);
  });

  it("stops handing values on at the first wrong cell but still counts every error", async () => {
    let handed = 0;
    async function* rows(): AsyncGenerator<ReadRow> {
      yield { number: 1, cells: ["ma_don_vi", "ma_chi_tieu", "nam", "gia_tri"] };
      let number = 1;
      for (const line of longRows([2024])) {
        number += 1;
        const cells = line.split(",");
        // The share of the 1,001st and 2,001st communes is above 100 %.
        if (number > 2 && number % 4000 === 2) cells[3] = "120";
        yield { number, cells };
      }
    }
    const source: SheetSource = {
      kind: "csv",
      sheet: null,
      merges: [],
      rows: rows(),
      bytesRead: () => 0,
    };
    const summary = await checkSheet(source, {
      db: t.database.db,
      user: systemUser,
      batchSize: 100,
      onValues: async (values) => {
        handed += values.length;
      },
    });
    expect(summary.errorCount).toBe(2);
    expect(summary.errors.map((error) => error.cell)).toEqual([
      "dòng 4002, cột D",
      "dòng 8002, cột D",
    ]);
    expect(handed).toBeLessThanOrEqual(4000);
  });
});

describe("import of a file larger than a batch", () => {
  const valueCount = async () =>
    Number(
      (
        await queryRows<{ n: number | string }>(
          t.database.db,
          sql`select count(*) as n from assessment_values where unit_code like 'S%'`,
        )
      )[0]?.n,
    );
  const csvOf = (lines: string[]) =>
    Buffer.from(["ma_don_vi,ma_chi_tieu,nam,gia_tri", ...lines].join("\n"));
  const run = (content: Buffer, dryRun = false) =>
    importValues(t.database.db, {
      user: systemUser,
      fileName: "ca-tinh.csv",
      content,
      dryRun,
      now: new Date("2024-06-15T08:00:00Z"),
    });

  it("writes nothing when one cell after several staged batches is wrong", async () => {
    const lines = [...longRows([2023, 2024], 1500)];
    lines[lines.length - 1] = "S1499,10.2,2024,mười";
    const report = await run(csvOf(lines));
    expect(report).toMatchObject({ ok: false, errorCount: 1, valuesChanged: 0 });
    expect(report.errors[0]?.cell).toBe(`dòng ${lines.length + 1}, cột D`);
    expect(await valueCount()).toBe(0);
  });

  it("writes every value in one transaction, one audit row per commune-year", async () => {
    const content = csvOf([...longRows([2023, 2024], 1500)]);
    const dry = await run(content, true);
    expect(dry).toMatchObject({ ok: true, dryRun: true, values: 12_000, valuesChanged: 12_000 });
    expect(await valueCount()).toBe(0);
    const done = await run(content);
    expect(done).toMatchObject({ ok: true, values: 12_000, valuesChanged: 12_000, units: 3000 });
    expect(done.changes).toHaveLength(3000);
    expect(done.changes[0]).toMatchObject({ unitCode: "S0000", year: 2023, valuesChanged: 4 });
    expect(await valueCount()).toBe(12_000);
    const [audit] = await queryRows<{ n: number | string }>(
      t.database.db,
      sql`select count(*) as n from audit_log where action = 'assessment.import' and unit_code like 'S%'`,
    );
    expect(Number(audit?.n)).toBe(3000);
    const again = await run(content);
    expect(again).toMatchObject({ ok: true, valuesChanged: 0, changes: [] });
  });

  it("replaces stored values, adds new ones and new commune-years, and leaves unchanged ones as they were", async () => {
    const stored = async (codes: string[]) =>
      queryRows<{ u: string; version: number; at: string; n: number | null; t: string | null }>(
        t.database.db,
        sql`select a.unit_code as u, a.version, a.updated_at::text as at, v.num_value as n,
                   v.note as t
              from assessments a
              left join assessment_values v
                on v.unit_code = a.unit_code and v.year = a.year and v.indicator_code = '3.1'
             where a.year = 2024 and a.unit_code in ${codes} order by a.unit_code`,
      );
    const codes = ["S0000", "S0001", "S1600"];
    const before = await stored(codes);
    expect(before.map((row) => [row.u, row.version, row.n])).toEqual([
      ["S0000", 1, 0],
      ["S0001", 1, 1],
    ]);
    const report = await importValues(t.database.db, {
      user: systemUser,
      fileName: "bo-sung.csv",
      content: Buffer.from(
        [
          "ma_don_vi,ma_chi_tieu,nam,gia_tri,ghi_chu",
          "S0000,3.1,2024,42,theo biên bản",
          "S0001,3.1,2024,1,",
          "S1600,3.1,2024,7,",
          "S1600,10.1,2024,8,",
        ].join("\n"),
      ),
      dryRun: false,
      now: new Date("2024-07-01T08:00:00Z"),
    });
    expect(report).toMatchObject({ ok: true, values: 4, valuesChanged: 3, units: 3 });
    expect(report.changes.map((change) => [change.unitCode, change.valuesChanged])).toEqual([
      ["S0000", 1],
      ["S1600", 2],
    ]);
    const after = await stored(codes);
    expect(after.map((row) => [row.u, row.version, row.n, row.t])).toEqual([
      ["S0000", 2, 42, "theo biên bản"],
      ["S0001", 1, 1, null],
      ["S1600", 1, 7, null],
    ]);
    expect(after[1]?.at).toBe(before[1]?.at);
  });

  it("refreshes the planner's statistics after writing a large share of the values, not a small one", async () => {
    const analyzed = async () =>
      (
        await queryRows<{ at: string | null }>(
          t.database.db,
          sql`select last_analyze::text as at from pg_stat_user_tables where relname = 'assessment_values'`,
        )
      )[0]?.at ?? null;
    const before = await analyzed();
    const large = await run(csvOf([...longRows([2025], 1500)]));
    expect(large).toMatchObject({ ok: true, valuesChanged: 6000 });
    const afterLarge = await analyzed();
    expect(afterLarge).not.toBeNull();
    expect(afterLarge).not.toBe(before);
    const small = await run(csvOf(["S0000,3.1,2022,5"]));
    expect(small).toMatchObject({ ok: true, valuesChanged: 1 });
    expect(await analyzed()).toBe(afterLarge);
  });
});

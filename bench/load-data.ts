import { sql } from "drizzle-orm";
import { createUser, evaluateMany, importCatalog, importUnits, systemUser } from "@ntm/api";
import { queryRows, type Database } from "@ntm/db";
import { valueBatches, type BenchDataset } from "./bench-dataset.ts";
import { withCopyWriter, type CopyCell } from "./bulk-copy.ts";
import type { EngineSample } from "./engine-sample.ts";
import { timed } from "./format.ts";

export const BENCH_PASSWORD = "bench-password-2024";

export interface LoadFigures {
  units: { rows: number; ms: number };
  catalog: { ms: number };
  users: { admin: string; largeAdmin: string; ms: number };
  values: {
    rows: number;
    nullValues: number;
    assessments: number;
    ms: number;
    /** Of `ms`, the time spent generating the rows in process. */
    generateMs: number;
    /** Of `ms`, the INSERT … SELECT of the assessment rows after the COPY. */
    assessmentsMs: number;
    analyzeMs: number;
  };
  evaluate: { assessments: number; ms: number; calls: number };
}

const valueColumns = [
  "unit_code",
  "province_code",
  "year",
  "indicator_code",
  "num_value",
  "bool_value",
  "updated_by",
] as const;

/** Rows per COPY statement (about 2 MB of CSV). */
const copyBatch = 50_000;

/**
 * Writes the values with COPY in one transaction, generating the next batch while the previous
 * one is being written, then creates one assessment row per commune-year with one INSERT … SELECT.
 */
async function loadValues(database: Database, dataset: BenchDataset, sample?: EngineSample) {
  let rows = 0;
  let nullValues = 0;
  let generateMs = 0;
  let assessmentsMs = 0;
  // Every value carries its commune's province (the bench's tree has no reform: one per code).
  const parents = new Map(dataset.units.map((unit) => [unit.code, unit.parentCode ?? null]));
  const levels = new Map(dataset.units.map((unit) => [unit.code, unit.level]));
  const provinces = new Map<string, string | null>();
  const provinceOf = (code: string) => {
    if (!provinces.has(code)) {
      let current: string | null = code;
      while (current && levels.get(current) !== "province") current = parents.get(current) ?? null;
      provinces.set(code, current);
    }
    return provinces.get(code) ?? null;
  };
  const { ms } = await timed(() =>
    withCopyWriter(database, async (writer) => {
      const batches = valueBatches(dataset, copyBatch);
      let pending: Promise<void> = Promise.resolve();
      for (;;) {
        const start = performance.now();
        const next = batches.next();
        if (next.done) break;
        const cells: CopyCell[][] = next.value.map((value) => {
          if (value.value === null) nullValues += 1;
          return [
            value.unitCode,
            provinceOf(value.unitCode),
            value.year,
            value.indicatorCode,
            typeof value.value === "number" ? value.value : null,
            typeof value.value === "boolean" ? value.value : null,
            "bench",
          ];
        });
        sample?.add(next.value);
        rows += cells.length;
        generateMs += performance.now() - start;
        await pending;
        pending = writer.copy("assessment_values", valueColumns, cells);
      }
      await pending;
      const assessmentsStart = performance.now();
      await writer.execute(
        `insert into assessments (unit_code, province_code, year, version, demo, updated_by)
         select unit_code, province_code, year, 1, true, 'bench' from assessment_values
         group by unit_code, province_code, year`,
      );
      assessmentsMs = performance.now() - assessmentsStart;
      return rows;
    }),
  );
  const counted = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from assessments`,
  );
  const { ms: analyzeMs } = await timed(() => database.db.execute(sql`analyze`));
  return {
    rows,
    nullValues,
    assessments: counted[0]?.n ?? 0,
    ms,
    generateMs,
    assessmentsMs,
    analyzeMs,
  };
}

/**
 * Loads a fresh, migrated database: units and catalog through the product's services, two
 * province admins, the values with COPY, then every assessment evaluated and stored with the
 * product's evaluateMany in one transaction.
 */
export async function loadData(
  database: Database,
  dataset: BenchDataset,
  options: {
    sample?: EngineSample | undefined;
    /**
     * Communes per evaluateMany call; 0 for one call over everything. evaluateMany spreads a
     * year's value rows into Array.push, which overflows the stack above about 125,000 rows
     * (about 1,600 communes), so national runs need batches until that is fixed.
     */
    evaluateBatch: number;
    log: (line: string) => void;
  },
): Promise<LoadFigures> {
  const { log } = options;
  const db = database.db;
  const now = new Date();

  const units = await timed(() => importUnits(db, { rows: dataset.units, user: systemUser }));
  log(`  units imported: ${dataset.units.length} rows in ${(units.ms / 1000).toFixed(1)} s`);
  const catalog = await timed(() =>
    importCatalog(db, {
      document: dataset.catalogDocument,
      by: systemUser,
      now,
    }),
  );
  const admin = `bench-admin-${dataset.adminProvince.code}`;
  const largeAdmin = `bench-admin-${dataset.largeProvince.code}`;
  const accounts = new Map([
    [admin, dataset.adminProvince.code],
    [largeAdmin, dataset.largeProvince.code],
  ]);
  const users = await timed(async () => {
    for (const [username, unitCode] of accounts) {
      await createUser(db, {
        input: { username, password: BENCH_PASSWORD, role: "province_admin", unitCode },
        by: systemUser,
      });
    }
  });

  log(`  loading values with COPY …`);
  const values = await loadValues(database, dataset, options.sample);
  log(
    `  values loaded: ${values.rows} rows in ${(values.ms / 1000).toFixed(1)} s` +
      ` (${Math.round((values.rows * 1000) / values.ms)} rows/s), ${values.assessments} assessments`,
  );

  const batch = options.evaluateBatch;
  log(
    `  evaluating with evaluateMany` +
      (batch > 0 ? ` (${batch} communes per call, one transaction) …` : ` (one call) …`),
  );
  const evaluate = await timed(() =>
    db.transaction(async (tx) => {
      if (batch <= 0) return evaluateMany(tx, { years: dataset.years, now });
      let evaluated = 0;
      for (let start = 0; start < dataset.chosenCommunes.length; start += batch) {
        const unitCodes = dataset.chosenCommunes.slice(start, start + batch);
        evaluated += (await evaluateMany(tx, { years: dataset.years, unitCodes, now })).evaluated;
      }
      return { evaluated };
    }),
  );
  return {
    units: { rows: dataset.units.length, ms: units.ms },
    catalog: { ms: catalog.ms },
    users: { admin, largeAdmin, ms: users.ms },
    values,
    evaluate: {
      assessments: evaluate.result.evaluated,
      ms: evaluate.ms,
      calls: batch > 0 ? Math.ceil(dataset.chosenCommunes.length / batch) : 1,
    },
  };
}

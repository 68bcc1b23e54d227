/**
 * The engine goals alone, without the load, evaluateMany and HTTP steps of `run-bench.ts`: the
 * reasoned and the compiled engine on every commune-year of the data set held in memory (each
 * compiled result checked against the reasoned one), and the one-query SQL peer on a fresh
 * database holding the values of the focus year. Same variables as the full bench
 * (BENCH_COMMUNES, BENCH_YEARS, BENCH_DATABASE_URL, BENCH_ONLY, BENCH_SQL_RUNS,
 * BENCH_ENGINE_MIN_MS, BENCH_SEED). See docs/benchmarks.md.
 */
import os from "node:os";
import { sql } from "drizzle-orm";
import { importUnits, systemUser } from "@ntm/api";
import { queryRows } from "@ntm/db";
import { readConfig } from "./bench-config.ts";
import { buildDataset, valueBatches } from "./bench-dataset.ts";
import { withCopyWriter } from "./bulk-copy.ts";
import { EngineSample, type SampleAssessment } from "./engine-sample.ts";
import { fmtNum, fmtSeconds, timed } from "./format.ts";
import { openFreshDatabase } from "./fresh-database.ts";
import { databaseVersion, machineInfo } from "./machine-info.ts";
import {
  agreementWithSql,
  measureCompiledEngine,
  printEngineComparison,
  type CompiledFigures,
  type SqlPeer,
} from "./measure-compiled-engine.ts";
import { measureEngine } from "./measure-engine.ts";
import { buildSqlQuery } from "./measure-sql.ts";
import { median } from "./percentiles.ts";
import { printMachine } from "./print-report.ts";
import type { BenchDataset } from "./bench-dataset.ts";
import type { BenchConfig } from "./bench-config.ts";

const log = (line: string) => console.log(line);
const loadText = () =>
  os
    .loadavg()
    .map((value) => fmtNum(value, 2))
    .join(" / ");

/** The SQL peer on a fresh database with the units and the focus year's values only. */
async function sqlPeer(
  kind: "pglite" | "postgres",
  config: BenchConfig,
  dataset: BenchDataset,
  sample: readonly SampleAssessment[],
  compiled: CompiledFigures,
): Promise<SqlPeer> {
  const fresh = await openFreshDatabase(kind, {
    dataRoot: config.dataRoot,
    folder: "pglite-engine",
    postgresUrl: config.postgresUrl,
    keep: config.keep,
  });
  try {
    const { database } = fresh;
    log(`  ${kind}: ${await databaseVersion(database)}`);
    const units = await timed(() =>
      importUnits(database.db, { rows: dataset.units, user: systemUser }),
    );
    const year = config.focusYear;
    // The in-memory commune-years themselves: the generator's values depend on the years asked.
    const ofYear = sample.filter((item) => item.year === year);
    const values = await timed(() =>
      withCopyWriter(database, async (writer) => {
        let rows = 0;
        for (let start = 0; start < ofYear.length; start += 500) {
          const cells = ofYear
            .slice(start, start + 500)
            .flatMap((item) =>
              Object.entries(item.values).map(([code, value]) => [
                item.unit.code,
                item.year,
                code,
                typeof value === "number" ? value : null,
                typeof value === "boolean" ? value : null,
                "bench",
              ]),
            );
          rows += cells.length;
          await writer.copy(
            "assessment_values",
            ["unit_code", "year", "indicator_code", "num_value", "bool_value", "updated_by"],
            cells,
          );
        }
        return rows;
      }),
    );
    await database.db.execute(sql`analyze`);
    log(
      `  ${kind}: units in ${fmtSeconds(units.ms)}, ${values.result} values of ${year} in ${fmtSeconds(values.ms)}`,
    );
    const query = sql.raw(buildSqlQuery(dataset.set, year).text);
    const run = () => queryRows<{ unitCode: string; criteriaMet: number }>(database.db, query);
    await run();
    const runsMs: number[] = [];
    let rows: { unitCode: string; criteriaMet: number }[] = [];
    for (let index = 0; index < config.sqlRuns; index += 1) {
      const start = performance.now();
      rows = await run();
      runsMs.push(performance.now() - start);
    }
    log(`  ${kind}: SQL peer runs ${runsMs.map((ms) => Math.round(ms)).join(" · ")} ms`);
    return {
      label: kind,
      medianMs: median(runsMs),
      ...agreementWithSql(compiled, year, rows),
    };
  } finally {
    await fresh.dispose();
  }
}

async function main() {
  const config = readConfig();
  delete process.env.DATABASE_URL;
  log("# NTM Monitor engine bench\n");
  printMachine(machineInfo(), log);
  const dataset = await buildDataset({
    communes: config.communes,
    years: config.years,
    seed: config.seed,
  });
  const sample = new EngineSample(dataset.units, Number.MAX_SAFE_INTEGER);
  const generated = await timed(async () => {
    for (const batch of valueBatches(dataset, 50_000)) sample.add(batch);
  });
  log(
    `\n${sample.assessments.length} commune-years, ${sample.values} values generated in ${fmtSeconds(generated.ms)}; load ${loadText()}`,
  );
  log("timing the compiled engine …");
  const compiled = measureCompiledEngine(dataset.set, sample.assessments, {
    year: config.focusYear,
    minMs: config.engineMinMs,
  });
  log(`timing evaluateAssessment, checking every compiled result against it …; load ${loadText()}`);
  const current = measureEngine(
    dataset.set,
    sample.assessments,
    config.engineMinMs,
    compiled.checkAgainst,
  );
  const peers: SqlPeer[] = [];
  for (const kind of config.engines) {
    if (kind === "postgres" && !config.postgresUrl) continue;
    log(`SQL peer on ${kind} …; load ${loadText()}`);
    peers.push(await sqlPeer(kind, config, dataset, sample.assessments, compiled));
  }
  log("");
  printEngineComparison(current, compiled, peers, log);
  log(`\nload average after (1/5/15 min): ${loadText()}`);
  if (compiled.check.mismatches > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

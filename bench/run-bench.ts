/**
 * `npm run bench`: generates a national-size data set (or BENCH_COMMUNES × BENCH_YEARS) and
 * measures load, evaluation, the engine, a one-query SQL evaluation and HTTP latency, first on
 * embedded PGlite (fresh folder under .bench-data), then on PostgreSQL when BENCH_DATABASE_URL
 * or DATABASE_URL names a server. See docs/benchmarks.md.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { createDatabase, type Database } from "@ntm/db";
import { readConfig, type BenchConfig } from "./bench-config.ts";
import { buildDataset, type BenchDataset } from "./bench-dataset.ts";
import { EngineSample } from "./engine-sample.ts";
import { fmtSeconds, timed } from "./format.ts";
import { loadData } from "./load-data.ts";
import {
  databaseSizes,
  databaseVersion,
  folderBytes,
  machineInfo,
  peakRssBytes,
} from "./machine-info.ts";
import {
  measureCompiledEngine,
  printEngineComparison,
  type CompiledFigures,
} from "./measure-compiled-engine.ts";
import { compareWithStored, measureEngine, type EngineFigures } from "./measure-engine.ts";
import { measureHttp } from "./measure-http.ts";
import {
  measureReevaluation,
  printReevaluation,
  type ReevaluationFigures,
} from "./measure-reevaluation.ts";
import { measureSql } from "./measure-sql.ts";
import { createScratchDatabase, redactUrl } from "./postgres-scratch.ts";
import {
  printDataset,
  printEngine,
  printMachine,
  printRun,
  type EngineRun,
} from "./print-report.ts";

const log = (line: string) => console.log(line);

async function openFresh(kind: "pglite" | "postgres", config: BenchConfig) {
  if (kind === "pglite") {
    const dataDir = resolve(config.dataRoot, "pglite");
    rmSync(dataDir, { recursive: true, force: true });
    const { result, ms } = await timed(() => createDatabase({ dataDir }));
    return { database: result, openMs: ms, dataDir, drop: async () => undefined };
  }
  const scratch = await createScratchDatabase(config.postgresUrl as string);
  log(`scratch database ${scratch.name} on ${redactUrl(config.postgresUrl as string)}`);
  const { result, ms } = await timed(() => createDatabase({ url: scratch.url }));
  return {
    database: result,
    openMs: ms,
    dataDir: undefined,
    drop: config.keep ? async () => undefined : scratch.drop,
  };
}

async function runOn(
  kind: "pglite" | "postgres",
  config: BenchConfig,
  dataset: BenchDataset,
  engineWanted: boolean,
): Promise<{
  run: EngineRun;
  engine: EngineFigures | undefined;
  compiled: CompiledFigures | undefined;
  reevaluation: ReevaluationFigures;
}> {
  const started = performance.now();
  const loadBefore = os.loadavg();
  log(`\n== ${kind} ==`);
  const { database, openMs, dataDir, drop } = await openFresh(kind, config);
  let closed = false;
  const close = async (db: Database) => {
    if (!closed) await db.close();
    closed = true;
  };
  try {
    const version = await databaseVersion(database);
    log(`  ${version}; opened and migrated in ${fmtSeconds(openMs)}`);
    const sample = engineWanted
      ? new EngineSample(dataset.units, config.engineMaxAssessments)
      : undefined;
    const load = await loadData(database, dataset, {
      sample,
      evaluateBatch: config.evaluateBatch,
      log,
    });
    log(`  evaluated ${load.evaluate.assessments} assessments in ${fmtSeconds(load.evaluate.ms)}`);

    let engine: EngineFigures | undefined;
    let compiled: CompiledFigures | undefined;
    let storedCheck: EngineRun["storedCheck"];
    if (sample) {
      log(`  timing the compiled engine on ${sample.assessments.length} commune-years in memory …`);
      compiled = measureCompiledEngine(dataset.set, sample.assessments, {
        year: config.focusYear,
        minMs: config.engineMinMs,
      });
      log(`  timing evaluateAssessment on the same, checking the compiled statuses against it …`);
      engine = measureEngine(
        dataset.set,
        sample.assessments,
        config.engineMinMs,
        compiled.checkAgainst,
      );
      storedCheck = await compareWithStored(database, engine.results);
      sample.assessments.length = 0;
    }

    log(`  national re-evaluation (reevaluate) while a client reads scorecards …`);
    const chunkSize = process.env.BENCH_REEVALUATE_CHUNK;
    const reevaluation = await measureReevaluation(database, dataset, {
      year: config.focusYear,
      dataDir: resolve(config.dataRoot, `files-${kind}`),
      admin: load.users.admin,
      chunkSize: chunkSize ? Number(chunkSize) : undefined,
      readSize: process.env.BENCH_REEVALUATE_READ
        ? Number(process.env.BENCH_REEVALUATE_READ)
        : undefined,
      fresh: process.env.BENCH_REEVALUATE_FRESH === "1",
      profileTo: process.env.BENCH_PROFILE,
      check: engine
        ? () => compareWithStored(database, (engine as EngineFigures).results)
        : undefined,
    });
    printReevaluation(kind, reevaluation, log);

    log(`  one-query SQL evaluation for ${config.focusYear} …`);
    const sql = await measureSql(database, dataset.set, {
      year: config.focusYear,
      runs: config.sqlRuns,
    });
    log(`  HTTP: ${config.http.concurrency} clients, ${config.http.seconds} s per phase …`);
    const http = await measureHttp(database, dataset, {
      ...config.http,
      year: config.focusYear,
      dataDir: resolve(config.dataRoot, `files-${kind}`),
      admin: load.users.admin,
      largeAdmin: load.users.largeAdmin,
      log,
    });
    const sizes: EngineRun["sizes"] = await databaseSizes(database);
    await close(database);
    if (dataDir) sizes.folderBytes = await folderBytes(dataDir);
    const run: EngineRun = {
      kind,
      version,
      location: kind === "pglite" ? (dataDir ?? "") : database.location,
      openMs,
      load,
      storedCheck,
      sql,
      http,
      sizes,
      peakRssBytes: peakRssBytes(),
      loadAverage: { before: loadBefore, after: os.loadavg() },
      totalMs: performance.now() - started,
    };
    return { run, engine, compiled, reevaluation };
  } finally {
    await close(database);
    await drop();
  }
}

async function main() {
  const config = readConfig();
  // openDatabase falls back to DATABASE_URL; the PGlite run must not follow it to the server.
  delete process.env.DATABASE_URL;
  mkdirSync(config.dataRoot, { recursive: true });
  const machine = machineInfo();
  log("# NTM Monitor bench\n");
  printMachine(machine, log);
  const { result: dataset, ms } = await timed(() =>
    buildDataset({ communes: config.communes, years: config.years, seed: config.seed }),
  );
  printDataset(dataset, log);
  log(`(units and catalog prepared in ${fmtSeconds(ms)})`);

  const runs: EngineRun[] = [];
  let engine: EngineFigures | undefined;
  let compiled: CompiledFigures | undefined;
  const reevaluations: (ReevaluationFigures & { kind: string })[] = [];
  for (const kind of config.engines) {
    if (kind === "postgres" && !config.postgresUrl) {
      log(
        "\nPostgreSQL: skipped (set BENCH_DATABASE_URL, e.g. postgres://app@127.0.0.1:55432/bench).",
      );
      continue;
    }
    const result = await runOn(kind, config, dataset, engine === undefined);
    engine ??= result.engine;
    compiled ??= result.compiled;
    runs.push(result.run);
    reevaluations.push({ kind, ...result.reevaluation });
    log("");
    if (result.engine) printEngine(result.engine, log);
    printRun(result.run, log);
    if (engine && compiled) {
      log("");
      const { sql } = result.run;
      printEngineComparison(
        engine,
        compiled,
        [{ label: kind, medianMs: sql.medianMs, agree: sql.agree, compared: sql.compared }],
        log,
      );
    }
  }

  const file = join(
    config.dataRoot,
    `results-${new Date().toISOString().replace(/[:.]/g, "-")}.json`,
  );
  writeFileSync(
    file,
    JSON.stringify(
      {
        machine,
        config: {
          ...config,
          postgresUrl: config.postgresUrl ? redactUrl(config.postgresUrl) : null,
        },
        dataset: {
          communes: dataset.chosenCommunes.length,
          ruralCommunes: dataset.ruralCommunes,
          units: dataset.units.length,
          years: dataset.years,
          largeProvince: dataset.largeProvince,
          adminProvince: dataset.adminProvince,
        },
        engine: engine ? { ...engine, results: undefined } : null,
        compiledEngine: compiled
          ? {
              compile: compiled.compile,
              all: compiled.all,
              nationalYear: compiled.nationalYear,
              check: compiled.check,
            }
          : null,
        runs: runs.map((run) => ({ ...run, sql: { ...run.sql, query: undefined } })),
        reevaluations,
      },
      null,
      2,
    ),
  );
  const query = runs[0]?.sql.query;
  if (query) writeFileSync(join(config.dataRoot, "sql-evaluation.sql"), `${query.trim()};\n`);
  log(
    `\nresults written to ${file}${query ? ` (the SQL query: ${config.dataRoot}/sql-evaluation.sql)` : ""}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

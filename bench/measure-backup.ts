/**
 * `ntm backup` and `ntm restore` at a size of about 336,000 rows, on PGlite and (when
 * BENCH_DATABASE_URL is set) PostgreSQL: the bench data set of BENCH_COMMUNES communes (default
 * 640) × BENCH_YEARS years (default 5), backed up to a file and restored into a second fresh
 * database. `node --import tsx bench/measure-backup.ts`; see docs/benchmarks.md.
 */
import { mkdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "@ntm/db";
import { backupDatabase, restoreDatabase } from "../apps/cli/src/commands/backup.ts";
import { readConfig } from "./bench-config.ts";
import { buildDataset } from "./bench-dataset.ts";
import { fmtInt, fmtMiB, fmtSeconds, table, timed } from "./format.ts";
import { openFreshDatabase, type EngineKind } from "./fresh-database.ts";
import { loadData } from "./load-data.ts";
import { databaseVersion, machineInfo } from "./machine-info.ts";

async function totalRows(database: Database): Promise<number> {
  const tables = await queryRows<{ name: string }>(
    database.db,
    sql`select tablename as name from pg_tables where schemaname = 'public'`,
  );
  let total = 0;
  for (const { name } of tables) {
    const rows = await queryRows<{ n: number }>(
      database.db,
      sql.raw(`select count(*)::int as n from "${name}"`),
    );
    total += rows[0]?.n ?? 0;
  }
  return total;
}

process.env.BENCH_COMMUNES ??= "640";
const config = readConfig();
const dataRoot = resolve(config.dataRoot);
mkdirSync(dataRoot, { recursive: true });
const dataset = await buildDataset({
  communes: config.communes,
  years: config.years,
  seed: config.seed,
});
const machine = machineInfo();
console.log(`${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}`);

const results: string[][] = [];
for (const kind of config.engines as EngineKind[]) {
  if (kind === "postgres" && !config.postgresUrl) {
    console.log("PostgreSQL skipped: set BENCH_DATABASE_URL.");
    continue;
  }
  const options = { dataRoot, postgresUrl: config.postgresUrl, keep: config.keep };
  const source = await openFreshDatabase(kind, { ...options, folder: "backup-source" });
  const target = await openFreshDatabase(kind, { ...options, folder: "backup-target" });
  const fileDir = join(dataRoot, "backup-files");
  rmSync(fileDir, { recursive: true, force: true });
  mkdirSync(fileDir, { recursive: true });
  try {
    await loadData(source.database, dataset, { evaluateBatch: 1000, log: console.log });
    const rows = await totalRows(source.database);
    const file = join(dataRoot, `backup-${kind}.jsonl.gz`);
    const backup = await timed(() => backupDatabase(source.database, file, { dataDir: fileDir }));
    const restore = await timed(() => restoreDatabase(target.database, file, { dataDir: fileDir }));
    results.push([
      `${kind} (${await databaseVersion(source.database)})`,
      fmtInt(rows),
      fmtSeconds(backup.ms),
      fmtMiB(statSync(file).size),
      fmtSeconds(restore.ms),
    ]);
    console.log(results.at(-1)?.join(" · "));
  } finally {
    await source.dispose();
    await target.dispose();
  }
}
console.log(table(["database", "rows", "ntm backup", "file", "ntm restore"], results));

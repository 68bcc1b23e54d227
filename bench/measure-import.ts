/**
 * Excel import and streamed export at national size, on PGlite and (when BENCH_DATABASE_URL is
 * set) PostgreSQL: a province-year workbook made with the product's template, a national
 * long-format CSV made with the product's export, each imported with `importValues` as a dry run
 * and as a real write, and exports of about 10,000 and 100,000 rows, each with its time and
 * memory peaks. `node --import tsx bench/measure-import.ts`; see
 * docs/benchmarks-import-and-targets.md.
 */
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import v8 from "node:v8";
import { join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { buildTemplate, exportValues, importValues, systemUser } from "@ntm/api";
import type { ImportReport } from "@ntm/contracts";
import type { Database } from "@ntm/db";
import { readConfig, type BenchConfig } from "./bench-config.ts";
import { buildDataset, type BenchDataset } from "./bench-dataset.ts";
import { fmtInt, fmtNum, fmtSeconds, table, timed } from "./format.ts";
import { openFreshDatabase, type EngineKind } from "./fresh-database.ts";
import { loadData } from "./load-data.ts";
import { databaseCpuReader } from "./database-cpu.ts";
import { databaseVersion, machineInfo } from "./machine-info.ts";
import { withMemoryPeak, type MemoryPeak } from "./memory-peak.ts";

type Log = (line: string) => void;

export interface ImportPhase {
  name: string;
  file: string;
  fileBytes: number;
  dryRun: boolean;
  ms: number;
  /**
   * CPU time of this process during the phase (user + system): on PGlite all the work, the
   * database included; on PostgreSQL the application's share only. Less sensitive than the wall
   * time to other work on a shared machine.
   */
  cpuMs: number;
  /**
   * CPU time of the PostgreSQL server during the phase (all its processes, read from /proc when
   * it runs on this machine); undefined on PGlite, whose work is in `cpuMs`.
   */
  databaseCpuMs: number | undefined;
  /** The 1-minute load average at the start of the phase. */
  load: number;
  rows: number;
  values: number;
  valuesChanged: number;
  units: number;
  errorCount: number;
  /** The exception, when the import failed outright (not a file error). */
  error: string | undefined;
  memory: MemoryPeak;
}

export interface ExportPhase {
  name: string;
  format: "csv" | "xlsx";
  communes: number;
  rows: number;
  fileBytes: number;
  ms: number;
  memory: MemoryPeak;
}

export interface ImportRun {
  kind: EngineKind;
  version: string;
  loadMs: number;
  /** Time to make the files with the product's template and export code. */
  makeFiles: { templateMs: number; nationalCsvMs: number };
  imports: ImportPhase[];
  exports: ExportPhase[];
  loadAverage: { before: number[]; after: number[] };
}

const now = new Date();

const fmtMiB = (bytes: number) => `${fmtNum(bytes / 1024 / 1024, 1)} MiB`;

/** As the command line does (`ntm export values`): the system, acting for the unit asked about. */
const actingFor = (unit: string) => ({ ...systemUser, unitCode: unit });

function provinceOfCommune(dataset: BenchDataset) {
  const parentOf = new Map(dataset.units.map((row) => [row.code, row.parentCode ?? ""]));
  return (code: string) => parentOf.get(parentOf.get(code) ?? "") ?? "";
}

/** Splits one CSV line of the export (quoted fields only where the export quotes them). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

const csvField = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

async function streamToBuffer(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The province's import template for `fromYear` (filled with the stored values by the product's
 * `buildTemplate`), with the year column set to `toYear`: a province reporting a new year.
 */
export async function provinceWorkbook(
  db: Database["db"],
  province: string,
  fromYear: number,
  toYear: number,
) {
  const template = await buildTemplate(db, {
    user: actingFor(province),
    unit: province,
    year: fromYear,
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("the template has no sheet");
  let communes = 0;
  sheet.eachRow((row, number) => {
    if (number <= 3) return;
    row.getCell(3).value = toYear;
    communes += 1;
  });
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), communes };
}

/**
 * Every province's export for `fromYear` (the product's `exportValues`, CSV), joined under one
 * header with the year column set to `toYear`: the national long-format file.
 */
export async function nationalCsv(
  db: Database["db"],
  dataset: BenchDataset,
  fromYear: number,
  toYear: number,
) {
  const provinces = dataset.units.filter((row) => row.level === "province");
  const lines: string[] = [];
  for (const province of provinces) {
    const exported = await exportValues(db, {
      user: actingFor(province.code),
      unit: province.code,
      year: fromYear,
      format: "csv",
    });
    const text = (await streamToBuffer(exported.stream)).toString("utf8").replace(/^\ufeff/, "");
    await exported.done;
    const [header, ...rows] = text.split("\n").filter((line) => line !== "");
    if (lines.length === 0 && header) lines.push(`\ufeff${header}`);
    for (const row of rows) {
      const cells = csvCells(row);
      cells[3] = String(toYear);
      lines.push(cells.map(csvField).join(","));
    }
  }
  return { buffer: Buffer.from(`${lines.join("\n")}\n`, "utf8"), rows: lines.length - 1 };
}

/** The error and the first frame of product code that threw it. */
function failureOf(error: unknown): string {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  const frame = stack
    .split("\n")
    .find((line) => line.includes("/apps/") || line.includes("/packages/"));
  return frame ? `${String(error)} (${frame.trim()})` : String(error);
}

async function timeImport(
  name: string,
  file: string,
  content: Buffer,
  dryRun: boolean,
  db: Database["db"],
  databaseCpu: (() => number) | undefined,
  log: Log,
): Promise<ImportPhase> {
  const load = os.loadavg()[0] ?? 0;
  const cpuBefore = process.cpuUsage();
  const databaseCpuBefore = databaseCpu?.();
  const { result, ms, memory } = await withMemoryPeak(() =>
    importValues(db, {
      user: systemUser,
      fileName: file,
      content,
      dryRun,
      now,
    }).then(
      (report: ImportReport) => ({ report, error: undefined }),
      (error: unknown) => ({ report: undefined, error: failureOf(error) }),
    ),
  );
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const databaseCpuMs =
    databaseCpu && databaseCpuBefore !== undefined ? databaseCpu() - databaseCpuBefore : undefined;
  const { report, error } = result;
  if (report && !report.ok) {
    throw new Error(
      `${name}: ${report.errorCount} errors, first: ${JSON.stringify(report.errors[0])}`,
    );
  }
  log(
    `  ${name}${dryRun ? " (dry run)" : ""}: ` +
      (report
        ? `${fmtInt(report.values)} values, ${fmtInt(report.valuesChanged)} changed`
        : `FAILED: ${error}`) +
      `, ${fmtSeconds(ms)} (CPU ${fmtSeconds(cpuMs)}` +
      (databaseCpuMs === undefined ? "" : `, database CPU ${fmtSeconds(databaseCpuMs)}`) +
      `), load ${fmtNum(load, 1)}, RSS peak ${fmtMiB(memory.peakRssBytes)}`,
  );
  return {
    name,
    file,
    fileBytes: content.length,
    dryRun,
    ms,
    cpuMs,
    databaseCpuMs,
    load,
    rows: report?.rows ?? 0,
    values: report?.values ?? 0,
    valuesChanged: report?.valuesChanged ?? 0,
    units: report?.units ?? 0,
    errorCount: report?.errorCount ?? 0,
    error,
    memory,
  };
}

/**
 * No province has 100,000 values in a year (the largest, Thanh Hóa, has 454 xã × 79), so for the
 * large export the districts of other provinces are moved under the export province until it
 * holds enough communes with values. Only the export phases run after this.
 */
async function enlargeProvince(
  database: Database,
  dataset: BenchDataset,
  into: string,
  communesWanted: number,
  keepOut: Set<string>,
) {
  const provinceOf = provinceOfCommune(dataset);
  const perProvince = new Map<string, number>();
  for (const code of dataset.chosenCommunes) {
    perProvince.set(provinceOf(code), (perProvince.get(provinceOf(code)) ?? 0) + 1);
  }
  let communes = perProvince.get(into) ?? 0;
  const moved: string[] = [];
  for (const [province, count] of perProvince) {
    if (communes >= communesWanted) break;
    if (province === into || keepOut.has(province)) continue;
    moved.push(province);
    communes += count;
  }
  if (moved.length > 0) {
    await database.db.execute(
      sql`update admin_units set parent_code = ${into}
        where level = 'district' and parent_code = any(string_to_array(${moved.join(",")}, ','))`,
    );
  }
  return communes;
}

async function timeExport(
  name: string,
  db: Database["db"],
  unit: string,
  year: number,
  format: "csv" | "xlsx",
  path: string,
  communes: number,
  log: Log,
): Promise<ExportPhase> {
  let bytes = 0;
  const {
    result: rows,
    ms,
    memory,
  } = await withMemoryPeak(async () => {
    const exported = await exportValues(db, { user: actingFor(unit), unit, year, format });
    exported.stream.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
    });
    await pipeline(exported.stream, createWriteStream(path));
    return exported.done;
  });
  log(
    `  ${name} ${format}: ${fmtInt(rows)} rows, ${fmtMiB(bytes)}, ${fmtSeconds(ms)}, ` +
      `RSS peak ${fmtMiB(memory.peakRssBytes)} (baseline ${fmtMiB(memory.baselineRssBytes)})`,
  );
  return { name, format, communes, rows, fileBytes: bytes, ms, memory };
}

async function runOn(
  kind: EngineKind,
  config: BenchConfig,
  dataset: BenchDataset,
  log: Log,
): Promise<ImportRun> {
  const loadBefore = os.loadavg();
  log(`\n== ${kind} ==`);
  const freeYears = [2021, 2022, 2023, 2024, 2025].filter((year) => !dataset.years.includes(year));
  const [provinceYear, nationalYear] = [freeYears.at(-1), freeYears.at(-2)];
  if (provinceYear === undefined || nationalYear === undefined) {
    throw new Error(
      "BENCH_YEARS must leave two years of 2021–2025 free for the imports (at most 3).",
    );
  }
  const fresh = await openFreshDatabase(kind, {
    dataRoot: config.dataRoot,
    folder: "pglite-import",
    postgresUrl: config.postgresUrl,
    keep: config.keep,
  });
  const files = resolve(config.dataRoot, `import-files-${kind}`);
  mkdirSync(files, { recursive: true });
  try {
    const { database } = fresh;
    const db = database.db;
    const version = await databaseVersion(database);
    log(`  ${version.split(" on ")[0] ?? version} at ${fresh.location}`);
    const { ms: loadMs } = await timed(() =>
      loadData(database, dataset, { evaluateBatch: config.evaluateBatch, log }),
    );
    log(`  loaded and evaluated in ${fmtSeconds(loadMs)}`);

    const province = dataset.largeProvince.code;
    const year = config.focusYear;
    const template = await timed(() => provinceWorkbook(db, province, year, provinceYear));
    const workbookName = `mau-nhap-${province}-${provinceYear}.xlsx`;
    writeFileSync(join(files, workbookName), template.result.buffer);
    log(
      `  template of ${dataset.largeProvince.name}: ${template.result.communes} xã, ` +
        `${fmtMiB(template.result.buffer.length)}, made in ${fmtSeconds(template.ms)}`,
    );
    const national = await timed(() => nationalCsv(db, dataset, year, nationalYear));
    const nationalName = `so-lieu-ca-nuoc-${nationalYear}.csv`;
    writeFileSync(join(files, nationalName), national.result.buffer);
    log(
      `  national long file: ${fmtInt(national.result.rows)} rows, ` +
        `${fmtMiB(national.result.buffer.length)}, made in ${fmtSeconds(national.ms)}`,
    );

    const databaseCpu = await databaseCpuReader(database);
    const imports: ImportPhase[] = [];
    for (const dryRun of [true, false]) {
      imports.push(
        await timeImport(
          "province workbook",
          workbookName,
          template.result.buffer,
          dryRun,
          db,
          databaseCpu,
          log,
        ),
      );
    }
    for (const dryRun of [true, false]) {
      imports.push(
        await timeImport(
          "national long CSV",
          nationalName,
          national.result.buffer,
          dryRun,
          db,
          databaseCpu,
          log,
        ),
      );
    }

    const exportRows = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
    const exports: ExportPhase[] = [];
    if (exportRows === 0) {
      return {
        kind,
        version,
        loadMs,
        makeFiles: { templateMs: template.ms, nationalCsvMs: national.ms },
        imports,
        exports,
        loadAverage: { before: loadBefore, after: os.loadavg() },
      };
    }
    const small = Math.ceil(exportRows / 10 / 79);
    const large = Math.ceil(exportRows / 79);
    const provinceOf = provinceOfCommune(dataset);
    const perProvince = new Map<string, number>();
    for (const code of dataset.chosenCommunes) {
      perProvince.set(provinceOf(code), (perProvince.get(provinceOf(code)) ?? 0) + 1);
    }
    // The province whose communes with values come closest to a tenth of the large export.
    const smallProvince = [...perProvince]
      .filter(([code]) => code !== province)
      .sort((a, b) => Math.abs(a[1] - small) - Math.abs(b[1] - small))[0] ?? [province, 0];
    const largeCommunes = await enlargeProvince(
      database,
      dataset,
      province,
      large,
      new Set([smallProvince[0]]),
    );
    for (const format of ["csv", "xlsx"] as const) {
      exports.push(
        await timeExport(
          "small",
          db,
          smallProvince[0],
          year,
          format,
          join(files, `export-small.${format}`),
          smallProvince[1],
          log,
        ),
        await timeExport(
          "large",
          db,
          province,
          year,
          format,
          join(files, `export-large.${format}`),
          largeCommunes,
          log,
        ),
      );
    }
    return {
      kind,
      version,
      loadMs,
      makeFiles: { templateMs: template.ms, nationalCsvMs: national.ms },
      imports,
      exports,
      loadAverage: { before: loadBefore, after: os.loadavg() },
    };
  } finally {
    await fresh.dispose();
  }
}

export function printImport(runs: ImportRun[], log: Log) {
  log("\n### Import (`importValues`, as the command line: system account)\n");
  log(
    table(
      [
        "database",
        "file",
        "size",
        "mode",
        "values",
        "written",
        "time",
        "CPU",
        "database CPU",
        "load",
        "RSS before → peak",
        "heap before → peak",
        "buffers peak",
      ],
      runs.flatMap((run) =>
        run.imports.map((phase) => [
          run.kind,
          phase.name,
          fmtMiB(phase.fileBytes),
          phase.dryRun ? "dry run" : "write",
          fmtInt(phase.values),
          phase.error ? `failed: ${phase.error.slice(0, 60)}` : fmtInt(phase.valuesChanged),
          fmtSeconds(phase.ms),
          fmtSeconds(phase.cpuMs),
          phase.databaseCpuMs === undefined ? "–" : fmtSeconds(phase.databaseCpuMs),
          fmtNum(phase.load, 1),
          `${fmtMiB(phase.memory.baselineRssBytes)} → ${fmtMiB(phase.memory.peakRssBytes)}`,
          `${fmtMiB(phase.memory.baselineHeapBytes)} → ${fmtMiB(phase.memory.peakHeapBytes)}`,
          fmtMiB(phase.memory.peakArrayBuffersBytes),
        ]),
      ),
    ),
  );
  log("\n### Export (`exportValues`, streamed to a file)\n");
  log(
    table(
      [
        "database",
        "format",
        "xã",
        "rows",
        "file",
        "time",
        "rows/s",
        "RSS before → peak",
        "heap before → peak",
      ],
      runs.flatMap((run) =>
        run.exports.map((phase) => [
          run.kind,
          phase.format,
          fmtInt(phase.communes),
          fmtInt(phase.rows),
          fmtMiB(phase.fileBytes),
          fmtSeconds(phase.ms),
          fmtInt((phase.rows * 1000) / phase.ms),
          `${fmtMiB(phase.memory.baselineRssBytes)} → ${fmtMiB(phase.memory.peakRssBytes)}`,
          `${fmtMiB(phase.memory.baselineHeapBytes)} → ${fmtMiB(phase.memory.peakHeapBytes)}`,
        ]),
      ),
    ),
  );
  log("");
  for (const run of runs) {
    log(
      `${run.kind}: ${run.version.split(" on ")[0] ?? run.version}; load + evaluate ${fmtSeconds(run.loadMs)}; ` +
        `template made in ${fmtSeconds(run.makeFiles.templateMs)}, national CSV in ${fmtSeconds(run.makeFiles.nationalCsvMs)}; ` +
        `process maxrss ${fmtMiB((run.exports.at(-1) ?? run.imports.at(-1))?.memory.processMaxRssBytes ?? 0)}; load average ` +
        `${run.loadAverage.before.map((v) => v.toFixed(2)).join(" ")} → ${run.loadAverage.after.map((v) => v.toFixed(2)).join(" ")}`,
    );
  }
}

/** Runs the import and export measurement on each configured database. */
export async function measureImport(
  options: { config?: BenchConfig; dataset?: BenchDataset; log?: Log } = {},
): Promise<ImportRun[]> {
  const config = options.config ?? readConfig();
  const log = options.log ?? ((line: string) => console.log(line));
  const dataset =
    options.dataset ??
    (await buildDataset({ communes: config.communes, years: config.years, seed: config.seed }));
  log(`import bench: ${dataset.chosenCommunes.length} xã × ${dataset.years.join(", ")}`);
  const results: ImportRun[] = [];
  for (const kind of config.engines) {
    if (kind === "postgres" && !config.postgresUrl) {
      log("\nPostgreSQL: skipped (set BENCH_DATABASE_URL).");
      continue;
    }
    results.push(await runOn(kind, config, dataset, log));
  }
  return results;
}

async function main() {
  const config = readConfig({ BENCH_YEARS: "2", ...process.env });
  // openDatabase falls back to DATABASE_URL; the PGlite run must not follow it to the server.
  delete process.env.DATABASE_URL;
  mkdirSync(config.dataRoot, { recursive: true });
  const machine = machineInfo();
  // The heap goal of the national write is shown by running with `--max-old-space-size=512`.
  const heapLimit = v8.getHeapStatistics().heap_size_limit;
  console.log(
    `# Import and export bench\n\n${machine.cpuModel}, ${machine.cores} cores, load average ` +
      machine.loadAverage.map((v) => v.toFixed(2)).join(" ") +
      `; V8 heap limit ${fmtMiB(heapLimit)}`,
  );
  const runs = await measureImport({ config });
  printImport(runs, (line) => console.log(line));
  const file = join(
    config.dataRoot,
    `import-${new Date().toISOString().replace(/[:.]/g, "-")}.json`,
  );
  writeFileSync(
    file,
    JSON.stringify({ machine, communes: config.communes, years: config.years, runs }, null, 2),
  );
  console.log(`\nresults written to ${file}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

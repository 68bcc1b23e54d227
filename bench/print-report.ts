import type { BenchDataset } from "./bench-dataset.ts";
import { fmtInt, fmtMiB, fmtMs, fmtNum, fmtSeconds, perSecond, table } from "./format.ts";
import type { LoadFigures } from "./load-data.ts";
import type { MachineInfo } from "./machine-info.ts";
import type { EngineFigures } from "./measure-engine.ts";
import type { HttpFigures } from "./measure-http.ts";
import type { SqlFigures } from "./measure-sql.ts";

export interface EngineRun {
  kind: "pglite" | "postgres";
  version: string;
  location: string;
  openMs: number;
  load: LoadFigures;
  storedCheck: { compared: number; equal: number; stored: number } | undefined;
  sql: SqlFigures;
  http: HttpFigures;
  sizes: { databaseBytes: number; valuesBytes: number; resultsBytes: number; folderBytes?: number };
  peakRssBytes: number;
  loadAverage: { before: number[]; after: number[] };
  totalMs: number;
}

export function printMachine(machine: MachineInfo, log: (line: string) => void): void {
  log(
    table(
      ["machine", ""],
      [
        ["CPU", machine.cpuModel],
        ["cores", String(machine.cores)],
        ["RAM", `${fmtNum(machine.ramGiB, 1)} GiB`],
        ["OS", machine.os],
        ["Node", machine.node],
        ["load average (1/5/15 min)", machine.loadAverage.map((v) => fmtNum(v, 2)).join(" / ")],
      ],
    ),
  );
}

export function printDataset(dataset: BenchDataset, log: (line: string) => void): void {
  const units = dataset.units;
  const count = (level: string) => units.filter((row) => row.level === level).length;
  const indicators = dataset.set.criteria.reduce((sum, c) => sum + c.indicators.length, 0);
  const conditions = dataset.set.levels.reduce((sum, l) => sum + (l.conditions?.length ?? 0), 0);
  log(
    `Data set: ${count("province")} provinces / ${count("district")} districts / ` +
      `${fmtInt(count("commune"))} communes (${fmtInt(dataset.ruralCommunes)} rural xã assessed); ` +
      `values for ${fmtInt(dataset.chosenCommunes.length)} xã × ${dataset.years.length} years ` +
      `(${dataset.years.join(", ")}) × ${indicators} indicators + ${conditions} level conditions; ` +
      `set ${dataset.set.code} (${dataset.set.criteria.length} criteria).`,
  );
}

export function printEngine(engine: EngineFigures, log: (line: string) => void): void {
  log(
    table(
      ["engine (evaluateAssessment, 1 thread)", "value"],
      [
        ["assessments (commune-years) per pass", fmtInt(engine.assessments)],
        ["indicator values per pass", fmtInt(engine.values)],
        ["indicator × level checks per pass", fmtInt(engine.indicatorLevelChecks)],
        ["time per pass (mean of " + engine.passes + ")", fmtSeconds(engine.ms)],
        ["assessments/s", fmtInt(perSecond(engine.assessments, engine.ms))],
        ["indicator values/s", fmtInt(perSecond(engine.values, engine.ms))],
        ["µs per assessment", fmtNum((engine.ms * 1000) / engine.assessments, 0)],
      ],
    ),
  );
}

export function printRun(run: EngineRun, log: (line: string) => void): void {
  const { load } = run;
  log(`\n### ${run.kind === "pglite" ? "PGlite" : "PostgreSQL"}: ${run.version}`);
  log(`location: ${run.location}`);
  log(
    table(
      ["load step", "rows", "time", "rows/s"],
      [
        ["open + migrate (fresh)", "", fmtSeconds(run.openMs), ""],
        [
          "units (importUnits, row by row)",
          fmtInt(load.units.rows),
          fmtSeconds(load.units.ms),
          fmtInt(perSecond(load.units.rows, load.units.ms)),
        ],
        ["catalog (importCatalog)", "1 set", fmtSeconds(load.catalog.ms), ""],
        ["2 province admins (createUser)", "2", fmtSeconds(load.users.ms), ""],
        [
          "values (COPY, 1 transaction)",
          fmtInt(load.values.rows),
          fmtSeconds(load.values.ms),
          fmtInt(perSecond(load.values.rows, load.values.ms)),
        ],
        ["  of which generating in process", "", fmtSeconds(load.values.generateMs), ""],
        [
          "  of which assessments (INSERT … SELECT)",
          fmtInt(load.values.assessments),
          fmtSeconds(load.values.assessmentsMs),
          "",
        ],
        ["ANALYZE", "", fmtSeconds(load.values.analyzeMs), ""],
        [
          `evaluateMany (${load.evaluate.calls} call${load.evaluate.calls === 1 ? "" : "s"}, 1 transaction)`,
          fmtInt(load.evaluate.assessments),
          fmtSeconds(load.evaluate.ms),
          `${fmtInt(perSecond(load.evaluate.assessments, load.evaluate.ms))} assessments/s`,
        ],
      ],
    ),
  );
  log(
    `values: ${fmtInt(load.values.nullValues)} null (not entered); assessments rows: ` +
      `${fmtInt(load.values.assessments)}. Sizes: database ${fmtMiB(run.sizes.databaseBytes)}, ` +
      `assessment_values ${fmtMiB(run.sizes.valuesBytes)}, results ${fmtMiB(run.sizes.resultsBytes)}` +
      (run.sizes.folderBytes !== undefined
        ? `, data folder ${fmtMiB(run.sizes.folderBytes)}`
        : "") +
      `. Peak RSS of the bench process so far: ${fmtMiB(run.peakRssBytes)}.`,
  );
  if (run.storedCheck) {
    log(
      `engine in memory vs stored by evaluateMany: ${fmtInt(run.storedCheck.equal)}/` +
        `${fmtInt(run.storedCheck.compared)} equal (criteria met and level).`,
    );
  }

  const { sql } = run;
  const rate = sql.compared > 0 ? (100 * sql.agree) / sql.compared : Number.NaN;
  log(
    table(
      [`one SQL query, criteria met per xã, ${sql.year}`, "value"],
      [
        ["communes returned", fmtInt(sql.communes)],
        ["median time", fmtMs(sql.medianMs)],
        ["runs", sql.runsMs.map((ms) => fmtNum(ms, 0)).join(", ") + " ms"],
        ["largest event-loop gap during a run", fmtMs(sql.eventLoopGapMs)],
        [
          "agrees with stored criteriaMet",
          `${fmtInt(sql.agree)}/${fmtInt(sql.compared)} (${fmtNum(rate, 2)} %)`,
        ],
        [
          "thresholds flattened",
          `${sql.notes.thresholdRows} rows for ${sql.notes.indicators} indicators; ` +
            `${sql.notes.notAtStandard} indicators not at standard; relative-only: ${sql.notes.relativeOnly.length}`,
        ],
      ],
    ),
  );
  log(
    `simpler SQL, agreement: ` +
      sql.variants
        .map(
          (v) =>
            `${v.label} ${fmtNum(v.compared > 0 ? (100 * v.agree) / v.compared : Number.NaN, 2)} %`,
        )
        .join("; "),
  );
  if (sql.examples.length > 0) {
    log(
      `disagreements (unit: sql/engine): ${sql.examples.map((e) => `${e.unitCode}: ${e.sql}/${e.engine}`).join(", ")}`,
    );
  }

  const { http } = run;
  log(
    `HTTP (year ${http.year}), one request each before the load: ` +
      http.probes
        .map((p) => `${p.target}: ${fmtMs(p.ms)}, ${fmtInt(p.bytes)} bytes, ${p.detail}`)
        .join("; "),
  );
  const rows: string[][] = [];
  for (const phase of http.phases) {
    const requests = phase.endpoints.reduce((sum, endpoint) => sum + endpoint.latency.count, 0);
    const cpuSeconds = phase.cpu.serverSeconds + (phase.cpu.databaseSeconds ?? 0);
    for (const endpoint of phase.endpoints) {
      rows.push([
        phase.name.startsWith("1 client") ? "1" : String(phase.concurrency),
        phase.name.includes("mixed") ? `mixed: ${endpoint.target}` : endpoint.target,
        fmtInt(endpoint.latency.count),
        fmtNum(endpoint.requestsPerSecond, 1),
        fmtNum(endpoint.latency.p50, 1),
        fmtNum(endpoint.latency.p95, 1),
        fmtNum(endpoint.latency.p99, 1),
        fmtNum(endpoint.latency.max, 1),
        String(endpoint.errors),
        fmtNum(phase.eventLoop.maxMs, 0),
        fmtNum(phase.cpu.serverSeconds, 1),
        phase.cpu.databaseSeconds === null ? "—" : fmtNum(phase.cpu.databaseSeconds, 1),
        cpuSeconds > 0 ? fmtNum(requests / cpuSeconds, 0) : "—",
        fmtNum(phase.cpu.loadAverage, 1),
      ]);
    }
  }
  log(
    table(
      [
        "clients",
        "endpoint",
        "requests",
        "req/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "errors",
        "loop max ms",
        "server CPU s",
        "database CPU s",
        "req per CPU-s",
        "load",
      ],
      rows,
    ),
  );
  for (const phase of http.phases) {
    for (const endpoint of phase.endpoints) {
      if (endpoint.firstError) log(`  ${phase.name} / ${endpoint.target}: ${endpoint.firstError}`);
    }
  }
  log(
    `load average before/after: ${run.loadAverage.before.map((v) => fmtNum(v, 2)).join(" ")} → ` +
      `${run.loadAverage.after.map((v) => fmtNum(v, 2)).join(" ")}; total ${fmtSeconds(run.totalMs)}`,
  );
}

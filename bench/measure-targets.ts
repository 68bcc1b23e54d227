/**
 * Target progress and the province dashboard at national data size, on PGlite and (when
 * BENCH_DATABASE_URL is set) PostgreSQL: p50/p99 of `GET /api/units/P/targets`,
 * `GET /api/targets/ID/progress` and `GET /api/units/P/dashboard` for the province with most xã,
 * and a check that a value saved through the API shows in the next read of progress and dashboard.
 * `node --import tsx bench/measure-targets.ts`; see docs/benchmarks-import-and-targets.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  joinScorecard,
  type CatalogSetDetail,
  type Scorecard,
  type ScorecardResponse,
  type TargetDto,
  type TargetInput,
  type TargetsDashboardResponse,
  type TargetWithProgress,
  type UnitTargetsResponse,
} from "@ntm/contracts";
import { readConfig, type BenchConfig } from "./bench-config.ts";
import { buildDataset, type BenchDataset } from "./bench-dataset.ts";
import { startBenchServer } from "./bench-server.ts";
import { fmtInt, fmtMs, fmtSeconds, table } from "./format.ts";
import { openFreshDatabase, type EngineKind } from "./fresh-database.ts";
import { loadData } from "./load-data.ts";
import { databaseVersion, machineInfo, peakRssBytes } from "./machine-info.ts";
import { summariseLatencies, type LatencySummary } from "./percentiles.ts";

export interface EndpointLatency {
  name: string;
  path: string;
  latency: LatencySummary;
  bytes: number;
  detail: string;
}

export interface FreshnessCheck {
  commune: string;
  indicator: string;
  criteriaMetBefore: number;
  criteriaMetAfter: number;
  progressActualAfter: number | null;
  dashboardCriteriaMetAfter: number | null;
  saveMs: number;
  readMs: number;
}

export interface TargetsRun {
  kind: EngineKind;
  version: string;
  loadMs: number;
  targets: number;
  endpoints: EndpointLatency[];
  freshness: FreshnessCheck;
  loadAverage: { before: number[]; after: number[] };
  peakRssBytes: number;
}

type Log = (line: string) => void;

function targetsOf(dataset: BenchDataset, years: number[]): TargetInput[] {
  const province = dataset.largeProvince;
  const baselineYear = years[0] ?? 2024;
  const base: Omit<TargetInput, "unitCode" | "name" | "kind" | "value"> = {
    baselineYear,
    deadlineYear: 2025,
    level: null,
    measure: null,
    perYear: false,
    excludeRecognised: false,
    valueUnit: null,
    communeCodes: null,
    entered: [],
    source: "bench",
    milestones: [],
    othersGainPerYear: null,
  };
  const half = Math.max(1, Math.round(province.ruralCommunes / 2));
  const own: TargetInput[] = [
    {
      ...base,
      unitCode: province.code,
      name: "Xã đạt chuẩn",
      kind: "communesAtLevel",
      value: half,
      level: "standard",
      measure: "count",
    },
    {
      ...base,
      unitCode: province.code,
      name: "Tỷ lệ xã đạt chuẩn",
      kind: "communesAtLevel",
      value: 80,
      level: "standard",
      measure: "share",
    },
    {
      ...base,
      unitCode: province.code,
      name: "Xã nâng cao",
      kind: "communesAtLevel",
      value: Math.max(1, Math.round(half / 3)),
      level: "advanced",
      measure: "count",
    },
    {
      ...base,
      unitCode: province.code,
      name: "Xã còn lại đạt chuẩn",
      kind: "communesAtLevel",
      value: 10,
      level: "standard",
      measure: "count",
      excludeRecognised: true,
    },
    {
      ...base,
      unitCode: province.code,
      name: "Bình quân tiêu chí",
      kind: "averageCriteria",
      value: 17,
    },
    {
      ...base,
      unitCode: province.code,
      name: "Không còn xã dưới 15 tiêu chí",
      kind: "minCriteria",
      value: 15,
    },
    {
      ...base,
      unitCode: province.code,
      name: "Mỗi xã tăng 1 tiêu chí/năm",
      kind: "gainOverBaseline",
      value: 1,
      perYear: true,
    },
    {
      ...base,
      unitCode: province.code,
      name: "Duy trì xã đã đạt chuẩn",
      kind: "maintenance",
      value: 0,
    },
  ];
  const districts = dataset.units
    .filter((row) => row.level === "district" && row.parentCode === province.code)
    .flatMap((district): TargetInput[] => [
      {
        ...base,
        unitCode: district.code,
        name: `Xã đạt chuẩn — ${district.name}`,
        kind: "communesAtLevel",
        value: 5,
        level: "standard",
        measure: "count",
      },
      {
        ...base,
        unitCode: district.code,
        name: `Bình quân tiêu chí — ${district.name}`,
        kind: "averageCriteria",
        value: 16,
      },
    ]);
  return [...own, ...districts];
}

/** A value change that flips one criterion of the commune: a met yes/no indicator set to "no". */
function flipOf(card: Scorecard): { indicator: string; value: boolean } | undefined {
  for (const criterion of card.criteria) {
    if (criterion.byLevel.standard?.status !== "met") continue;
    const indicator = criterion.indicators.find(
      (candidate) => candidate.kind === "boolean" && candidate.value === true,
    );
    if (indicator) return { indicator: indicator.code, value: false };
  }
  return undefined;
}

async function timeEndpoint(
  name: string,
  paths: string[],
  runs: number,
  read: (path: string) => Promise<{ ms: number; bytes: number; detail: string }>,
): Promise<EndpointLatency> {
  for (const path of paths.slice(0, 2)) await read(path);
  const latencies: number[] = [];
  let bytes = 0;
  let detail = "";
  for (let i = 0; i < runs; i++) {
    const outcome = await read(paths[i % paths.length] as string);
    latencies.push(outcome.ms);
    bytes = outcome.bytes;
    detail = outcome.detail;
  }
  return { name, path: paths[0] ?? "", latency: summariseLatencies(latencies), bytes, detail };
}

async function runOn(
  kind: EngineKind,
  config: BenchConfig,
  dataset: BenchDataset,
  runs: number,
  log: Log,
): Promise<TargetsRun> {
  const loadBefore = os.loadavg();
  log(`\n== ${kind} ==`);
  const fresh = await openFreshDatabase(kind, {
    dataRoot: config.dataRoot,
    folder: "pglite-targets",
    postgresUrl: config.postgresUrl,
    keep: config.keep,
  });
  try {
    const { database } = fresh;
    const version = await databaseVersion(database);
    log(`  ${version.split(" on ")[0] ?? version} at ${fresh.location}`);
    const loadStart = performance.now();
    const load = await loadData(database, dataset, {
      evaluateBatch: config.evaluateBatch,
      log,
    });
    const loadMs = performance.now() - loadStart;
    log(`  loaded and evaluated in ${fmtSeconds(loadMs)}`);

    const server = await startBenchServer(
      database,
      resolve(config.dataRoot, `files-targets-${kind}`),
    );
    try {
      const cookie = await server.signIn(load.users.largeAdmin);
      const province = dataset.largeProvince.code;
      const year = config.focusYear;
      const inputs = targetsOf(dataset, dataset.years);
      const created: TargetDto[] = [];
      for (const input of inputs) {
        created.push((await server.request<TargetDto>(cookie, "POST", "/api/targets", input)).body);
      }
      log(
        `  ${created.length} targets created for ${dataset.largeProvince.name} and its districts`,
      );
      const provinceTargets = created.filter((target) => target.unitCode === province);

      const endpoints = [
        await timeEndpoint(
          "targets of the province (all, with progress)",
          [`/api/units/${province}/targets?year=${year}`],
          runs,
          async (path) => {
            const { body, ms, bytes } = await server.request<UnitTargetsResponse>(
              cookie,
              "GET",
              path,
            );
            return { ms, bytes, detail: `${body.targets.length} targets` };
          },
        ),
        await timeEndpoint(
          "progress of one province target",
          provinceTargets.map((target) => `/api/targets/${target.id}/progress?year=${year}`),
          runs,
          async (path) => {
            const { body, ms, bytes } = await server.request<TargetWithProgress>(
              cookie,
              "GET",
              path,
            );
            return { ms, bytes, detail: `${body.progress.communes} communes in scope` };
          },
        ),
        await timeEndpoint(
          "province dashboard",
          [`/api/units/${province}/dashboard?year=${year}`],
          runs,
          async (path) => {
            const { body, ms, bytes } = await server.request<TargetsDashboardResponse>(
              cookie,
              "GET",
              path,
            );
            return { ms, bytes, detail: `${body.heatmap.length} communes in the heat map` };
          },
        ),
      ];
      for (const endpoint of endpoints) {
        log(
          `  ${endpoint.name}: p50 ${fmtMs(endpoint.latency.p50)}, p99 ${fmtMs(endpoint.latency.p99)}`,
        );
      }

      const freshness = await checkFreshness(server, cookie, dataset, year, log);
      return {
        kind,
        version,
        loadMs,
        targets: created.length,
        endpoints,
        freshness,
        loadAverage: { before: loadBefore, after: os.loadavg() },
        peakRssBytes: peakRssBytes(),
      };
    } finally {
      await server.close();
    }
  } finally {
    await fresh.dispose();
  }
}

/**
 * Saves one value through `PUT /api/units/X/assessments/Y/values`, then reads a single-commune
 * target's progress and the dashboard: both must show the criteria count the save returned.
 */
async function checkFreshness(
  server: Awaited<ReturnType<typeof startBenchServer>>,
  cookie: string,
  dataset: BenchDataset,
  year: number,
  log: Log,
): Promise<FreshnessCheck> {
  const province = dataset.largeProvince.code;
  const districtsOf = new Set(
    dataset.units
      .filter((row) => row.level === "district" && row.parentCode === province)
      .map((row) => row.code),
  );
  const parentOf = new Map(dataset.units.map((row) => [row.code, row.parentCode]));
  const candidates = dataset.chosenCommunes.filter((code) =>
    districtsOf.has(parentOf.get(code) ?? ""),
  );
  for (const commune of candidates) {
    const card = (
      await server.request<ScorecardResponse>(
        cookie,
        "GET",
        `/api/units/${commune}/scorecard?year=${year}`,
      )
    ).body;
    const set = (
      await server.request<CatalogSetDetail>(cookie, "GET", `/api/catalog/sets/${card.set.id}`)
    ).body;
    const flip = flipOf(joinScorecard(card, set.definition));
    if (!flip) continue;
    const target = (
      await server.request<TargetDto>(cookie, "POST", "/api/targets", {
        unitCode: province,
        name: `Tiêu chí của xã ${commune}`,
        kind: "averageCriteria",
        baselineYear: year,
        deadlineYear: 2025,
        value: card.criteriaTotal,
        communeCodes: [commune],
        source: "bench",
      })
    ).body;
    const before = await server.request<TargetWithProgress>(
      cookie,
      "GET",
      `/api/targets/${target.id}/progress?year=${year}`,
    );
    if (before.body.progress.actual !== card.criteriaMet) {
      throw new Error(
        `progress before the change shows ${before.body.progress.actual}, the scorecard ${card.criteriaMet}`,
      );
    }
    const saved = await server.request<ScorecardResponse>(
      cookie,
      "PUT",
      `/api/units/${commune}/assessments/${year}/values`,
      {
        version: card.assessment.version,
        values: [{ indicatorCode: flip.indicator, value: flip.value }],
      },
    );
    const readStart = performance.now();
    const after = await server.request<TargetWithProgress>(
      cookie,
      "GET",
      `/api/targets/${target.id}/progress?year=${year}`,
    );
    const dashboard = await server.request<TargetsDashboardResponse>(
      cookie,
      "GET",
      `/api/units/${province}/dashboard?year=${year}`,
    );
    const readMs = performance.now() - readStart;
    const row = dashboard.body.heatmap.find((entry) => entry.code === commune);
    const check: FreshnessCheck = {
      commune,
      indicator: flip.indicator,
      criteriaMetBefore: card.criteriaMet,
      criteriaMetAfter: saved.body.criteriaMet,
      progressActualAfter: after.body.progress.actual,
      dashboardCriteriaMetAfter: row?.criteriaMet ?? null,
      saveMs: saved.ms,
      readMs,
    };
    if (check.criteriaMetAfter !== check.criteriaMetBefore - 1) {
      throw new Error(`the save did not flip one criterion: ${JSON.stringify(check)}`);
    }
    if (check.progressActualAfter !== check.criteriaMetAfter) {
      throw new Error(`target progress does not show the saved value: ${JSON.stringify(check)}`);
    }
    if (check.dashboardCriteriaMetAfter !== check.criteriaMetAfter) {
      throw new Error(`dashboard does not show the saved value: ${JSON.stringify(check)}`);
    }
    log(
      `  value change reflected: ${commune} ${flip.indicator} → ${flip.value}, criteria met ` +
        `${check.criteriaMetBefore} → ${check.criteriaMetAfter}; progress and dashboard show ` +
        `${check.progressActualAfter} on the next request (save ${fmtMs(check.saveMs)}, reads ${fmtMs(readMs)})`,
    );
    return check;
  }
  throw new Error(`no commune of ${province} has a met criterion with a yes/no indicator`);
}

export function printTargets(runs: TargetsRun[], log: Log) {
  log("\n### Target progress and dashboard (one client, sequential requests)\n");
  log(
    table(
      ["database", "request", "what", "runs", "p50", "p99", "max", "body"],
      runs.flatMap((run) =>
        run.endpoints.map((endpoint) => [
          run.kind,
          endpoint.name,
          endpoint.detail,
          fmtInt(endpoint.latency.count),
          fmtMs(endpoint.latency.p50),
          fmtMs(endpoint.latency.p99),
          fmtMs(endpoint.latency.max),
          `${fmtInt(endpoint.bytes / 1024)} KiB`,
        ]),
      ),
    ),
  );
  log("\n### A saved value in the next read\n");
  log(
    table(
      [
        "database",
        "commune",
        "indicator",
        "criteria met",
        "progress after",
        "dashboard after",
        "save",
        "reads",
      ],
      runs.map((run) => [
        run.kind,
        run.freshness.commune,
        run.freshness.indicator,
        `${run.freshness.criteriaMetBefore} → ${run.freshness.criteriaMetAfter}`,
        String(run.freshness.progressActualAfter),
        String(run.freshness.dashboardCriteriaMetAfter),
        fmtMs(run.freshness.saveMs),
        fmtMs(run.freshness.readMs),
      ]),
    ),
  );
  log("");
  for (const run of runs) {
    log(
      `${run.kind}: ${run.version.split(" on ")[0] ?? run.version}; load + evaluate ${fmtSeconds(run.loadMs)}; ${run.targets} targets; ` +
        `load average ${run.loadAverage.before.map((v) => v.toFixed(2)).join(" ")} → ` +
        `${run.loadAverage.after.map((v) => v.toFixed(2)).join(" ")}`,
    );
  }
}

/** Runs the targets measurement on each configured database; BENCH_TARGETS_RUNS requests each. */
export async function measureTargets(
  options: { config?: BenchConfig; dataset?: BenchDataset; log?: Log } = {},
): Promise<TargetsRun[]> {
  const config = options.config ?? readConfig();
  const log = options.log ?? ((line: string) => console.log(line));
  const quick = config.communes !== undefined && config.communes < 2000;
  const runs = Number(process.env.BENCH_TARGETS_RUNS ?? (quick ? 20 : 50));
  const dataset =
    options.dataset ??
    (await buildDataset({ communes: config.communes, years: config.years, seed: config.seed }));
  log(
    `targets bench: ${dataset.chosenCommunes.length} xã × ${dataset.years.join(", ")}; province ` +
      `${dataset.largeProvince.name} (${dataset.largeProvince.code}); ${runs} timed requests each`,
  );
  const results: TargetsRun[] = [];
  for (const kind of config.engines) {
    if (kind === "postgres" && !config.postgresUrl) {
      log("\nPostgreSQL: skipped (set BENCH_DATABASE_URL).");
      continue;
    }
    results.push(await runOn(kind, config, dataset, runs, log));
  }
  return results;
}

async function main() {
  const config = readConfig();
  // openDatabase falls back to DATABASE_URL; the PGlite run must not follow it to the server.
  delete process.env.DATABASE_URL;
  mkdirSync(config.dataRoot, { recursive: true });
  const machine = machineInfo();
  console.log(
    `# Targets bench\n\n${machine.cpuModel}, ${machine.cores} cores, load average ${machine.loadAverage.map((v) => v.toFixed(2)).join(" ")}`,
  );
  const runs = await measureTargets({ config });
  printTargets(runs, (line) => console.log(line));
  const file = join(
    config.dataRoot,
    `targets-${new Date().toISOString().replace(/[:.]/g, "-")}.json`,
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

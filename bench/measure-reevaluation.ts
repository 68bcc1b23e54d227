/**
 * The national re-evaluation as maintenance runs it (`reevaluate`: chunks of communes, each in
 * its own transaction) while the real server on the same database answers a scorecard reader: one
 * signed-in client asking for a random commune's scorecard again as soon as the previous answer
 * arrives. Reports the run's time, its memory peak, the largest event-loop gap and the scorecard
 * latencies during the run. See docs/benchmarks.md.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import os from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { reevaluate } from "@ntm/api";
import { type Database } from "@ntm/db";
import type { BenchDataset } from "./bench-dataset.ts";
import { startBenchServer } from "./bench-server.ts";
import { watchEventLoop } from "./event-loop-watch.ts";
import { fmtInt, fmtMs, fmtNum, fmtSeconds, table } from "./format.ts";
import { withMemoryPeak, type MemoryPeak } from "./memory-peak.ts";
import { summariseLatencies, type LatencySummary } from "./percentiles.ts";

export interface ReevaluationFigures {
  evaluated: number;
  chunks: number;
  chunkSize: number;
  /** Communes per read statement on PGlite (PostgreSQL reads each year through one cursor). */
  readSize: number;
  /**
   * `rerun`: the results of the load stand and the values did not change, so every criterion
   * status is already right (a maintenance rerun); `fresh`: results and statuses emptied first,
   * so every row is written.
   */
  stored: "rerun" | "fresh";
  /** The stored statuses after the run against the engine in memory, when the bench has them. */
  check: { compared: number; equal: number; stored: number } | undefined;
  ms: number;
  /**
   * CPU time of this process during the run (user + system): on PGlite it includes the database,
   * on PostgreSQL not the server's. On a shared machine it says more than the wall time.
   */
  cpuMs: number;
  /** Longest chunk (read, evaluate, write, commit). */
  slowestChunkMs: number;
  memory: MemoryPeak;
  eventLoopMaxGapMs: number;
  scorecards: LatencySummary;
  scorecardErrors: number;
  loadAverage: { before: number[]; after: number[] };
}

export async function measureReevaluation(
  database: Database,
  dataset: BenchDataset,
  options: {
    year: number;
    dataDir: string;
    admin: string;
    chunkSize: number | undefined;
    readSize: number | undefined;
    fresh: boolean;
    check?: (() => Promise<{ compared: number; equal: number; stored: number }>) | undefined;
    /** A folder to write the run's CPU profile to (`BENCH_PROFILE`). */
    profileTo?: string | undefined;
  },
): Promise<ReevaluationFigures> {
  if (options.fresh) {
    await database.db.execute(sql`truncate evaluation_criteria, evaluation_results`);
  }
  const server = await startBenchServer(database, options.dataDir);
  const loadBefore = os.loadavg();
  try {
    const cookie = await server.signIn(options.admin);
    const paths = dataset.scorecardCommunes.map(
      (code) => `/api/units/${code}/scorecard?year=${options.year}`,
    );
    const latencies: number[] = [];
    let errors = 0;
    let reading = true;
    const reader = (async () => {
      for (let index = 0; reading && paths.length > 0; index += 1) {
        const path = paths[(index * 7919) % paths.length] as string;
        try {
          latencies.push((await server.request(cookie, "GET", path)).ms);
        } catch {
          errors += 1;
        }
      }
    })();
    let last = performance.now();
    let slowestChunkMs = 0;
    let chunks = 0;
    const loop = watchEventLoop();
    const profiler = options.profileTo ? await startProfile() : undefined;
    const cpuBefore = process.cpuUsage();
    const { result, ms, memory } = await withMemoryPeak(() =>
      reevaluate(database.db, {
        years: dataset.years,
        now: new Date(),
        chunkSize: options.chunkSize,
        readSize: options.readSize,
        onProgress: (progress) => {
          const now = performance.now();
          slowestChunkMs = Math.max(slowestChunkMs, now - last);
          last = now;
          chunks = progress.chunksTotal;
        },
      }),
    );
    const cpu = process.cpuUsage(cpuBefore);
    if (profiler && options.profileTo) {
      const file = join(
        options.profileTo,
        `reevaluation-${database.kind}-${Date.now()}.cpuprofile`,
      );
      writeFileSync(file, JSON.stringify(await profiler.stop()));
    }
    const eventLoopMaxGapMs = loop.stop();
    reading = false;
    await reader;
    const check = options.check ? await options.check() : undefined;
    return {
      evaluated: result.evaluated,
      chunks,
      chunkSize: options.chunkSize ?? 200,
      // On PGlite a read covers one chunk unless told otherwise; PostgreSQL reads through a cursor.
      readSize: options.readSize ?? options.chunkSize ?? 200,
      stored: options.fresh ? "fresh" : "rerun",
      check,
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      slowestChunkMs,
      memory,
      eventLoopMaxGapMs,
      scorecards: summariseLatencies(latencies),
      scorecardErrors: errors,
      loadAverage: { before: loadBefore, after: os.loadavg() },
    };
  } finally {
    await server.close();
  }
}

/** Profiles this process (`.cpuprofile`, for Chrome's DevTools) until `stop`. */
async function startProfile() {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    stop: async () => {
      const { profile } = await session.post("Profiler.stop");
      session.disconnect();
      return profile;
    },
  };
}

/** Before: `evaluateMany` over the national data set in one transaction (docs/benchmarks.md). */
const before = { pglite: 162_300, postgres: 112_000 } as const;
const goal = { pglite: 30_000, postgres: 15_000 } as const;

export function printReevaluation(
  kind: "pglite" | "postgres",
  figures: ReevaluationFigures,
  log: (line: string) => void,
) {
  const mib = (bytes: number) => `${fmtNum(bytes / 1024 / 1024, 0)} MiB`;
  const scorecards = figures.scorecards;
  log(`\n### National re-evaluation on ${kind} (\`reevaluate\`) with a scorecard reader\n`);
  log(
    table(
      ["figure", "before", "now", "goal"],
      [
        [
          `re-evaluation (${figures.stored}), ${fmtInt(figures.evaluated)} commune-years, ${fmtInt(figures.chunks)} chunks of ${fmtInt(figures.chunkSize)}` +
            (kind === "pglite" ? `, reads of ${fmtInt(figures.readSize)}` : ", one cursor a year"),
          `${fmtSeconds(before[kind])} (national, 5 years)`,
          `${fmtSeconds(figures.ms)} (${fmtInt((figures.evaluated * 1000) / figures.ms)}/s)`,
          `≤ ${fmtSeconds(goal[kind])} (national, 5 years)`,
        ],
        [
          "CPU time of the process (PGlite: with the database)",
          "—",
          fmtSeconds(figures.cpuMs),
          "—",
        ],
        ["slowest chunk", "—", fmtMs(figures.slowestChunkMs), "—"],
        [
          "heap before → peak",
          "2,124 MiB RSS (PGlite), 1,729 MiB (PostgreSQL)",
          `${mib(figures.memory.baselineHeapBytes)} → ${mib(figures.memory.peakHeapBytes)} (RSS peak ${mib(figures.memory.peakRssBytes)})`,
          "bounded",
        ],
        ["largest event-loop gap", "—", fmtMs(figures.eventLoopMaxGapMs), "—"],
        [
          `scorecard during the run (${fmtInt(scorecards.count)} reads, ${figures.scorecardErrors} failed)`,
          "not measured; one transaction of minutes",
          `p50 ${fmtMs(scorecards.p50)}, p95 ${fmtMs(scorecards.p95)}, p99 ${fmtMs(scorecards.p99)}, max ${fmtMs(scorecards.max)}`,
          "≤ 500 ms",
        ],
        [
          "stored after the run = the engine in memory (criteria met and level)",
          "—",
          figures.check
            ? `${fmtInt(figures.check.equal)}/${fmtInt(figures.check.compared)} (${fmtInt(figures.check.stored)} stored)`
            : "not checked",
          "all",
        ],
      ],
    ),
  );
  log(
    `load average ${figures.loadAverage.before.map((v) => v.toFixed(2)).join(" ")} → ` +
      figures.loadAverage.after.map((v) => v.toFixed(2)).join(" "),
  );
}

/** Settings of a bench run, read from environment variables. */
export interface BenchConfig {
  /** Rural communes that get values; the national figure (7,717 xã) when unset. */
  communes: number | undefined;
  /** Years that get values, within the 2021–2025 set. */
  years: number[];
  /** Year of the SQL comparison and of the HTTP requests. */
  focusYear: number;
  /** PostgreSQL server to run on after PGlite, if any. */
  postgresUrl: string | undefined;
  /** Which engines to run. */
  engines: ("pglite" | "postgres")[];
  /** Folder for the PGlite data and the result files. */
  dataRoot: string;
  /** Keep the PostgreSQL scratch database afterwards. */
  keep: boolean;
  sqlRuns: number;
  /** Communes per evaluateMany call (0: one call for everything). */
  evaluateBatch: number;
  engineMaxAssessments: number;
  /** The engine is timed in full passes until this many milliseconds have passed. */
  engineMinMs: number;
  http: { concurrency: number; seconds: number; singleSeconds: number; warmupSeconds: number };
  seed: number;
}

/** The set's years, nearest to 2024 first: one year gives 2024, two give 2023–2024 and so on. */
const yearPreference = [2024, 2023, 2022, 2021, 2025];

function intFrom(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw.replace(/_/g, ""));
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
  }
  return value;
}

function yearsFrom(raw: string | undefined): number[] {
  if (raw === undefined || raw.trim() === "") return [...yearPreference].sort();
  if (raw.includes(",") || raw.length === 4) {
    const years = raw.split(",").map((part) => Number(part.trim()));
    if (years.some((year) => !yearPreference.includes(year))) {
      throw new Error(`BENCH_YEARS: years must lie in 2021–2025, the criteria set's period.`);
    }
    return [...new Set(years)].sort();
  }
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > yearPreference.length) {
    throw new Error(`BENCH_YEARS must be 1–5 or a list such as 2023,2024 (got "${raw}").`);
  }
  return yearPreference.slice(0, count).sort();
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const communesRaw = env.BENCH_COMMUNES;
  const communes =
    communesRaw === undefined || communesRaw.trim() === ""
      ? undefined
      : intFrom("BENCH_COMMUNES", 0, 1, 100_000);
  const years = yearsFrom(env.BENCH_YEARS);
  /** A small run (BENCH_COMMUNES under 2,000) measures HTTP and the engine for less time. */
  const quick = communes !== undefined && communes < 2000;
  const focusYear = years.includes(2024) ? 2024 : (years.at(-1) ?? 2024);
  const postgresUrl = env.BENCH_DATABASE_URL || env.DATABASE_URL || undefined;
  const only = env.BENCH_ONLY;
  const engines: BenchConfig["engines"] =
    only === "pglite" ? ["pglite"] : only === "postgres" ? ["postgres"] : ["pglite", "postgres"];
  return {
    communes,
    years,
    focusYear,
    postgresUrl,
    engines,
    dataRoot: env.BENCH_DATA_DIR || ".bench-data",
    keep: env.BENCH_KEEP === "1",
    sqlRuns: intFrom("BENCH_SQL_RUNS", 5, 1, 100),
    evaluateBatch: intFrom("BENCH_EVALUATE_BATCH", 1000, 0, 1_000_000),
    engineMaxAssessments: intFrom("BENCH_ENGINE_MAX", 50_000, 100, 1_000_000),
    engineMinMs: intFrom("BENCH_ENGINE_MIN_MS", quick ? 1000 : 3000, 0, 3_600_000),
    http: {
      concurrency: intFrom("BENCH_HTTP_CONCURRENCY", 16, 1, 1000),
      seconds: intFrom("BENCH_HTTP_SECONDS", quick ? 2 : 20, 1, 3600),
      singleSeconds: intFrom("BENCH_HTTP_SINGLE_SECONDS", quick ? 1 : 5, 0, 3600),
      warmupSeconds: intFrom("BENCH_HTTP_WARMUP_SECONDS", quick ? 1 : 3, 0, 600),
    },
    seed: intFrom("BENCH_SEED", 1, 0, 2 ** 31),
  };
}

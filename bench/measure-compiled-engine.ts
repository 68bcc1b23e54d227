import {
  allocateDenseValues,
  allocateResults,
  compareWithEngine,
  createPlanCache,
  evaluateInto,
  packValues,
  type AssessmentResult,
  type CompiledPlan,
  type CompiledResults,
  type CriteriaSet,
  type DenseValues,
} from "@ntm/domain";
import type { SampleAssessment } from "./engine-sample.ts";
import { fmtInt, fmtMs, fmtNum, fmtSeconds, perSecond, table } from "./format.ts";
import type { EngineFigures } from "./measure-engine.ts";
import { median } from "./percentiles.ts";

/** Communes of one plan (class and year), contiguous in the dense buffer. */
interface PlanRange {
  plan: CompiledPlan;
  start: number;
  end: number;
}

/** Commune-years laid out for the compiled engine: one buffer, grouped by plan. */
interface Layout {
  ranges: PlanRange[];
  values: DenseValues;
  results: CompiledResults;
  /** Position in the buffer of each sample item. */
  positionOf: Int32Array;
  valueCount: number;
  packMs: number;
}

export interface CompiledTiming {
  assessments: number;
  values: number;
  plans: number;
  /** Time to lay the values out as dense arrays (once; the loader's work in the product). */
  packMs: number;
  passes: number;
  /** Median of the timed passes (wall clock). */
  ms: number;
  passesMs: number[];
  /**
   * Median CPU time of the passes (user + system of this process): on a shared machine the
   * wall clock also counts the time other processes held the core.
   */
  cpuMs: number;
}

export interface CompiledFigures {
  /** Compiling every plan the sample needs (class × year). */
  compile: { plans: number; ms: number; levels: number };
  all: CompiledTiming;
  /** One year of the country, the "national year". */
  nationalYear: CompiledTiming & { year: number };
  /** Filled by `checkAgainst` while the reasoned engine runs. */
  check: { compared: number; mismatches: number; examples: string[] };
  /** Criteria met at the first level by "unit|year", for the SQL peer's agreement. */
  criteriaMet: Map<string, number>;
  /** Compares one reasoned result (sample index) with the compiled statuses. */
  checkAgainst: (index: number, result: AssessmentResult) => void;
}

function layout(
  sample: readonly SampleAssessment[],
  planOf: (item: SampleAssessment) => CompiledPlan,
): Layout {
  const start = performance.now();
  const plans = sample.map(planOf);
  const order = [...sample.keys()].sort((a, b) => {
    const pa = plans[a] as CompiledPlan;
    const pb = plans[b] as CompiledPlan;
    return pa === pb
      ? a - b
      : `${pa.classValue}|${pa.year}` < `${pb.classValue}|${pb.year}`
        ? -1
        : 1;
  });
  const first = plans[order[0] ?? 0];
  if (!first) throw new Error("No commune-years to lay out.");
  const values = allocateDenseValues(first, sample.length);
  const positionOf = new Int32Array(sample.length);
  const ranges: PlanRange[] = [];
  let valueCount = 0;
  order.forEach((index, position) => {
    const plan = plans[index] as CompiledPlan;
    const item = sample[index] as SampleAssessment;
    positionOf[index] = position;
    packValues(plan, [item.values], values, position);
    valueCount += Object.keys(item.values).length;
    const last = ranges.at(-1);
    if (last && last.plan === plan) last.end = position + 1;
    else ranges.push({ plan, start: position, end: position + 1 });
  });
  const packMs = performance.now() - start;
  return {
    ranges,
    values,
    results: allocateResults(first, sample.length),
    positionOf,
    valueCount,
    packMs,
  };
}

function time(layoutOf: Layout, minMs: number, minPasses: number): CompiledTiming {
  const pass = () => {
    for (const range of layoutOf.ranges) {
      evaluateInto(range.plan, layoutOf.values, layoutOf.results, range.start, range.end);
    }
  };
  pass();
  const passesMs: number[] = [];
  const cpuMs: number[] = [];
  const started = performance.now();
  while (passesMs.length < minPasses || performance.now() - started < minMs) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    pass();
    passesMs.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  return {
    assessments: layoutOf.values.count,
    values: layoutOf.valueCount,
    plans: layoutOf.ranges.length,
    packMs: layoutOf.packMs,
    passes: passesMs.length,
    ms: median(passesMs),
    passesMs,
    cpuMs: median(cpuMs),
  };
}

/**
 * Times the compiled engine on the commune-years held in memory, single thread: every plan
 * compiled once, the values packed once, then repeated passes of `evaluateInto` over the whole
 * sample and over the communes of `year` alone (the national year).
 */
export function measureCompiledEngine(
  set: CriteriaSet,
  sample: readonly SampleAssessment[],
  options: { year: number; minMs: number },
): CompiledFigures {
  const cache = createPlanCache();
  const compileStart = performance.now();
  const plans = new Set<CompiledPlan>();
  const planOf = (item: SampleAssessment) => {
    const plan = cache.planFor(set, item.unit, item.year);
    plans.add(plan);
    return plan;
  };
  sample.forEach(planOf);
  const compile = {
    plans: plans.size,
    ms: performance.now() - compileStart,
    levels: set.levels.length,
  };

  const yearSample = sample.filter((item) => item.year === options.year);
  const yearLayout = layout(yearSample, planOf);
  const nationalYear = { ...time(yearLayout, options.minMs, 20), year: options.year };
  const allLayout = layout(sample, planOf);
  const all = time(allLayout, options.minMs, 5);

  const { results, positionOf } = allLayout;
  const criteriaMet = new Map<string, number>();
  sample.forEach((item, index) => {
    criteriaMet.set(
      `${item.unit.code}|${item.year}`,
      results.criteriaMet[positionOf[index] ?? 0] ?? 0,
    );
  });
  const planAt = (position: number) =>
    allLayout.ranges.find((range) => position >= range.start && position < range.end)?.plan;
  const check: CompiledFigures["check"] = { compared: 0, mismatches: 0, examples: [] };
  return {
    compile,
    all,
    nationalYear,
    check,
    criteriaMet,
    checkAgainst: (index, result) => {
      const position = positionOf[index] ?? 0;
      const plan = planAt(position) as CompiledPlan;
      const differences = compareWithEngine(plan, results, position, result);
      check.compared += 1;
      if (differences.length === 0) return;
      check.mismatches += 1;
      if (check.examples.length < 5) {
        check.examples.push(
          `${result.unitCode} ${result.year}: ${differences.slice(0, 3).join("; ")}`,
        );
      }
    },
  };
}

/** The SQL peer's figures for one national year on one database. */
export interface SqlPeer {
  label: string;
  medianMs: number;
  /** Communes whose criteria met (first level) the query and the engines agree on. */
  agree: number;
  compared: number;
}

/** How many of the SQL peer's rows (criteria met per xã) equal the compiled engine's. */
export function agreementWithSql(
  compiled: CompiledFigures,
  year: number,
  rows: readonly { unitCode: string; criteriaMet: number }[],
): { agree: number; compared: number } {
  let agree = 0;
  let compared = 0;
  for (const row of rows) {
    const mine = compiled.criteriaMet.get(`${row.unitCode}|${year}`);
    if (mine === undefined) continue;
    compared += 1;
    if (mine === row.criteriaMet) agree += 1;
  }
  return { agree, compared };
}

/**
 * The goals side by side: the reasoned engine, the compiled engine and the SQL peer of
 * the same run, with indicator values per second on one thread, the national year and the
 * ratio to the SQL peer.
 */
export function printEngineComparison(
  current: EngineFigures,
  compiled: CompiledFigures,
  peers: readonly SqlPeer[],
  log: (line: string) => void,
): void {
  const year = compiled.nationalYear;
  const currentYearMs = (current.ms / current.assessments) * year.assessments;
  const peerCells = (cell: (peer: SqlPeer) => string) => peers.map(cell);
  const ratio = (ms: number) =>
    peers.map((peer) => `${fmtNum(peer.medianMs / ms, 2)}× (${peer.label})`).join(", ") || "—";
  const valuesPerSecond = perSecond(compiled.all.values, compiled.all.ms);
  log(
    table(
      [
        `${fmtInt(year.assessments)} xã × ${year.year}`,
        "current engine (evaluateAssessment)",
        "compiled engine (evaluateInto)",
        ...peers.map((peer) => `SQL peer, ${peer.label} (standard level only)`),
        "goal",
      ],
      [
        [
          "indicator values/s, 1 thread",
          fmtInt(perSecond(current.values, current.ms)),
          `${fmtInt(valuesPerSecond)} (CPU time: ${fmtInt(perSecond(compiled.all.values, compiled.all.cpuMs))})`,
          ...peerCells((peer) => fmtInt(perSecond(year.values, peer.medianMs))),
          "≥ 20,000,000",
        ],
        [
          `national year (${fmtInt(year.assessments)} xã × ${fmtInt(Math.round(year.values / year.assessments))} values × ${compiled.compile.levels} levels)`,
          `${fmtSeconds(currentYearMs)} (from ${fmtNum((current.ms * 1000) / current.assessments, 0)} µs per commune-year)`,
          `${fmtMs(year.ms)} (median of ${year.passes}; CPU time ${fmtMs(year.cpuMs)})`,
          ...peerCells((peer) => `${fmtMs(peer.medianMs)} (median)`),
          "≤ 100 ms",
        ],
        [
          "faster than the SQL peer",
          ratio(currentYearMs),
          ratio(year.ms),
          ...peerCells(() => "1×"),
          "≥ 5×",
        ],
        [
          "equal to the current engine",
          "—",
          `${fmtInt(compiled.check.compared - compiled.check.mismatches)}/${fmtInt(compiled.check.compared)} commune-years, mismatches = ${fmtInt(compiled.check.mismatches)}`,
          ...peerCells((peer) => `criteria met ${fmtInt(peer.agree)}/${fmtInt(peer.compared)} xã`),
          "mismatches = 0",
        ],
      ],
    ),
  );
  log(
    table(
      ["compiled engine, details", "value"],
      [
        [
          "plans compiled (class × year)",
          `${compiled.compile.plans} in ${fmtMs(compiled.compile.ms)}`,
        ],
        [
          `all ${fmtInt(compiled.all.assessments)} commune-years`,
          `${fmtMs(compiled.all.ms)} per pass (median of ${compiled.all.passes}); ${fmtInt(perSecond(compiled.all.assessments, compiled.all.ms))} commune-years/s`,
        ],
        [
          "laying the values out as dense arrays (once)",
          `${fmtMs(compiled.all.packMs)} for all, ${fmtMs(year.packMs)} for the year`,
        ],
        [
          "CPU time per pass (median): national year / all",
          `${fmtMs(year.cpuMs)} (${fmtInt(perSecond(year.values, year.cpuMs))} values/s) / ${fmtMs(compiled.all.cpuMs)} (${fmtInt(perSecond(compiled.all.values, compiled.all.cpuMs))} values/s)`,
        ],
        [
          "national year, fastest and slowest pass",
          `${fmtMs(Math.min(...year.passesMs))} / ${fmtMs(Math.max(...year.passesMs))}`,
        ],
      ],
    ),
  );
  for (const example of compiled.check.examples) log(`  mismatch: ${example}`);
}

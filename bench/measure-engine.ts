import { sql } from "drizzle-orm";
import { queryRows, type Database } from "@ntm/db";
import { evaluateAssessment, type AssessmentResult, type CriteriaSet } from "@ntm/domain";
import type { SampleAssessment } from "./engine-sample.ts";

export interface EngineFigures {
  assessments: number;
  /** Indicator values handed to the engine (criteria indicators and level conditions). */
  values: number;
  /** Indicator × level evaluations the engine made (each indicator is judged at every level). */
  indicatorLevelChecks: number;
  passes: number;
  ms: number;
  /** Engine results by "unit|year", to compare with what evaluateMany stored. */
  results: Map<string, { criteriaMet: number; level: string | null }>;
}

/**
 * Times `evaluateAssessment` on the commune-years held in memory, single thread: one warm-up
 * pass over a slice (over everything, handing each result to `onResult`, when given), then full
 * passes until at least `minMs` have passed.
 */
export function measureEngine(
  set: CriteriaSet,
  sample: readonly SampleAssessment[],
  minMs = 3000,
  onResult?: (index: number, result: AssessmentResult) => void,
): EngineFigures {
  const run = (
    items: readonly SampleAssessment[],
    each?: (index: number, result: AssessmentResult) => void,
  ) => {
    let checks = 0;
    const results = new Map<string, { criteriaMet: number; level: string | null }>();
    for (const [index, item] of items.entries()) {
      const result = evaluateAssessment({
        set,
        unit: item.unit,
        year: item.year,
        values: item.values,
      });
      each?.(index, result);
      for (const criterion of result.criteria) {
        for (const indicator of criterion.indicators)
          checks += Object.keys(indicator.byLevel).length;
      }
      for (const level of result.levels) checks += level.conditions.length;
      results.set(`${item.unit.code}|${item.year}`, {
        criteriaMet: result.criteriaMet,
        level: result.level,
      });
    }
    return { checks, results };
  };
  // The warm-up pass is the whole sample when each result is to be checked (untimed).
  if (onResult) run(sample, onResult);
  else run(sample.slice(0, Math.min(500, sample.length)));
  const start = performance.now();
  let last = run(sample);
  let passes = 1;
  while (performance.now() - start < minMs) {
    last = run(sample);
    passes += 1;
  }
  const { checks, results } = last;
  const ms = (performance.now() - start) / passes;
  const values = sample.reduce((sum, item) => sum + Object.keys(item.values).length, 0);
  return { assessments: sample.length, values, indicatorLevelChecks: checks, passes, ms, results };
}

/** How many of the engine's in-memory results equal the stored ones (criteria met and level). */
export async function compareWithStored(
  database: Database,
  results: EngineFigures["results"],
): Promise<{ compared: number; equal: number; stored: number }> {
  const stored = await queryRows<{
    unitCode: string;
    year: number;
    criteriaMet: number;
    level: string | null;
  }>(
    database.db,
    sql`select unit_code as "unitCode", year, criteria_met as "criteriaMet", level from evaluation_results`,
  );
  let compared = 0;
  let equal = 0;
  for (const row of stored) {
    const mine = results.get(`${row.unitCode}|${row.year}`);
    if (!mine) continue;
    compared += 1;
    if (mine.criteriaMet === row.criteriaMet && mine.level === row.level) equal += 1;
  }
  return { compared, equal, stored: stored.length };
}

import type { LevelCode } from "../catalog/criteria-set.ts";

export interface StoredResult {
  unitCode: string;
  unitName: string;
  criteriaMet: number;
  criteriaTotal: number;
  level: LevelCode | null;
}

export interface UnitsSummary {
  communes: number;
  evaluated: number;
  byLevel: { level: LevelCode | "none"; count: number }[];
  /** Histogram: how many communes meet exactly N criteria, for N = 0..total. */
  byCriteriaMet: { criteriaMet: number; count: number }[];
  averageCriteriaMet: number | null;
  below: { threshold: number; units: StoredResult[] };
}

/** Rolls stored commune results up to a district or province summary. */
export function summariseUnits(options: {
  communes: number;
  results: readonly StoredResult[];
  levels: readonly LevelCode[];
  criteriaTotal: number;
  belowThreshold: number;
}): UnitsSummary {
  const { results, levels, criteriaTotal, belowThreshold } = options;
  const byLevel = [
    ...levels.map((level) => ({ level, count: results.filter((r) => r.level === level).length })),
    { level: "none" as const, count: results.filter((r) => r.level === null).length },
  ];
  const byCriteriaMet = Array.from({ length: criteriaTotal + 1 }, (_, criteriaMet) => ({
    criteriaMet,
    count: results.filter((r) => r.criteriaMet === criteriaMet).length,
  }));
  const total = results.reduce((sum, r) => sum + r.criteriaMet, 0);
  const below = results
    .filter((r) => r.criteriaMet < belowThreshold)
    .sort((a, b) => a.criteriaMet - b.criteriaMet || a.unitName.localeCompare(b.unitName, "vi"));
  return {
    communes: options.communes,
    evaluated: results.length,
    byLevel,
    byCriteriaMet,
    averageCriteriaMet: results.length ? Math.round((total / results.length) * 100) / 100 : null,
    below: { threshold: belowThreshold, units: below },
  };
}

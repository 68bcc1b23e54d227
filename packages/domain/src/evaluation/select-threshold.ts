import type {
  CriteriaSet,
  Indicator,
  LevelCode,
  LevelDefinition,
  Threshold,
} from "../catalog/criteria-set.ts";

export type ThresholdLookup =
  | {
      kind: "found";
      level: LevelCode;
      row: Threshold;
      value: number | boolean;
      derived?: Derived;
      /** For a derived value: the rows its base value came from, nearest first. */
      baseRows?: Threshold[];
    }
  | { kind: "notApplicable" }
  | { kind: "noThreshold"; level: LevelCode };

export interface Derived {
  fromLevel: LevelCode;
  factor: number;
  baseValue: number;
}

/** The chain of levels whose thresholds apply to a level, most specific first. */
export function levelChain(set: CriteriaSet, level: LevelCode): LevelDefinition[] {
  const chain: LevelDefinition[] = [];
  let current = set.levels.find((candidate) => candidate.code === level);
  while (current && !chain.includes(current)) {
    chain.push(current);
    const parent = current.inherits;
    current = parent ? set.levels.find((candidate) => candidate.code === parent) : undefined;
  }
  return chain;
}

function specificity(row: Threshold): number {
  return (row.classes ? 2 : 0) + (row.fromYear !== undefined || row.toYear !== undefined ? 1 : 0);
}

function matches(row: Threshold, classValue: string | undefined, year: number): boolean {
  if (row.classes && (classValue === undefined || !row.classes.includes(classValue))) return false;
  if (row.fromYear !== undefined && year < row.fromYear) return false;
  if (row.toYear !== undefined && year > row.toYear) return false;
  return true;
}

interface LookupOptions {
  set: CriteriaSet;
  indicator: Indicator;
  level: LevelCode;
  classValue: string | undefined;
  year: number;
}

/** `resolving`: levels whose relative rows are being resolved, to stop on a cycle in the data. */
function lookup(options: LookupOptions, resolving: readonly LevelCode[]): ThresholdLookup {
  const { set, indicator, level, classValue, year } = options;
  for (const definition of levelChain(set, level)) {
    const rows = indicator.thresholds.filter((row) => row.level === definition.code);
    if (rows.length === 0) continue;
    const candidates = rows.filter((row) => matches(row, classValue, year));
    const row = candidates.reduce<Threshold | undefined>(
      (best, candidate) => (!best || specificity(candidate) > specificity(best) ? candidate : best),
      undefined,
    );
    if (!row) return { kind: "noThreshold", level: definition.code };
    if ("value" in row) return { kind: "found", level: definition.code, row, value: row.value };
    const chain = [...resolving, definition.code];
    const base = chain.includes(row.relativeTo.level)
      ? undefined
      : lookup({ ...options, level: row.relativeTo.level }, chain);
    if (!base || base.kind !== "found" || typeof base.value !== "number") {
      return { kind: "noThreshold", level: definition.code };
    }
    // Rounded so that 1.1 × 60 is 66 and not 66.00000000000001, which an income of 66 would fail.
    const value = Math.round(base.value * row.relativeTo.factor * 1000) / 1000;
    return {
      kind: "found",
      level: definition.code,
      row,
      value,
      derived: {
        fromLevel: row.relativeTo.level,
        factor: row.relativeTo.factor,
        baseValue: base.value,
      },
      baseRows: [base.row, ...(base.baseRows ?? [])],
    };
  }
  return { kind: "notApplicable" };
}

/**
 * Finds the threshold of an indicator for a level, a classification value and a year.
 * A level without rows of its own uses the rows of the level it inherits; among matching rows
 * the most specific one (class-specific before general, year-specific before open) wins.
 * A relative row (QĐ 319: 110 % of the advanced income) takes its base from the other level even
 * when the indicator itself counts only at the derived level.
 */
export function selectThreshold(options: {
  set: CriteriaSet;
  indicator: Indicator;
  level: LevelCode;
  classValue: string | undefined;
  year: number;
}): ThresholdLookup {
  const { indicator, level } = options;
  if (indicator.levels && !indicator.levels.includes(level)) return { kind: "notApplicable" };
  return lookup(options, []);
}

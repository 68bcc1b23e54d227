import type { CriteriaSet, Indicator, LevelCode } from "@ntm/domain";
import { selectThreshold } from "@ntm/domain";

/**
 * How an indicator is judged at one level, on its value grid (whole numbers, or tenths: a value
 * is `step / scale`). `blocked` means no value can pass: no threshold for this class and year, or
 * a threshold of the wrong type.
 */
export type LevelTest =
  | { kind: "notApplicable" }
  | { kind: "blocked" }
  | { kind: "is"; value: boolean }
  | { kind: "atLeast"; step: number }
  | { kind: "atMost"; step: number };

/** What a value must do at one level; undefined leaves it free. */
export type Want = "pass" | "fail" | undefined;

export interface PlannedIndicator {
  indicator: Indicator;
  /** Position of its criterion in the set, or -1 for a level condition. */
  criterion: number;
  /** Test by position in the set's levels; a condition is tested at its own level only. */
  tests: LevelTest[];
  /** Grid steps per unit of value: 1 for whole numbers, 10 for one decimal. */
  scale: number;
  /** Bounds on the grid; `max` is Infinity when the indicator has none. */
  min: number;
  max: number;
  higherIsBetter: boolean;
  /** A threshold on the grid, to centre the values of an indicator no requirement bounds. */
  reference: number | undefined;
}

export interface CriterionPlan {
  /** Indicators (positions in the plan) that count for the criterion at the first level. */
  members: number[];
  /** Members that some value can miss at the first level. */
  failable: number[];
  /** Whether the criterion can be met at all: it has members and each has a threshold. */
  open: boolean;
}

export interface YearPlan {
  indicators: PlannedIndicator[];
  criteria: CriterionPlan[];
  /** Highest level position a unit can reach with this class and year; -1 for none. */
  reachable: number;
  /**
   * By level position below `reachable`: the indicators that can meet every level up to it and
   * miss the next one, so that a commune holds exactly that level.
   */
  gapCandidates: number[][];
}

function passes(comparator: ">=" | ">" | "<=" | "<", value: number, threshold: number): boolean {
  switch (comparator) {
    case ">=":
      return value >= threshold;
    case ">":
      return value > threshold;
    case "<=":
      return value <= threshold;
    case "<":
      return value < threshold;
  }
}

// Walks to the grid step where the engine's own comparison flips, so that floating-point
// thresholds such as 110 % of 55.5 (61.05) are met or missed exactly as planned.
function gridTest(
  comparator: ">=" | ">" | "<=" | "<",
  threshold: number,
  scale: number,
): LevelTest {
  if (comparator === ">=" || comparator === ">") {
    let step = Math.floor(threshold * scale) - 2;
    while (!passes(comparator, step / scale, threshold)) step++;
    return { kind: "atLeast", step };
  }
  let step = Math.ceil(threshold * scale) + 2;
  while (!passes(comparator, step / scale, threshold)) step--;
  return { kind: "atMost", step };
}

function testAt(
  set: CriteriaSet,
  indicator: Indicator,
  level: LevelCode,
  classValue: string | undefined,
  year: number,
  scale: number,
): LevelTest {
  const lookup = selectThreshold({ set, indicator, level, classValue, year });
  if (lookup.kind === "notApplicable") return { kind: "notApplicable" };
  if (lookup.kind === "noThreshold") return { kind: "blocked" };
  const comparator = indicator.comparator;
  if (indicator.kind === "boolean") {
    return comparator === "is" && typeof lookup.value === "boolean"
      ? { kind: "is", value: lookup.value }
      : { kind: "blocked" };
  }
  if (comparator === "is" || typeof lookup.value !== "number" || !Number.isFinite(lookup.value)) {
    return { kind: "blocked" };
  }
  return gridTest(comparator, lookup.value, scale);
}

function planIndicator(
  set: CriteriaSet,
  indicator: Indicator,
  criterion: number,
  ownLevel: number | undefined,
  classValue: string | undefined,
  year: number,
): PlannedIndicator {
  const scale = indicator.integer ? 1 : 10;
  const percent = indicator.kind === "percent";
  // Numbers without a declared minimum are counts, rates or money: never negative.
  const min = Math.max(percent ? 0 : -Infinity, indicator.min ?? 0);
  const max = Math.min(percent ? 100 : Infinity, indicator.max ?? Infinity);
  const tests = set.levels.map((level, position) =>
    ownLevel === undefined || ownLevel === position
      ? testAt(set, indicator, level.code, classValue, year, scale)
      : ({ kind: "notApplicable" } as const),
  );
  const bound = tests.find((test) => test.kind === "atLeast" || test.kind === "atMost");
  return {
    indicator,
    criterion,
    tests,
    scale,
    min: Math.ceil(min * scale),
    max: Math.floor(max * scale),
    higherIsBetter: indicator.comparator !== "<=" && indicator.comparator !== "<",
    reference: bound?.step,
  };
}

/**
 * Every indicator of a set (criteria in order, then level conditions) with its tests for one
 * classification value and year, and the highest level the engine can grant there.
 */
export function planYear(set: CriteriaSet, classValue: string | undefined, year: number): YearPlan {
  const indicators = [
    ...set.criteria.flatMap((criterion, position) =>
      criterion.indicators.map((indicator) =>
        planIndicator(set, indicator, position, undefined, classValue, year),
      ),
    ),
    ...set.levels.flatMap((level, position) =>
      (level.conditions ?? []).map((indicator) =>
        planIndicator(set, indicator, -1, position, classValue, year),
      ),
    ),
  ];
  const levelOpen = (position: number) =>
    indicators.every((planned) => planned.tests[position]?.kind !== "blocked") &&
    set.criteria.every((_, criterion) =>
      indicators.some(
        (planned) =>
          planned.criterion === criterion && planned.tests[position]?.kind !== "notApplicable",
      ),
    );
  let reachable = -1;
  while (reachable + 1 < set.levels.length && levelOpen(reachable + 1)) reachable++;
  const criteria = set.criteria.map((_, criterion) => {
    const members = indicators.flatMap((planned, index) =>
      planned.criterion === criterion && planned.tests[0]?.kind !== "notApplicable" ? [index] : [],
    );
    const member = (index: number) => indicators[index] as PlannedIndicator;
    return {
      members,
      failable: members.filter((index) => canSatisfy(member(index), ["fail"])),
      open:
        members.length > 0 && members.every((index) => member(index).tests[0]?.kind !== "blocked"),
    };
  });
  const gapCandidates = Array.from({ length: Math.max(0, reachable) }, (_, held) =>
    indicators.flatMap((planned, index) =>
      planned.tests[held + 1]?.kind !== "notApplicable" &&
      canSatisfy(planned, wantsHolding(planned, held, held + 1))
        ? [index]
        : [],
    ),
  );
  return { indicators, criteria, reachable, gapCandidates };
}

/** Wants that meet every applicable level up to `held` and, if given, miss the level `missed`. */
export function wantsHolding(planned: PlannedIndicator, held: number, missed?: number): Want[] {
  return planned.tests.map((test, position) =>
    position === missed
      ? "fail"
      : position <= held && test.kind !== "notApplicable"
        ? "pass"
        : undefined,
  );
}

interface Range {
  low: number;
  high: number;
  /** Whether a requirement, rather than the indicator's bounds, set each end. */
  tightLow: boolean;
  tightHigh: boolean;
}

function rangeFor(planned: PlannedIndicator, wants: readonly Want[]): Range | undefined {
  const range: Range = { low: planned.min, high: planned.max, tightLow: false, tightHigh: false };
  for (const [position, test] of planned.tests.entries()) {
    const want = wants[position];
    if (!want) continue;
    if (test.kind === "blocked" && want === "pass") return undefined;
    if (test.kind !== "atLeast" && test.kind !== "atMost") continue;
    const raisesLow = (test.kind === "atLeast") === (want === "pass");
    const step =
      want === "pass" ? test.step : test.kind === "atLeast" ? test.step - 1 : test.step + 1;
    if (raisesLow && step >= range.low) Object.assign(range, { low: step, tightLow: true });
    if (!raisesLow && step <= range.high) Object.assign(range, { high: step, tightHigh: true });
  }
  return range.low <= range.high ? range : undefined;
}

function booleansFor(planned: PlannedIndicator, wants: readonly Want[]): boolean[] {
  return [true, false].filter((value) =>
    planned.tests.every((test, position) => {
      const want = wants[position];
      if (!want) return true;
      if (test.kind === "blocked") return want === "fail";
      if (test.kind !== "is") return true;
      return (value === test.value) === (want === "pass");
    }),
  );
}

/** Whether some value of the indicator does what the wants ask at every level. */
export function canSatisfy(planned: PlannedIndicator, wants: readonly Want[]): boolean {
  return planned.indicator.kind === "boolean"
    ? booleansFor(planned, wants).length > 0
    : rangeFor(planned, wants) !== undefined;
}

// Spread of believable values beyond a threshold: 30 % of it, at least five grid steps.
function spread(step: number): number {
  return Math.max(5, Math.round(Math.abs(step) * 0.3));
}

function placeNumber(planned: PlannedIndicator, range: Range, quality: number): number {
  let { low, high } = range;
  if (!range.tightLow && !range.tightHigh && planned.reference !== undefined) {
    low = Math.max(low, planned.reference - spread(planned.reference));
    high = Math.min(high, planned.reference + spread(planned.reference));
  } else if (!range.tightLow && range.tightHigh) {
    low = Math.max(low, high - spread(high));
  } else if (range.tightLow && !range.tightHigh) {
    high = Math.min(high, low + spread(low));
  }
  if (high === Infinity) high = low + 100 * planned.scale;
  if (low > high) [low, high] = [range.low, Math.min(range.high, range.low + spread(range.low))];
  const position = planned.higherIsBetter ? quality : 1 - quality;
  return Math.round(low + (high - low) * position) / planned.scale;
}

/**
 * A value that meets or misses each level's threshold as the wants ask, placed by `quality`
 * (0–1, higher is better) inside the believable range. When the wants cannot all hold, those of
 * the highest levels are dropped first.
 */
export function chooseValue(
  planned: PlannedIndicator,
  wants: readonly Want[],
  quality: number,
): number | boolean {
  for (let kept = wants.length; kept >= 0; kept--) {
    const partial = wants.map((want, position) => (position < kept ? want : undefined));
    if (planned.indicator.kind === "boolean") {
      const allowed = booleansFor(planned, partial);
      const good = planned.tests.find((test) => test.kind === "is")?.value ?? true;
      if (allowed.length === 2) return quality >= 0.3 ? good : !good;
      if (allowed.length === 1) return allowed[0] ?? good;
    } else {
      const range = rangeFor(planned, partial);
      if (range) return placeNumber(planned, range, quality);
    }
  }
  return planned.min / planned.scale;
}

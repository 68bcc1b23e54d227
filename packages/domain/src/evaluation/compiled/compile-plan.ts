import type { CriteriaSet, Indicator, LevelCode } from "../../catalog/criteria-set.ts";
import { selectThreshold, type ThresholdLookup } from "../select-threshold.ts";

/** How an entry compares a valid value with its threshold, resolved once per plan. */
export const Compare = {
  /** No threshold for the class and year: always "missing" (no_threshold). */
  noThreshold: 0,
  atLeast: 1,
  atMost: 2,
  above: 3,
  below: 4,
  /** A boolean value equal to the threshold (stored as 1 or 0). */
  equals: 5,
  /** The threshold's type cannot match a valid value of the indicator's kind: never met. */
  never: 6,
} as const;

/**
 * Whether a judged item takes booleans or numbers; the value check of numbers is the range
 * [low, high] and, for counts, a whole number.
 */
export const ItemKind = { boolean: 0, number: 1 } as const;

/**
 * A criteria set compiled for one classification value and one year: every indicator × level
 * the set judges as a flat entry with its comparator and threshold resolved (level inheritance,
 * class- and year-specific rows, relative thresholds), in typed arrays. Plans of the same set
 * share their layout (items, entries, value slots) whatever the class and year, so their
 * results can sit in one buffer.
 */
export interface CompiledPlan {
  readonly set: CriteriaSet;
  readonly classValue: string | undefined;
  readonly year: number;
  readonly levels: readonly LevelCode[];
  readonly criteriaCount: number;
  /** Codes of the values the plan reads, by value slot (criteria indicators, then conditions). */
  readonly valueCodes: readonly string[];
  readonly slotOf: ReadonlyMap<string, number>;
  /** Judged items: each indicator of the criteria, then each condition of each level. */
  readonly items: readonly Indicator[];
  readonly itemSlot: Int32Array;
  readonly itemKind: Uint8Array;
  readonly itemLow: Float64Array;
  readonly itemHigh: Float64Array;
  readonly itemInteger: Uint8Array;
  /** Entries (item × level where the item applies), grouped by item. */
  readonly entryCount: number;
  /** The entries of item `i` are `itemEntries[i]` to `itemEntries[i + 1]` (exclusive). */
  readonly itemEntries: Int32Array;
  readonly entryItem: Int32Array;
  readonly entryLevel: Uint8Array;
  /** Criterion of the entry, or -1 for a level condition. */
  readonly entryCriterion: Int32Array;
  readonly entryCompare: Uint8Array;
  readonly entryThreshold: Float64Array;
  /**
   * Every comparison as a closed range a valid value must lie in: `> t` is `≥` the next double
   * after t, `< t` is `≤` the one before, `is` is [t, t], "never" is empty.
   */
  readonly entryLow: Float64Array;
  readonly entryHigh: Float64Array;
  /** The (criterion, level) cell an entry counts in (criterion × levels + level), or -1. */
  readonly entryCell: Int32Array;
  /**
   * Where an entry's status is counted in the tally of `evaluateInto`: its cell, or after the
   * cells one row per level for the level's conditions, times `tallyStride`.
   */
  readonly entryTallyAt: Int32Array;
  /** The threshold lookup of each entry, kept only to explain a result on request. */
  readonly entryLookup: readonly Exclude<ThresholdLookup, { kind: "notApplicable" }>[];
  /** Entry of an item at a level (item × levels), or -1. */
  readonly itemLevelEntry: Int32Array;
  /** Indicators of each criterion that apply at each level (criterion × levels). */
  readonly criterionApplicable: Int32Array;
  /** Index of the earlier level a level inherits (must also be reached), or -1. */
  readonly levelParent: Int8Array;
  /** Value slots counted for "values entered", as the engine counts them. */
  readonly expectedSlots: Int32Array;
}

function compareOf(indicator: Indicator, value: number | boolean): number {
  if (indicator.comparator === "is") {
    return indicator.kind === "boolean" && typeof value === "boolean"
      ? Compare.equals
      : Compare.never;
  }
  if (indicator.kind === "boolean" || typeof value !== "number") return Compare.never;
  const byComparator = { ">=": Compare.atLeast, "<=": Compare.atMost, ">": Compare.above };
  return indicator.comparator === "<" ? Compare.below : byComparator[indicator.comparator];
}

/** Statuses counted per tally row: one counter per entry status (1–5), rounded up. */
export const tallyStride = 8;

const bits = new Float64Array(1);
const word = new BigInt64Array(bits.buffer);

/** The next double above (`step` 1) or below (`step` -1) a finite number. */
function adjacent(value: number, step: 1 | -1): number {
  if (value === 0) return step * Number.MIN_VALUE;
  bits[0] = value;
  word[0] = (word[0] ?? 0n) + BigInt(value > 0 ? step : -step);
  return bits[0] ?? value;
}

function rangeOfComparison(compare: number, threshold: number): [number, number] {
  switch (compare) {
    case Compare.atLeast:
      return [threshold, Infinity];
    case Compare.atMost:
      return [-Infinity, threshold];
    case Compare.above:
      return [Number.isFinite(threshold) ? adjacent(threshold, 1) : Infinity, Infinity];
    case Compare.below:
      return [-Infinity, Number.isFinite(threshold) ? adjacent(threshold, -1) : -Infinity];
    case Compare.equals:
      return [threshold, threshold];
    default:
      return [Infinity, -Infinity];
  }
}

/** The range a valid number of the indicator lies in, as the entry rule checks it. */
function rangeOf(indicator: Indicator): { low: number; high: number } {
  const percent = indicator.kind === "percent";
  const low =
    indicator.min === undefined ? 0 : percent ? Math.max(0, indicator.min) : indicator.min;
  // The largest double, not Infinity: a range check then also refuses an infinite value.
  const high = Math.min(percent ? 100 : Number.MAX_VALUE, indicator.max ?? Number.MAX_VALUE);
  return { low, high };
}

/**
 * Compiles a set for the classification value a unit resolves to (`resolveClass`) and a year.
 * Pure and cheap (a few thousand lookups); callers keep the plan for every commune of that
 * class and year.
 */
export function compileCriteriaSet(
  set: CriteriaSet,
  options: { classValue: string | undefined; year: number },
): CompiledPlan {
  const { classValue, year } = options;
  const levels = set.levels.map((level) => level.code);
  const items: { indicator: Indicator; criterion: number; levels: number[] }[] = [];
  set.criteria.forEach((criterion, index) => {
    for (const indicator of criterion.indicators) {
      items.push({ indicator, criterion: index, levels: levels.map((_, level) => level) });
    }
  });
  set.levels.forEach((definition, level) => {
    for (const indicator of definition.conditions ?? []) {
      items.push({ indicator, criterion: -1, levels: [level] });
    }
  });

  const slotOf = new Map<string, number>();
  const valueCodes: string[] = [];
  const slot = (code: string) => {
    let found = slotOf.get(code);
    if (found === undefined) {
      found = valueCodes.length;
      slotOf.set(code, found);
      valueCodes.push(code);
    }
    return found;
  };
  const itemSlot = new Int32Array(items.length);
  const itemKind = new Uint8Array(items.length);
  const itemLow = new Float64Array(items.length);
  const itemHigh = new Float64Array(items.length);
  const itemInteger = new Uint8Array(items.length);
  const itemLevelEntry = new Int32Array(items.length * levels.length).fill(-1);
  const criterionApplicable = new Int32Array(set.criteria.length * levels.length);
  const entries: {
    item: number;
    level: number;
    criterion: number;
    compare: number;
    threshold: number;
    lookup: Exclude<ThresholdLookup, { kind: "notApplicable" }>;
  }[] = [];
  items.forEach(({ indicator, criterion, levels: itemLevels }, item) => {
    itemSlot[item] = slot(indicator.code);
    itemKind[item] = indicator.kind === "boolean" ? ItemKind.boolean : ItemKind.number;
    const { low, high } = rangeOf(indicator);
    itemLow[item] = low;
    itemHigh[item] = high;
    itemInteger[item] = indicator.integer ? 1 : 0;
    for (const level of itemLevels) {
      const code = levels[level] as LevelCode;
      const lookup = selectThreshold({ set, indicator, level: code, classValue, year });
      if (lookup.kind === "notApplicable") continue;
      itemLevelEntry[item * levels.length + level] = entries.length;
      if (criterion >= 0) {
        const cell = criterion * levels.length + level;
        criterionApplicable[cell] = (criterionApplicable[cell] ?? 0) + 1;
      }
      const found = lookup.kind === "found";
      entries.push({
        item,
        level,
        criterion,
        compare: found ? compareOf(indicator, lookup.value) : Compare.noThreshold,
        threshold: found ? Number(lookup.value) : 0,
        lookup,
      });
    }
  });

  const conditionCodes = new Set(
    items.filter((item) => item.criterion < 0).map((item) => item.indicator.code),
  );
  const expected = [
    ...items.filter((item) => item.criterion >= 0).map((item) => item.indicator.code),
    ...conditionCodes,
  ];
  const levelParent = Int8Array.from(set.levels, (definition, index) => {
    const parent = set.levels.findIndex((candidate) => candidate.code === definition.inherits);
    return parent >= 0 && parent < index ? parent : -1;
  });

  return {
    set,
    classValue,
    year,
    levels,
    criteriaCount: set.criteria.length,
    valueCodes,
    slotOf,
    items: items.map((item) => item.indicator),
    itemSlot,
    itemKind,
    itemLow,
    itemHigh,
    itemInteger,
    entryCount: entries.length,
    itemEntries: Int32Array.from({ length: items.length + 1 }, (_, item) => {
      const first = entries.findIndex((entry) => entry.item >= item);
      return first < 0 ? entries.length : first;
    }),
    entryItem: Int32Array.from(entries, (entry) => entry.item),
    entryLevel: Uint8Array.from(entries, (entry) => entry.level),
    entryCriterion: Int32Array.from(entries, (entry) => entry.criterion),
    entryCompare: Uint8Array.from(entries, (entry) => entry.compare),
    entryThreshold: Float64Array.from(entries, (entry) => entry.threshold),
    entryLow: Float64Array.from(entries, (e) => rangeOfComparison(e.compare, e.threshold)[0]),
    entryHigh: Float64Array.from(entries, (e) => rangeOfComparison(e.compare, e.threshold)[1]),
    entryCell: Int32Array.from(entries, (entry) =>
      entry.criterion >= 0 ? entry.criterion * levels.length + entry.level : -1,
    ),
    entryTallyAt: Int32Array.from(
      entries,
      (entry) =>
        (entry.criterion >= 0
          ? entry.criterion * levels.length + entry.level
          : set.criteria.length * levels.length + entry.level) * tallyStride,
    ),
    entryLookup: entries.map((entry) => entry.lookup),
    itemLevelEntry,
    criterionApplicable,
    levelParent,
    expectedSlots: Int32Array.from(expected, (code) => slotOf.get(code) as number),
  };
}

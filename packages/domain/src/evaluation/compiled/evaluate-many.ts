import type { CompiledPlan } from "./compile-plan.ts";
import { Compare, ItemKind } from "./compile-plan.ts";
import { Presence, type DenseValues } from "./dense-values.ts";

/** Status of an entry (an indicator at a level), with the reason code it stands for. */
export const EntryStatus = {
  met: 1,
  notMet: 2,
  missingValue: 3,
  noThreshold: 4,
  invalidValue: 5,
} as const;

/** Status of a criterion at a level. */
export const CriterionStatus = { met: 1, notMet: 2, missing: 3 } as const;

/**
 * Statuses of `count` communes, written by `evaluateInto`: entry statuses (commune × entries),
 * criterion statuses (commune × criteria × levels), per level the criteria met, the items not
 * met and whether it is reached (commune × levels), and per commune the criteria met at the
 * first level, the highest level reached and the next one (level index, -1 for none) and the
 * values entered.
 */
export interface CompiledResults {
  readonly count: number;
  readonly entryStatus: Uint8Array;
  readonly criterionStatus: Uint8Array;
  readonly levelCriteriaMet: Uint16Array;
  readonly levelMissing: Uint16Array;
  readonly levelReached: Uint8Array;
  readonly criteriaMet: Uint16Array;
  readonly level: Int8Array;
  readonly nextLevel: Int8Array;
  readonly valuesEntered: Uint16Array;
  /** Working space: item validity and per (criterion, level) counts of one commune. */
  readonly scratch: {
    itemState: Uint8Array;
    itemValue: Float64Array;
    met: Int32Array;
    notMet: Int32Array;
  };
}

export function allocateResults(plan: CompiledPlan, count: number): CompiledResults {
  const levels = plan.levels.length;
  const cells = plan.criteriaCount * levels;
  return {
    count,
    entryStatus: new Uint8Array(count * plan.entryCount),
    criterionStatus: new Uint8Array(count * cells),
    levelCriteriaMet: new Uint16Array(count * levels),
    levelMissing: new Uint16Array(count * levels),
    levelReached: new Uint8Array(count * levels),
    criteriaMet: new Uint16Array(count),
    level: new Int8Array(count),
    nextLevel: new Int8Array(count),
    valuesEntered: new Uint16Array(count),
    scratch: {
      itemState: new Uint8Array(plan.items.length),
      itemValue: new Float64Array(plan.items.length),
      met: new Int32Array(cells),
      notMet: new Int32Array(cells),
    },
  };
}

const absent = 0;
const invalid = 1;
const valid = 2;

/**
 * Evaluates communes `start` to `end` (exclusive) of `values` with `plan`, writing their
 * statuses at the same indexes of `results`; no object or string is built per commune. Plans
 * of one set share a layout, so communes of different classes can fill one buffer, each
 * range with its own plan.
 */
export function evaluateInto(
  plan: CompiledPlan,
  values: DenseValues,
  results: CompiledResults,
  start = 0,
  end = values.count,
): void {
  const { numbers, presence, slots } = values;
  const { itemSlot, itemKind, itemLow, itemHigh, itemInteger } = plan;
  const { entryItem, entryLevel, entryCriterion, entryCompare, entryThreshold } = plan;
  const { criterionApplicable, levelParent, expectedSlots } = plan;
  const { itemState, itemValue, met, notMet } = results.scratch;
  const itemCount = plan.items.length;
  const entryCount = plan.entryCount;
  const levelCount = plan.levels.length;
  const criteriaCount = plan.criteriaCount;
  const cells = criteriaCount * levelCount;

  for (let commune = start; commune < end; commune += 1) {
    const base = commune * slots;
    for (let item = 0; item < itemCount; item += 1) {
      const at = base + itemSlot[item]!;
      const has = presence[at]!;
      const value = numbers[at]!;
      itemValue[item] = value;
      if (has === Presence.absent) itemState[item] = absent;
      else if (itemKind[item] === ItemKind.boolean) {
        itemState[item] = has === Presence.boolean ? valid : invalid;
      } else {
        itemState[item] =
          has === Presence.number &&
          value >= itemLow[item]! &&
          value <= itemHigh[item]! &&
          Number.isFinite(value) &&
          (itemInteger[item] === 0 || Number.isInteger(value))
            ? valid
            : invalid;
      }
    }

    met.fill(0);
    notMet.fill(0);
    const levelBase = commune * levelCount;
    for (let level = 0; level < levelCount; level += 1) results.levelMissing[levelBase + level] = 0;
    const entryBase = commune * entryCount;
    for (let entry = 0; entry < entryCount; entry += 1) {
      const item = entryItem[entry]!;
      const compare = entryCompare[entry]!;
      const state = itemState[item]!;
      let status: number;
      if (compare === Compare.noThreshold) status = EntryStatus.noThreshold;
      else if (state === absent) status = EntryStatus.missingValue;
      else if (state === invalid) status = EntryStatus.invalidValue;
      else {
        const value = itemValue[item]!;
        const threshold = entryThreshold[entry]!;
        const passed =
          compare === Compare.atLeast
            ? value >= threshold
            : compare === Compare.atMost
              ? value <= threshold
              : compare === Compare.equals
                ? value === threshold
                : compare === Compare.above
                  ? value > threshold
                  : compare === Compare.below
                    ? value < threshold
                    : false;
        status = passed ? EntryStatus.met : EntryStatus.notMet;
      }
      results.entryStatus[entryBase + entry] = status;
      const level = entryLevel[entry]!;
      const criterion = entryCriterion[entry]!;
      if (status !== EntryStatus.met) results.levelMissing[levelBase + level]! += 1;
      if (criterion >= 0) {
        const cell = criterion * levelCount + level;
        if (status === EntryStatus.met) met[cell]! += 1;
        else if (status === EntryStatus.notMet) notMet[cell]! += 1;
      }
    }

    const criterionBase = commune * cells;
    let highest = -1;
    let next = -1;
    for (let level = 0; level < levelCount; level += 1) {
      let criteriaMetHere = 0;
      for (let criterion = 0; criterion < criteriaCount; criterion += 1) {
        const cell = criterion * levelCount + level;
        const applicable = criterionApplicable[cell]!;
        const status =
          applicable === 0
            ? CriterionStatus.missing
            : notMet[cell]! > 0
              ? CriterionStatus.notMet
              : met[cell]! < applicable
                ? CriterionStatus.missing
                : CriterionStatus.met;
        results.criterionStatus[criterionBase + cell] = status;
        if (status === CriterionStatus.met) criteriaMetHere += 1;
      }
      const parent = levelParent[level]!;
      const reached =
        criteriaMetHere === criteriaCount &&
        results.levelMissing[levelBase + level] === 0 &&
        (parent < 0 || results.levelReached[levelBase + parent] === 1);
      results.levelCriteriaMet[levelBase + level] = criteriaMetHere;
      results.levelReached[levelBase + level] = reached ? 1 : 0;
      if (reached) highest = level;
      else if (next < 0) next = level;
    }
    results.criteriaMet[commune] = levelCount > 0 ? results.levelCriteriaMet[levelBase]! : 0;
    results.level[commune] = highest;
    results.nextLevel[commune] = next;
    let entered = 0;
    for (let index = 0; index < expectedSlots.length; index += 1) {
      if (presence[base + expectedSlots[index]!] !== Presence.absent) entered += 1;
    }
    results.valuesEntered[commune] = entered;
  }
}

/** Evaluates the first `count` communes of `values` with one plan into new result arrays. */
export function evaluateMany(
  plan: CompiledPlan,
  values: DenseValues,
  count = values.count,
): CompiledResults {
  const results = allocateResults(plan, count);
  evaluateInto(plan, values, results, 0, count);
  return results;
}

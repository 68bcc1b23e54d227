import type { CompiledPlan } from "./compile-plan.ts";
import { Compare, ItemKind, tallyStride } from "./compile-plan.ts";
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
  /**
   * Working space for one commune: per (criterion, level) cell, then per level's conditions,
   * how many entries took each status (`tallyStride` counters a row, indexed by status).
   */
  readonly tally: Int32Array;
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
    tally: new Int32Array((cells + levels) * tallyStride),
  };
}

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
  const { itemSlot, itemKind, itemLow, itemHigh, itemInteger, itemEntries } = plan;
  const { entryCompare, entryLow, entryHigh, entryTallyAt } = plan;
  const { criterionApplicable, levelParent, expectedSlots } = plan;
  const { tally } = results;
  const { entryStatus, criterionStatus, levelCriteriaMet, levelMissing, levelReached } = results;
  const itemCount = plan.items.length;
  const entryCount = plan.entryCount;
  const levelCount = plan.levels.length;
  const criteriaCount = plan.criteriaCount;
  const cells = criteriaCount * levelCount;
  const valid = 0;
  // Constants held in locals: a property read of the status objects in the loops costs more.
  const stride = tallyStride;
  const { notMet: notMetStatus, noThreshold: noThresholdStatus } = EntryStatus;
  const { missingValue, invalidValue } = EntryStatus;
  const { absent, number: isNumber, boolean: isBoolean } = Presence;
  const booleanItem = ItemKind.boolean;
  const noThreshold = Compare.noThreshold;

  for (let commune = start; commune < end; commune += 1) {
    const base = commune * slots;
    const entryBase = commune * entryCount;
    tally.fill(0);
    for (let item = 0; item < itemCount; item += 1) {
      const at = base + itemSlot[item]!;
      const has = presence[at]!;
      const value = numbers[at]!;
      // The status every entry of the item takes unless the value is valid.
      let state: number = valid;
      if (has === absent) state = missingValue;
      else if (itemKind[item] === booleanItem) {
        if (has !== isBoolean) state = invalidValue;
      } else if (
        has !== isNumber ||
        !(value >= itemLow[item]! && value <= itemHigh[item]!) ||
        (itemInteger[item] === 1 && !Number.isInteger(value))
      ) {
        state = invalidValue;
      }
      const last = itemEntries[item + 1]!;
      // Met or not met is data-dependent, so it is computed without a branch, and each status
      // is counted by indexing the tally with it rather than by branching on it.
      if (state === valid) {
        for (let entry = itemEntries[item]!; entry < last; entry += 1) {
          const inRange =
            ((value >= entryLow[entry]!) as unknown as number) &
            ((value <= entryHigh[entry]!) as unknown as number);
          const status =
            entryCompare[entry] === noThreshold ? noThresholdStatus : notMetStatus - inRange;
          entryStatus[entryBase + entry] = status;
          tally[entryTallyAt[entry]! + status]! += 1;
        }
      } else {
        for (let entry = itemEntries[item]!; entry < last; entry += 1) {
          const status = entryCompare[entry] === noThreshold ? noThresholdStatus : state;
          entryStatus[entryBase + entry] = status;
          tally[entryTallyAt[entry]! + status]! += 1;
        }
      }
    }

    const levelBase = commune * levelCount;
    const criterionBase = commune * cells;
    let highest = -1;
    let next = -1;
    for (let level = 0; level < levelCount; level += 1) {
      let criteriaMetHere = 0;
      // Every status but "met" (2 to 5) leaves the level missing an entry.
      const conditions = (cells + level) * stride;
      let missingHere =
        tally[conditions + 2]! +
        tally[conditions + 3]! +
        tally[conditions + 4]! +
        tally[conditions + 5]!;
      for (let criterion = 0; criterion < criteriaCount; criterion += 1) {
        const cell = criterion * levelCount + level;
        const row = cell * stride;
        const metCount = tally[row + 1]!;
        const notMetCount = tally[row + 2]!;
        missingHere += notMetCount + tally[row + 3]! + tally[row + 4]! + tally[row + 5]!;
        const applicable = criterionApplicable[cell]!;
        const status =
          applicable === 0
            ? CriterionStatus.missing
            : notMetCount > 0
              ? CriterionStatus.notMet
              : metCount < applicable
                ? CriterionStatus.missing
                : CriterionStatus.met;
        criterionStatus[criterionBase + cell] = status;
        if (status === CriterionStatus.met) criteriaMetHere += 1;
      }
      const parent = levelParent[level]!;
      const reached =
        criteriaMetHere === criteriaCount &&
        missingHere === 0 &&
        (parent < 0 || levelReached[levelBase + parent] === 1);
      levelCriteriaMet[levelBase + level] = criteriaMetHere;
      levelMissing[levelBase + level] = missingHere;
      levelReached[levelBase + level] = reached ? 1 : 0;
      if (reached) highest = level;
      else if (next < 0) next = level;
    }
    results.criteriaMet[commune] = levelCount > 0 ? levelCriteriaMet[levelBase]! : 0;
    results.level[commune] = highest;
    results.nextLevel[commune] = next;
    let entered = 0;
    for (let index = 0; index < expectedSlots.length; index += 1) {
      if (presence[base + expectedSlots[index]!] !== absent) entered += 1;
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

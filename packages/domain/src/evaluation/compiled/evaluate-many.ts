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
  /** Working space for one commune: counts per (criterion, level) cell and per level. */
  readonly scratch: {
    met: Int32Array;
    notMet: Int32Array;
    missing: Int32Array;
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
      met: new Int32Array(cells),
      notMet: new Int32Array(cells),
      missing: new Int32Array(levels),
    },
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
  const { entryLevel, entryCell, entryCompare, entryLow, entryHigh } = plan;
  const { criterionApplicable, levelParent, expectedSlots } = plan;
  const { met, notMet, missing } = results.scratch;
  const { entryStatus, criterionStatus, levelCriteriaMet, levelMissing, levelReached } = results;
  const itemCount = plan.items.length;
  const entryCount = plan.entryCount;
  const levelCount = plan.levels.length;
  const criteriaCount = plan.criteriaCount;
  const cells = criteriaCount * levelCount;
  const valid = 0;

  for (let commune = start; commune < end; commune += 1) {
    const base = commune * slots;
    const entryBase = commune * entryCount;
    met.fill(0);
    notMet.fill(0);
    missing.fill(0);
    for (let item = 0; item < itemCount; item += 1) {
      const at = base + itemSlot[item]!;
      const has = presence[at]!;
      const value = numbers[at]!;
      // The status every entry of the item takes unless the value is valid.
      let state: number = valid;
      if (has === Presence.absent) state = EntryStatus.missingValue;
      else if (itemKind[item] === ItemKind.boolean) {
        if (has !== Presence.boolean) state = EntryStatus.invalidValue;
      } else if (
        has !== Presence.number ||
        !(value >= itemLow[item]! && value <= itemHigh[item]!) ||
        (itemInteger[item] === 1 && !Number.isInteger(value))
      ) {
        state = EntryStatus.invalidValue;
      }
      const last = itemEntries[item + 1]!;
      for (let entry = itemEntries[item]!; entry < last; entry += 1) {
        const cell = entryCell[entry]!;
        let status: number;
        if (entryCompare[entry] === Compare.noThreshold) status = EntryStatus.noThreshold;
        else if (state !== valid) status = state;
        else {
          status =
            value >= entryLow[entry]! && value <= entryHigh[entry]!
              ? EntryStatus.met
              : EntryStatus.notMet;
        }
        entryStatus[entryBase + entry] = status;
        if (status === EntryStatus.met) {
          if (cell >= 0) met[cell]! += 1;
        } else {
          missing[entryLevel[entry]!]! += 1;
          if (status === EntryStatus.notMet && cell >= 0) notMet[cell]! += 1;
        }
      }
    }

    const levelBase = commune * levelCount;
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
        criterionStatus[criterionBase + cell] = status;
        if (status === CriterionStatus.met) criteriaMetHere += 1;
      }
      const parent = levelParent[level]!;
      const missingHere = missing[level]!;
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

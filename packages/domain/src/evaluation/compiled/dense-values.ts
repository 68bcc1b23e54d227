import type { IndicatorValues } from "../evaluate-assessment.ts";
import type { IndicatorValue } from "../evaluate-indicator.ts";
import type { CompiledPlan } from "./compile-plan.ts";

/** What a value slot holds. */
export const Presence = { absent: 0, number: 1, boolean: 2 } as const;

/**
 * The values of `count` communes laid out for a plan: slot `s` of commune `c` is at
 * `c * slots + s`; a boolean is stored as 1 or 0 with the presence `boolean`.
 */
export interface DenseValues {
  readonly count: number;
  readonly slots: number;
  readonly numbers: Float64Array;
  readonly presence: Uint8Array;
}

export function allocateDenseValues(plan: CompiledPlan, count: number): DenseValues {
  const slots = plan.valueCodes.length;
  return {
    count,
    slots,
    numbers: new Float64Array(count * slots),
    presence: new Uint8Array(count * slots),
  };
}

/** Writes one value of one commune; `slot` comes from `plan.slotOf`. */
export function setDenseValue(
  dense: DenseValues,
  commune: number,
  slot: number,
  value: IndicatorValue,
): void {
  const at = commune * dense.slots + slot;
  if (typeof value === "number") {
    dense.numbers[at] = value;
    dense.presence[at] = Presence.number;
  } else if (typeof value === "boolean") {
    dense.numbers[at] = value ? 1 : 0;
    dense.presence[at] = Presence.boolean;
  } else {
    dense.numbers[at] = 0;
    dense.presence[at] = Presence.absent;
  }
}

/** Lays out value maps (as the reasoned engine takes them), one commune each, from `from`. */
export function packValues(
  plan: CompiledPlan,
  values: readonly IndicatorValues[],
  into: DenseValues = allocateDenseValues(plan, values.length),
  from = 0,
): DenseValues {
  const codes = plan.valueCodes;
  values.forEach((record, index) => {
    for (let slot = 0; slot < codes.length; slot += 1) {
      setDenseValue(into, from + index, slot, record[codes[slot] as string]);
    }
  });
  return into;
}

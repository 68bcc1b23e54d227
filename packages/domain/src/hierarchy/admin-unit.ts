import type { UnitFlag } from "../catalog/criteria-set.ts";

export type UnitLevel = "province" | "district" | "commune" | "village";

export interface AdminUnit {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
  /** ISO dates; validTo is inclusive, null while the unit is in force. */
  validFrom: string;
  validTo: string | null;
  region?: string;
  communeGroup?: string;
  flags: UnitFlag[];
}

/** Whether a unit version is in force on an ISO date. */
export function isValidOn(unit: Pick<AdminUnit, "validFrom" | "validTo">, date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === null || unit.validTo >= date);
}

/** The versions of units in force on a date. */
export function unitsValidOn<T extends Pick<AdminUnit, "validFrom" | "validTo">>(
  units: readonly T[],
  date: string,
): T[] {
  return units.filter((unit) => isValidOn(unit, date));
}

export * from "./lineage.ts";
export * from "./reform-plan.ts";

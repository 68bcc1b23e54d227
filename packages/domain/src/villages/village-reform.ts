import type { ExistingVersion, ReformNewUnit, ReformSource } from "../hierarchy/reform-plan.ts";

/** A village moved to the commune that took over its commune: its version there from the date. */
export interface VillageMove {
  code: string;
  name: string;
  /** The version under the former commune, closed the day before the reform. */
  fromId: number;
  fromCommune: string;
  toCommune: string;
}

/** A village whose commune was divided among several new ones: the province places it. */
export interface VillageToPlace {
  code: string;
  name: string;
  communeCode: string;
  candidates: string[];
}

export interface VillageReformPlan {
  moves: VillageMove[];
  toPlace: VillageToPlace[];
}

/**
 * Where the villages go when their communes are reorganised: a village in force the day before
 * whose commune the reform replaces moves, keeping its code (its values and recognitions stay
 * its own), to the one new commune formed from its commune; where the commune was divided among
 * several new ones, which one receives the village is the province's resolution, so it is listed
 * rather than guessed. A village already moved (its version ends the day before) plans nothing.
 */
export function planVillageMoves(
  source: Pick<ReformSource, "lastDayBefore">,
  existing: readonly ExistingVersion[],
  newUnits: readonly ReformNewUnit[],
): VillageReformPlan {
  const successors = new Map<string, string[]>();
  for (const unit of newUnits) {
    if (unit.type === null) continue;
    for (const old of unit.predecessors) {
      successors.set(old.code, [...(successors.get(old.code) ?? []), unit.code]);
    }
  }
  const moves: VillageMove[] = [];
  const toPlace: VillageToPlace[] = [];
  const villages = existing
    .filter(
      (version) =>
        version.level === "village" &&
        version.parentCode !== null &&
        version.validFrom <= source.lastDayBefore &&
        (version.validTo === null || version.validTo > source.lastDayBefore),
    )
    .sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  for (const village of villages) {
    const communeCode = village.parentCode as string;
    const candidates = [...new Set(successors.get(communeCode) ?? [])].sort();
    if (candidates.length === 1) {
      moves.push({
        code: village.code,
        name: village.name,
        fromId: village.id,
        fromCommune: communeCode,
        toCommune: candidates[0] as string,
      });
    } else if (candidates.length > 1) {
      toPlace.push({ code: village.code, name: village.name, communeCode, candidates });
    }
  }
  return { moves, toPlace };
}

import type { DbOrTx } from "@ntm/db";
import {
  selectSetInForce,
  villagePlacementRefusal,
  villageSetKindNames,
  type VillageSetRules,
} from "@ntm/domain";
import type { z } from "zod";
import type { villageSetSummarySchema } from "@ntm/contracts";
import { notFound } from "../../http/app-error.ts";
import { findVillageSets, type StoredVillageSet } from "./villages.repository.ts";

export type VillageSetSummary = z.infer<typeof villageSetSummarySchema>;

/** The village rules of a stored set (present: the catalog refuses a village set without them). */
export const rulesOf = (set: StoredVillageSet): VillageSetRules =>
  set.definition.village ?? { kind: "ntm-village" };

/**
 * The village sets of a province in force in a year: for each set code, the version the domain's
 * `selectSetInForce` picks (the latest start date on 31 December of the year).
 */
export async function villageSetsInForce(db: DbOrTx, provinceCode: string, year: number) {
  const stored = await findVillageSets(db, provinceCode, year);
  const codes = [...new Set(stored.map((set) => set.code))];
  return codes.flatMap((code) => {
    const chosen = selectSetInForce(
      stored
        .filter((set) => set.code === code)
        .map((set) => ({
          code: set.code,
          version: set.version,
          provinceCode: set.provinceCode,
          fromYear: set.fromYear,
          toYear: set.toYear,
          effectiveFrom: set.definition.effectiveFrom,
          basis: set.definition.basis,
          stored: set,
        })),
      { year, provinceCode },
    );
    return chosen ? [chosen.set.stored] : [];
  });
}

/** The one set of a code in force for a province and year, or 404. */
export async function requireVillageSet(
  db: DbOrTx,
  options: { provinceCode: string; year: number; setCode: string },
) {
  const set = (await villageSetsInForce(db, options.provinceCode, options.year)).find(
    (candidate) => candidate.code === options.setCode,
  );
  if (!set) {
    throw notFound(
      `Tỉnh chưa có bộ tiêu chí thôn mã ${options.setCode} áp dụng năm ${options.year}.`,
      `The province has no village set ${options.setCode} for ${options.year}.`,
    );
  }
  return set;
}

export function summariseVillageSet(
  set: StoredVillageSet,
  commune: { name: string } | null,
): VillageSetSummary {
  const rules = rulesOf(set);
  const basis = set.definition.basis;
  return {
    id: set.id,
    code: set.code,
    version: set.version,
    name: set.name,
    kind: rules.kind,
    kindName: villageSetKindNames[rules.kind],
    illustrative: rules.illustrative === true,
    basis: { document: basis.document, ...(basis.date ? { date: basis.date } : {}) },
    refusal: commune ? villagePlacementRefusal(rules, set.name, commune) : null,
  };
}

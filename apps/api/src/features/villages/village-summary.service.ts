import type { Db } from "@ntm/db";
import type { VillageSummaryResponse } from "@ntm/contracts";
import { endOfYear, summariseVillages, villageSetKindNames } from "@ntm/domain";
import type { AuthUser } from "../auth/index.ts";
import { findDescendantsOn, requireUnitAccess } from "../units/index.ts";
import { rulesOf, villageSetsInForce } from "./village-sets.ts";
import { findRecognitions, findVillageResults, findVillagesOn } from "./villages.repository.ts";

/**
 * Villages meeting each village set of the province, and recognised by their commune, in a
 * commune, district or province at the end of a year: from the stored results and recognitions,
 * nothing re-evaluated.
 */
export async function getVillageSummary(
  db: Db,
  options: { user: AuthUser; code: string; year: number },
): Promise<VillageSummaryResponse> {
  const asOf = endOfYear(options.year);
  const { unit, path } = await requireUnitAccess(db, {
    user: options.user,
    code: options.code,
    asOf,
    action: "unit.read",
  });
  const provinceCode = path.find((step) => step.level === "province")?.code ?? null;
  const communes =
    unit.level === "commune"
      ? [{ code: unit.code, name: unit.name }]
      : (await findDescendantsOn(db, unit.code, asOf)).filter((row) => row.level === "commune");
  const villages = await findVillagesOn(
    db,
    communes.map((commune) => commune.code),
    asOf,
  );
  const codes = villages.map((village) => village.code);
  const results = await findVillageResults(db, { unitCodes: codes, year: options.year });
  const recognitions = await findRecognitions(db, codes);
  const sets = provinceCode ? await villageSetsInForce(db, provinceCode, options.year) : [];
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    year: options.year,
    sets: sets.map((set) => {
      const { total, byCommune } = summariseVillages(
        villages.map((village) => ({
          communeCode: village.parentCode,
          meets: results.some(
            (row) =>
              row.unitCode === village.code && row.setCode === set.code && row.level !== null,
          ),
          recognised: recognitions.some(
            (row) =>
              row.unitCode === village.code &&
              row.setCode === set.code &&
              row.status === "recognised" &&
              row.year <= options.year,
          ),
        })),
      );
      const rules = rulesOf(set);
      return {
        code: set.code,
        name: set.name,
        kindName: villageSetKindNames[rules.kind],
        illustrative: rules.illustrative === true,
        total,
        communes: communes
          .filter((commune) => byCommune.has(commune.code))
          .map((commune) => ({
            code: commune.code,
            name: commune.name,
            counts: byCommune.get(commune.code) as NonNullable<ReturnType<typeof byCommune.get>>,
          })),
      };
    }),
  };
}

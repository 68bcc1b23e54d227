import type { DbOrTx } from "@ntm/db";
import { endOfYear } from "@ntm/domain";
import { findRecognitions, findVillagesOn, findVillageSetKinds } from "./villages.repository.ts";

/**
 * The figure of a `villagesRecognised` target for each year: villages of the target's communes in
 * force at the end of the year that their commune has recognised under an NTM-village set (a
 * recognition still standing, decided for that year or an earlier one), as a count or in % of the
 * villages. A year without villages has no figure.
 */
export async function villageTargetFigures(
  db: DbOrTx,
  options: { communeCodes: readonly string[]; years: readonly number[]; share: boolean },
): Promise<{ year: number; value: number }[]> {
  const ntmSets = new Set(
    (await findVillageSetKinds(db))
      .filter((set) => set.kind === "ntm-village")
      .map((set) => set.code),
  );
  const figures: { year: number; value: number }[] = [];
  for (const year of options.years) {
    const villages = await findVillagesOn(db, options.communeCodes, endOfYear(year));
    if (villages.length === 0) continue;
    const recognitions = await findRecognitions(
      db,
      villages.map((village) => village.code),
    );
    const recognised = new Set(
      recognitions
        .filter(
          (row) => row.status === "recognised" && ntmSets.has(row.setCode) && row.year <= year,
        )
        .map((row) => row.unitCode),
    ).size;
    figures.push({
      year,
      value: options.share ? Math.round((recognised / villages.length) * 1000) / 10 : recognised,
    });
  }
  return figures;
}

import type { DbOrTx } from "@ntm/db";
import type { ReformSource, VillageMove } from "@ntm/domain";
import { closeVillageVersionsById, insertVillageVersion } from "./villages.repository.ts";

/**
 * Moves villages to the commune that took over theirs (the reform import's transaction): the
 * version under the former commune ends the day before, a version under the new commune with the
 * same code and name starts on the reform's date, so a year before it reads the former commune
 * and a year after it the new one; values and recognitions are keyed by the code and keep their
 * history.
 */
export async function moveVillagesForReform(
  db: DbOrTx,
  source: Pick<ReformSource, "effectiveDate" | "lastDayBefore">,
  moves: readonly VillageMove[],
) {
  for (let start = 0; start < moves.length; start += 1000) {
    const part = moves.slice(start, start + 1000);
    await closeVillageVersionsById(
      db,
      part.map((move) => move.fromId),
      source.lastDayBefore,
    );
    for (const move of part) {
      await insertVillageVersion(db, {
        code: move.code,
        name: move.name,
        parentCode: move.toCommune,
        validFrom: source.effectiveDate,
        validTo: null,
      });
    }
  }
}

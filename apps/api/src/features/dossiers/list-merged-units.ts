import type { Db } from "@ntm/db";
import type { MergedUnitDto } from "@ntm/contracts";
import type { AuthUser } from "../auth/index.ts";
import { findLatestUnit, requireUnitAccess } from "../units/index.ts";
import { findMergedUnits, findOpenRecognition } from "./dossiers.repository.ts";
import { lineageOf } from "./lineage.ts";

/** Units formed by a merger within the user's scope, with the rule's path. */
export async function listMergedUnits(
  db: Db,
  options: { user: AuthUser; now: Date },
): Promise<MergedUnitDto[]> {
  const { user } = options;
  const merged = await findMergedUnits(db);
  const result: MergedUnitDto[] = [];
  for (const row of merged) {
    const unit = await findLatestUnit(db, row.code);
    // CV 267 recognises xã: a new province or phường formed by the reform is not listed.
    if (!unit || unit.level !== "commune" || !unit.assessed) continue;
    const inScope = await requireUnitAccess(db, {
      user,
      code: row.code,
      asOf: row.effectiveDate,
      action: "dossier.read",
    }).then(
      () => true,
      () => false,
    );
    if (!inScope) continue;
    const lineage = await lineageOf(db, row.code);
    result.push({
      code: row.code,
      name: unit.name,
      effectiveDate: row.effectiveDate,
      predecessors: row.predecessors,
      path: lineage.merger?.path ?? "full_procedure",
      currentLevel: (await findOpenRecognition(db, row.code))?.level ?? null,
    });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name, "vi"));
}

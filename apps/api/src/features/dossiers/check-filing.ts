import type { Db } from "@ntm/db";
import {
  duplicateRecognition,
  endOfYear,
  type DossierUnitLevel,
  type RequestedLevel,
} from "@ntm/domain";
import type { FilingCheck } from "@ntm/contracts";
import { evaluateUnit } from "../assessments/index.ts";
import type { AuthUser } from "../auth/index.ts";
import { requireUnitAccess } from "../units/index.ts";
import { findOpenDossier, findRecognitionHistory } from "./dossiers.repository.ts";
import { criterionStatusAt } from "./snapshot.ts";

/**
 * How a unit stands before its recognition dossier is filed: the criteria it does not meet at the
 * level asked (the form asks "vẫn lập hồ sơ?"), and what would make filing fail (a dossier in
 * progress, the same recognition already held). Nothing is written.
 */
export async function checkFiling(
  db: Db,
  options: { user: AuthUser; unitCode: string; year: number; level: RequestedLevel },
): Promise<FilingCheck> {
  const { user, year, level } = options;
  const { unit } = await requireUnitAccess(db, {
    user,
    code: options.unitCode,
    asOf: endOfYear(year),
    action: "dossier.read",
  });
  const evaluation = await evaluateUnit(db, { unitCode: unit.code, year });
  const criteria = criterionStatusAt(evaluation.result, level);
  const open = await findOpenDossier(db, unit.code, "recognition");
  const duplicate = duplicateRecognition(await findRecognitionHistory(db, [unit.code]), {
    unitName: unit.name,
    unitLevel: unit.level as DossierUnitLevel,
    level,
    year,
  });
  return {
    unit: { code: unit.code, name: unit.name },
    year,
    level,
    criteriaMet: criteria.filter((criterion) => criterion.status === "met").length,
    criteriaTotal: criteria.length,
    unmet: criteria.flatMap((criterion) =>
      criterion.status === "met"
        ? []
        : [{ code: criterion.code, name: criterion.name, status: criterion.status }],
    ),
    openDossierId: open?.id ?? null,
    duplicate,
  };
}

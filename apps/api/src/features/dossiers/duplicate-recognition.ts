import type { DbOrTx } from "@ntm/db";
import { duplicateRecognition, type DossierUnitLevel, type RequestedLevel } from "@ntm/domain";
import { AppError } from "../../http/app-error.ts";
import { findRecognitionHistory } from "./dossiers.repository.ts";

/**
 * Refuses (409) a recognition a unit already holds for the same level and year, in force: a
 * second decision would end the first as "superseded".
 */
export async function refuseDuplicateRecognition(
  tx: DbOrTx,
  request: {
    unitCode: string;
    unitName: string;
    unitLevel: DossierUnitLevel;
    level: RequestedLevel;
    year: number;
  },
) {
  const reason = duplicateRecognition(
    await findRecognitionHistory(tx, [request.unitCode]),
    request,
  );
  if (reason) {
    throw new AppError({
      code: "CONFLICT",
      vi: reason,
      en: `${request.unitName} already holds this recognition for ${request.year}, in force.`,
    });
  }
}

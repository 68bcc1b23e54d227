import type { Db } from "@ntm/db";
import type { MergerDetailDto } from "@ntm/contracts";
import * as clock from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { requireUnitAccess } from "../units/index.ts";
import { findRecognitionHistory } from "./dossiers.repository.ts";
import { toHistoryDto } from "./dossier-views.ts";
import { checkFor } from "./merger-check.ts";

/** A merged commune's lineage, the rule's outcome and whether the user may decide now. */
export async function getMerger(
  db: Db,
  options: { user: AuthUser; code: string; now: Date },
): Promise<MergerDetailDto> {
  const today = clock.today(options.now);
  const { unit } = await requireUnitAccess(db, {
    user: options.user,
    code: options.code,
    asOf: today,
    action: "dossier.read",
  });
  const { lineage, check, currentLevel } = await checkFor(
    db,
    options.user,
    unit.code,
    // Any day from the merger on: whether a decision is possible does not depend on its date.
    "9999-12-31",
  );
  return {
    unit: { code: unit.code, name: unit.name },
    lineage,
    currentLevel,
    history: (await findRecognitionHistory(db, [unit.code])).map(toHistoryDto),
    canDecide: check.ok,
  };
}

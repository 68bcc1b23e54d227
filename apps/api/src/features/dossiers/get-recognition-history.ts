import type { Db } from "@ntm/db";
import { addDays } from "@ntm/domain";
import type { RecognitionHistoryDto } from "@ntm/contracts";
import * as clock from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { findUnitOn, requireUnitAccess } from "../units/index.ts";
import { findRecognitionHistory } from "./dossiers.repository.ts";
import { toHistoryDto } from "./dossier-views.ts";

/**
 * The levels a unit has been recognised at, oldest first, with how each ended. A user who answers
 * only for the former unit under a reused code (an account of a closed province or district, ADR
 * 0011) reads the recognitions decided before today's unit began, not those of today's unit.
 */
export async function getRecognitionHistory(
  db: Db,
  options: { user: AuthUser; code: string; now: Date },
): Promise<RecognitionHistoryDto[]> {
  const today = clock.today(options.now);
  const access = { user: options.user, code: options.code, action: "dossier.read" } as const;
  const history = (await findRecognitionHistory(db, [options.code])).map(toHistoryDto);
  try {
    await requireUnitAccess(db, { ...access, asOf: today });
    return history;
  } catch (refused) {
    const current = await findUnitOn(db, options.code, today);
    if (!current) throw refused;
    await requireUnitAccess(db, { ...access, asOf: addDays(current.validFrom, -1) }).catch(() => {
      throw refused;
    });
    return history.filter((row) => row.decisionDate < current.validFrom);
  }
}

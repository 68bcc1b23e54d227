import type { Db } from "@ntm/db";
import type { RecognitionHistoryDto } from "@ntm/contracts";
import * as clock from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { requireUnitAccess } from "../units/index.ts";
import { findRecognitionHistory } from "./dossiers.repository.ts";
import { toHistoryDto } from "./dossier-views.ts";

/** The levels a unit has been recognised at, oldest first, with how each ended. */
export async function getRecognitionHistory(
  db: Db,
  options: { user: AuthUser; code: string; now: Date },
): Promise<RecognitionHistoryDto[]> {
  await requireUnitAccess(db, {
    user: options.user,
    code: options.code,
    asOf: clock.today(options.now),
    action: "dossier.read",
  });
  return (await findRecognitionHistory(db, [options.code])).map(toHistoryDto);
}

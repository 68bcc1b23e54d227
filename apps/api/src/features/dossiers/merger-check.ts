import type { DbOrTx } from "@ntm/db";
import {
  checkMergerDecision,
  mergerRecognition,
  type MergerDecisionCheck,
  type RequestedLevel,
} from "@ntm/domain";
import type { LineageDto } from "@ntm/contracts";
import type { AuthUser } from "../auth/index.ts";
import { findOpenRecognition } from "./dossiers.repository.ts";
import { lineageOf } from "./lineage.ts";

const effectiveDateOf = (lineage: LineageDto) =>
  lineage.predecessors.map((p) => p.effectiveDate).sort()[0] ?? "";

/** The CV 267 rule applied to a merged commune: its lineage and whether the user may decide. */
export async function checkFor(
  db: DbOrTx,
  user: AuthUser,
  code: string,
  decisionDate: string,
): Promise<{ lineage: LineageDto; check: MergerDecisionCheck; currentLevel: string | null }> {
  const lineage = await lineageOf(db, code);
  const currentLevel = (await findOpenRecognition(db, code))?.level ?? null;
  const check = checkMergerDecision({
    merger: lineage.merger ?? mergerRecognition([]),
    actorRole: user.role,
    effectiveDate: effectiveDateOf(lineage),
    decisionDate,
    currentLevel: currentLevel as RequestedLevel | null,
  });
  return { lineage, check, currentLevel };
}

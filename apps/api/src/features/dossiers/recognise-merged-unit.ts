import type { Db } from "@ntm/db";
import type { MergerDecisionInput, MergerDetailDto } from "@ntm/contracts";
import { AppError, forbidden, invalid, notFound } from "../../http/app-error.ts";
import { recordAudit } from "../../shared/audit.ts";
import * as clock from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { lockUnit, requireUnitAccess } from "../units/index.ts";
import { insertRecognition } from "./dossiers.repository.ts";
import { getMerger } from "./get-merger.ts";
import { checkFor } from "./merger-check.ts";

/**
 * Records the province's decision recognising a merged commune (CV 267/BNN-VPĐP) in its level
 * history, with audit rows, in one transaction; a refusal writes nothing.
 */
export async function recogniseMergedUnit(
  db: Db,
  options: { user: AuthUser; code: string; input: MergerDecisionInput; now: Date },
): Promise<MergerDetailDto> {
  const { user, input } = options;
  await db.transaction(async (tx) => {
    const { unit } = await requireUnitAccess(tx, {
      user,
      code: options.code,
      asOf: clock.today(options.now),
      action: "merger.decide",
    });
    // Two decisions for the same commune at once: the second waits and then sees the first.
    await lockUnit(tx, unit.code);
    const { lineage, check } = await checkFor(tx, user, unit.code, input.decisionDate);
    if (lineage.predecessors.length === 0) {
      throw notFound(
        `${unit.name} không hình thành từ sáp nhập.`,
        `${unit.name} was not formed by a merger.`,
      );
    }
    if (!check.ok) {
      if (check.refusal === "forbidden") throw forbidden(check.reason);
      if (check.refusal === "invalid") {
        throw invalid(check.reason, "The decision date is before the merger.");
      }
      throw new AppError({
        code: "CONFLICT",
        vi: check.reason,
        en: "The merged commune cannot be recognised by decision.",
      });
    }
    await insertRecognition(tx, {
      unitCode: unit.code,
      level: check.level,
      year: Number(input.decisionDate.slice(0, 4)),
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
      signer: input.signer,
      basis: "merger",
    });
    await recordAudit(tx, {
      kind: "recognition.merger_decision",
      by: user,
      key: unit.code,
      unitCode: unit.code,
      new: {
        level: check.level,
        ...input,
        predecessors: lineage.predecessors.map((p) => ({
          code: p.code,
          level: p.recognisedLevel,
        })),
      },
    });
  });
  return getMerger(db, options);
}

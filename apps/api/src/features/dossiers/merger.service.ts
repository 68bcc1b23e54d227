import { sql } from "drizzle-orm";
import { queryRows, type Db, type DbOrTx } from "@ntm/db";
import {
  addDays,
  checkMergerDecision,
  mergerRecognition,
  type MergerDecisionCheck,
  type RequestedLevel,
} from "@ntm/domain";
import type {
  LineageDto,
  MergedUnitDto,
  MergerDecisionInput,
  MergerDetailDto,
} from "@ntm/contracts";
import { AppError, forbidden, invalid, notFound } from "../../http/app-error.ts";
import type { AuthUser } from "../auth/auth-user.ts";
import { recordAudit } from "../../shared/audit.ts";
import { findLatestUnit, findSuccessorLinks } from "../units/units.repository.ts";
import * as clock from "../../shared/clock.ts";
import { requireUnitAccess } from "../units/units.service.ts";
import {
  findMergedUnits,
  findOpenRecognition,
  findRecognisedOn,
  findRecognitionHistory,
  insertRecognition,
} from "./dossiers.repository.ts";
import { toHistoryDto } from "./dossiers.service.ts";

/** The units merged into a unit (successor links) with the level each held the day before. */
export async function lineageOf(db: DbOrTx, unitCode: string): Promise<LineageDto> {
  const links = (await findSuccessorLinks(db, unitCode)).filter(
    (link) => link.successorCode === unitCode && link.predecessorCode !== unitCode,
  );
  if (links.length === 0) return { predecessors: [], merger: null };
  const levels = new Map<string, RequestedLevel>();
  for (const link of links) {
    const held = await findRecognisedOn(
      db,
      [link.predecessorCode],
      addDays(link.effectiveDate, -1),
    );
    const level = held[0]?.level as RequestedLevel | undefined;
    if (level) levels.set(link.predecessorCode, level);
  }
  const predecessors = links
    .map((link) => ({
      code: link.predecessorCode,
      name: link.predecessorName ?? link.predecessorCode,
      effectiveDate: link.effectiveDate,
      recognisedLevel: levels.get(link.predecessorCode) ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
  return {
    predecessors,
    merger: mergerRecognition(
      predecessors.map((p) => ({
        code: p.code,
        name: p.name,
        recognisedLevel: p.recognisedLevel as RequestedLevel | null,
      })),
    ),
  };
}

const effectiveDateOf = (lineage: LineageDto) =>
  lineage.predecessors.map((p) => p.effectiveDate).sort()[0] ?? "";

async function checkFor(
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
    action: "unit.read",
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
    if (!unit) continue;
    const inScope = await requireUnitAccess(db, {
      user,
      code: row.code,
      asOf: row.effectiveDate,
      action: "unit.read",
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
      action: "unit.read",
    });
    // Two decisions for the same commune at once: the second waits and then sees the first.
    await queryRows(tx, sql`select code from admin_units where code = ${unit.code} for update`);
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

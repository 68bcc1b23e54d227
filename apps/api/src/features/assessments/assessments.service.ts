import type { Db } from "@ntm/db";
import { can, endOfYear } from "@ntm/domain";
import type { EvidenceDto, ScorecardResponse, ValuesInput } from "@ntm/contracts";
import { AppError, invalid } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { actorOf, type AuthUser } from "../auth/index.ts";
import { findAuditEntries } from "../audit/index.ts";
import { recordAudit, type AuditEvent } from "../../shared/audit.ts";
import { findEvidenceForAssessment, type EvidenceRow } from "../evidence/index.ts";
import { getUnitDetail, requireUnitAccess } from "../units/index.ts";
import {
  bumpAssessment,
  findAssessment,
  findValues,
  lockAssessment,
  upsertValue,
} from "./assessments.repository.ts";
import { evaluateAndStore, evaluateUnit, type Evaluation } from "./evaluation.service.ts";
import { indexIndicators, validateValues } from "./validate-values.ts";

export function toEvidenceDto(row: EvidenceRow): EvidenceDto {
  return {
    id: row.id,
    indicatorCode: row.indicatorCode,
    fileName: row.fileName,
    mimeType: row.mimeType,
    size: row.size,
    uploadedBy: row.uploadedBy,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

function requireAssessed(evaluation: Evaluation) {
  if (!evaluation.unit.assessed) {
    throw invalid(
      `${evaluation.unit.name} không phải xã tham gia đánh giá nông thôn mới; xem trang tổng hợp.`,
      `${evaluation.unit.name} is not assessed against the NTM criteria; see its summary.`,
    );
  }
}

/** What the user may change on the scorecard, criterion by criterion, as the policy decides. */
function permissionsOf(user: AuthUser, evaluation: Evaluation): ScorecardResponse["permissions"] {
  const actor = actorOf(user);
  const resource = { unitCode: evaluation.unit.code, path: evaluation.path.map((s) => s.code) };
  const decision = can(actor, "assessment.write", resource);
  if (!decision.allowed) return { canEdit: false, editableCriteria: [], reason: decision.reason };
  const criteria = evaluation.set.definition.criteria.map((criterion) => criterion.code);
  const editable = criteria.filter(
    (criterionCode) =>
      can(actor, "assessment.write", {
        ...resource,
        criterion: { setCode: evaluation.set.code, criterionCode },
      }).allowed,
  );
  if (editable.length === criteria.length) {
    return { canEdit: true, editableCriteria: "all", reason: decision.reason };
  }
  return {
    canEdit: editable.length > 0,
    editableCriteria: editable,
    reason:
      editable.length > 0
        ? "Sở, ngành được cập nhật các tiêu chí mình phụ trách."
        : "Sở, ngành không phụ trách tiêu chí nào của bộ này.",
  };
}

async function buildScorecard(
  db: Db,
  options: { user: AuthUser; evaluation: Evaluation },
): Promise<ScorecardResponse> {
  const { user, evaluation } = options;
  const { result, set, unit } = evaluation;
  const year = result.year;
  const [detail, assessment, evidenceRows] = [
    await getUnitDetail(db, { user, code: unit.code, asOf: endOfYear(year) }),
    await findAssessment(db, unit.code, year),
    await findEvidenceForAssessment(db, unit.code, year),
  ];
  const entries: ScorecardResponse["entries"] = {};
  for (const row of evaluation.values) {
    entries[row.indicatorCode] = {
      note: row.note,
      updatedAt: row.updatedAt.toISOString(),
      updatedBy: row.updatedBy,
    };
  }
  const evidence: ScorecardResponse["evidence"] = {};
  for (const row of evidenceRows) {
    (evidence[row.indicatorCode] ??= []).push(toEvidenceDto(row));
  }
  return {
    ...result,
    unit: detail,
    set: {
      id: set.id,
      code: set.code,
      version: set.version,
      name: set.name,
      provinceCode: set.provinceCode,
    },
    assessment: {
      version: assessment?.version ?? 0,
      updatedAt: assessment?.updatedAt.toISOString() ?? null,
      demo: assessment?.demo ?? false,
    },
    entries,
    evidence,
    permissions: permissionsOf(user, evaluation),
  };
}

/** The commune scorecard for a year: the engine's result plus entries, evidence and permissions. */
export async function getScorecard(
  db: Db,
  options: { user: AuthUser; code: string; year: number; setId?: number | undefined },
): Promise<ScorecardResponse> {
  await requireUnitAccess(db, {
    user: options.user,
    code: options.code,
    asOf: endOfYear(options.year),
    action: "unit.read",
  });
  const evaluation = await evaluateUnit(db, {
    unitCode: options.code,
    year: options.year,
    setId: options.setId,
  });
  requireAssessed(evaluation);
  return buildScorecard(db, { user: options.user, evaluation });
}

function sameValue(a: number | boolean | null, b: number | boolean | null) {
  return a === b;
}

/**
 * Saves one or many values of one assessment in one transaction: validates every value, checks
 * the version (a stale one gets 409 and nothing changes), audits each change, re-evaluates and
 * stores the result.
 */
export async function saveValues(
  db: Db,
  options: { user: AuthUser; code: string; year: number; input: ValuesInput; now: Date },
): Promise<ScorecardResponse> {
  const { user, code, year, input, now } = options;
  const { unit, resource } = await requireUnitAccess(db, {
    user,
    code,
    asOf: endOfYear(year),
    action: "assessment.write",
  });
  const current = await evaluateUnit(db, { unitCode: unit.code, year });
  requireAssessed(current);
  const index = indexIndicators(current.set.definition);
  const problems = validateValues(index, input.values);
  if (problems.length > 0) {
    throw invalid(
      `Có ${problems.length} giá trị không hợp lệ; chưa lưu giá trị nào. ${problems[0]?.message ?? ""}`.trim(),
      `${problems.length} invalid values; nothing was saved.`,
      problems,
    );
  }
  for (const item of input.values) {
    const criterionCode = index.get(item.indicatorCode)?.criterionCode;
    if (criterionCode === undefined) continue;
    assertCan(user, "assessment.write", {
      ...resource,
      criterion: { setCode: current.set.code, criterionCode },
    });
  }

  const evaluation = await db.transaction(async (tx) => {
    const locked = await lockAssessment(tx, unit.code, year, user.username);
    if (locked.version !== input.version) {
      throw new AppError({
        code: "VERSION_CONFLICT",
        vi: `Số liệu đã được người khác cập nhật (phiên bản ${locked.version}, bạn đang sửa phiên bản ${input.version}). Hãy tải lại rồi nhập lại thay đổi của bạn.`,
        en: `The assessment was changed by someone else (version ${locked.version}, yours ${input.version}). Reload and apply your change again.`,
      });
    }
    const stored = await findValues(tx, unit.code, year);
    const before = new Map(stored.map((row) => [row.indicatorCode, row]));
    const events: AuditEvent[] = [];
    for (const item of input.values) {
      const old = before.get(item.indicatorCode);
      const oldValue = old ? (old.boolValue ?? old.numValue) : null;
      const oldNote = old?.note ?? null;
      const note = item.note === undefined ? oldNote : item.note;
      if (old && sameValue(oldValue, item.value) && oldNote === note) continue;
      await upsertValue(tx, {
        unitCode: unit.code,
        year,
        indicatorCode: item.indicatorCode,
        numValue: typeof item.value === "number" ? item.value : null,
        boolValue: typeof item.value === "boolean" ? item.value : null,
        note,
        updatedBy: user.username,
        updatedAt: now,
      });
      events.push({
        kind: "assessment.value.update",
        by: user,
        key: `${unit.code}/${year}/${item.indicatorCode}`,
        unitCode: unit.code,
        old: { value: oldValue, note: oldNote },
        new: { value: item.value, note },
      });
    }
    await bumpAssessment(tx, {
      unitCode: unit.code,
      year,
      version: locked.version + 1,
      by: user.username,
      now,
    });
    const evaluated = await evaluateAndStore(tx, { unitCode: unit.code, year, now });
    // Last, so the audit chain stays locked only until the commit.
    await recordAudit(tx, events);
    return evaluated;
  });
  return buildScorecard(db, { user, evaluation });
}

/** The change history of an assessment (optionally of one indicator), newest first. */
export async function getHistory(
  db: Db,
  options: { user: AuthUser; code: string; year: number; indicator?: string | undefined },
) {
  await requireUnitAccess(db, {
    user: options.user,
    code: options.code,
    asOf: endOfYear(options.year),
    action: "audit.read",
  });
  const prefix = `${options.code}/${options.year}/${options.indicator ?? ""}`;
  const rows = await findAuditEntries(db, {
    unitCode: options.code,
    entityPrefix: prefix,
    limit: 200,
  });
  return rows
    .filter((row) => !options.indicator || row.entityKey === prefix)
    .map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      username: row.username,
      action: row.action,
      entityType: row.entityType,
      entityKey: row.entityKey,
      unitCode: row.unitCode,
      oldValue: row.oldValue,
      newValue: row.newValue,
    }));
}

import type { Db, DbOrTx } from "@ntm/db";
import { can, endOfYear, evaluateAssessment } from "@ntm/domain";
import type { EvidenceDto, ScorecardResponse, ValuesInput } from "@ntm/contracts";
import { AppError, invalid } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { answerView } from "../../shared/answer-cache.ts";
import { etagOf } from "../../shared/etag.ts";
import { actorOf, type AuthUser } from "../auth/index.ts";
import { findAuditEntries } from "../audit/index.ts";
import { recordAudit, type AuditEvent } from "../../shared/audit.ts";
import type { EvidenceRow } from "../evidence/index.ts";
import { requireUnitAccess, unitDetailOf, type UnitRow } from "../units/index.ts";
import { loadAssessmentContext, type AssessmentContext } from "./assessment-context.ts";
import { lockAssessment, writeSave, type StoredValue } from "./assessments.repository.ts";
import { toAttributes, toValueMap } from "./evaluation.service.ts";
import {
  cachedSourcedIndicators,
  refuseTypedValues,
  type SourcedIndicators,
} from "./registry-sourced.ts";
import { figuresOfResult, scorecardFigures, type ScorecardFigures } from "./scorecard-figures.ts";
import { indexIndicators, validateValues } from "./validate-values.ts";

/** An evidence file as the API shows it, a commune's or a village's. */
export function toEvidenceDto(
  row: Pick<
    EvidenceRow,
    "id" | "indicatorCode" | "fileName" | "mimeType" | "size" | "uploadedBy" | "uploadedAt"
  >,
): EvidenceDto {
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

function requireAssessed(unit: UnitRow) {
  if (!unit.assessed) {
    throw invalid(
      `${unit.name} không phải xã tham gia đánh giá nông thôn mới; xem trang tổng hợp.`,
      `${unit.name} is not assessed against the NTM criteria; see its summary.`,
    );
  }
}

/** What the user may change on the scorecard, criterion by criterion, as the policy decides. */
function permissionsOf(
  user: AuthUser,
  context: AssessmentContext,
): ScorecardResponse["permissions"] {
  const actor = actorOf(user);
  const decision = can(actor, "assessment.write", context.resource);
  if (!decision.allowed) return { canEdit: false, editableCriteria: [], reason: decision.reason };
  const criteria = context.set.definition.criteria.map((criterion) => criterion.code);
  const editable = criteria.filter(
    (criterionCode) =>
      can(actor, "assessment.write", {
        ...context.resource,
        criterion: { setCode: context.set.code, criterionCode },
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

/** The indicators a registry (villages, OCOP products) gives in the commune's year (never typed). */
function sourcedOf(db: Db, context: AssessmentContext, year: number, reader?: DbOrTx) {
  return cachedSourcedIndicators(db, {
    generation: context.row.catalog,
    setId: context.set.id,
    set: context.set.definition,
    provinceCode: context.path.find((step) => step.level === "province")?.code ?? null,
    year,
    ...(reader ? { reader } : {}),
  });
}

function sourcedDto(sourced: SourcedIndicators): ScorecardResponse["sourced"] {
  return Object.fromEntries([...sourced.values()].map((item) => [item.indicatorCode, item.source]));
}

function evaluate(context: AssessmentContext, year: number, values: StoredValue[]) {
  return evaluateAssessment({
    set: context.set.definition,
    unit: toAttributes(context.unit),
    year,
    values: toValueMap(values),
  });
}

function buildScorecard(options: {
  user: AuthUser;
  context: AssessmentContext;
  year: number;
  figures: ScorecardFigures;
  values: StoredValue[];
  assessment: ScorecardResponse["assessment"];
  sourced: SourcedIndicators;
}): ScorecardResponse {
  const { context, figures } = options;
  const { set, row } = context;
  const entries: ScorecardResponse["entries"] = {};
  for (const value of options.values) {
    entries[value.indicatorCode] = {
      note: value.note,
      updatedAt: value.updatedAt.toISOString(),
      updatedBy: value.updatedBy,
    };
  }
  const evidence: ScorecardResponse["evidence"] = {};
  for (const item of row.evidence) (evidence[item.indicatorCode] ??= []).push(item);
  return {
    unitCode: context.unit.code,
    year: options.year,
    ...figures,
    unit: unitDetailOf(context.unit, context.path, row.links),
    set: {
      id: set.id,
      code: set.code,
      version: set.version,
      name: set.name,
      provinceCode: set.provinceCode,
    },
    assessment: options.assessment,
    entries,
    evidence,
    permissions: permissionsOf(options.user, context),
    ...(options.sourced.size > 0 ? { sourced: sourcedDto(options.sourced) } : {}),
  };
}

function storedAssessment(context: AssessmentContext): ScorecardResponse["assessment"] {
  const stored = context.row.assessment;
  return {
    version: stored?.version ?? 0,
    updatedAt: stored?.updatedAt ?? null,
    demo: stored?.demo ?? false,
  };
}

/**
 * The commune scorecard for a year: the outcomes and headline figures from the compiled plan's
 * statuses (the set version that explains them is read by id, once, and the reasons are written
 * where it is held) plus entries, evidence and permissions, from one read of its context. `etag`
 * names everything the answer is made from (the context, the set, the reader's view and the
 * language), so an unchanged scorecard is answered 304 without running the engine; `generation`
 * and `scopes` let the answer be kept until a row of its province changes (ADR 0029), and `check`
 * is the access check to run again before a kept copy is served.
 */
export async function readScorecard(
  db: Db,
  options: {
    user: AuthUser;
    code: string;
    year: number;
    setId?: number | undefined;
    language: "vi" | "en";
  },
): Promise<{
  etag: string;
  scorecard: () => ScorecardResponse;
  scopes: string[];
  generation: string;
  check: (reader: AuthUser) => void;
}> {
  const { user, year } = options;
  const context = await loadAssessmentContext(db, options);
  const check = (reader: AuthUser) => {
    assertCan(reader, "unit.read", context.resource);
    requireAssessed(context.unit);
  };
  check(user);
  const sourced = await sourcedOf(db, context, year);
  // The generation changes with every row of the province: the validator names only this commune's.
  const { answers, ...madeOf } = context.row;
  return {
    // The registries in use make cells read-only without changing the assessment.
    etag: etagOf([madeOf, context.set.id, answerView(user, options.language), [...sourced.keys()]]),
    scopes: context.answerScopes,
    generation: answers,
    check,
    scorecard: () =>
      buildScorecard({
        user,
        context,
        year,
        figures: scorecardFigures({
          set: context.set.definition,
          unit: toAttributes(context.unit),
          year,
          values: toValueMap(context.values),
        }),
        values: context.values,
        assessment: storedAssessment(context),
        sourced,
      }),
  };
}

/**
 * The set version of a commune's scorecard when `user` may read it, without building it: what a
 * page can ask for before its code has arrived. Null for a unit that is not an assessed commune,
 * one outside the user's scope, or one that does not exist.
 */
export async function scorecardSetFor(
  db: Db,
  options: { user: AuthUser; code: string; year: number },
): Promise<number | null> {
  const context = await loadAssessmentContext(db, options).catch((error: unknown) => {
    if (error instanceof AppError) return null;
    throw error;
  });
  if (!context?.unit.assessed) return null;
  return can(actorOf(options.user), "unit.read", context.resource).allowed ? context.set.id : null;
}

function sameValue(a: number | boolean | null, b: number | boolean | null) {
  return a === b;
}

function versionConflict(current: number, yours: number) {
  return new AppError({
    code: "VERSION_CONFLICT",
    vi: `Số liệu đã được người khác cập nhật (phiên bản ${current}, bạn đang sửa phiên bản ${yours}). Hãy tải lại rồi nhập lại thay đổi của bạn.`,
    en: `The assessment was changed by someone else (version ${current}, yours ${yours}). Reload and apply your change again.`,
  });
}

/** Refuses invalid values and criteria the user may not change; nothing is written then. */
function checkInput(user: AuthUser, context: AssessmentContext, input: ValuesInput) {
  const index = indexIndicators(context.set.definition);
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
      ...context.resource,
      criterion: { setCode: context.set.code, criterionCode },
    });
  }
}

/**
 * Saves one or many values of one assessment in one transaction: reads the context once inside
 * it, validates every value against the set the result will be stored with, checks the version (a
 * stale one gets 409 and nothing changes), audits each change, runs the engine once and stores
 * the result.
 */
export async function saveValues(
  db: Db,
  options: { user: AuthUser; code: string; year: number; input: ValuesInput; now: Date },
): Promise<ScorecardResponse> {
  const { user, code, year, input, now } = options;
  return db.transaction(async (tx) => {
    let context = await loadAssessmentContext(db, { code, year, reader: tx });
    assertCan(user, "assessment.write", context.resource);
    requireAssessed(context.unit);
    checkInput(user, context, input);
    const sourced = await sourcedOf(db, context, year, tx);
    refuseTypedValues(
      sourced,
      input.values,
      new Map(
        context.values.map((row) => [
          row.indicatorCode,
          { value: row.boolValue ?? row.numValue, note: row.note },
        ]),
      ),
    );
    const unitCode = context.unit.code;
    const provinceCode = context.provinceKey;
    const locked = await lockAssessment(tx, { unitCode, year, provinceCode }, user.username);
    if (locked.version !== input.version) throw versionConflict(locked.version, input.version);
    // A save committed between the read and the lock: read again, now that the row is held.
    if ((context.row.assessment?.version ?? 0) !== locked.version) {
      context = await loadAssessmentContext(db, { code, year, reader: tx });
      checkInput(user, context, input);
    }
    const before = new Map(context.values.map((row) => [row.indicatorCode, row]));
    const changed: StoredValue[] = [];
    const events: AuditEvent[] = [];
    for (const item of input.values) {
      const old = before.get(item.indicatorCode);
      const oldValue = old ? (old.boolValue ?? old.numValue) : null;
      const oldNote = old?.note ?? null;
      const note = item.note === undefined ? oldNote : item.note;
      if (old && sameValue(oldValue, item.value) && oldNote === note) continue;
      changed.push({
        indicatorCode: item.indicatorCode,
        numValue: typeof item.value === "number" ? item.value : null,
        boolValue: typeof item.value === "boolean" ? item.value : null,
        note,
        updatedAt: now,
        updatedBy: user.username,
      });
      events.push({
        kind: "assessment.value.update",
        by: user,
        key: `${unitCode}/${year}/${item.indicatorCode}`,
        unitCode,
        old: { value: oldValue, note: oldNote },
        new: { value: item.value, note },
      });
    }
    const values = [
      ...context.values.filter(
        (row) => !changed.some((c) => c.indicatorCode === row.indicatorCode),
      ),
      ...changed,
    ];
    const result = evaluate(context, year, values);
    await writeSave(tx, {
      unitCode,
      provinceCode,
      year,
      setId: context.set.id,
      changed,
      version: locked.version + 1,
      by: user.username,
      now,
      result,
    });
    // Last, so the audit chain stays locked only until the commit.
    await recordAudit(tx, events);
    return buildScorecard({
      user,
      context,
      year,
      figures: figuresOfResult(result),
      values,
      assessment: { version: locked.version + 1, updatedAt: now.toISOString(), demo: false },
      sourced,
    });
  });
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

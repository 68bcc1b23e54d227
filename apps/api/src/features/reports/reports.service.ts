import type { Db, DbOrTx } from "@ntm/db";
import {
  cadenceNames,
  dueDateOf,
  formatDateVi,
  periodByKey,
  periodsOf,
  rateOf,
  reminderFor,
  timelinessOf,
  type Cadence,
  type DueRule,
  type SubmissionState,
} from "@ntm/domain";
import type {
  RatesResponse,
  ReminderDto,
  ReportFigures,
  ReportSubmissionDto,
  ReportTypeDto,
  ReportTypeInput,
} from "@ntm/contracts";
import { AppError, forbidden, invalid, notFound } from "../../http/app-error.ts";
import type { AuthUser } from "../auth/auth-user.ts";
import { getPlanRollup } from "../targets/plans.service.ts";
import { getUnitTargets } from "../targets/targets.service.ts";
import { insertAuditEvents } from "../audit/audit.repository.ts";
import { findChildrenOn, findDescendantsOn, findUnitOn } from "../units/units.repository.ts";
import { requireUnitAccess } from "../units/units.service.ts";
import { localDate, publicHolidays } from "./holidays.ts";
import {
  countValueChanges,
  findCommuneResults,
  findDepartmentNames,
  findDepartmentOfUser,
  findDepartmentsOf,
  findObstacles,
  findPreviousSubmitted,
  findReportType,
  findReportTypes,
  findSubmission,
  findSubmissions,
  insertReportType,
  insertSubmissions,
  lockSubmission,
  updateSubmission,
  type ReportTypeRow,
  type SubmissionRow,
} from "./reports.repository.ts";

const receivers = new Set(["province_admin", "coordination_office"]);
export const reminderDaysBefore = 3;

function dueRuleText(rule: DueRule): string {
  switch (rule.kind) {
    case "dayOfNextMonth":
      return `Trước ngày ${rule.day} tháng sau kỳ báo cáo${rule.moveToWorkingDay ? " (lùi sang ngày làm việc kế tiếp nếu trùng ngày nghỉ)" : ""}`;
    case "workingDaysAfter":
      return `Trong ${rule.days} ngày làm việc sau khi hết kỳ`;
    case "fixedDate":
      return `Trước ngày ${formatDateVi(rule.date)}`;
  }
}

function toTypeDto(row: ReportTypeRow): ReportTypeDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    cadence: row.cadence as Cadence,
    cadenceName: cadenceNames[row.cadence as Cadence],
    dueRule: row.dueRule,
    dueRuleText: dueRuleText(row.dueRule),
    submitterLevel: row.submitterLevel as ReportTypeDto["submitterLevel"],
    receiverUnitCode: row.receiverUnitCode,
    legalBasis: row.legalBasis,
  };
}

export async function listReportTypes(db: Db): Promise<ReportTypeDto[]> {
  return (await findReportTypes(db)).map(toTypeDto);
}

export async function createReportType(
  db: Db,
  options: { user: AuthUser; input: ReportTypeInput; now: Date },
): Promise<ReportTypeDto> {
  const { user, input } = options;
  if (!receivers.has(user.role)) {
    throw forbidden("Chỉ Văn phòng điều phối hoặc quản trị tỉnh được tạo loại báo cáo.");
  }
  const unit = await findUnitOn(db, user.unitCode, localDate(options.now));
  if (unit?.level !== "province") throw forbidden("Loại báo cáo do cấp tỉnh tạo.");
  return db.transaction(async (tx) => {
    const row = await insertReportType(tx, {
      ...input,
      legalBasis: input.legalBasis ?? null,
      receiverUnitCode: unit.code,
      createdBy: user.username,
    });
    if (!row) {
      throw new AppError({
        code: "CONFLICT",
        vi: `Đã có loại báo cáo mã ${input.code}.`,
        en: `Report type ${input.code} exists.`,
      });
    }
    await insertAuditEvents(tx, [
      {
        userId: user.id || null,
        username: user.username,
        action: "report_type.create",
        entityType: "report_type",
        entityKey: String(row.id),
        unitCode: unit.code,
        newValue: input,
      },
    ]);
    return toTypeDto(row);
  });
}

export async function requireType(db: Db, id: number) {
  const type = await findReportType(db, id);
  if (!type) throw notFound(`Không có loại báo cáo số ${id}.`, `No report type ${id}.`);
  return type;
}

/**
 * Creates the expected submissions of a period for every submitter (districts, communes or the
 * departments of the province). Running it again adds nothing.
 */
export async function generatePeriod(
  db: Db,
  options: { typeId: number; periodKey: string; by: string; label?: string },
) {
  const type = await requireType(db, options.typeId);
  const cadence = type.cadence as Cadence;
  const period =
    cadence === "adhoc"
      ? type.dueRule.kind === "fixedDate"
        ? {
            key: options.periodKey,
            label: options.label ?? type.name,
            start: type.dueRule.date,
            end: type.dueRule.date,
          }
        : undefined
      : periodByKey(cadence, options.periodKey);
  if (!period) {
    throw invalid(
      `Kỳ báo cáo "${options.periodKey}" không hợp lệ với loại ${cadenceNames[cadence]}.`,
      `Invalid period ${options.periodKey}.`,
    );
  }
  const due = dueDateOf(type.dueRule, period, publicHolidays());
  const base = {
    typeId: type.id,
    periodKey: period.key,
    periodLabel: period.label,
    periodStart: period.start,
    periodEnd: period.end,
    dueDate: due.date,
  };
  if (type.submitterLevel === "department") {
    const departments = await findDepartmentsOf(db, type.receiverUnitCode);
    await insertSubmissions(
      db,
      departments.map((d) => ({
        ...base,
        unitCode: type.receiverUnitCode,
        departmentCode: d.code,
      })),
    );
    return;
  }
  const units =
    type.submitterLevel === "district"
      ? await findChildrenOn(db, type.receiverUnitCode, period.end)
      : (await findDescendantsOn(db, type.receiverUnitCode, period.end)).filter(
          (u) => u.level === "commune" && u.assessed,
        );
  await insertSubmissions(
    db,
    units
      .filter((u) => u.level === type.submitterLevel)
      .map((u) => ({ ...base, unitCode: u.code })),
  );
}

/** Generates every period of a year that has started by `today`. */
export async function ensurePeriods(db: Db, type: ReportTypeRow, year: number, today: string) {
  if (type.cadence === "adhoc") return;
  for (const period of periodsOf(type.cadence as Cadence, year)) {
    if (period.end < today)
      await generatePeriod(db, { typeId: type.id, periodKey: period.key, by: "system" });
  }
}

interface Scope {
  user: AuthUser;
  departmentCode: string | null;
  /** Units the user may see: its own and those below it. */
  units: Set<string>;
}

async function scopeOf(db: Db, user: AuthUser, today: string): Promise<Scope> {
  const below = await findDescendantsOn(db, user.unitCode, today);
  const department =
    user.role === "department" ? await findDepartmentOfUser(db, user.id) : undefined;
  return {
    user,
    departmentCode: department?.code ?? null,
    units: new Set([user.unitCode, ...below.map((u) => u.code)]),
  };
}

function visible(scope: Scope, row: SubmissionRow) {
  if (!scope.units.has(row.unitCode)) return false;
  if (scope.user.role === "department") return row.departmentCode === scope.departmentCode;
  return true;
}

function isSubmitter(scope: Scope, row: SubmissionRow) {
  if (row.departmentCode)
    return scope.user.role === "department" && scope.departmentCode === row.departmentCode;
  return (
    scope.user.unitCode === row.unitCode &&
    ["district", "commune_officer", "province_admin", "coordination_office"].includes(
      scope.user.role,
    )
  );
}

export function isReceiver(user: AuthUser, type: ReportTypeRow) {
  return receivers.has(user.role) && user.unitCode === type.receiverUnitCode;
}

/** Display names of submitters: units by code, departments under "department:CODE". */
export async function submitterNames(
  db: DbOrTx,
  rows: { unitCode: string; departmentCode: string }[],
  asOf: string,
) {
  const names = new Map<string, string>();
  for (const code of new Set(rows.map((row) => row.unitCode))) {
    names.set(code, (await findUnitOn(db, code, asOf))?.name ?? code);
  }
  const departments = [...new Set(rows.map((row) => row.departmentCode).filter(Boolean))];
  for (const department of await findDepartmentNames(db, departments)) {
    names.set(`department:${department.code}`, department.name);
  }
  return names;
}

/** The name a submission is shown under: the department's name, or the unit's. */
export function submitterName(
  row: { unitCode: string; departmentCode: string },
  names: Map<string, string>,
) {
  return row.departmentCode
    ? (names.get(`department:${row.departmentCode}`) ?? row.departmentCode)
    : (names.get(row.unitCode) ?? row.unitCode);
}

function toSubmissionDto(
  row: SubmissionRow,
  context: {
    type: ReportTypeRow;
    scope: Scope;
    today: string;
    names: Map<string, string>;
    figures?: ReportFigures | null;
  },
): ReportSubmissionDto {
  const state = row.state as SubmissionState;
  const timeliness = timelinessOf({
    dueDate: row.dueDate,
    state,
    submittedOn: row.submittedOn,
    today: context.today,
  });
  return {
    id: row.id,
    typeId: row.typeId,
    typeName: context.type.name,
    periodKey: row.periodKey,
    periodLabel: row.periodLabel,
    dueDate: row.dueDate,
    unitCode: row.unitCode,
    unitName: submitterName(row, context.names),
    departmentCode: row.departmentCode || null,
    state,
    timeliness: timeliness.timeliness,
    timelinessReason: timeliness.reason,
    narrative: row.narrative,
    figures: context.figures ?? (row.snapshot as ReportFigures | null),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    submittedBy: row.submittedBy,
    returnReason: row.returnReason,
    version: row.version,
    canSubmit: state !== "submitted" && isSubmitter(context.scope, row),
    canReturn: state === "submitted" && isReceiver(context.scope.user, context.type),
  };
}

/** Lists the submissions the user may see, generating the periods that have started. */
export async function listSubmissions(
  db: Db,
  options: {
    user: AuthUser;
    now: Date;
    period?: string | undefined;
    unit?: string | undefined;
    type?: number | undefined;
  },
): Promise<ReportSubmissionDto[]> {
  const today = localDate(options.now);
  const types = await findReportTypes(db);
  for (const type of types) await ensurePeriods(db, type, Number(today.slice(0, 4)), today);
  const scope = await scopeOf(db, options.user, today);
  const rows = (await findSubmissions(db, { typeId: options.type, periodKey: options.period }))
    .filter((row) => visible(scope, row))
    .filter((row) => !options.unit || row.unitCode === options.unit);
  const names = await submitterNames(db, rows, today);
  const typeById = new Map(types.map((type) => [type.id, type]));
  return rows.map((row) =>
    toSubmissionDto(row, { type: typeById.get(row.typeId)!, scope, today, names }),
  );
}

async function requireSubmission(db: Db, user: AuthUser, id: number, today: string) {
  const row = await findSubmission(db, id);
  const scope = await scopeOf(db, user, today);
  if (!row || !visible(scope, row))
    throw notFound(`Không có báo cáo số ${id}.`, `No report ${id}.`);
  const type = (await findReportType(db, row.typeId))!;
  return { row, scope, type };
}

type LinkedFigures = Pick<ReportFigures, "targets" | "planMoney" | "notes">;

/**
 * Targets status and plan money of the submitter's area, from the targets module, as the user
 * reading the report may see them. Read outside any transaction (the targets services take the
 * database, not a transaction).
 */
export async function linkedFigures(
  db: Db,
  row: SubmissionRow,
  user: AuthUser,
  now: Date,
): Promise<LinkedFigures> {
  const year = Number(row.periodEnd.slice(0, 4));
  const notes: string[] = [];
  const readOrNull = async <T>(what: string, read: () => Promise<T>) => {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      notes.push(`${what}: chưa có số liệu (${error.message}).`);
      return null;
    }
  };
  const targets = await readOrNull("Mục tiêu", () =>
    getUnitTargets(db, { user, code: row.unitCode, year, now }),
  );
  const plans = await readOrNull("Kế hoạch vốn", () =>
    getPlanRollup(db, { user, code: row.unitCode, year, now }),
  );
  return {
    targets: targets && {
      total: targets.targets.length,
      met: targets.counts.met,
      onTrack: targets.counts.onTrack,
      atRisk: targets.counts.atRisk,
      offTrack: targets.counts.offTrack,
      noData: targets.counts.noData,
    },
    planMoney: plans && {
      year,
      communesWithPlan: plans.rollup.communesWithPlan,
      investment: plans.rollup.investment,
      funded: plans.rollup.funded,
    },
    notes,
  };
}

/** The figures a report is drafted from: the live data of the submitter's communes. */
export async function draftFigures(
  db: DbOrTx,
  row: SubmissionRow,
  linked: LinkedFigures = { notes: [] },
): Promise<ReportFigures> {
  const periodYear = Number(row.periodEnd.slice(0, 4));
  // Results are stored per assessment year; early in a year the latest one may be last year's.
  let year = periodYear;
  let communes = await findCommuneResults(db, row.unitCode, row.periodEnd, year);
  for (let earlier = periodYear - 1; earlier >= periodYear - 3; earlier -= 1) {
    if (communes.some((c) => c.criteriaMet !== null)) break;
    const candidate = await findCommuneResults(db, row.unitCode, row.periodEnd, earlier);
    if (candidate.some((c) => c.criteriaMet !== null)) {
      year = earlier;
      communes = candidate;
    }
  }
  const assessed = communes.filter((c) => c.criteriaMet !== null);
  const previous = await findPreviousSubmitted(db, row);
  const before = new Map(
    (previous?.snapshot as { perCommune?: Record<string, number> } | null)?.perCommune
      ? Object.entries((previous!.snapshot as { perCommune: Record<string, number> }).perCommune)
      : [],
  );
  const codes = communes.map((c) => c.code);
  const obstacles = await findObstacles(db, [row.unitCode, ...codes]);
  const open = obstacles.filter((o) => o.status !== "resolved");
  return {
    year,
    asOf: row.periodEnd,
    communes: communes.length,
    communesAssessed: assessed.length,
    averageCriteriaMet:
      assessed.length === 0
        ? null
        : Math.round(
            (assessed.reduce((sum, c) => sum + (c.criteriaMet ?? 0), 0) / assessed.length) * 10,
          ) / 10,
    byLevel: {
      standard: assessed.filter((c) => c.level === "standard").length,
      advanced: assessed.filter((c) => c.level === "advanced").length,
      model: assessed.filter((c) => c.level === "model").length,
    },
    changes: assessed
      .filter((c) => previous && before.get(c.code) !== c.criteriaMet)
      .map((c) => ({
        unitCode: c.code,
        unitName: c.name,
        criteriaMet: c.criteriaMet ?? 0,
        previous: before.get(c.code) ?? null,
      })),
    valuesUpdated: await countValueChanges(db, codes, row.periodStart, row.periodEnd),
    obstaclesOpen: open.length,
    obstaclesOverdue: open.filter((o) => o.dueDate < row.dueDate).length,
    targets: linked.targets ?? null,
    planMoney: linked.planMoney ?? null,
    notes: [
      ...(year !== periodYear ? [`Kết quả đánh giá mới nhất là của năm ${year}.`] : []),
      ...linked.notes,
    ],
    ...({ perCommune: Object.fromEntries(assessed.map((c) => [c.code, c.criteriaMet])) } as object),
  };
}

export async function getSubmission(db: Db, options: { user: AuthUser; id: number; now: Date }) {
  const today = localDate(options.now);
  const { row, scope, type } = await requireSubmission(db, options.user, options.id, today);
  const figures =
    row.state === "submitted"
      ? (row.snapshot as ReportFigures)
      : await draftFigures(db, row, await linkedFigures(db, row, options.user, options.now));
  const names = await submitterNames(db, [row], today);
  return toSubmissionDto(row, { type, scope, today, names, figures });
}

/** Submits a report: the figures are frozen as a snapshot with the narrative. */
export async function submitReport(
  db: Db,
  options: { user: AuthUser; id: number; narrative: string; version: number; now: Date },
) {
  const today = localDate(options.now);
  const { row, scope, type } = await requireSubmission(db, options.user, options.id, today);
  if (!isSubmitter(scope, row)) throw forbidden("Chỉ đơn vị phải báo cáo được nộp báo cáo này.");
  const linked = await linkedFigures(db, row, options.user, options.now);
  await db.transaction(async (tx) => {
    const locked = await lockSubmission(tx, row.id);
    if (!locked || locked.version !== options.version) {
      throw new AppError({
        code: "VERSION_CONFLICT",
        vi: "Báo cáo vừa được người khác thay đổi; hãy tải lại.",
        en: "The report changed; reload it.",
      });
    }
    if (locked.state === "submitted") {
      throw new AppError({
        code: "CONFLICT",
        vi: "Báo cáo đã nộp; chỉ nộp lại được khi bị trả lại.",
        en: "Already submitted.",
      });
    }
    const snapshot = await draftFigures(tx, locked, linked);
    await updateSubmission(tx, row.id, {
      state: "submitted",
      narrative: options.narrative,
      snapshot,
      submittedAt: options.now,
      submittedOn: today,
      submittedBy: options.user.username,
      version: locked.version + 1,
    });
    await insertAuditEvents(tx, [
      {
        userId: options.user.id || null,
        username: options.user.username,
        action: "report.submit",
        entityType: "report_submission",
        entityKey: String(row.id),
        unitCode: row.unitCode,
        oldValue: { state: locked.state },
        newValue: { state: "submitted", periodKey: row.periodKey, type: type.code },
      },
    ]);
  });
  return getSubmission(db, options);
}

/** Returns a submitted report to its submitter for correction, with the reason. */
export async function returnReport(
  db: Db,
  options: { user: AuthUser; id: number; reason: string; now: Date },
) {
  const today = localDate(options.now);
  const { row, scope, type } = await requireSubmission(db, options.user, options.id, today);
  if (!isReceiver(scope.user, type))
    throw forbidden("Chỉ cơ quan nhận báo cáo được trả lại báo cáo.");
  await db.transaction(async (tx) => {
    const locked = await lockSubmission(tx, row.id);
    if (locked?.state !== "submitted") {
      throw new AppError({
        code: "CONFLICT",
        vi: "Chỉ trả lại được báo cáo đã nộp.",
        en: "Only a submitted report can be returned.",
      });
    }
    await updateSubmission(tx, row.id, {
      state: "returned",
      returnReason: options.reason,
      version: locked.version + 1,
    });
    await insertAuditEvents(tx, [
      {
        userId: options.user.id || null,
        username: options.user.username,
        action: "report.return",
        entityType: "report_submission",
        entityKey: String(row.id),
        unitCode: row.unitCode,
        oldValue: { state: "submitted" },
        newValue: { state: "returned", reason: options.reason },
      },
    ]);
  });
  return getSubmission(db, options);
}

/** The reporting-rate board of a type: per submitter and period, on time, late or missing. */
export async function getRates(
  db: Db,
  options: { user: AuthUser; typeId: number; period?: string | undefined; now: Date },
): Promise<RatesResponse> {
  const today = localDate(options.now);
  const type = await requireType(db, options.typeId);
  await requireUnitAccess(db, {
    user: options.user,
    code: type.receiverUnitCode,
    asOf: today,
    action: "unit.read",
  }).catch(() => {
    throw forbidden("Bảng tỷ lệ báo cáo dành cho cơ quan nhận báo cáo.");
  });
  const year = options.period ? Number(options.period.slice(0, 4)) : Number(today.slice(0, 4));
  await ensurePeriods(db, type, year, today);
  const rows = await findSubmissions(db, {
    typeId: type.id,
    ...(options.period ? { periodKey: options.period } : { periodPrefix: String(year) }),
  });
  const names = await submitterNames(db, rows, today);
  const periods = new Map<string, { key: string; label: string; dueDate: string }>();
  const bySubmitter = new Map<string, RatesResponse["rows"][number]>();
  const all: ReturnType<typeof timelinessOf>["timeliness"][] = [];
  for (const row of rows) {
    periods.set(row.periodKey, {
      key: row.periodKey,
      label: row.periodLabel,
      dueDate: row.dueDate,
    });
    const key = `${row.unitCode}/${row.departmentCode}`;
    const entry = bySubmitter.get(key) ?? {
      unitCode: row.unitCode,
      unitName: submitterName(row, names),
      departmentCode: row.departmentCode || null,
      cells: [],
    };
    const status = timelinessOf({
      dueDate: row.dueDate,
      state: row.state as SubmissionState,
      submittedOn: row.submittedOn,
      today,
    });
    entry.cells.push({
      periodKey: row.periodKey,
      submissionId: row.id,
      timeliness: status.timeliness,
      state: row.state,
      reason: status.reason,
    });
    all.push(status.timeliness);
    bySubmitter.set(key, entry);
  }
  return {
    type: toTypeDto(type),
    periods: [...periods.values()].sort((a, b) => a.key.localeCompare(b.key)),
    rows: [...bySubmitter.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, "vi")),
    totals: rateOf(all),
  };
}

/** In-app reminders of the reports the user must send: a few days before the due date and after. */
export async function getReminders(
  db: Db,
  options: { user: AuthUser; now: Date },
): Promise<ReminderDto[]> {
  const today = localDate(options.now);
  const items = await listSubmissions(db, options);
  return items
    .filter((item) => item.canSubmit)
    .map((item) => {
      const reminder = reminderFor({
        dueDate: item.dueDate,
        state: item.state,
        today,
        daysBefore: reminderDaysBefore,
        reportName: item.typeName,
        periodLabel: item.periodLabel,
      });
      return reminder
        ? { submissionId: item.id, kind: reminder.kind, message: reminder.message }
        : null;
    })
    .filter((item): item is ReminderDto => item !== null);
}

import type { Db } from "@ntm/db";
import { isObstacleOverdue, reportOwed, type ObstacleStatus, type UnitResource } from "@ntm/domain";
import { taskKinds, type MyTasksResponse, type TaskDto } from "@ntm/contracts";
import { allows, assertCan } from "../../shared/access.ts";
import { currentYear, today } from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { selectSetFor } from "../catalog/index.ts";
import { getInbox } from "../dossiers/index.ts";
import { pendingFeedbackTasks } from "../feedback/index.ts";
import { ocopExpiryTasks } from "../ocop/index.ts";
import { getUnitTargets } from "../targets/index.ts";
import {
  findDescendantsOn,
  findLatestUnit,
  findPathOn,
  findProvinceKeys,
  findUnitOn,
} from "../units/index.ts";
import {
  countValuesEntered,
  findLatestReminders,
  findOpenSubmissions,
  findUnresolvedObstacles,
} from "./tasks.repository.ts";

/** The user's unit and every unit below it today, each as the access policy sees it. */
interface TaskScope {
  own: UnitResource;
  provinceCode: string | null;
  /** The province keys of the scope's rows (none for a national account: every province). */
  provinceKeys: string[] | undefined;
  units: Map<string, UnitResource & { name: string; assessedCommune: boolean }>;
}

async function loadScope(db: Db, user: AuthUser, today: string): Promise<TaskScope> {
  // An account of a unit the 2025 reform closed keeps its unit's work as on its last day.
  const closed = (await findUnitOn(db, user.unitCode, today))
    ? undefined
    : await findLatestUnit(db, user.unitCode);
  const date = closed?.validTo && closed.validTo < today ? closed.validTo : today;
  const path = await findPathOn(db, user.unitCode, date);
  const unit = await findUnitOn(db, user.unitCode, date);
  const own: UnitResource = {
    unitCode: user.unitCode,
    path: path.length > 0 ? path.map((step) => step.code) : [user.unitCode],
  };
  const units: TaskScope["units"] = new Map([
    [
      user.unitCode,
      {
        ...own,
        name: unit?.name ?? user.unitCode,
        assessedCommune: unit?.level === "commune" && unit.assessed,
      },
    ],
  ]);
  const below = await findDescendantsOn(db, user.unitCode, date);
  const parents = new Map(below.map((unit) => [unit.code, unit.parentCode]));
  const pathOf = (code: string): readonly string[] => {
    const known = units.get(code)?.path;
    if (known) return known;
    const parent = parents.get(code);
    return [code, ...(parent ? pathOf(parent) : own.path)];
  };
  for (const unit of below) {
    units.set(unit.code, {
      unitCode: unit.code,
      path: pathOf(unit.code),
      name: unit.name,
      assessedCommune: unit.level === "commune" && unit.assessed,
    });
  }
  const provinceCode = path.find((step) => step.level === "province")?.code ?? null;
  const keys = provinceCode ? await findProvinceKeys(db, provinceCode) : [];
  return { own, provinceCode, provinceKeys: keys.length > 0 ? keys : undefined, units };
}

async function dossierTasks(db: Db, user: AuthUser, now: Date): Promise<TaskDto[]> {
  return (await getInbox(db, { user, now })).map((item) => ({
    kind: "dossier_step",
    id: `dossier:${item.id}`,
    unit: { code: item.unitCode, name: item.unitName },
    due: item.due,
    overdue: item.overdue,
    dossierId: item.id,
    dossierKind: item.kind,
    year: item.year,
    stepCode: item.currentStep,
    stepName: item.currentStepName,
    // A department takes part in a dossier only by confirming its criteria at the appraisal.
    action: user.role === "department" ? "confirm" : "complete",
  }));
}

async function reportTasks(
  db: Db,
  user: AuthUser,
  scope: TaskScope,
  date: string,
): Promise<TaskDto[]> {
  const rows = (await findOpenSubmissions(db, [...scope.units.keys()], scope.provinceKeys)).filter(
    (row) =>
      // A report of a period whose receiver or sender the reform closed may be nobody's any more.
      reportOwed({
        dueDate: row.dueDate,
        today: date,
        sender: row.senderName ? { name: row.senderName, validTo: row.senderValidTo } : null,
        receiver: row.receiverName
          ? { name: row.receiverName, validTo: row.receiverValidTo }
          : null,
      }).owed &&
      allows(user, "report.submit", {
        submitter: scope.units.get(row.unitCode) ?? { unitCode: row.unitCode, path: [] },
        departmentCode: row.departmentCode || null,
        receiverUnitCode: row.receiverUnitCode,
      }),
  );
  // A report someone above reminded the unit of shows once, as the reminder.
  const reminders = new Map(
    (
      await findLatestReminders(
        db,
        rows.map((row) => row.id),
        scope.provinceKeys,
      )
    ).map((r) => [r.submissionId, r]),
  );
  const reminderUnits = new Map<string, string>();
  for (const code of new Set([...reminders.values()].map((r) => r.remindedByUnit))) {
    reminderUnits.set(code, (await findUnitOn(db, code, date))?.name ?? code);
  }
  return rows.map((row): TaskDto => {
    const base = {
      id: `report:${row.id}`,
      unit: {
        code: row.unitCode,
        name: row.departmentCode
          ? (user.departmentName ?? row.departmentCode)
          : (scope.units.get(row.unitCode)?.name ?? row.unitCode),
      },
      due: row.dueDate,
      overdue: row.dueDate < date,
      submissionId: row.id,
      typeName: row.typeName,
      periodKey: row.periodKey,
      periodLabel: row.periodLabel,
    };
    const reminder = reminders.get(row.id);
    return reminder
      ? {
          ...base,
          kind: "report_reminder",
          remindedAt: reminder.remindedAt.toISOString(),
          remindedBy: reminderUnits.get(reminder.remindedByUnit) ?? reminder.remindedByUnit,
        }
      : {
          ...base,
          kind: "report",
          state: row.state === "returned" ? "returned" : "draft",
          returnReason: row.returnReason,
        };
  });
}

async function obstacleTasks(
  db: Db,
  user: AuthUser,
  scope: TaskScope,
  date: string,
): Promise<TaskDto[]> {
  const rows = await findUnresolvedObstacles(db, [...scope.units.keys()], scope.provinceKeys);
  return rows.flatMap((row): TaskDto[] => {
    const unit = scope.units.get(row.unitCode);
    if (!unit) return [];
    const resource = { ...unit, holder: row.holder, criterionCodes: row.criterionCodes };
    if (!allows(user, "obstacle.act", resource)) return [];
    const status = row.status as ObstacleStatus;
    return [
      {
        kind: "obstacle",
        id: `obstacle:${row.id}`,
        unit: { code: row.unitCode, name: unit.name },
        due: row.dueDate,
        overdue: isObstacleOverdue({ status, dueDate: row.dueDate }, date),
        obstacleId: row.id,
        title: row.title,
        status: status === "escalated" ? "escalated" : "open",
      },
    ];
  });
}

/**
 * Values of the current year still missing in the communes the user writes, as one line about the
 * user's own unit: its commune, or its scope (where the entry by commune opens).
 */
async function missingValueTasks(
  db: Db,
  user: AuthUser,
  scope: TaskScope,
  year: number,
): Promise<TaskDto[]> {
  const communes = [...scope.units.values()].filter(
    (unit) => unit.assessedCommune && allows(user, "assessment.write", unit),
  );
  if (communes.length === 0) return [];
  const set = await selectSetFor(db, { year, provinceCode: scope.provinceCode }).catch(() => null);
  if (!set) return [];
  const indicators = set.definition.criteria
    .filter((criterion) =>
      allows(user, "assessment.write", {
        ...scope.own,
        criterion: { setCode: set.code, criterionCode: criterion.code },
      }),
    )
    .flatMap((criterion) => criterion.indicators.map((indicator) => indicator.code));
  const entered = await countValuesEntered(db, {
    year,
    unitCodes: communes.map((unit) => unit.unitCode),
    indicatorCodes: indicators,
    provinceKeys: scope.provinceKeys,
  });
  const behind = communes
    .map((unit) => ({ unit, missing: indicators.length - (entered.get(unit.unitCode) ?? 0) }))
    .filter((row) => row.missing > 0);
  if (behind.length === 0) return [];
  const unit = scope.units.get(scope.own.unitCode);
  if (!unit) return [];
  return [
    {
      kind: "missing_values",
      id: `values:${unit.unitCode}:${year}`,
      unit: { code: unit.unitCode, name: unit.name },
      due: null,
      overdue: false,
      scope: unit.assessedCommune ? "commune" : "communes",
      year,
      communes: behind.length,
      missing: behind.reduce((sum, row) => sum + row.missing, 0),
      expected: indicators.length * behind.length,
    },
  ];
}

/**
 * Targets of the scope at risk or off track that the user may act on. A target whose deadline
 * year is before the year of the latest results is settled, not waiting: it is left out.
 */
async function targetTasks(
  db: Db,
  user: AuthUser,
  scope: TaskScope,
  now: Date,
): Promise<TaskDto[]> {
  if (!allows(user, "target.write", scope.own)) return [];
  const { targets, year } = await getUnitTargets(db, {
    user,
    code: user.unitCode,
    year: undefined,
    now,
  });
  const date = today(now);
  return targets.flatMap(({ target, progress }): TaskDto[] => {
    const unit = scope.units.get(target.unitCode);
    const status = progress.status;
    if (!unit || (status !== "atRisk" && status !== "offTrack")) return [];
    if (target.deadlineYear < year || !allows(user, "target.write", unit)) return [];
    const due = `${target.deadlineYear}-12-31`;
    return [
      {
        kind: "target",
        id: `target:${target.id}`,
        unit: { code: unit.unitCode, name: unit.name },
        due,
        overdue: due < date,
        targetId: target.id,
        name: target.name,
        status,
        deadlineYear: target.deadlineYear,
        year,
      },
    ];
  });
}

/** Earliest due date first; tasks without one last; then by kind and unit. */
function byDue(a: TaskDto, b: TaskDto) {
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return (
    taskKinds.indexOf(a.kind) - taskKinds.indexOf(b.kind) ||
    a.unit.name.localeCompare(b.unit.name, "vi") ||
    a.id.localeCompare(b.id)
  );
}

/**
 * "Việc của tôi": what waits for the user, in one list sorted by due date — dossier steps at its
 * desk, reports to submit, obstacles it holds, values missing for the current year and targets
 * behind in its scope. Each item is there because the access policy lets the user act on it.
 */
export async function getMyTasks(
  db: Db,
  options: { user: AuthUser; now: Date },
): Promise<MyTasksResponse> {
  const { user, now } = options;
  const date = today(now);
  const year = currentYear(now);
  const scope = await loadScope(db, user, date);
  assertCan(user, "unit.read", scope.own);
  const tasks = [
    ...(await dossierTasks(db, user, now)),
    ...(await reportTasks(db, user, scope, date)),
    ...(await obstacleTasks(db, user, scope, date)),
    ...(await missingValueTasks(db, user, scope, year)),
    ...(await targetTasks(db, user, scope, now)),
    ...(await ocopExpiryTasks(db, user, now)),
    ...(await pendingFeedbackTasks(db, { user, now })),
  ].sort(byDue);
  return {
    today: date,
    year,
    counts: { total: tasks.length, overdue: tasks.filter((task) => task.overdue).length },
    tasks,
  };
}

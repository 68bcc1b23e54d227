import type { Db } from "@ntm/db";
import {
  isObstacleOverdue,
  obstacleLevelNames,
  obstacleLevelOfRole,
  transitionObstacle,
  type ObstacleLevel,
  type ObstacleStatus,
} from "@ntm/domain";
import type { ObstacleDto, ObstacleInput } from "@ntm/contracts";
import { forbidden, invalid, notFound } from "../../http/app-error.ts";
import type { AuthUser } from "../auth/auth-user.ts";
import { insertAuditEvents } from "../audit/audit.repository.ts";
import { findDescendantsOn, findUnitOn } from "../units/units.repository.ts";
import { requireUnitAccess } from "../units/units.service.ts";
import { localDate } from "./holidays.ts";
import {
  findCriteriaOfDepartment,
  findDepartmentOfUser,
  findObstacle,
  findObstacleEvents,
  findObstacles,
  insertObstacle,
  insertObstacleEvent,
  updateObstacle,
  type ObstacleEventRow,
  type ObstacleRow,
} from "./reports.repository.ts";

export interface ObstacleFilter {
  status?: "open" | "escalated" | "resolved" | "unresolved" | undefined;
  criterion?: string | undefined;
  department?: string | undefined;
  overdue?: boolean | undefined;
  unit?: string | undefined;
}

/** Whether the user acts at the level holding the obstacle (a department: on its criteria). */
function canAct(user: AuthUser, row: ObstacleRow) {
  const level = obstacleLevelOfRole(user.role);
  if (level !== row.holder || row.status === "resolved") return false;
  if (level !== "department" || row.criterionCodes.length === 0) return true;
  const own = new Set(user.criteria.map((key) => key.split(":")[1]));
  return row.criterionCodes.some((code) => own.has(code));
}

function toDto(
  row: ObstacleRow,
  events: ObstacleEventRow[],
  user: AuthUser,
  today: string,
  unitName: string,
): ObstacleDto {
  const act = canAct(user, row);
  return {
    id: row.id,
    unitCode: row.unitCode,
    unitName,
    title: row.title,
    description: row.description,
    criterionCodes: row.criterionCodes,
    indicatorCodes: row.indicatorCodes,
    planItem: row.planItem,
    departmentCode: row.departmentCode,
    status: row.status as ObstacleStatus,
    holder: row.holder as ObstacleLevel,
    holderName: obstacleLevelNames[row.holder as ObstacleLevel],
    owner: row.owner,
    dueDate: row.dueDate,
    overdue: isObstacleOverdue(
      { status: row.status as ObstacleStatus, dueDate: row.dueDate },
      today,
    ),
    raisedBy: row.raisedBy,
    raisedAt: row.raisedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    answer: row.answer,
    canEscalate: act && row.holder !== "province_committee",
    canResolve: act,
    events: events.map((event, index) => {
      const previous = index === 0 ? row.raisedAt : events[index - 1]!.at;
      return {
        at: event.at.toISOString(),
        username: event.username,
        action: event.action,
        fromHolder: event.fromHolder,
        toHolder: event.toHolder,
        note: event.note,
        hoursSincePrevious:
          event.action === "raise"
            ? null
            : Math.round(((event.at.getTime() - previous.getTime()) / 3600000) * 10) / 10,
      };
    }),
  };
}

async function scopeCodes(db: Db, user: AuthUser, today: string) {
  const below = await findDescendantsOn(db, user.unitCode, today);
  return {
    codes: [user.unitCode, ...below.map((u) => u.code)],
    names: new Map(below.map((u) => [u.code, u.name])),
  };
}

/** Lists obstacles in the user's scope: open ones by criterion, by department, overdue. */
export async function listObstacles(
  db: Db,
  options: { user: AuthUser; now: Date; filter: ObstacleFilter },
) {
  const today = localDate(options.now);
  const { codes, names } = await scopeCodes(db, options.user, today);
  const { filter } = options;
  // "By department" means the department in charge of the obstacle's criteria (or the one it was passed to).
  const departmentCriteria = filter.department
    ? new Set(await findCriteriaOfDepartment(db, filter.department))
    : null;
  const rows = (await findObstacles(db, codes)).filter(
    (row) =>
      (!filter.status ||
        (filter.status === "unresolved"
          ? row.status !== "resolved"
          : row.status === filter.status)) &&
      (!filter.criterion || row.criterionCodes.includes(filter.criterion)) &&
      (!departmentCriteria ||
        row.departmentCode === filter.department ||
        row.criterionCodes.some((code) => departmentCriteria.has(code))) &&
      (filter.overdue === undefined ||
        isObstacleOverdue({ status: row.status as ObstacleStatus, dueDate: row.dueDate }, today) ===
          filter.overdue) &&
      (!filter.unit || row.unitCode === filter.unit),
  );
  const events = await findObstacleEvents(
    db,
    rows.map((row) => row.id),
  );
  const own = (await findUnitOn(db, options.user.unitCode, today))?.name ?? options.user.unitCode;
  return rows.map((row) =>
    toDto(
      row,
      events.filter((e) => e.obstacleId === row.id),
      options.user,
      today,
      names.get(row.unitCode) ?? own,
    ),
  );
}

async function obstacleDto(db: Db, user: AuthUser, id: number, now: Date) {
  const today = localDate(now);
  const row = await findObstacle(db, id);
  if (!row) throw notFound(`Không có khó khăn, vướng mắc số ${id}.`, `No obstacle ${id}.`);
  const unit = await findUnitOn(db, row.unitCode, today);
  const events = await findObstacleEvents(db, [id]);
  return toDto(row, events, user, today, unit?.name ?? row.unitCode);
}

/** Raises an obstacle at the user's own level; it holds it until it resolves or escalates it. */
export async function raiseObstacle(
  db: Db,
  options: { user: AuthUser; input: ObstacleInput; now: Date },
) {
  const { user, input, now } = options;
  const today = localDate(now);
  const level = obstacleLevelOfRole(user.role);
  if (!level) throw forbidden("Tài khoản chỉ có quyền xem.");
  await requireUnitAccess(db, {
    user,
    code: input.unitCode,
    asOf: today,
    action: "assessment.write",
  });
  if (input.dueDate < today)
    throw invalid("Hạn xử lý không được trước hôm nay.", "The due date is in the past.");
  const department =
    user.role === "department" ? await findDepartmentOfUser(db, user.id) : undefined;
  const id = await db.transaction(async (tx) => {
    const row = await insertObstacle(tx, {
      unitCode: input.unitCode,
      title: input.title,
      description: input.description,
      criterionCodes: input.criterionCodes,
      indicatorCodes: input.indicatorCodes,
      planItem: input.planItem ?? null,
      departmentCode: department?.code ?? null,
      status: "open",
      holder: level,
      owner: user.displayName,
      dueDate: input.dueDate,
      raisedBy: user.username,
      raisedAt: now,
    });
    await insertObstacleEvent(tx, {
      obstacleId: row.id,
      at: now,
      username: user.username,
      action: "raise",
      toHolder: level,
      note: input.title,
    });
    await insertAuditEvents(tx, [
      {
        userId: user.id || null,
        username: user.username,
        action: "obstacle.raise",
        entityType: "obstacle",
        entityKey: String(row.id),
        unitCode: input.unitCode,
        newValue: input,
      },
    ]);
    return row.id;
  });
  return obstacleDto(db, user, id, now);
}

async function act(
  db: Db,
  options: { user: AuthUser; id: number; now: Date },
  action:
    | { type: "escalate"; to?: ObstacleLevel | undefined; note: string }
    | { type: "resolve"; answer: string },
) {
  const { user, id, now } = options;
  const today = localDate(now);
  const { codes } = await scopeCodes(db, user, today);
  await db.transaction(async (tx) => {
    const row = await findObstacle(tx, id, true);
    if (!row || !codes.includes(row.unitCode))
      throw notFound(`Không có khó khăn, vướng mắc số ${id}.`, `No obstacle ${id}.`);
    if (!canAct(user, row)) {
      throw forbidden(
        row.status === "resolved"
          ? "Khó khăn, vướng mắc này đã được giải quyết."
          : `Khó khăn, vướng mắc đang do ${obstacleLevelNames[row.holder as ObstacleLevel]} xử lý.`,
      );
    }
    const result = transitionObstacle(
      { status: row.status as ObstacleStatus, holder: row.holder as ObstacleLevel },
      action.type === "escalate"
        ? { type: "escalate", ...(action.to ? { to: action.to } : {}) }
        : action,
    );
    if (!result.ok) throw invalid(result.reason, "This step is not allowed.");
    const note = action.type === "escalate" ? action.note : action.answer;
    await updateObstacle(tx, id, {
      status: result.next.status,
      holder: result.next.holder,
      owner: action.type === "escalate" ? obstacleLevelNames[result.next.holder] : row.owner,
      ...(action.type === "resolve" ? { resolvedAt: now, answer: action.answer } : {}),
    });
    await insertObstacleEvent(tx, {
      obstacleId: id,
      at: now,
      username: user.username,
      action: action.type,
      fromHolder: row.holder,
      toHolder: result.next.holder,
      note: `${result.reason} ${note}`.trim(),
    });
    await insertAuditEvents(tx, [
      {
        userId: user.id || null,
        username: user.username,
        action: `obstacle.${action.type}`,
        entityType: "obstacle",
        entityKey: String(id),
        unitCode: row.unitCode,
        oldValue: { status: row.status, holder: row.holder },
        newValue: { ...result.next, note },
      },
    ]);
  });
  return obstacleDto(db, user, id, now);
}

export const escalateObstacle = (
  db: Db,
  options: { user: AuthUser; id: number; now: Date; to?: ObstacleLevel | undefined; note: string },
) => act(db, options, { type: "escalate", to: options.to, note: options.note });

export const resolveObstacle = (
  db: Db,
  options: { user: AuthUser; id: number; now: Date; answer: string },
) => act(db, options, { type: "resolve", answer: options.answer });

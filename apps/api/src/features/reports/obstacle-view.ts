import type { Db } from "@ntm/db";
import {
  isObstacleOverdue,
  obstacleLevelNames,
  type ObstacleLevel,
  type ObstacleResource,
  type ObstacleStatus,
} from "@ntm/domain";
import type { ObstacleDto } from "@ntm/contracts";
import { notFound } from "../../http/app-error.ts";
import { allows } from "../../shared/access.ts";
import {
  findObstacle,
  findObstacleEvents,
  type ObstacleEventRow,
  type ObstacleRow,
} from "./reports.repository.ts";
import type { UnitScope } from "./unit-scope.ts";

/** An obstacle as the access policy sees it: its unit, the level holding it and its criteria. */
export function obstacleResource(scope: UnitScope, row: ObstacleRow): ObstacleResource {
  return {
    unitCode: row.unitCode,
    path: scope.paths.get(row.unitCode) ?? [row.unitCode],
    holder: row.holder,
    criterionCodes: row.criterionCodes,
  };
}

/** Whether the user acts on an unresolved obstacle: the level holding it (a department: on its criteria). */
function canAct(scope: UnitScope, row: ObstacleRow) {
  return (
    row.status !== "resolved" && allows(scope.user, "obstacle.act", obstacleResource(scope, row))
  );
}

export function toObstacleDto(
  row: ObstacleRow,
  events: ObstacleEventRow[],
  scope: UnitScope,
  today: string,
): ObstacleDto {
  const act = canAct(scope, row);
  return {
    id: row.id,
    unitCode: row.unitCode,
    unitName: scope.names.get(row.unitCode) ?? row.unitCode,
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

/** One obstacle of the scope with its history; 404 outside the scope. */
export async function requireObstacle(db: Db, scope: UnitScope, id: number, today: string) {
  const row = await findObstacle(db, id);
  if (!row || !scope.paths.has(row.unitCode))
    throw notFound(`Không có khó khăn, vướng mắc số ${id}.`, `No obstacle ${id}.`);
  return toObstacleDto(row, await findObstacleEvents(db, [id]), scope, today);
}

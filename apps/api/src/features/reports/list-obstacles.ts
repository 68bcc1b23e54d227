import type { Db } from "@ntm/db";
import { isObstacleOverdue, type ObstacleStatus } from "@ntm/domain";
import type { ObstacleDto } from "@ntm/contracts";
import type { AuthUser } from "../auth/index.ts";
import { today as localDate } from "../../shared/clock.ts";
import {
  findCriteriaOfDepartment,
  findObstacleEvents,
  findObstacles,
} from "./reports.repository.ts";
import { toObstacleDto } from "./obstacle-view.ts";
import { scopeOf } from "./unit-scope.ts";

export interface ObstacleFilter {
  status?: "open" | "escalated" | "resolved" | "unresolved" | undefined;
  criterion?: string | undefined;
  department?: string | undefined;
  overdue?: boolean | undefined;
  unit?: string | undefined;
}

/** Lists obstacles in the user's scope: open ones by criterion, by department, overdue. */
export async function listObstacles(
  db: Db,
  options: { user: AuthUser; now: Date; filter: ObstacleFilter },
): Promise<ObstacleDto[]> {
  const today = localDate(options.now);
  const scope = await scopeOf(db, options.user, today);
  const { filter } = options;
  // "By department" means the department in charge of the obstacle's criteria (or the one it was passed to).
  const departmentCriteria = filter.department
    ? new Set(await findCriteriaOfDepartment(db, filter.department))
    : null;
  const rows = (await findObstacles(db, [...scope.paths.keys()])).filter(
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
  return rows.map((row) =>
    toObstacleDto(
      row,
      events.filter((event) => event.obstacleId === row.id),
      scope,
      today,
    ),
  );
}

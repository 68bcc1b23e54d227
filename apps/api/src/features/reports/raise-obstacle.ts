import type { Db } from "@ntm/db";
import { obstacleLevelOfRole, type ObstacleLevel } from "@ntm/domain";
import type { ObstacleDto, ObstacleInput } from "@ntm/contracts";
import { invalid } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import { today as localDate } from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { findUnitResource } from "../units/index.ts";
import { insertObstacle, insertObstacleEvent } from "./reports.repository.ts";
import { requireObstacle } from "./obstacle-view.ts";
import { scopeOf } from "./unit-scope.ts";

/** Raises an obstacle at the user's own level; it holds it until it resolves or escalates it. */
export async function raiseObstacle(
  db: Db,
  options: { user: AuthUser; input: ObstacleInput; now: Date },
): Promise<ObstacleDto> {
  const { user, input, now } = options;
  const today = localDate(now);
  const { resource } = await findUnitResource(db, input.unitCode, today);
  assertCan(user, "obstacle.raise", resource);
  // The policy lets only the roles that hold obstacles at some level raise one.
  const level = obstacleLevelOfRole(user.role) as ObstacleLevel;
  if (input.dueDate < today)
    throw invalid("Hạn xử lý không được trước hôm nay.", "The due date is in the past.");
  const id = await db.transaction(async (tx) => {
    const row = await insertObstacle(tx, {
      unitCode: input.unitCode,
      title: input.title,
      description: input.description,
      criterionCodes: input.criterionCodes,
      indicatorCodes: input.indicatorCodes,
      planItem: input.planItem ?? null,
      departmentCode: user.departmentCode ?? null,
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
    await recordAudit(tx, {
      kind: "obstacle.raise",
      by: user,
      key: String(row.id),
      unitCode: input.unitCode,
      new: input,
    });
    return row.id;
  });
  return requireObstacle(db, await scopeOf(db, user, today), id, today);
}

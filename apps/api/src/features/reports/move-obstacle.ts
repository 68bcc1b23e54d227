import type { Db } from "@ntm/db";
import {
  obstacleLevelNames,
  transitionObstacle,
  type ObstacleLevel,
  type ObstacleStatus,
} from "@ntm/domain";
import type { ObstacleDto } from "@ntm/contracts";
import { AppError, invalid, notFound } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import { today as localDate } from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { findObstacle, insertObstacleEvent, updateObstacle } from "./reports.repository.ts";
import { obstacleResource, requireObstacle } from "./obstacle-view.ts";
import { obstacleTreeFor } from "./obstacle-tree.ts";
import { scopeOf } from "./unit-scope.ts";

type Move =
  | { type: "escalate"; to?: ObstacleLevel | undefined; note: string }
  | { type: "resolve"; answer: string };

/**
 * Passes an obstacle up or resolves it, in one transaction: lock, access (the level holding it),
 * the domain's rule of where it may go on the tree of the day (no district after the 2025
 * reform), the event and the audit row.
 */
async function moveObstacle(
  db: Db,
  options: { user: AuthUser; id: number; now: Date },
  move: Move,
): Promise<ObstacleDto> {
  const { user, id, now } = options;
  const today = localDate(now);
  const scope = await scopeOf(db, user, today);
  await db.transaction(async (tx) => {
    const row = await findObstacle(tx, id, true);
    if (!row || !scope.paths.has(row.unitCode))
      throw notFound(`Không có khó khăn, vướng mắc số ${id}.`, `No obstacle ${id}.`);
    assertCan(user, "obstacle.act", obstacleResource(scope, row));
    if (row.status === "resolved") {
      throw new AppError({
        code: "CONFLICT",
        vi: "Khó khăn, vướng mắc này đã được giải quyết.",
        en: "This obstacle is already resolved.",
      });
    }
    const result = transitionObstacle(
      { status: row.status as ObstacleStatus, holder: row.holder as ObstacleLevel },
      move.type === "escalate" ? { type: "escalate", ...(move.to ? { to: move.to } : {}) } : move,
      await obstacleTreeFor(tx, row.unitCode, today),
    );
    if (!result.ok) throw invalid(result.reason, "This step is not allowed.");
    const note = move.type === "escalate" ? move.note : move.answer;
    await updateObstacle(tx, id, {
      status: result.next.status,
      holder: result.next.holder,
      owner: move.type === "escalate" ? obstacleLevelNames[result.next.holder] : row.owner,
      ...(move.type === "resolve" ? { resolvedAt: now, answer: move.answer } : {}),
    });
    await insertObstacleEvent(tx, {
      obstacleId: id,
      at: now,
      username: user.username,
      action: move.type,
      fromHolder: row.holder,
      toHolder: result.next.holder,
      note: `${result.reason} ${note}`.trim(),
    });
    await recordAudit(tx, {
      kind: `obstacle.${move.type}`,
      by: user,
      key: String(id),
      unitCode: row.unitCode,
      old: { status: row.status, holder: row.holder },
      new: { ...result.next, note },
    });
  });
  return requireObstacle(db, scope, id, today);
}

/** Passes an obstacle up to the level that can solve it, with a note. */
export const escalateObstacle = (
  db: Db,
  options: { user: AuthUser; id: number; now: Date; to?: ObstacleLevel | undefined; note: string },
) => moveObstacle(db, options, { type: "escalate", to: options.to, note: options.note });

/** Resolves an obstacle with the answer of the level holding it. */
export const resolveObstacle = (
  db: Db,
  options: { user: AuthUser; id: number; now: Date; answer: string },
) => moveObstacle(db, options, { type: "resolve", answer: options.answer });

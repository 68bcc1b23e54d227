import type { DbOrTx } from "@ntm/db";
import { obstacleTreeOf, type ObstacleTree } from "@ntm/domain";
import { findLatestUnit, findPathOn, findUnitOn } from "../units/index.ts";

/**
 * The tree an obstacle of a unit moves in on a date: the unit's path that day, or, for a unit
 * the 2025 reform closed, on its last day (its old district still stands above it).
 */
export async function obstacleTreeFor(
  tx: DbOrTx,
  unitCode: string,
  date: string,
): Promise<ObstacleTree> {
  const closed = (await findUnitOn(tx, unitCode, date))
    ? undefined
    : await findLatestUnit(tx, unitCode);
  const on = closed?.validTo && closed.validTo < date ? closed.validTo : date;
  return obstacleTreeOf(await findPathOn(tx, unitCode, on), on);
}

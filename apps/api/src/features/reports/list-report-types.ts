import type { Db } from "@ntm/db";
import type { ReportTypeDto } from "@ntm/contracts";
import type { AuthUser } from "../auth/index.ts";
import { findUnitOn } from "../units/index.ts";
import { findReportTypes } from "./reports.repository.ts";
import { toTypeDto } from "./report-type-view.ts";

/**
 * Every report type, those the user's own unit receives first, then those of a receiver in force
 * today, then those of a receiver the 2025 reform closed: the office of today opens on its own
 * types, the former office on the types it kept.
 */
export async function listReportTypes(
  db: Db,
  options: { user: AuthUser; today: string },
): Promise<ReportTypeDto[]> {
  const types = await findReportTypes(db);
  const inForce = new Map<string, boolean>();
  for (const code of new Set(types.map((type) => type.receiverUnitCode)))
    inForce.set(code, Boolean(await findUnitOn(db, code, options.today)));
  const rank = (code: string) => (code === options.user.unitCode ? 0 : inForce.get(code) ? 1 : 2);
  return types
    .map((type, index) => ({ type, index, rank: rank(type.receiverUnitCode) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ type }) => toTypeDto(type));
}

import type { Db } from "@ntm/db";
import { compareYears, lineageOf, type LevelCode } from "@ntm/domain";
import type { UnitComparisonResponse } from "@ntm/contracts";
import type { AuthUser } from "../auth/index.ts";
import { findLatestUnit } from "../units/index.ts";
import * as clock from "../../shared/clock.ts";
import { requireUnitAccess } from "../units/index.ts";
import { findAllSuccessorLinks, findLatestNames, findResultsOfUnits } from "./maps.repository.ts";

/**
 * A unit's stored results for every year, and for the years before a merger the results of the
 * units merged into it (lineage through `unit_successors`), shown under the successor.
 */
export async function getUnitComparison(
  db: Db,
  options: { user: AuthUser; code: string; now: Date },
): Promise<UnitComparisonResponse> {
  const today = clock.today(options.now);
  const latest = await findLatestUnit(db, options.code);
  // A unit formed by a merger after today is read as of its first day.
  const asOf = latest && latest.validFrom > today ? latest.validFrom : today;
  const { unit } = await requireUnitAccess(db, {
    user: options.user,
    code: options.code,
    asOf,
    action: "unit.read",
  });
  const links = await findAllSuccessorLinks(db);
  const lineage = lineageOf(unit.code, links);
  const results = (await findResultsOfUnits(db, [unit.code, ...lineage])).map((row) => ({
    unitCode: row.unitCode,
    year: row.year,
    criteriaMet: row.criteriaMet,
    criteriaTotal: row.criteriaTotal,
    level: row.level as LevelCode | null,
  }));
  const names = await findLatestNames(db, lineage);
  const predecessorNames = Object.fromEntries(names);
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    predecessors: lineage.map((code) => ({
      code,
      name: names.get(code) ?? code,
      effectiveDate:
        links.find((link) => link.predecessorCode === code && link.successorCode !== code)
          ?.effectiveDate ?? "",
    })),
    years: compareYears(unit.code, links, results).map((row) => ({ ...row, predecessorNames })),
  };
}

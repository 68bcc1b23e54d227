import type { Db } from "@ntm/db";
import { compareYears, predecessorsOf, type LevelCode } from "@ntm/domain";
import type { UnitComparisonResponse } from "@ntm/contracts";
import type { AuthUser } from "../auth/index.ts";
import { findLatestUnit } from "../units/index.ts";
import * as clock from "../../shared/clock.ts";
import { requireUnitAccess } from "../units/index.ts";
import { findAllSuccessorLinks, findResultsOfUnits, findVersionsOf } from "./maps.repository.ts";

/**
 * A unit's stored results for every year, and for the years before a merger the results of the
 * unit versions it was formed from (lineage through `unit_successors`), shown under it.
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
  const lineage = predecessorsOf(unit, links);
  const codes = [...new Set([unit.code, ...lineage.map((step) => step.code)])];
  const versions = await findVersionsOf(db, codes);
  const results = (await findResultsOfUnits(db, codes)).map((row) => ({
    unitCode: row.unitCode,
    year: row.year,
    criteriaMet: row.criteriaMet,
    criteriaTotal: row.criteriaTotal,
    level: row.level as LevelCode | null,
  }));
  const nameOf = (step: { code: string; validFrom: string }) =>
    versions.find((v) => v.code === step.code && v.validFrom === step.validFrom)?.name ?? step.code;
  const predecessorNames = Object.fromEntries(lineage.map((step) => [step.code, nameOf(step)]));
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    predecessors: lineage.map((step) => ({
      code: step.code,
      name: nameOf(step),
      effectiveDate: step.effectiveDate,
    })),
    years: compareYears(unit, links, versions, results).map((row) => ({
      ...row,
      predecessorNames,
    })),
  };
}

import type { Db } from "@ntm/db";
import { endOfYear, summariseUnits, type LevelCode } from "@ntm/domain";
import type { SummaryResponse, SummaryUnitRow } from "@ntm/contracts";
import type { AuthUser } from "../auth/index.ts";
import { findDemoFlags, findStoredResults } from "../assessments/index.ts";
import { selectSetFor } from "../catalog/index.ts";
import { findDescendantsOn } from "../units/index.ts";
import { requireUnitAccess } from "../units/index.ts";

/**
 * Rolls a province or district up from the stored results of its communes: no commune is
 * re-evaluated here, so the cost is one indexed read per request.
 */
export async function getSummary(
  db: Db,
  options: { user: AuthUser; code: string; year: number; below: number },
): Promise<SummaryResponse> {
  const asOf = endOfYear(options.year);
  const { unit, path } = await requireUnitAccess(db, {
    user: options.user,
    code: options.code,
    asOf,
    action: "unit.read",
  });
  const descendants = unit.level === "commune" ? [] : await findDescendantsOn(db, unit.code, asOf);
  const communes = descendants.filter((row) => row.level === "commune" && row.assessed);
  const codes = communes.map((row) => row.code);
  const [stored, demo] = [
    await findStoredResults(db, codes, options.year),
    await findDemoFlags(db, codes, options.year),
  ];
  const byCode = new Map(communes.map((row) => [row.code, row]));
  const provinceCode = [...path].reverse().find((step) => step.level === "province")?.code ?? null;
  const set = await selectSetFor(db, { year: options.year, provinceCode }).catch(() => null);
  const levels = (set?.definition.levels ?? []).map((level) => ({
    code: level.code,
    name: level.name,
  }));
  const criteriaTotal = set?.definition.criteria.length ?? stored[0]?.criteriaTotal ?? 0;
  const rows: SummaryUnitRow[] = stored.map((row) => ({
    code: row.unitCode,
    name: byCode.get(row.unitCode)?.name ?? row.unitCode,
    parentName: byCode.get(row.unitCode)?.parentName ?? null,
    criteriaMet: row.criteriaMet,
    criteriaTotal: row.criteriaTotal,
    level: row.level as LevelCode | null,
    demo: demo.has(row.unitCode),
  }));
  const summary = summariseUnits({
    communes: communes.length,
    results: rows.map((row) => ({ ...row, unitCode: row.code, unitName: row.name })),
    levels: levels.map((level) => level.code),
    criteriaTotal,
    belowThreshold: options.below,
  });
  const rowByCode = new Map(rows.map((row) => [row.code, row]));
  return {
    ...summary,
    unit: { code: unit.code, name: unit.name, level: unit.level },
    year: options.year,
    set: set ? { id: set.id, code: set.code, name: set.name, levels } : null,
    below: {
      threshold: summary.below.threshold,
      units: summary.below.units.map((result) => rowByCode.get(result.unitCode) as SummaryUnitRow),
    },
    units: rows.sort((a, b) => a.name.localeCompare(b.name, "vi")),
    demo: rows.some((row) => row.demo),
  };
}

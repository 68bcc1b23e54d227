import type { Db } from "@ntm/db";
import type { LevelCode } from "@ntm/domain";
import type { TargetsDashboardResponse } from "@ntm/contracts";
import { assertCan } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import {
  findCriterionStatuses,
  findResultsForYears,
  findTargetsOfUnits,
} from "./targets.repository.ts";
import { loadUnitScope, setInfoFor, type UnitScope } from "./target-scope.ts";
import { progressFromAbove, progressOf } from "./targets.service.ts";

const LAGGING_LIMIT = 20;

/**
 * Everything the province or district dashboard shows, from stored results only: communes by level
 * and average per year, the communes × criteria heat map of the year, targets and lagging communes.
 */
export async function getTargetsDashboard(
  db: Db,
  options: { user: AuthUser; code: string; year: number | undefined; now: Date },
): Promise<TargetsDashboardResponse> {
  return (await readTargetsDashboard(db, options)).dashboard;
}

/**
 * The dashboard with what keeping it needs (ADR 0029): the province keys of the rows it read with
 * "*", and the access check to run again before a kept copy is served.
 */
export async function readTargetsDashboard(
  db: Db,
  options: { user: AuthUser; code: string; year: number | undefined; now: Date },
): Promise<{
  dashboard: TargetsDashboardResponse;
  scopes: string[];
  check: (reader: AuthUser) => void;
}> {
  const scope = await loadUnitScope(db, options);
  return {
    dashboard: await dashboardOf(db, scope),
    scopes: [...scope.provinceKeys, "*"],
    check: (reader) => assertCan(reader, "unit.read", scope.resource),
  };
}

async function dashboardOf(db: Db, scope: UnitScope): Promise<TargetsDashboardResponse> {
  const { levels, criteria } = await setInfoFor(db, scope.year, scope.provinceCode);
  const codes = scope.communes.map((c) => c.code);
  const keys = scope.provinceKeys;
  const results = await findResultsForYears(db, codes, scope.resultYears, keys);
  const statuses = await findCriterionStatuses(db, codes, [scope.year], { all: true, keys });
  const byYear = scope.resultYears.map((year) => {
    const rows = results.filter((row) => row.year === year);
    return {
      year,
      byLevel: [...levels, "none" as const].map((level) => ({
        level,
        count: rows.filter((row) => (row.level ?? "none") === level).length,
      })),
      average: rows.length
        ? Math.round((rows.reduce((sum, row) => sum + row.criteriaMet, 0) / rows.length) * 100) /
          100
        : null,
    };
  });
  const position = new Map(criteria.map((criterion, index) => [criterion.code, index]));
  const cells = new Map<string, string[]>();
  for (const row of statuses) {
    const index = position.get(row.criterionCode);
    if (index === undefined) continue;
    const line = cells.get(row.unitCode) ?? criteria.map(() => "-");
    line[index] = row.status === "met" ? "1" : row.status === "not_met" ? "0" : "-";
    cells.set(row.unitCode, line);
  }
  const current = new Map(
    results.filter((row) => row.year === scope.year).map((row) => [row.unitCode, row]),
  );
  const heatmap = scope.communes
    .filter((c) => current.has(c.code))
    .map((c) => {
      const result = current.get(c.code);
      return {
        code: c.code,
        name: c.name,
        parentName: c.parentName,
        criteriaMet: result?.criteriaMet ?? 0,
        level: (result?.level ?? null) as LevelCode | null,
        statuses: (cells.get(c.code) ?? criteria.map(() => "-")).join(""),
      };
    })
    .sort((a, b) => a.criteriaMet - b.criteriaMet || a.name.localeCompare(b.name, "vi"));
  const unitCodes = new Set<string>([scope.unit.code]);
  for (const c of scope.communes) for (const code of c.ancestors) unitCodes.add(code);
  const targets = await progressOf(db, await findTargetsOfUnits(db, [...unitCodes], keys), scope);
  const lagging = heatmap.slice(0, LAGGING_LIMIT).map((row) => ({
    code: row.code,
    name: row.name,
    parentName: row.parentName,
    criteriaMet: row.criteriaMet,
    required: "",
    missing: criteria.filter((_, index) => row.statuses[index] !== "1").map((c) => c.code),
    onPace: false,
  }));
  return {
    unit: { code: scope.unit.code, name: scope.unit.name, level: scope.unit.level },
    year: scope.year,
    years: scope.resultYears,
    criteria,
    byYear,
    heatmap,
    targets,
    fromAbove: await progressFromAbove(db, scope),
    lagging,
  };
}

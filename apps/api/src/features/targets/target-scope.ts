import type { DbOrTx } from "@ntm/db";
import { endOfYear, type LevelCode, type TargetCommune, type UnitResource } from "@ntm/domain";
import { currentYear } from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { selectSetFor } from "../catalog/index.ts";
import type { UnitRow } from "../units/index.ts";
import { findDescendantsOn, findProvinceKeys } from "../units/index.ts";
import { requireUnitAccess } from "../units/index.ts";
import {
  findCriterionStatuses,
  findResultYears,
  findResultsForYears,
} from "./targets.repository.ts";

export interface ScopeCommune {
  code: string;
  name: string;
  parentName: string | null;
  /** Codes of the units above the commune, up to the viewed unit. */
  ancestors: Set<string>;
}

export interface UnitScope {
  unit: UnitRow;
  /** The viewed unit as the access policy reads it (its code and path). */
  resource: UnitResource;
  provinceCode: string | null;
  /** The province keys of the communes' rows over the years (a merger's provinces included). */
  provinceKeys: string[];
  /** The units above the viewed one, nearest first. */
  above: { code: string; name: string; level: string }[];
  /** The year whose end gave the hierarchy of `communes` (the year asked). */
  treeYear: number;
  communes: ScopeCommune[];
  /** Years with stored results for these communes, ascending. */
  resultYears: number[];
  /** The year progress is judged on: the latest year with results, not after the one asked. */
  year: number;
  /** Names of the unit and every unit below it. */
  names: Map<string, string>;
}

/**
 * The viewed unit, the assessed communes below it (hierarchy as of the end of the year asked) and
 * the years that have stored results. One descendant query, one distinct-years query.
 */
export async function loadUnitScope(
  db: DbOrTx,
  options: { user: AuthUser; code: string; year: number | undefined; now: Date },
): Promise<UnitScope> {
  const asked = options.year ?? currentYear(options.now);
  const { unit, path, asOf, resource } = await requireUnitAccess(db, {
    user: options.user,
    code: options.code,
    asOf: endOfYear(asked),
    action: "unit.read",
  });
  const provinceCode = [...path].reverse().find((step) => step.level === "province")?.code ?? null;
  const { communes, rows } = await loadCommunesOn(db, unit, asOf);
  const provinceKeys = provinceCode ? await findProvinceKeys(db, provinceCode) : [];
  const resultYears = await findResultYears(
    db,
    communes.map((c) => c.code),
    provinceKeys,
  );
  // A year belongs to the unit in force on its 31 December (ADR 0011): a unit the 2025 reform
  // closed has no 2025 results of its own, even where a new unit took over a commune's code.
  const usable = resultYears.filter(
    (year) => year <= asked && (!unit.validTo || endOfYear(year) <= unit.validTo),
  );
  return {
    unit,
    resource,
    provinceCode,
    provinceKeys,
    above: path.filter((step) => step.code !== unit.code),
    treeYear: asked,
    communes,
    resultYears: usable,
    year: usable[usable.length - 1] ?? asked,
    names: new Map([[unit.code, unit.name], ...rows.map((row) => [row.code, row.name] as const)]),
  };
}

/**
 * The assessed communes of a unit as of a date (the unit itself when it is a commune), each with
 * the units between it and the unit, and every unit below it.
 */
export async function loadCommunesOn(
  db: DbOrTx,
  unit: { code: string; name: string; level: string },
  asOf: string,
) {
  const rows = unit.level === "commune" ? [] : await findDescendantsOn(db, unit.code, asOf);
  const parents = new Map(rows.map((row) => [row.code, row.parentCode]));
  const ancestorsOf = (code: string) => {
    const found = new Set<string>([unit.code]);
    let parent = parents.get(code) ?? null;
    while (parent && parent !== unit.code && !found.has(parent)) {
      found.add(parent);
      parent = parents.get(parent) ?? null;
    }
    return found;
  };
  const communes: ScopeCommune[] =
    unit.level === "commune"
      ? [{ code: unit.code, name: unit.name, parentName: null, ancestors: new Set([unit.code]) }]
      : rows
          .filter((row) => row.level === "commune" && row.assessed)
          .map((row) => ({
            code: row.code,
            name: row.name,
            parentName: row.parentName,
            ancestors: ancestorsOf(row.code),
          }));
  return { communes, rows };
}

export async function setInfoFor(db: DbOrTx, year: number, provinceCode: string | null) {
  const set = await selectSetFor(db, { year, provinceCode }).catch(() => null);
  return {
    setCode: set?.code ?? null,
    levels: (set?.definition.levels ?? []).map((level) => level.code) as LevelCode[],
    criteria: (set?.definition.criteria ?? []).map((criterion) => ({
      code: criterion.code,
      name: criterion.name,
    })),
  };
}

/** Stored results and unmet criteria of communes for the years given, as the domain reads them. */
export async function loadTargetCommunes(
  db: DbOrTx,
  communes: readonly ScopeCommune[],
  years: number[],
  unmetYears: number[],
  keys: string[],
): Promise<Map<string, TargetCommune>> {
  const codes = communes.map((c) => c.code);
  const [results, statuses] = [
    await findResultsForYears(db, codes, years, keys),
    await findCriterionStatuses(db, codes, unmetYears, { all: false, keys }),
  ];
  const unmet = new Map<string, string[]>();
  for (const row of statuses) {
    const key = `${row.unitCode}:${row.year}`;
    unmet.set(key, [...(unmet.get(key) ?? []), row.criterionCode]);
  }
  const byCode = new Map<string, TargetCommune>(
    communes.map((c) => [
      c.code,
      { code: c.code, name: c.name, parentName: c.parentName, results: {} },
    ]),
  );
  for (const row of results) {
    const commune = byCode.get(row.unitCode);
    if (!commune) continue;
    (commune.results as Record<number, TargetCommune["results"][number]>)[row.year] = {
      criteriaMet: row.criteriaMet,
      criteriaTotal: row.criteriaTotal,
      level: row.level as LevelCode | null,
      unmet: (unmet.get(`${row.unitCode}:${row.year}`) ?? []).sort(
        (a, b) => Number(a) - Number(b) || a.localeCompare(b),
      ),
    };
  }
  return byCode;
}

import type { Db } from "@ntm/db";
import { endOfYear, summariseUnits, type LevelCode } from "@ntm/domain";
import type { SummaryResponse, SummaryUnitRow } from "@ntm/contracts";
import { answerView } from "../../shared/answer-cache.ts";
import { etagOf } from "../../shared/etag.ts";
import { assertCan } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import { cachedSetFor } from "../catalog/index.ts";
import { requireUnitAccess } from "../units/index.ts";
import { rememberProvinceKeys } from "../assessments/index.ts";
import { findSummaryCommunes } from "./summary.repository.ts";

// One collator for every sort: `localeCompare` with a locale builds its rules again on each call,
// which was a sixth of a 454-commune summary's time.
const byVietnameseName = new Intl.Collator("vi");

/**
 * Rolls a province or district up from the stored results of its communes: no commune is
 * re-evaluated here. The communes, their results and demo flags are one statement over the unit's
 * subtree; the set's levels come from the catalog cache. `etag` names what the answer is made of
 * (with the reader's view and the language), so an unchanged summary is answered 304; `scopes`
 * (the province key of its rows, and "*") let it be kept (ADR 0029), and `check` is the access
 * check to run again before a kept copy is served.
 */
export async function readSummary(
  db: Db,
  options: { user: AuthUser; code: string; year: number; below: number; language: "vi" | "en" },
): Promise<{
  etag: string;
  summary: () => SummaryResponse;
  scopes: string[];
  check: (reader: AuthUser) => void;
}> {
  const asOf = endOfYear(options.year);
  const { unit, path, resource } = await requireUnitAccess(db, {
    user: options.user,
    code: options.code,
    asOf,
    action: "unit.read",
  });
  const provinceCode = [...path].reverse().find((step) => step.level === "province")?.code ?? null;
  const { communes, catalog } = await findSummaryCommunes(db, {
    code: unit.code,
    asOf,
    year: options.year,
    province: provinceCode ?? "",
  });
  // The scorecards opened from this summary then name their shard up front.
  if (provinceCode) {
    rememberProvinceKeys(
      communes.map((row) => row.code),
      options.year,
      provinceCode,
    );
  }
  const set = await cachedSetFor(db, {
    generation: catalog,
    year: options.year,
    provinceCode,
  }).catch(() => null);
  const etag = etagOf([
    communes,
    unit,
    set?.id ?? null,
    options.below,
    answerView(options.user, options.language),
  ]);
  return {
    etag,
    scopes: [provinceCode ?? "", "*"],
    check: (reader) => assertCan(reader, "unit.read", resource),
    summary: () => {
      const levels = (set?.definition.levels ?? []).map((level) => ({
        code: level.code,
        name: level.name,
      }));
      const rows: SummaryUnitRow[] = communes.flatMap(({ result, ...row }) =>
        result
          ? [
              {
                code: row.code,
                name: row.name,
                parentName: row.parentName,
                criteriaMet: result.criteriaMet,
                criteriaTotal: result.criteriaTotal,
                level: result.level as LevelCode | null,
                demo: row.demo,
              },
            ]
          : [],
      );
      const criteriaTotal = set?.definition.criteria.length ?? rows[0]?.criteriaTotal ?? 0;
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
          units: summary.below.units.map(
            (result) => rowByCode.get(result.unitCode) as SummaryUnitRow,
          ),
        },
        units: rows.sort((a, b) => byVietnameseName.compare(a.name, b.name)),
        demo: rows.some((row) => row.demo),
      };
    },
  };
}

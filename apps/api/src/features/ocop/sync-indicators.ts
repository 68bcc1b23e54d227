import type { Db } from "@ntm/db";
import { countProducts, endOfYear, formatDateVi, type Indicator } from "@ntm/domain";
import { currentYear } from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { writeValuesBulk, type BulkValueRow } from "../assessments/index.ts";
import { selectSetFor } from "../catalog/index.ts";
import { toRecord, type LoadedProduct } from "./ocop-registry.ts";
import { minStarsOf, ocopSourcedIndicators } from "./ocop-sourced.ts";
import {
  findRegistryAssessments,
  findRegistryScope,
  findStoredValues,
  type RegistryAssessment,
} from "./ocop.repository.ts";

export const registrySource = "Sổ sản phẩm OCOP";

/** The value and its note for a commune and year: the count on 31/12 of the year. */
export function registryValue(
  products: readonly LoadedProduct[],
  indicator: Indicator,
  communeCode: string,
  year: number,
) {
  const minStars = minStarsOf(indicator);
  const date = endOfYear(year);
  const { count } = countProducts(products.map(toRecord), {
    date,
    minStars,
    communeCodes: new Set([communeCode]),
  });
  const value = indicator.kind === "boolean" ? count > 0 : count;
  const note = `${registrySource}: ${count} sản phẩm từ ${minStars} sao còn hiệu lực ngày ${formatDateVi(date)}.`;
  return { value, note };
}

/**
 * Writes the registry's figure into every indicator that declares the OCOP registry as its
 * source, for every assessed commune of the province's registry (the province and those it took
 * over or that took it over, each commune under the province that held it on 31/12 of the year)
 * from the year of the registry's first certificate to this year. A commune with no product gets
 * its 0 too, so no value typed before the registry was in use stays; the stored results
 * (scorecards, summaries, targets) follow. A value that did not change is left alone; each
 * changed one is audited as a value import with the source "Sổ sản phẩm OCOP", and keeps its
 * assessment's demo mark.
 */
export async function syncOcopIndicators(
  db: Db,
  options: { provinceCode: string; products: readonly LoadedProduct[]; by: AuthUser; now: Date },
) {
  const scope = await findRegistryScope(db, options.provinceCode);
  if (scope.firstYear === null) return 0;
  const assessments = await findRegistryAssessments(db, {
    provinceCodes: scope.provinces,
    fromYear: scope.firstYear,
    toYear: currentYear(options.now),
  });
  const groups = new Map<string, RegistryAssessment[]>();
  for (const assessment of assessments) {
    const key = `${assessment.year}/${assessment.provinceCode}`;
    groups.set(key, [...(groups.get(key) ?? []), assessment]);
  }
  const rows: (BulkValueRow & { demo: boolean })[] = [];
  for (const group of groups.values()) {
    const { year, provinceCode } = group[0] as RegistryAssessment;
    const set = await selectSetFor(db, { year, provinceCode }).catch(() => null);
    if (!set) continue;
    const indicators = ocopSourcedIndicators(set.definition);
    if (indicators.length === 0) continue;
    const stored = new Map(
      (
        await findStoredValues(db, {
          unitCodes: group.map((assessment) => assessment.unitCode),
          year,
          indicatorCodes: indicators.map((indicator) => indicator.code),
        })
      ).map((row) => [`${row.unitCode}/${row.indicatorCode}`, row]),
    );
    for (const { unitCode, demo } of group) {
      for (const indicator of indicators) {
        const { value, note } = registryValue(options.products, indicator, unitCode, year);
        const old = stored.get(`${unitCode}/${indicator.code}`);
        const oldValue = old ? (old.boolValue ?? old.numValue) : undefined;
        if (old && oldValue === value && old.note === note) continue;
        rows.push({ unitCode, year, indicatorCode: indicator.code, value, note, demo });
      }
    }
  }
  for (const demo of [false, true]) {
    const part = rows.filter((row) => row.demo === demo);
    if (part.length === 0) continue;
    await writeValuesBulk(db, {
      rows: part.map(({ unitCode, year, indicatorCode, value, note }) => ({
        unitCode,
        year,
        indicatorCode,
        value,
        note,
      })),
      by: options.by,
      now: options.now,
      demo,
      source: registrySource,
      history: true,
    });
  }
  return rows.length;
}

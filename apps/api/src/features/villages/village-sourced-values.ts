import type { Db, DbOrTx } from "@ntm/db";
import {
  endOfYear,
  villageSourcedIndicators,
  villageSourcedRefusal,
  villageSourcedValue,
  type CriteriaSet,
  type Indicator,
} from "@ntm/domain";
import { invalid } from "../../http/app-error.ts";
import { currentYear } from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { findDemoFlags, writeValuesBulk, type BulkValueRow } from "../assessments/index.ts";
import { selectSetFor } from "../catalog/index.ts";
import { findPathOn } from "../units/index.ts";
import { rulesOf, villageSetsInForce } from "./village-sets.ts";
import {
  findCommuneAssessedYears,
  findCommuneValues,
  findRecognitions,
  findVillagesOn,
} from "./villages.repository.ts";

export const villageRegistryAuditSource = "Sổ thôn";

/** The province's village set of the indicator's kind in force in the year, if any. */
async function registrySetFor(
  db: DbOrTx,
  indicator: Indicator,
  provinceCode: string,
  year: number,
) {
  if (indicator.source?.kind !== "villageRegistry") return null;
  const kind = indicator.source.villageSetKind;
  const sets = await villageSetsInForce(db, provinceCode, year);
  return sets.find((set) => rulesOf(set).kind === kind) ?? null;
}

/**
 * Refuses a typed value for an indicator the village registry gives (the smart-village condition
 * of a model commune) while the province has a village set of its kind in force that year: the
 * value is computed from the villages the commune recognised, never entered.
 */
export async function refuseVillageSourcedValues(
  db: DbOrTx,
  options: {
    set: CriteriaSet;
    provinceCode: string | null;
    year: number;
    indicatorCodes: readonly string[];
  },
) {
  if (!options.provinceCode) return;
  const wanted = new Set(options.indicatorCodes);
  for (const indicator of villageSourcedIndicators(options.set)) {
    if (!wanted.has(indicator.code)) continue;
    const villageSet = await registrySetFor(db, indicator, options.provinceCode, options.year);
    if (!villageSet) continue;
    throw invalid(
      villageSourcedRefusal(indicator, villageSet),
      `${indicator.code} is taken from the village registry (${villageSet.name}); recognise the village on the commune's Villages page instead of typing a value.`,
    );
  }
}

/**
 * Writes the village registry's figure into every indicator of the commune's set that declares
 * it as its source, for the years the commune has an assessment from `fromYear` to this year,
 * where the province has a village set of the indicator's kind in force: the commune's stored
 * result is then evaluated again by the bulk re-evaluation, and each changed value is audited
 * with the villages it names. A value that did not change is left alone.
 */
export async function syncVillageSourcedValues(
  db: Db,
  options: { communeCode: string; fromYear: number; by: AuthUser; now: Date },
) {
  const rows: (BulkValueRow & { demo: boolean })[] = [];
  const years = (await findCommuneAssessedYears(db, options.communeCode, options.fromYear)).filter(
    (year) => year <= currentYear(options.now),
  );
  for (const year of years) {
    const asOf = endOfYear(year);
    const path = await findPathOn(db, options.communeCode, asOf).catch(() => []);
    const provinceCode = path.find((step) => step.level === "province")?.code ?? null;
    if (!provinceCode) continue;
    const set = await selectSetFor(db, { year, provinceCode }).catch(() => null);
    if (!set) continue;
    const indicators = villageSourcedIndicators(set.definition);
    if (indicators.length === 0) continue;
    const stored = new Map(
      (
        await findCommuneValues(
          db,
          options.communeCode,
          year,
          indicators.map((indicator) => indicator.code),
        )
      ).map((row) => [row.indicatorCode, row]),
    );
    const villages = await findVillagesOn(db, [options.communeCode], asOf);
    const recognitions = await findRecognitions(
      db,
      villages.map((village) => village.code),
    );
    const demo = (await findDemoFlags(db, [options.communeCode], year)).has(options.communeCode);
    for (const indicator of indicators) {
      const villageSet = await registrySetFor(db, indicator, provinceCode, year);
      if (!villageSet) continue;
      const { value, note } = villageSourcedValue(
        indicator,
        villageSet,
        villages.map((village) => ({
          code: village.code,
          name: village.name,
          recognition:
            recognitions.find(
              (row) => row.unitCode === village.code && row.setCode === villageSet.code,
            ) ?? null,
        })),
        year,
      );
      const old = stored.get(indicator.code);
      const oldValue = old ? (old.boolValue ?? old.numValue) : undefined;
      if (old && oldValue === value && old.note === note) continue;
      rows.push({
        unitCode: options.communeCode,
        year,
        indicatorCode: indicator.code,
        value,
        note,
        demo,
      });
    }
  }
  for (const demo of [false, true]) {
    const part = rows.filter((row) => row.demo === demo);
    if (part.length === 0) continue;
    await writeValuesBulk(db, {
      rows: part.map((row) => ({
        unitCode: row.unitCode,
        year: row.year,
        indicatorCode: row.indicatorCode,
        value: row.value,
        note: row.note,
      })),
      by: options.by,
      now: options.now,
      demo,
      source: villageRegistryAuditSource,
      history: true,
    });
  }
  return rows.length;
}

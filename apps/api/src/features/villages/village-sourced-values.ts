import type { Db, DbOrTx } from "@ntm/db";
import {
  endOfYear,
  villageSourcedIndicators,
  villageSourcedRefusal,
  villageSourcedValue,
} from "@ntm/domain";
import { currentYear } from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import {
  findDemoFlags,
  writeValuesBulk,
  type BulkValueRow,
  type SourcedIndicator,
  type SourcedOptions,
} from "../assessments/index.ts";
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

/** An indicator of a commune's set whose value the village registry gives in a year. */
export interface VillageSourced extends SourcedIndicator {
  /** The province's village set in force that the value is read from. */
  villageSet: { code: string; name: string };
}

export type VillageSourcedIndicators = ReadonlyMap<string, VillageSourced>;

/**
 * The village registry's part of the rule every write path asks (`sourcedIndicatorsOf`): the
 * indicators of the commune's set whose `source` is the village registry (the model commune's
 * smart village) while the province has a village set of their kind in force that year. Their
 * value is computed from the villages the commune recognised, never entered; in a year without
 * such a set it is entered by hand.
 */
export async function villageSourcedIndicatorsOf(
  db: DbOrTx,
  options: SourcedOptions,
): Promise<VillageSourcedIndicators> {
  const found = new Map<string, VillageSourced>();
  const indicators = villageSourcedIndicators(options.set);
  if (!options.provinceCode || indicators.length === 0) return found;
  const villageSets = await villageSetsInForce(db, options.provinceCode, options.year);
  for (const indicator of indicators) {
    if (indicator.source?.kind !== "villageRegistry") continue;
    const kind = indicator.source.villageSetKind;
    const villageSet = villageSets.find((set) => rulesOf(set).kind === kind);
    if (!villageSet) continue;
    found.set(indicator.code, {
      indicatorCode: indicator.code,
      source: { kind: "villageRegistry", setCode: villageSet.code, setName: villageSet.name },
      villageSet: { code: villageSet.code, name: villageSet.name },
      refusal: {
        vi: villageSourcedRefusal(indicator, villageSet),
        en: `${indicator.code} is taken from the village registry (${villageSet.name}); recognise the village on the commune's Villages page instead of typing a value.`,
      },
    });
  }
  return found;
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
    const sourced = await villageSourcedIndicatorsOf(db, {
      set: set.definition,
      provinceCode,
      year,
    });
    const indicators = villageSourcedIndicators(set.definition).filter((indicator) =>
      sourced.has(indicator.code),
    );
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
      const villageSet = sourced.get(indicator.code)?.villageSet;
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

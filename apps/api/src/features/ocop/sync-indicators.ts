import type { Db } from "@ntm/db";
import { countProducts, endOfYear, formatDateVi, type Indicator } from "@ntm/domain";
import { currentYear } from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { writeValuesBulk, type BulkValueRow } from "../assessments/index.ts";
import { selectSetFor } from "../catalog/index.ts";
import { findPathOn } from "../units/index.ts";
import { toRecord, type LoadedProduct } from "./ocop-registry.ts";
import { findAssessedYears, findStoredValues } from "./ocop.repository.ts";

export const registrySource = "Sổ sản phẩm OCOP";

/** The indicators of a set whose value the OCOP registry gives. */
function sourcedIndicators(indicators: Indicator[]) {
  return indicators.filter((indicator) => indicator.source?.kind === "ocopRegistry");
}

/** The value and its note for a commune and year: the count on 31/12 of the year. */
export function registryValue(
  products: readonly LoadedProduct[],
  indicator: Indicator,
  communeCode: string,
  year: number,
) {
  const minStars = indicator.source?.kind === "ocopRegistry" ? indicator.source.minStars : 3;
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
 * source, for the communes and years with an assessment, so the stored results (scorecards,
 * summaries, targets) follow the registry; a value that did not change is left alone.
 */
export async function syncOcopIndicators(
  db: Db,
  options: {
    communeCodes: string[];
    fromYear: number;
    products: readonly LoadedProduct[];
    by: AuthUser;
    now: Date;
    /** Illustrative products write illustrative values (the assessment keeps its demo mark). */
    demo: boolean;
  },
) {
  const rows: BulkValueRow[] = [];
  const lastYear = currentYear(options.now);
  for (const communeCode of new Set(options.communeCodes)) {
    const years = (await findAssessedYears(db, communeCode, options.fromYear)).filter(
      (year) => year <= lastYear,
    );
    for (const year of years) {
      const path = await findPathOn(db, communeCode, endOfYear(year));
      const provinceCode = path.find((step) => step.level === "province")?.code ?? null;
      const set = await selectSetFor(db, { year, provinceCode }).catch(() => null);
      if (!set) continue;
      const indicators = sourcedIndicators(
        set.definition.criteria.flatMap((criterion) => criterion.indicators),
      );
      const stored = new Map(
        (
          await findStoredValues(
            db,
            communeCode,
            [year],
            indicators.map((indicator) => indicator.code),
          )
        ).map((row) => [row.indicatorCode, row]),
      );
      for (const indicator of indicators) {
        const { value, note } = registryValue(options.products, indicator, communeCode, year);
        const old = stored.get(indicator.code);
        const oldValue = old ? (old.boolValue ?? old.numValue) : undefined;
        if (old && oldValue === value && old.note === note) continue;
        rows.push({ unitCode: communeCode, year, indicatorCode: indicator.code, value, note });
      }
    }
  }
  if (rows.length === 0) return 0;
  await writeValuesBulk(db, {
    rows,
    by: options.by,
    now: options.now,
    demo: options.demo,
    source: registrySource,
    history: true,
  });
  return rows.length;
}

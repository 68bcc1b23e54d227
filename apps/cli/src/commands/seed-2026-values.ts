import { selectSetFor, systemUser, writeValuesBulk } from "@ntm/api";
import type { UnitImportRow } from "@ntm/contracts";
import type { Database } from "@ntm/db";
import { endOfYear, isValidOn } from "@ntm/domain";
import { generateDemoValues } from "../demo/generate-demo-values.ts";
import { isRuralCommune } from "../demo/load-vietnam-units.ts";

export const demoYear2026 = 2026;

/**
 * 2026 values on the set in force that year (QĐ 51/2025, 10 criteria, commune groups) for the
 * communes of one district of the demo province, so that a 2026 scorecard, summary and report
 * are not empty. Marked "dữ liệu minh họa" like the rest of the demo.
 */
export async function seed2026Values(
  database: Database,
  options: {
    units: UnitImportRow[];
    districtCode: string;
    provinceCode: string;
    seed: number;
    now: Date;
  },
): Promise<{ communes: number; values: number }> {
  const set = await selectSetFor(database.db, {
    year: demoYear2026,
    provinceCode: options.provinceCode,
  });
  const communes = options.units.filter(
    (row) =>
      row.parentCode === options.districtCode &&
      isRuralCommune(row) &&
      isValidOn(
        { validFrom: row.validFrom, validTo: row.validTo ?? null },
        endOfYear(demoYear2026),
      ),
  );
  const values = generateDemoValues({
    set: set.definition,
    units: communes,
    years: [demoYear2026],
    seed: options.seed,
  });
  const written = await writeValuesBulk(database.db, {
    rows: values,
    by: systemUser,
    now: options.now,
    demo: true,
    source: "dữ liệu minh họa",
  });
  return { communes: written.assessments, values: written.values };
}

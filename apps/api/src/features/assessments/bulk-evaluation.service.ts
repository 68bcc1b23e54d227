import type { DbOrTx } from "@ntm/db";
import { endOfYear, evaluateAssessment, type AssessmentResult } from "@ntm/domain";
import { selectSetFor } from "../catalog/index.ts";
import type { StoredSet } from "../catalog/index.ts";
import { findUnitsValidOn } from "../units/index.ts";
import { toAttributes, toValueMap } from "./evaluation.service.ts";
import {
  chunks,
  findValuesOfYear,
  storeResults,
  type StoredValue,
} from "./assessments.repository.ts";

/**
 * Re-evaluates many communes for some years in a few queries: loads the hierarchy and the
 * values once per year, evaluates in process and stores the results in batches. Used by imports,
 * catalog changes, seeding and maintenance, inside the caller's transaction.
 */
export async function evaluateMany(
  db: DbOrTx,
  options: { years: number[]; unitCodes?: string[] | undefined; now: Date },
): Promise<{ evaluated: number }> {
  let evaluated = 0;
  for (const year of options.years) {
    const units = await findUnitsValidOn(db, endOfYear(year));
    const byCode = new Map(units.map((unit) => [unit.code, unit]));
    const wanted = options.unitCodes ? new Set(options.unitCodes) : undefined;
    const communes = units.filter(
      (unit) => unit.level === "commune" && unit.assessed && (!wanted || wanted.has(unit.code)),
    );
    if (communes.length === 0) continue;
    const codes = communes.map((unit) => unit.code);
    // Grouped row by row: spreading a national year (hundreds of thousands of rows) into one
    // call would overflow the stack.
    const valuesByUnit = new Map<string, StoredValue[]>();
    const group = (rows: (StoredValue & { unitCode: string })[]) => {
      for (const row of rows) {
        const list = valuesByUnit.get(row.unitCode);
        if (list) list.push(row);
        else valuesByUnit.set(row.unitCode, [row]);
      }
    };
    if (wanted) {
      for (const part of chunks(codes, 5000)) group(await findValuesOfYear(db, year, part));
    } else {
      group(await findValuesOfYear(db, year, undefined));
    }
    const setsByProvince = new Map<string | null, StoredSet>();
    const provinceOf = (code: string): string | null => {
      let current = byCode.get(code);
      for (let depth = 0; current && depth < 10; depth += 1) {
        if (current.level === "province") return current.code;
        current = current.parentCode ? byCode.get(current.parentCode) : undefined;
      }
      return null;
    };
    const results: { setId: number; result: AssessmentResult }[] = [];
    for (const unit of communes) {
      const values = valuesByUnit.get(unit.code);
      if (!values) continue;
      const provinceCode = provinceOf(unit.code);
      let set = setsByProvince.get(provinceCode);
      if (!set) {
        set = await selectSetFor(db, { year, provinceCode });
        setsByProvince.set(provinceCode, set);
      }
      const result = evaluateAssessment({
        set: set.definition,
        unit: toAttributes(unit),
        year,
        values: toValueMap(values),
      });
      results.push({ setId: set.id, result });
    }
    await storeResults(db, results, options.now);
    evaluated += results.length;
  }
  return { evaluated };
}

import type { DbOrTx } from "@ntm/db";
import {
  endOfYear,
  revocationFlag,
  revocationKeyCriteria,
  type IndicatorStatus,
  type RevocationFlag,
} from "@ntm/domain";
import { AppError } from "../../http/app-error.ts";
import { findStoredResults } from "../assessments/index.ts";
import { selectSetFor } from "../catalog/index.ts";
import type { RegimeRegistry } from "./dossier-regimes.service.ts";
import {
  findRecognisedOn,
  findStoredCriteria,
  type RecognitionRow,
} from "./dossiers.repository.ts";

/** The revocation thresholds of the revocation regime in force at the end of the year. */
export function revocationRules(registry: RegimeRegistry, year: number) {
  const regime =
    registry.inForce("revocation", endOfYear(year)) ??
    registry.current.find((item) => item.kind === "revocation");
  if (!regime) {
    throw new AppError({
      code: "INTERNAL",
      vi: "Chưa cấu hình quy trình thu hồi.",
      en: "No revocation regime configured.",
    });
  }
  return regime.rules.revocation;
}

/** Watch results of communes for a year, read from stored results: nothing is re-evaluated. */
export async function watchUnits(
  db: DbOrTx,
  registry: RegimeRegistry,
  codes: string[],
  year: number,
) {
  const rules = revocationRules(registry, year);
  const recognised = await findRecognisedOn(db, codes, endOfYear(year));
  const recognisedCodes = recognised.map((row) => row.unitCode);
  const stored = await findStoredResults(db, recognisedCodes, year);
  const criteria = await findStoredCriteria(db, recognisedCodes, year);
  const result = new Map<
    string,
    {
      recognition: RecognitionRow;
      flag: RevocationFlag | null;
      criteriaMet: number | null;
      criteriaTotal: number | null;
    }
  >();
  const setNames = new Map<number, { code: string; names: Map<string, string> }>();
  for (const row of recognised) {
    const stats = stored.find((s) => s.unitCode === row.unitCode);
    let flag: RevocationFlag | null = null;
    if (stats) {
      if (!setNames.has(stats.setId)) {
        const set = await selectSetFor(db, { year, provinceCode: null, setId: stats.setId });
        setNames.set(stats.setId, {
          code: set.code,
          names: new Map(set.definition.criteria.map((c) => [c.code, c.name])),
        });
      }
      const set = setNames.get(stats.setId) as { code: string; names: Map<string, string> };
      flag = revocationFlag({
        criteria: criteria
          .filter((c) => c.unitCode === row.unitCode)
          .map((c) => ({
            code: c.criterionCode,
            name: set.names.get(c.criterionCode) ?? c.criterionCode,
            status: c.status as IndicatorStatus,
          })),
        keyCriteria: revocationKeyCriteria[set.code] ?? [],
        rules,
      });
    }
    result.set(row.unitCode, {
      recognition: row,
      flag,
      criteriaMet: stats?.criteriaMet ?? null,
      criteriaTotal: stats?.criteriaTotal ?? null,
    });
  }
  return result;
}

import type { Db, DbOrTx } from "@ntm/db";
import {
  carryOverRecognition,
  endOfYear,
  type CarriedRecognition,
  type RecognitionCarryOver,
  revocationFlag,
  revocationKeyCriteria,
  type IndicatorStatus,
  type RevocationFlag,
} from "@ntm/domain";
import { AppError } from "../../http/app-error.ts";
import { findStoredResults } from "../assessments/index.ts";
import { carryOverOf, selectSetFor } from "../catalog/index.ts";
import { findReassessedOn } from "./carry-over.repository.ts";
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

/** The province's carry-over rule as the watch applies it on a day. */
export interface WatchCarryOver {
  rule: RecognitionCarryOver;
  newSetFrom: string;
  asOf: string;
}

/**
 * The carry-over rule of a province for the watch of a year, judged like the rest of the watch on
 * the year's last day; none before the new period's set is in force.
 */
export async function watchCarryOver(
  db: Db,
  provinceCode: string | null,
  year: number,
): Promise<WatchCarryOver | undefined> {
  if (!provinceCode) return undefined;
  const { rule, newSetFrom } = await carryOverOf(db, provinceCode);
  const asOf = endOfYear(year);
  return asOf < newSetFrom ? undefined : { rule, newSetFrom, asOf };
}

/**
 * Watch results of communes for a year, read from stored results: nothing is re-evaluated. With
 * `carryOver`, a recognition of the 2021–2025 period is judged by the province's rule first: a
 * lapsed one is shown as such and is no revocation candidate (nothing is left to revoke).
 */
export async function watchUnits(
  db: DbOrTx,
  registry: RegimeRegistry,
  codes: string[],
  year: number,
  carryOver?: WatchCarryOver,
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
      carryOver: CarriedRecognition | null;
    }
  >();
  const reassessed = carryOver
    ? await findReassessedOn(db, recognisedCodes, Number(carryOver.newSetFrom.slice(0, 4)), year)
    : new Map<string, string>();
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
    const carried = carryOver
      ? carryOverRecognition({
          ...carryOver,
          recognition: { decisionDate: row.decisionDate },
          reassessedOn: reassessed.get(row.unitCode) ?? null,
        })
      : null;
    result.set(row.unitCode, {
      recognition: row,
      flag: carried?.status === "lapsed" ? null : flag,
      carryOver: carried,
      criteriaMet: stats?.criteriaMet ?? null,
      criteriaTotal: stats?.criteriaTotal ?? null,
    });
  }
  return result;
}

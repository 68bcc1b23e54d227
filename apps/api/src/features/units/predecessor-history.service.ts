import type { DbOrTx } from "@ntm/db";
import { predecessorsOf, versionOfYear } from "@ntm/domain";
import type { PredecessorHistoryResponse } from "@ntm/contracts";
import type { AuthUser } from "../auth/index.ts";
import {
  findLinksBackFrom,
  findRecognitionsOfCodes,
  findResultsOfCodes,
  findVersionsOfCodes,
} from "./predecessor-history.repository.ts";
import { requireUnitAccess } from "./units.service.ts";

/** The programme period whose history a merged commune still answers for. */
const PERIOD_START = 2021;

/**
 * The results and recognitions of every unit version a unit was formed from, each on its own row
 * marked full or partial. Reading the unit is enough to read them: who answers for the unit today
 * answers for the history of its area. A result stored under a code belongs to the version of the
 * code that year's assessment describes, so a code kept through the merger does not lend the new
 * unit's results to its predecessor, nor the reverse.
 */
export async function getPredecessorHistory(
  db: DbOrTx,
  options: { user: AuthUser; code: string; asOf: string },
): Promise<PredecessorHistoryResponse> {
  const { unit } = await requireUnitAccess(db, { ...options, action: "unit.read" });
  const toYear = Number(unit.validFrom.slice(0, 4));
  const steps = predecessorsOf(unit, await findLinksBackFrom(db, unit));
  const codes = [...new Set(steps.map((step) => step.code))];
  const [versions, results, recognitions] = await Promise.all([
    findVersionsOfCodes(db, codes),
    findResultsOfCodes(db, codes, { from: PERIOD_START, to: toYear }),
    findRecognitionsOfCodes(db, codes),
  ]);
  const predecessors = steps.map((step) => {
    const version = versions.find(
      (candidate) => candidate.code === step.code && candidate.validFrom === step.validFrom,
    );
    const validTo = version?.validTo ?? null;
    const ownsYear = (year: number) =>
      versionOfYear(step.code, year, versions)?.validFrom === step.validFrom;
    return {
      code: step.code,
      name: version?.name ?? step.code,
      validFrom: step.validFrom,
      validTo,
      kind: step.kind,
      effectiveDate: step.effectiveDate,
      depth: step.depth,
      years: results
        .filter((row) => row.unitCode === step.code && ownsYear(row.year))
        .map(({ year, criteriaMet, criteriaTotal, level }) => ({
          year,
          criteriaMet,
          criteriaTotal,
          level,
        })),
      recognitions: recognitions
        .filter(
          (row) =>
            row.unitCode === step.code &&
            row.decisionDate >= step.validFrom &&
            (validTo === null || row.decisionDate <= validTo),
        )
        .map(({ unitCode: _code, ...row }) => row),
    };
  });
  predecessors.sort(
    (a, b) =>
      a.depth - b.depth ||
      (a.kind === b.kind ? 0 : a.kind === "full" ? -1 : 1) ||
      a.name.localeCompare(b.name, "vi"),
  );
  return {
    unit: { code: unit.code, name: unit.name, validFrom: unit.validFrom },
    fromYear: PERIOD_START,
    toYear,
    predecessors,
  };
}

import type {
  AssessmentResult,
  DossierSnapshot,
  IndicatorStatus,
  RequestedLevel,
} from "@ntm/domain";

/** Status of each criterion at a level, falling back to the level it inherits from. */
export function criterionStatusAt(result: AssessmentResult, level: RequestedLevel) {
  const order = result.levels.map((item) => item.level);
  const upTo = order.slice(0, order.indexOf(level) + 1).reverse();
  return result.criteria.map((criterion) => {
    const found = upTo
      .map((code) => criterion.byLevel[code]?.status)
      .find((status) => status !== undefined);
    return {
      code: criterion.code,
      name: criterion.name,
      status: (found ?? "missing") as IndicatorStatus,
    };
  });
}

/** The evaluation frozen into a dossier when it is filed. */
export function snapshotOf(
  result: AssessmentResult,
  level: RequestedLevel,
  now: Date,
): DossierSnapshot {
  const criteria = criterionStatusAt(result, level);
  return {
    setCode: result.setCode,
    setVersion: result.setVersion,
    year: result.year,
    criteriaMet: criteria.filter((criterion) => criterion.status === "met").length,
    criteriaTotal: criteria.length,
    levelReached: (result.level as RequestedLevel | null) ?? null,
    requestedLevelReached: result.levels.find((item) => item.level === level)?.reached ?? false,
    criteria,
    takenAt: now.toISOString(),
  };
}

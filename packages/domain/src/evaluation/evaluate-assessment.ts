import type { CriteriaSet, Indicator, LevelCode, UnitAttributes } from "../catalog/criteria-set.ts";
import type {
  AssessmentResult,
  CriterionLevelResult,
  CriterionResult,
  IndicatorLevelResult,
  IndicatorResult,
  LevelResult,
  MissingItem,
} from "./assessment-result.ts";
import { entryFieldsOf } from "../catalog/check-value.ts";
import { evaluateIndicatorAtLevel, type IndicatorValue } from "./evaluate-indicator.ts";
import { resolveClass, type ResolvedClass } from "./resolve-class.ts";

export type IndicatorValues = Readonly<Record<string, IndicatorValue>>;

export interface EvaluateAssessmentInput {
  set: CriteriaSet;
  unit: UnitAttributes;
  year: number;
  values: IndicatorValues;
}

/** The result of one indicator at one level; undefined when it does not belong to that level. */
export type JudgeIndicator = (
  indicator: Indicator,
  level: LevelCode,
) => IndicatorLevelResult | undefined;

function evaluateIndicator(
  input: EvaluateAssessmentInput,
  indicator: Indicator,
  judge: JudgeIndicator,
  levels: LevelCode[],
): IndicatorResult {
  const raw = input.values[indicator.code];
  const result: IndicatorResult = {
    code: indicator.code,
    name: indicator.name,
    ...entryFieldsOf(indicator),
    value: raw ?? null,
    byLevel: {},
  };
  for (const level of levels) {
    const levelResult = judge(indicator, level);
    if (levelResult) result.byLevel[level] = levelResult;
  }
  return result;
}

function summariseCriterion(indicators: IndicatorResult[], level: LevelCode): CriterionLevelResult {
  const applicable = indicators.filter((indicator) => indicator.byLevel[level]);
  const met = applicable.filter((indicator) => indicator.byLevel[level]?.status === "met").length;
  const notMet = applicable.filter((indicator) => indicator.byLevel[level]?.status === "not_met");
  const base = { indicatorsMet: met, indicatorsTotal: applicable.length };
  if (applicable.length === 0) {
    return {
      ...base,
      status: "missing",
      reason: { code: "no_indicators", text: "Chưa có chỉ tiêu." },
    };
  }
  if (notMet.length > 0) {
    const codes = notMet.map((indicator) => indicator.code).join(", ");
    return {
      ...base,
      status: "not_met",
      reason: { code: "indicators_not_met", text: `Chưa đạt: chỉ tiêu ${codes} chưa đạt.` },
    };
  }
  if (met < applicable.length) {
    return {
      ...base,
      status: "missing",
      reason: {
        code: "indicators_missing",
        text: `Chưa đủ số liệu: ${applicable.length - met}/${applicable.length} chỉ tiêu chưa có số liệu hoặc ngưỡng.`,
      },
    };
  }
  return {
    ...base,
    status: "met",
    reason: { code: "all_met", text: `Đạt: ${met}/${applicable.length} chỉ tiêu đạt.` },
  };
}

function missingOf(
  indicator: IndicatorResult,
  level: LevelCode,
  criterion?: CriterionResult,
): MissingItem | undefined {
  const result = indicator.byLevel[level];
  if (!result || result.status === "met") return undefined;
  return {
    ...(criterion ? { criterionCode: criterion.code, criterionName: criterion.name } : {}),
    indicatorCode: indicator.code,
    indicatorName: indicator.name,
    status: result.status,
    reason: result.reason,
  };
}

/**
 * Evaluates one unit for one year against a criteria set: every indicator at every level,
 * every criterion, and the highest level reached, each with the reason in Vietnamese.
 */
export function evaluateAssessment(input: EvaluateAssessmentInput): AssessmentResult {
  const resolvedClass = resolveClass(input.set, input.unit);
  return assembleAssessment(input, resolvedClass, (indicator, level) =>
    evaluateIndicatorAtLevel({
      set: input.set,
      indicator,
      level,
      resolvedClass,
      year: input.year,
      value: input.values[indicator.code],
    }),
  );
}

/**
 * Builds the whole result (criteria, levels, what is missing, every reason) from the result of
 * each indicator at each level, whoever judged them: the reasoned engine, or the compiled plan's
 * statuses when a scorecard asks for the reasons.
 */
export function assembleAssessment(
  input: EvaluateAssessmentInput,
  resolvedClass: ResolvedClass,
  judge: JudgeIndicator,
): AssessmentResult {
  const { set, unit, year } = input;
  const levelCodes = set.levels.map((level) => level.code);

  const criteria: CriterionResult[] = set.criteria.map((criterion) => {
    const indicators = criterion.indicators.map((indicator) =>
      evaluateIndicator(input, indicator, judge, levelCodes),
    );
    const byLevel: CriterionResult["byLevel"] = {};
    for (const level of levelCodes) byLevel[level] = summariseCriterion(indicators, level);
    return {
      code: criterion.code,
      name: criterion.name,
      ...(criterion.group ? { group: criterion.group } : {}),
      byLevel,
      indicators,
    };
  });

  const levels: LevelResult[] = [];
  for (const definition of set.levels) {
    const level = definition.code;
    const conditions = (definition.conditions ?? []).map((indicator) =>
      evaluateIndicator(input, indicator, judge, [level]),
    );
    const criteriaMet = criteria.filter((c) => c.byLevel[level]?.status === "met").length;
    const missing: MissingItem[] = [];
    for (const criterion of criteria) {
      for (const indicator of criterion.indicators) {
        const item = missingOf(indicator, level, criterion);
        if (item) missing.push(item);
      }
    }
    for (const condition of conditions) {
      const item = missingOf(condition, level);
      if (item) missing.push(item);
    }
    const parent = definition.inherits
      ? levels.find((candidate) => candidate.level === definition.inherits)
      : undefined;
    const parentReached = parent ? parent.reached : true;
    const ownReached = criteriaMet === criteria.length && missing.length === 0;
    const reached = ownReached && parentReached;
    const reasonText = reached
      ? `Đạt ${definition.name}: ${criteriaMet}/${criteria.length} tiêu chí.`
      : !parentReached && parent
        ? `Chưa đạt ${definition.name}: cần đạt ${parent.name} trước; ${criteriaMet}/${criteria.length} tiêu chí đạt ở mức này.`
        : `Chưa đạt ${definition.name}: ${criteriaMet}/${criteria.length} tiêu chí, còn ${missing.length} chỉ tiêu/điều kiện chưa đạt hoặc chưa có số liệu.`;
    levels.push({
      level,
      name: definition.name,
      reached,
      criteriaMet,
      criteriaTotal: criteria.length,
      conditions,
      missing,
      reason: { code: reached ? "all_met" : "indicators_not_met", text: reasonText },
    });
  }

  const reachedLevels = levels.filter((level) => level.reached);
  const highest = reachedLevels.at(-1);
  const next = levels.find((level) => !level.reached);
  const first = levels[0];
  const allIndicators = criteria.flatMap((criterion) => criterion.indicators);
  const conditionCodes = new Set(levels.flatMap((l) => l.conditions.map((c) => c.code)));
  const expectedCodes = [...allIndicators.map((indicator) => indicator.code), ...conditionCodes];
  const valuesEntered = expectedCodes.filter((code) => {
    const value = input.values[code];
    return value !== null && value !== undefined;
  }).length;
  const criteriaMet = first?.criteriaMet ?? 0;

  return {
    setCode: set.code,
    setVersion: set.version,
    unitCode: unit.code,
    year,
    ...(resolvedClass.value ? { classValue: resolvedClass.value } : {}),
    ...(resolvedClass.label ? { classLabel: resolvedClass.label } : {}),
    ...(resolvedClass.rule
      ? { overrideRule: { id: resolvedClass.rule.id, description: resolvedClass.rule.description } }
      : {}),
    criteriaMet,
    criteriaTotal: criteria.length,
    level: highest ? highest.level : null,
    nextLevel: next ? next.level : null,
    levels,
    criteria,
    valuesEntered,
    valuesExpected: expectedCodes.length,
    summary: {
      code: highest ? "all_met" : "indicators_not_met",
      text: highest
        ? `${unit.name} đạt ${criteriaMet}/${criteria.length} tiêu chí, ${highest.name}.`
        : `${unit.name} đạt ${criteriaMet}/${criteria.length} tiêu chí, chưa đạt ${first?.name ?? "chuẩn"}.`,
    },
  };
}

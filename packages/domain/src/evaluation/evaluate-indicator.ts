import type { CriteriaSet, Indicator, LevelCode } from "../catalog/criteria-set.ts";
import type { IndicatorLevelResult, ThresholdUsed } from "./assessment-result.ts";
import type { ResolvedClass } from "./resolve-class.ts";
import { checkValue } from "../catalog/check-value.ts";
import { comparators } from "./compare.ts";
import { formatValueVi } from "./format-vi.ts";
import { selectThreshold, type ThresholdLookup } from "./select-threshold.ts";

const levelWords: Record<LevelCode, string> = {
  standard: "mức đạt chuẩn",
  advanced: "mức nâng cao",
  model: "mức kiểu mẫu",
  modern: "mức hiện đại",
};

export type IndicatorValue = number | boolean | null | undefined;

function describeThreshold(threshold: ThresholdUsed, unit: string | undefined): string {
  const parts =
    typeof threshold.value === "boolean"
      ? [`yêu cầu: ${formatValueVi(threshold.value)}`]
      : [
          `ngưỡng ${comparators[threshold.comparator].symbol} ${formatValueVi(threshold.value, unit)}`,
        ];
  parts.push(levelWords[threshold.level]);
  if (threshold.classLabel) parts.push(`vùng/nhóm ${threshold.classLabel}`);
  if (threshold.derived) {
    parts.push(
      `bằng ${formatValueVi(threshold.derived.factor * 100, "%")} của ${levelWords[threshold.derived.fromLevel]} (${formatValueVi(threshold.derived.baseValue, unit)})`,
    );
  }
  if (threshold.status === "unverified") parts.push("ngưỡng chưa đối chiếu văn bản");
  return parts.join(", ");
}

/** How a value compared with a threshold that was found. */
export type IndicatorOutcome = "met" | "not_met" | "missing_value" | "invalid_value";

/**
 * The result of an indicator at one level, with its reason in Vietnamese, from the threshold
 * lookup and the outcome of the comparison. The reasoned engine and the compiled plan (which
 * decides outcomes without building text) both explain through it, so their texts are the same.
 */
export function explainIndicatorAtLevel(options: {
  indicator: Indicator;
  level: LevelCode;
  resolvedClass: ResolvedClass;
  year: number;
  value: IndicatorValue;
  lookup: Exclude<ThresholdLookup, { kind: "notApplicable" }>;
  outcome: IndicatorOutcome;
}): IndicatorLevelResult {
  const { indicator, level, resolvedClass, year, value, lookup, outcome } = options;
  if (lookup.kind === "noThreshold") {
    const where = resolvedClass.label ?? resolvedClass.value ?? "chưa xác định";
    return {
      status: "missing",
      reason: {
        code: "no_threshold",
        text: `Chưa có ngưỡng ${levelWords[level]} cho vùng/nhóm ${where}, năm ${year}.`,
      },
    };
  }
  const row = lookup.row;
  // A derived threshold (model income = 110 % of advanced) depends on the rows of its base too:
  // it is as unverified and as region-specific as any of them.
  const rowsUsed = [row, ...(lookup.baseRows ?? [])];
  const classSpecific = rowsUsed.some((used) => used.classes !== undefined);
  const unverified = rowsUsed.some((used) => used.status === "unverified");
  const threshold: ThresholdUsed = {
    level: lookup.level,
    comparator: indicator.comparator,
    value: lookup.value,
    basis: row.basis,
    status: unverified ? "unverified" : "confirmed",
    ...(classSpecific ? { classValue: resolvedClass.value } : {}),
    ...(classSpecific && resolvedClass.label ? { classLabel: resolvedClass.label } : {}),
    ...(row.fromYear !== undefined ? { fromYear: row.fromYear } : {}),
    ...(row.toYear !== undefined ? { toYear: row.toYear } : {}),
    ...(row.note ? { note: row.note } : {}),
    ...(lookup.derived ? { derived: lookup.derived } : {}),
    ...(resolvedClass.rule && classSpecific ? { overrideRule: resolvedClass.rule.id } : {}),
  };
  const described = describeThreshold(threshold, indicator.unit);
  if (outcome === "missing_value" || value === null || value === undefined) {
    return {
      status: "missing",
      threshold,
      reason: { code: "missing_value", text: `Chưa có số liệu (${described}).` },
    };
  }
  if (outcome === "invalid_value") {
    return {
      status: "missing",
      threshold,
      reason: {
        code: "invalid_value",
        text: `Giá trị không hợp lệ cho chỉ tiêu này (${described}).`,
      },
    };
  }
  const shown = formatValueVi(value, indicator.unit);
  const override = threshold.overrideRule ? ` Áp dụng: ${resolvedClass.rule?.description}.` : "";
  if (outcome === "met") {
    return {
      status: "met",
      threshold,
      reason: { code: "met", text: `Đạt: ${shown} (${described}).${override}` },
    };
  }
  return {
    status: "not_met",
    threshold,
    reason: { code: "not_met", text: `Chưa đạt: ${shown} (${described}).${override}` },
  };
}

/** Evaluates one indicator at one level; undefined when the indicator does not belong to that level. */
export function evaluateIndicatorAtLevel(options: {
  set: CriteriaSet;
  indicator: Indicator;
  level: LevelCode;
  resolvedClass: ResolvedClass;
  year: number;
  value: IndicatorValue;
}): IndicatorLevelResult | undefined {
  const { set, indicator, level, resolvedClass, year, value } = options;
  const lookup = selectThreshold({ set, indicator, level, classValue: resolvedClass.value, year });
  if (lookup.kind === "notApplicable") return undefined;
  const outcome = (): IndicatorOutcome => {
    if (lookup.kind === "noThreshold" || value === null || value === undefined) {
      return "missing_value";
    }
    // Values also arrive by import: the engine compares only what the entry rule accepts.
    if (!checkValue(indicator, value).ok) return "invalid_value";
    return comparators[indicator.comparator].test(value, lookup.value) ? "met" : "not_met";
  };
  return explainIndicatorAtLevel({
    indicator,
    level,
    resolvedClass,
    year,
    value,
    lookup,
    outcome: outcome(),
  });
}

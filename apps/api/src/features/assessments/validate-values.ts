import type { CriteriaSet, Indicator } from "@ntm/domain";
import type { ValuesInput } from "@ntm/contracts";
import { checkValue } from "@ntm/domain";
import type { ErrorDetail } from "../../http/app-error.ts";

export interface IndicatorPlace {
  indicator: Indicator;
  /** The criterion it belongs to; undefined for a level condition (model commune). */
  criterionCode: string | undefined;
}

export function indexIndicators(set: CriteriaSet): Map<string, IndicatorPlace> {
  const index = new Map<string, IndicatorPlace>();
  for (const criterion of set.criteria) {
    for (const indicator of criterion.indicators) {
      index.set(indicator.code, { indicator, criterionCode: criterion.code });
    }
  }
  for (const level of set.levels) {
    for (const indicator of level.conditions ?? []) {
      index.set(indicator.code, { indicator, criterionCode: undefined });
    }
  }
  return index;
}

/** Checks every value against its indicator's kind and range; returns one detail per problem. */
export function validateValues(
  index: Map<string, IndicatorPlace>,
  values: ValuesInput["values"],
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  values.forEach((item, position) => {
    const path = `values.${position}.value`;
    if (seen.has(item.indicatorCode)) {
      problems.push({ path, message: `Chỉ tiêu ${item.indicatorCode} được gửi hai lần.` });
    }
    seen.add(item.indicatorCode);
    const place = index.get(item.indicatorCode);
    if (!place) {
      problems.push({
        path: `values.${position}.indicatorCode`,
        message: `Không có chỉ tiêu mã ${item.indicatorCode} trong bộ tiêu chí áp dụng.`,
      });
      return;
    }
    const message = valueProblem(place, item.value);
    if (message) problems.push({ path, message });
  });
  return problems;
}

/** Why an indicator does not accept a value (its kind or range), or undefined. */
export function valueProblem(
  place: IndicatorPlace,
  value: ValuesInput["values"][number]["value"],
): string | undefined {
  const check = checkValue(place.indicator, value);
  return check.ok
    ? undefined
    : `Chỉ tiêu ${place.indicator.code} (${place.indicator.name}): giá trị ${check.text}.`;
}

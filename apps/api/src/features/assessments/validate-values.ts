import type { CriteriaSet, Indicator } from "@ntm/domain";
import type { ValuesInput } from "@ntm/contracts";
import { formatNumberVi } from "@ntm/domain";
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

function problemOf(indicator: Indicator, value: number | boolean | null): string | undefined {
  if (value === null) return undefined;
  if (indicator.kind === "boolean") {
    return typeof value === "boolean" ? undefined : "phải là Có hoặc Không (true/false)";
  }
  if (typeof value !== "number" || !Number.isFinite(value)) return "phải là một số";
  if (indicator.kind === "percent" && (value < 0 || value > 100)) {
    return "tỷ lệ phải từ 0 đến 100 %";
  }
  if (indicator.integer && !Number.isInteger(value)) return "phải là số nguyên";
  if (indicator.min !== undefined && value < indicator.min) {
    return `không được nhỏ hơn ${formatNumberVi(indicator.min)}`;
  }
  if (indicator.max !== undefined && value > indicator.max) {
    return `không được lớn hơn ${formatNumberVi(indicator.max)}`;
  }
  if (indicator.kind === "number" && indicator.min === undefined && value < 0) {
    return "không được là số âm";
  }
  return undefined;
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
    const problem = problemOf(place.indicator, item.value);
    if (problem) {
      problems.push({
        path,
        message: `Chỉ tiêu ${item.indicatorCode} (${place.indicator.name}): giá trị ${problem}.`,
      });
    }
  });
  return problems;
}

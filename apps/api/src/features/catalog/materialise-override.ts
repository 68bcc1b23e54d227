import type { CriteriaSet } from "@ntm/domain";
import type { ProvincialOverride } from "@ntm/contracts";
import { invalid } from "../../http/app-error.ts";

/** Builds the full provincial set: the national set with the overridden threshold rows replaced. */
export function materialiseOverride(base: CriteriaSet, override: ProvincialOverride): CriteriaSet {
  const remaining = new Map(override.overrides.map((item) => [item.indicatorCode, item]));
  const replace = <
    T extends {
      code: string;
      thresholds: CriteriaSet["criteria"][number]["indicators"][number]["thresholds"];
    },
  >(
    indicator: T,
  ): T => {
    const item = remaining.get(indicator.code);
    if (!item) return indicator;
    remaining.delete(indicator.code);
    const kept = indicator.thresholds.filter((row) => !item.levels.includes(row.level));
    return { ...indicator, thresholds: [...kept, ...item.thresholds] };
  };
  const set: CriteriaSet = {
    ...base,
    code: override.code,
    version: override.version,
    name: override.name,
    provinceCode: override.provinceCode,
    basedOn: override.basedOn,
    basis: override.basis,
    criteria: base.criteria.map((criterion) => ({
      ...criterion,
      indicators: criterion.indicators.map(replace),
    })),
    levels: base.levels.map((level) =>
      level.conditions ? { ...level, conditions: level.conditions.map(replace) } : level,
    ),
  };
  if (remaining.size > 0) {
    const codes = [...remaining.keys()].join(", ");
    throw invalid(
      `Bộ tiêu chí gốc không có chỉ tiêu: ${codes}.`,
      `The base set has no indicator: ${codes}.`,
    );
  }
  return set;
}

import type { CriteriaSet, Indicator, LegalBasis, LevelCode, Threshold } from "./criteria-set.ts";

/** Threshold rows that replace, for the listed levels, every row of one indicator. */
export interface ThresholdOverride {
  indicatorCode: string;
  levels: LevelCode[];
  thresholds: Threshold[];
}

export interface OverrideDefinition {
  code: string;
  version: number;
  name: string;
  provinceCode: string;
  basedOn: { code: string; version: number };
  basis: LegalBasis;
  overrides: ThresholdOverride[];
}

export type ApplyOverrideResult =
  { ok: true; set: CriteriaSet } | { ok: false; unknownIndicators: string[] };

/** Builds a provincial set: the base set with the overridden threshold rows replaced. */
export function applyOverride(
  base: CriteriaSet,
  override: OverrideDefinition,
): ApplyOverrideResult {
  const byCode = new Map(override.overrides.map((item) => [item.indicatorCode, item]));
  const used = new Set<string>();
  const replace = (indicator: Indicator): Indicator => {
    const item = byCode.get(indicator.code);
    if (!item) return indicator;
    used.add(indicator.code);
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
  const unknownIndicators = [...byCode.keys()].filter((code) => !used.has(code));
  return unknownIndicators.length > 0 ? { ok: false, unknownIndicators } : { ok: true, set };
}

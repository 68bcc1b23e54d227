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
  effectiveFrom?: string | undefined;
}

export type ApplyOverrideResult =
  { ok: true; set: CriteriaSet } | { ok: false; unknownIndicators: string[] };

/**
 * The base set's criteria and level conditions with the given rows replaced, and the codes of
 * the replacements that name no indicator of the base set.
 */
export function replaceThresholdRows(
  base: CriteriaSet,
  overrides: ThresholdOverride[],
): { criteria: CriteriaSet["criteria"]; levels: CriteriaSet["levels"]; unknown: string[] } {
  const byCode = new Map(overrides.map((item) => [item.indicatorCode, item]));
  const used = new Set<string>();
  const replace = (indicator: Indicator): Indicator => {
    const item = byCode.get(indicator.code);
    if (!item) return indicator;
    used.add(indicator.code);
    const kept = indicator.thresholds.filter((row) => !item.levels.includes(row.level));
    return { ...indicator, thresholds: [...kept, ...item.thresholds] };
  };
  return {
    criteria: base.criteria.map((criterion) => ({
      ...criterion,
      indicators: criterion.indicators.map(replace),
    })),
    levels: base.levels.map((level) =>
      level.conditions ? { ...level, conditions: level.conditions.map(replace) } : level,
    ),
    unknown: [...byCode.keys()].filter((code) => !used.has(code)),
  };
}

/** Builds a provincial set: the base set with the overridden threshold rows replaced. */
export function applyOverride(
  base: CriteriaSet,
  override: OverrideDefinition,
): ApplyOverrideResult {
  const { criteria, levels, unknown } = replaceThresholdRows(base, override.overrides);
  if (unknown.length > 0) return { ok: false, unknownIndicators: unknown };
  const set: CriteriaSet = {
    ...base,
    code: override.code,
    version: override.version,
    name: override.name,
    provinceCode: override.provinceCode,
    basedOn: override.basedOn,
    basis: override.basis,
    criteria,
    levels,
  };
  // The base's amendment record and start date belong to the base, not to the province's set.
  delete set.amendment;
  if (override.effectiveFrom) set.effectiveFrom = override.effectiveFrom;
  else delete set.effectiveFrom;
  return { ok: true, set };
}

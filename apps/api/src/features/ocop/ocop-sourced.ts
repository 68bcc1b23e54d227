import type { Db, DbOrTx } from "@ntm/db";
import type { CriteriaSet, Indicator } from "@ntm/domain";
import type { SourcedIndicator, SourcedOptions } from "../assessments/index.ts";
import { findRegistryScope, type RegistryScope } from "./ocop.repository.ts";

/** The indicators and level conditions of a set whose value the OCOP registry gives. */
export function ocopSourcedIndicators(set: CriteriaSet): Indicator[] {
  return [
    ...set.criteria.flatMap((criterion) => criterion.indicators),
    ...set.levels.flatMap((level) => level.conditions ?? []),
  ].filter((indicator) => indicator.source?.kind === "ocopRegistry");
}

/** The stars from which a product counts for the indicator. */
export function minStarsOf(indicator: Indicator): number {
  return indicator.source?.kind === "ocopRegistry" ? indicator.source.minStars : 3;
}

function refusalOf(indicator: Indicator, minStars: number): SourcedIndicator["refusal"] {
  return {
    vi: `Chỉ tiêu ${indicator.code} (${indicator.name}) lấy từ sổ sản phẩm OCOP của tỉnh (sản phẩm từ ${minStars} sao còn hiệu lực ngày 31/12 của năm), không nhập tay: cập nhật sổ OCOP trên trang "Sản phẩm OCOP" (thêm, đánh giá lại, thu hồi sản phẩm) thay vì nhập tay.`,
    en: `${indicator.code} is taken from the province's OCOP product registry (products of ${minStars} stars or more valid on 31 December); update the registry on the "OCOP products" page instead of typing a value.`,
  };
}

/**
 * How long a server process shows its answer for a province before reading it again: a registry
 * that another process has just put in use shows its cells read-only within this time. A write is
 * never checked from here: a save reads the registry in its own transaction.
 */
const trustedMs = 30_000;
const remembered = new WeakMap<
  object,
  Map<string, { until: number; scope: Promise<RegistryScope> }>
>();

/** Drops this process's answers after a registry change it made. */
export function forgetRegistryScopes(db: Db) {
  remembered.delete(db);
}

function rememberedScope(db: Db, provinceCode: string): Promise<RegistryScope> {
  let byProvince = remembered.get(db);
  if (!byProvince) {
    byProvince = new Map();
    remembered.set(db, byProvince);
  }
  const known = byProvince.get(provinceCode);
  if (known && known.until > Date.now()) return known.scope;
  const scope = findRegistryScope(db, provinceCode);
  const answers = byProvince;
  answers.set(provinceCode, { until: Date.now() + trustedMs, scope });
  scope.catch(() => answers.delete(provinceCode));
  return scope;
}

/**
 * The indicators of a commune's set that the OCOP registry gives in a year: those declaring the
 * registry as their source, once the province's registry is in use (it holds a product, of the
 * province or of a province it took over or that took it over) for the years from its first
 * certificate. Before that the value is typed, as a province that has not loaded its registry
 * types it. `remembered` answers from this process's memory (a scorecard read); without it the
 * registry is read through `db` (a save's transaction).
 */
export async function ocopSourcedIndicatorsOf(
  db: DbOrTx,
  options: SourcedOptions & { remembered?: Db },
): Promise<Map<string, SourcedIndicator>> {
  const found = new Map<string, SourcedIndicator>();
  const indicators = ocopSourcedIndicators(options.set);
  if (!options.provinceCode || indicators.length === 0) return found;
  const scope = options.remembered
    ? await rememberedScope(options.remembered, options.provinceCode)
    : await findRegistryScope(db, options.provinceCode);
  if (scope.firstYear === null || options.year < scope.firstYear) return found;
  for (const indicator of indicators) {
    const minStars = minStarsOf(indicator);
    found.set(indicator.code, {
      indicatorCode: indicator.code,
      source: { kind: "ocopRegistry", minStars },
      refusal: refusalOf(indicator, minStars),
    });
  }
  return found;
}

import type { UnitImportRow } from "@ntm/contracts";
import type { CriteriaSet } from "@ntm/domain";
import { endOfYear, isValidOn, resolveClass } from "@ntm/domain";
import { chooseValue, planYear, wantsHolding, type Want, type YearPlan } from "./indicator-plan.ts";
import { isRuralCommune } from "./load-vietnam-units.ts";
import { hashText, mixSeed, mulberry32 } from "./prng.ts";
import { assignProfiles, plannedOutcome, type ProgressProfile } from "./progress-profiles.ts";

/** One generated indicator value; null stands for a value not entered. */
export interface DemoValue {
  unitCode: string;
  year: number;
  indicatorCode: string;
  value: number | boolean | null;
}

export interface GenerateDemoValuesOptions {
  set: CriteriaSet;
  /** A hierarchy as import rows; values are generated for its rural communes only. */
  units: readonly UnitImportRow[];
  years: readonly number[];
  seed: number;
  /** Profiles by unit code that replace the assigned ones. */
  profiles?: ReadonlyMap<string, ProgressProfile>;
}

/** Share of all values left empty, taken only where an empty value cannot change the outcome. */
const MISSING_SHARE = 0.035;

/** A commune's draws that hold across years, so that its story stays coherent. */
interface CommuneDraws {
  /** Order in which criteria are met, lowest first. */
  criterionOrder: number[];
  /** Order in which indicators are the ones to fail, lowest first. */
  indicatorOrder: number[];
  /** Base quality of each indicator (0–1). */
  quality: number[];
  /** Whether an unmet criterion fails on two indicators rather than one. */
  twoFailures: boolean[];
  /** How many items keep the commune from the level above its own. */
  gaps: number;
}

function drawsFor(
  difficulty: readonly number[],
  indicatorCount: number,
  seed: number,
  unitHash: number,
): CommuneDraws {
  const random = mulberry32(mixSeed(seed, unitHash, 4));
  return {
    criterionOrder: difficulty.map((value) => 0.6 * value + 0.4 * random()),
    indicatorOrder: Array.from({ length: indicatorCount }, () => random()),
    quality: Array.from({ length: indicatorCount }, () => 0.15 + 0.7 * random()),
    twoFailures: difficulty.map(() => random() < 0.3),
    gaps: random() < 0.35 ? 2 : 1,
  };
}

/**
 * Harder criteria are met later: those with more indicators lean hard, and a seeded share per
 * criterion code varies the order without naming any criterion.
 */
function criterionDifficulty(set: CriteriaSet, seed: number): number[] {
  const most = Math.max(1, ...set.criteria.map((criterion) => criterion.indicators.length));
  return set.criteria.map(
    (criterion) =>
      0.5 * (criterion.indicators.length / most) +
      0.5 * mulberry32(mixSeed(seed, hashText(criterion.code)))(),
  );
}

function byOrder(order: readonly number[]) {
  return (a: number, b: number) => (order[a] ?? 0) - (order[b] ?? 0);
}

/** Wants for a commune that holds the level at `levelIndex` and not the one above it. */
function wantsAtLevel(plan: YearPlan, levelIndex: number, draws: CommuneDraws): Want[][] {
  const gaps = [...(plan.gapCandidates[levelIndex] ?? [])]
    .sort(byOrder(draws.indicatorOrder))
    .slice(0, draws.gaps);
  return plan.indicators.map((planned, index) =>
    wantsHolding(planned, levelIndex, gaps.includes(index) ? levelIndex + 1 : undefined),
  );
}

/** Wants for a commune below the first level that meets `criteriaMet` criteria there. */
function wantsBelowFirstLevel(plan: YearPlan, criteriaMet: number, draws: CommuneDraws): Want[][] {
  const met = new Set<number>();
  plan.criteria.forEach(({ open, failable }, criterion) => {
    if (open && failable.length === 0) met.add(criterion);
  });
  const candidates = plan.criteria
    .flatMap(({ open }, criterion) => (open && !met.has(criterion) ? [criterion] : []))
    .sort(byOrder(draws.criterionOrder));
  for (const criterion of candidates) {
    if (met.size >= criteriaMet) break;
    met.add(criterion);
  }
  const wants: Want[][] = plan.indicators.map(() => []);
  plan.criteria.forEach(({ open, members, failable }, criterion) => {
    if (!open) return;
    const failing = met.has(criterion)
      ? []
      : [...failable]
          .sort(byOrder(draws.indicatorOrder))
          .slice(0, draws.twoFailures[criterion] ? 2 : 1);
    for (const index of members) wants[index] = [failing.includes(index) ? "fail" : "pass"];
  });
  return wants;
}

/**
 * Demo values for the rural communes of `units`, one per indicator of the set (criteria
 * indicators and level conditions) per year in which the commune is in force, yielded commune by
 * commune. Each commune follows its progress profile: the planned criteria and level are turned
 * into "meet" or "miss" for each indicator against the threshold the engine will select for the
 * commune's class and year, and values are placed on the right side of it. About 3.5 % of values
 * are null, only where an empty value cannot change the planned outcome.
 */
export function* iterateDemoValues(
  options: GenerateDemoValuesOptions,
): Generator<DemoValue, void, undefined> {
  const { set, units, seed } = options;
  const years = [...options.years].sort((a, b) => a - b);
  const firstYear = years[0] ?? 0;
  const assigned = assignProfiles({ units, years, seed });
  const difficulty = criterionDifficulty(set, seed);
  const indicatorCount =
    set.criteria.flatMap((criterion) => criterion.indicators).length +
    set.levels.flatMap((level) => level.conditions ?? []).length;
  const plans = new Map<string, YearPlan>();
  const planFor = (classValue: string | undefined, year: number) => {
    const key = `${classValue ?? ""}|${year}`;
    const cached = plans.get(key);
    if (cached) return cached;
    const plan = planYear(set, classValue, year);
    plans.set(key, plan);
    return plan;
  };

  for (const unit of units) {
    if (!isRuralCommune(unit)) continue;
    const profile = options.profiles?.get(unit.code) ?? assigned.get(unit.code);
    if (!profile) continue;
    const classValue = resolveClass(set, {
      code: unit.code,
      name: unit.name,
      ...(unit.region ? { region: unit.region } : {}),
      ...(unit.communeGroup ? { communeGroup: unit.communeGroup } : {}),
      flags: unit.flags,
    }).value;
    const unitHash = hashText(unit.code);
    const draws = drawsFor(difficulty, indicatorCount, seed, unitHash);
    for (const year of years) {
      if (
        !isValidOn({ validFrom: unit.validFrom, validTo: unit.validTo ?? null }, endOfYear(year))
      ) {
        continue;
      }
      const plan = planFor(classValue, year);
      const outcome = plannedOutcome(profile, year, set.criteria.length);
      const levelIndex = Math.min(outcome.levelIndex, plan.reachable);
      const wants =
        levelIndex >= 0
          ? wantsAtLevel(plan, levelIndex, draws)
          : wantsBelowFirstLevel(plan, outcome.criteriaMet, draws);
      const optional = wants.filter((list) => !list.includes("pass")).length;
      const missingChance =
        optional === 0 ? 0 : Math.min(0.5, (MISSING_SHARE * wants.length) / optional);
      const random = mulberry32(mixSeed(seed, unitHash, 5, year));
      for (const [index, planned] of plan.indicators.entries()) {
        const want = wants[index] ?? [];
        const drift = 0.1 * (year - firstYear) + (random() - 0.5) * 0.16;
        const quality = Math.min(1, Math.max(0, (draws.quality[index] ?? 0.5) + drift));
        const missing = random() < missingChance && !want.includes("pass");
        yield {
          unitCode: unit.code,
          year,
          indicatorCode: planned.indicator.code,
          value: missing ? null : chooseValue(planned, want, quality),
        };
      }
    }
  }
}

/** All demo values at once; see `iterateDemoValues`. */
export function generateDemoValues(options: GenerateDemoValuesOptions): DemoValue[] {
  return [...iterateDemoValues(options)];
}

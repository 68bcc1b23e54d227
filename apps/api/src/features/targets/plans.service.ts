import type { Db } from "@ntm/db";
import {
  checkPlan,
  endOfYear,
  pathToLevel,
  rollupPlans,
  type CommunePlan,
  type LevelCode,
} from "@ntm/domain";
import type { PlanInput, PlanResponse, PlanRollupResponse } from "@ntm/contracts";
import { AppError } from "../../http/app-error.ts";
import { allows, assertCan } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import { recordAudit } from "../../shared/audit.ts";
import { today } from "../../shared/clock.ts";
import { requireUnitAccess } from "../units/index.ts";
import {
  findCriterionStatuses,
  findPlan,
  findPlans,
  findResultsForYears,
  lockPlan,
  upsertPlan,
} from "./targets.repository.ts";
import { loadUnitScope, setInfoFor } from "./target-scope.ts";

function planOf(stored: unknown, year: number): CommunePlan {
  const plan = stored as Omit<CommunePlan, "year">;
  return {
    year,
    criteria: plan.criteria,
    items: plan.items,
    landUseFeeRevenue: plan.landUseFeeRevenue,
  };
}

const notCommune = () =>
  new AppError({
    code: "VALIDATION_FAILED",
    vi: "Kế hoạch được lập cho từng xã; ở tỉnh, huyện xem bảng tổng hợp kế hoạch.",
    en: "Plans belong to a commune; provinces and districts see the roll-up.",
  });

/**
 * A commune's plan for a year, its totals and warnings, and the path to the next level: the
 * criteria still missing in the latest results before the plan's year, planned and funded or not.
 */
export async function getPlan(
  db: Db,
  options: { user: AuthUser; code: string; year: number; now: Date },
): Promise<PlanResponse> {
  const { unit, path, resource } = await requireUnitAccess(db, {
    user: options.user,
    code: options.code,
    asOf: endOfYear(options.year),
    action: "unit.read",
  });
  if (unit.level !== "commune") throw notCommune();
  const provinceCode = [...path].reverse().find((step) => step.level === "province")?.code ?? null;
  const { criteria, levels } = await setInfoFor(db, options.year, provinceCode);
  const stored = await findPlan(db, unit.code, options.year);
  const plan = stored ? planOf(stored.plan, options.year) : null;
  const results = (
    await findResultsForYears(db, [unit.code], [options.year - 1, options.year])
  ).sort((a, b) => b.year - a.year);
  const latest = results[0];
  const currentLevel = (latest?.level ?? null) as LevelCode | null;
  const nextLevel = levels[currentLevel ? levels.indexOf(currentLevel) + 1 : 0] ?? null;
  const missing = latest
    ? (await findCriterionStatuses(db, [unit.code], [latest.year], { all: false })).map(
        (row) => row.criterionCode,
      )
    : criteria.map((c) => c.code);
  const order = new Map(criteria.map((c, index) => [c.code, index]));
  missing.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    year: options.year,
    plan: plan
      ? { criteria: plan.criteria, landUseFeeRevenue: plan.landUseFeeRevenue, items: plan.items }
      : null,
    version: stored?.version ?? 0,
    check: plan ? checkPlan(plan, today(options.now)) : null,
    criteria,
    currentLevel,
    nextLevel,
    path: currentLevel === null ? pathToLevel(missing, plan) : [],
    demo: stored?.demo ?? false,
    can: { edit: allows(options.user, "plan.write", resource) },
  };
}

export async function savePlan(
  db: Db,
  options: { user: AuthUser; code: string; year: number; input: PlanInput; now: Date },
): Promise<PlanResponse> {
  const { unit, resource } = await requireUnitAccess(db, {
    user: options.user,
    code: options.code,
    asOf: endOfYear(options.year),
    action: "unit.read",
  });
  assertCan(options.user, "plan.write", resource);
  if (unit.level !== "commune") throw notCommune();
  const { version, ...plan } = options.input;
  await db.transaction(async (tx) => {
    const existing = await lockPlan(tx, unit.code, options.year);
    if ((existing?.version ?? 0) !== version) {
      throw new AppError({
        code: "VERSION_CONFLICT",
        vi: "Kế hoạch vừa được người khác sửa. Tải lại để xem bản mới nhất.",
        en: "The plan was changed by someone else. Reload to see the latest version.",
      });
    }
    await upsertPlan(tx, {
      unitCode: unit.code,
      year: options.year,
      plan,
      version: version + 1,
      by: options.user.username,
      now: options.now,
    });
    await recordAudit(tx, {
      kind: existing ? "plan.update" : "plan.create",
      by: options.user,
      key: `${unit.code}:${options.year}`,
      unitCode: unit.code,
      old: existing?.plan ?? null,
      new: plan,
    });
  });
  return getPlan(db, options);
}

/** Plan against actual for a district or the province, and the criteria that need money most. */
export async function getPlanRollup(
  db: Db,
  options: { user: AuthUser; code: string; year: number; now: Date },
): Promise<PlanRollupResponse> {
  const scope = await loadUnitScope(db, { ...options, year: options.year });
  const { criteria } = await setInfoFor(db, options.year, scope.provinceCode);
  const codes = scope.communes.map((c) => c.code);
  const plans = await findPlans(db, codes, options.year);
  const evaluated = new Set(
    (await findResultsForYears(db, codes, [options.year])).map((row) => row.unitCode),
  );
  const unmet = new Map<string, Set<string>>();
  for (const row of await findCriterionStatuses(db, codes, [options.year], { all: false })) {
    unmet.set(row.unitCode, (unmet.get(row.unitCode) ?? new Set()).add(row.criterionCode));
  }
  const rows = plans.map((stored) => {
    const plan = planOf(stored.plan, options.year);
    const metAtYearEnd = evaluated.has(stored.unitCode)
      ? plan.criteria.filter((code) => !unmet.get(stored.unitCode)?.has(code))
      : null;
    return { unitCode: stored.unitCode, plan, metAtYearEnd };
  });
  const names = new Map(scope.communes.map((c) => [c.code, c.name]));
  return {
    unit: { code: scope.unit.code, name: scope.unit.name, level: scope.unit.level },
    year: options.year,
    rollup: rollupPlans(rows),
    criteria,
    communes: rows
      .map((row) => {
        const single = rollupPlans([row]);
        return {
          code: row.unitCode,
          name: names.get(row.unitCode) ?? row.unitCode,
          criteriaPlanned: single.criteriaPlanned,
          criteriaAchieved: row.metAtYearEnd ? single.criteriaAchieved : null,
          investment: single.investment,
          funded: single.funded,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, "vi")),
  };
}

import type { Db } from "@ntm/db";
import { fundedOf, type CommunePlan } from "@ntm/domain";
import type { DepartmentCriteriaStatusResponse, DepartmentListItem } from "@ntm/contracts";
import { notFound } from "../../http/app-error.ts";
import { allows, assertCan } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import { today } from "../../shared/clock.ts";
import { requireUnitAccess } from "../units/index.ts";
import { findDepartmentsOfProvince } from "./maps.repository.ts";
import {
  findCriterionStatuses,
  findDepartmentWithCriteria,
  findPlans,
} from "./targets.repository.ts";
import { loadUnitScope, setInfoFor } from "./target-scope.ts";

/** A department as the access policy sees it: its province (a province has no unit above it). */
function departmentResource(department: { code: string; provinceCode: string }) {
  const province = department.provinceCode;
  return { unitCode: province, path: [province], departmentCode: department.code };
}

/**
 * A department's criteria across every commune of its province: how many meet each, which fail,
 * the trend by year and the plan money attached to them. A department sees only its own view.
 */
export async function getDepartmentCriteriaStatus(
  db: Db,
  options: { user: AuthUser; id: number; year: number | undefined; now: Date },
): Promise<DepartmentCriteriaStatusResponse> {
  const found = await findDepartmentWithCriteria(db, options.id);
  if (!found) {
    throw notFound(
      `Không tìm thấy sở, ngành số ${options.id}.`,
      `Department ${options.id} not found.`,
    );
  }
  assertCan(options.user, "department.read", departmentResource(found.department));
  const scope = await loadUnitScope(db, {
    user: options.user,
    code: found.department.provinceCode,
    year: options.year,
    now: options.now,
  });
  const { setCode, criteria } = await setInfoFor(db, scope.year, scope.provinceCode);
  const own = new Set(
    found.criteria.filter((row) => row.setCode === setCode).map((row) => row.criterionCode),
  );
  const mine = criteria.filter((criterion) => own.has(criterion.code));
  const codes = scope.communes.map((c) => c.code);
  const statuses = await findCriterionStatuses(db, codes, scope.resultYears, {
    all: true,
    criteria: mine.map((c) => c.code),
  });
  const plans = await findPlans(db, codes, scope.year + 1);
  const communes = new Map(scope.communes.map((c) => [c.code, c]));
  return {
    department: found.department,
    year: scope.year,
    criteria: mine.map((criterion) => {
      const rows = statuses.filter((row) => row.criterionCode === criterion.code);
      const now = rows.filter((row) => row.year === scope.year);
      const items = plans.flatMap((stored) =>
        (stored.plan as CommunePlan).items.filter((item) => item.criterionCode === criterion.code),
      );
      return {
        code: criterion.code,
        name: criterion.name,
        communes: scope.communes.length,
        met: now.filter((row) => row.status === "met").length,
        notMet: now.filter((row) => row.status === "not_met").length,
        missing: now.filter((row) => row.status === "missing").length,
        trend: scope.resultYears.map((year) => {
          const ofYear = rows.filter((row) => row.year === year);
          return {
            year,
            met: ofYear.filter((row) => row.status === "met").length,
            evaluated: ofYear.length,
          };
        }),
        failing: now
          .filter((row) => row.status !== "met")
          .map((row) => ({
            code: row.unitCode,
            name: communes.get(row.unitCode)?.name ?? row.unitCode,
            parentName: communes.get(row.unitCode)?.parentName ?? null,
          }))
          .sort((a, b) => a.name.localeCompare(b.name, "vi")),
        planInvestment: items.reduce((sum, item) => sum + item.investment, 0),
        planFunded: items.reduce((sum, item) => sum + fundedOf(item), 0),
      };
    }),
  };
}

/** The departments of the user's province; a department account gets only its own. */
export async function listDepartments(
  db: Db,
  options: { user: AuthUser; now: Date },
): Promise<DepartmentListItem[]> {
  const { path } = await requireUnitAccess(db, {
    user: options.user,
    code: options.user.unitCode,
    asOf: today(options.now),
    action: "unit.read",
  });
  const province = path.find((step) => step.level === "province");
  if (!province) return [];
  const all = await findDepartmentsOfProvince(db, province.code);
  return all.filter((row) => allows(options.user, "department.read", departmentResource(row)));
}

import type { Db, DbOrTx } from "@ntm/db";
import type { ReportResource, UnitResource } from "@ntm/domain";
import { notFound } from "../../http/app-error.ts";
import { allows, assertCan } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import { findLatestUnit, findPathOn, findUnitResource } from "../units/index.ts";
import {
  findReportType,
  findSubmission,
  type ReportTypeRow,
  type SubmissionRow,
} from "./reports.repository.ts";
import { scopeOf, type UnitScope } from "./unit-scope.ts";

/** Whether a submission shows in the user's lists (its state and timeliness, not its content). */
export function isVisible(scope: UnitScope, row: SubmissionRow) {
  if (!scope.paths.has(row.unitCode)) return false;
  if (scope.user.role === "department") return row.departmentCode === scope.user.departmentCode;
  return true;
}

/** A report as the access policy sees it: who submits it and who receives it. */
export function reportResource(
  scope: UnitScope,
  row: SubmissionRow,
  type: ReportTypeRow,
): ReportResource {
  return {
    submitter: { unitCode: row.unitCode, path: scope.paths.get(row.unitCode) ?? [row.unitCode] },
    departmentCode: row.departmentCode || null,
    receiverUnitCode: type.receiverUnitCode,
  };
}

/** A unit with the codes above it, as the policy checks an office against it. */
export async function unitResource(db: DbOrTx, code: string, asOf: string): Promise<UnitResource> {
  const path = await findPathOn(db, code, asOf);
  if (path.length > 0 || !(await findLatestUnit(db, code))) {
    return { unitCode: code, path: path.map((step) => step.code) };
  }
  // A unit the 2025 reform closed (a former province receiving its reports) is read on its last
  // day, in the scope of the units that took it over (ADR 0011).
  return (await findUnitResource(db, code, asOf)).resource;
}

/** The receiving province of a type. */
export const receiverUnit = (db: DbOrTx, type: ReportTypeRow, asOf: string) =>
  unitResource(db, type.receiverUnitCode, asOf);

/** The submission as the user may see it: 404 outside the scope, 403 to a bystander. */
export async function requireSubmission(db: Db, user: AuthUser, id: number, today: string) {
  const row = await findSubmission(db, id);
  const scope = await scopeOf(db, user, today);
  if (!row || !isVisible(scope, row))
    throw notFound(`Không có báo cáo số ${id}.`, `No report ${id}.`);
  const type = (await findReportType(db, row.typeId))!;
  const resource = reportResource(scope, row, type);
  assertCan(user, "report.read", resource);
  return { row, scope, type, resource };
}

export const canRead = (scope: UnitScope, resource: ReportResource) =>
  allows(scope.user, "report.read", resource);
export const canSubmit = (scope: UnitScope, resource: ReportResource) =>
  allows(scope.user, "report.submit", resource);
export const canReturn = (scope: UnitScope, resource: ReportResource) =>
  allows(scope.user, "report.return", resource);
export const canRemind = (scope: UnitScope, resource: ReportResource) =>
  allows(scope.user, "report.remind", resource);

import type { DbOrTx } from "@ntm/db";
import { timelinessOf, type SubmissionState } from "@ntm/domain";
import type { ReportFigures, ReportSubmissionDto } from "@ntm/contracts";
import { findUnitOn } from "../units/index.ts";
import {
  findDepartmentNames,
  type ReportTypeRow,
  type SubmissionRow,
} from "./reports.repository.ts";
import { canRead, canRemind, canReturn, canSubmit, reportResource } from "./report-access.ts";
import type { UnitScope } from "./unit-scope.ts";

/** Display names of submitters: units by code, departments under "department:CODE". */
export async function submitterNames(
  db: DbOrTx,
  rows: { unitCode: string; departmentCode: string }[],
  asOf: string,
) {
  const names = new Map<string, string>();
  for (const code of new Set(rows.map((row) => row.unitCode))) {
    names.set(code, (await findUnitOn(db, code, asOf))?.name ?? code);
  }
  const departments = [...new Set(rows.map((row) => row.departmentCode).filter(Boolean))];
  for (const department of await findDepartmentNames(db, departments)) {
    names.set(`department:${department.code}`, department.name);
  }
  return names;
}

/** The name a submission is shown under: the department's name, or the unit's. */
export function submitterName(
  row: { unitCode: string; departmentCode: string },
  names: Map<string, string>,
) {
  return row.departmentCode
    ? (names.get(`department:${row.departmentCode}`) ?? row.departmentCode)
    : (names.get(row.unitCode) ?? row.unitCode);
}

/** A submission as the user sees it; a bystander gets its state and timeliness, not its content. */
export function toSubmissionDto(
  row: SubmissionRow,
  context: {
    type: ReportTypeRow;
    scope: UnitScope;
    today: string;
    names: Map<string, string>;
    figures?: ReportFigures | null;
    /** The last day each report was reminded by hand. */
    reminders?: Map<number, string>;
  },
): ReportSubmissionDto {
  const state = row.state as SubmissionState;
  const timeliness = timelinessOf({
    dueDate: row.dueDate,
    state,
    submittedOn: row.submittedOn,
    today: context.today,
  });
  const resource = reportResource(context.scope, row, context.type);
  const readable = canRead(context.scope, resource);
  return {
    id: row.id,
    typeId: row.typeId,
    typeName: context.type.name,
    periodKey: row.periodKey,
    periodLabel: row.periodLabel,
    dueDate: row.dueDate,
    unitCode: row.unitCode,
    unitName: submitterName(row, context.names),
    departmentCode: row.departmentCode || null,
    state,
    timeliness: timeliness.timeliness,
    timelinessReason: timeliness.reason,
    narrative: readable ? row.narrative : "",
    figures: readable ? (context.figures ?? (row.snapshot as ReportFigures | null)) : null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    submittedBy: row.submittedBy,
    returnReason: readable ? row.returnReason : null,
    version: row.version,
    canSubmit: state !== "submitted" && canSubmit(context.scope, resource),
    canReturn: state === "submitted" && canReturn(context.scope, resource),
    canRead: readable,
    canRemind: state !== "submitted" && canRemind(context.scope, resource),
    remindedOn: context.reminders?.get(row.id) ?? null,
  };
}

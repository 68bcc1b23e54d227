import type { Db } from "@ntm/db";
import { cadenceNames, formatDateVi, type Cadence, type DueRule } from "@ntm/domain";
import type { ReportTypeDto } from "@ntm/contracts";
import { notFound } from "../../http/app-error.ts";
import { findReportType, type ReportTypeRow } from "./reports.repository.ts";

function dueRuleText(rule: DueRule): string {
  switch (rule.kind) {
    case "dayOfNextMonth":
      return `Trước ngày ${rule.day} tháng sau kỳ báo cáo${rule.moveToWorkingDay ? " (lùi sang ngày làm việc kế tiếp nếu trùng ngày nghỉ)" : ""}`;
    case "workingDaysAfter":
      return `Trong ${rule.days} ngày làm việc sau khi hết kỳ`;
    case "fixedDate":
      return `Trước ngày ${formatDateVi(rule.date)}`;
  }
}

export function toTypeDto(row: ReportTypeRow): ReportTypeDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    cadence: row.cadence as Cadence,
    cadenceName: cadenceNames[row.cadence as Cadence],
    dueRule: row.dueRule,
    dueRuleText: dueRuleText(row.dueRule),
    submitterLevel: row.submitterLevel as ReportTypeDto["submitterLevel"],
    receiverUnitCode: row.receiverUnitCode,
    legalBasis: row.legalBasis,
  };
}

export async function requireType(db: Db, id: number) {
  const type = await findReportType(db, id);
  if (!type) throw notFound(`Không có loại báo cáo số ${id}.`, `No report type ${id}.`);
  return type;
}

import type { Db, DbOrTx } from "@ntm/db";
import { dueDateOf, type ReportPeriod } from "@ntm/domain";
import type { AuthUser } from "../auth/index.ts";
import { findChildrenOn, findDescendantsOn } from "../units/index.ts";
import { assertCan } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import { today } from "../../shared/clock.ts";
import { publicHolidays } from "../../shared/holidays.ts";
import { findDepartmentsOf, insertSubmissions, type ReportTypeRow } from "./reports.repository.ts";
import { receiverUnit } from "./report-access.ts";
import { requirePeriodOf } from "./report-period.ts";
import { requireType } from "./report-type-view.ts";

/**
 * Creates, inside the caller's transaction, the expected submissions of one period: one per
 * district, assessed commune or department of the receiving province. Returns how many were new;
 * a period already open adds nothing and leaves no audit row.
 */
export async function openPeriodIn(
  tx: DbOrTx,
  options: { type: ReportTypeRow; period: ReportPeriod; user: AuthUser },
) {
  const { type, period, user } = options;
  const due = dueDateOf(type.dueRule, period, publicHolidays());
  const base = {
    typeId: type.id,
    periodKey: period.key,
    periodLabel: period.label,
    periodStart: period.start,
    periodEnd: period.end,
    dueDate: due.date,
  };
  const rows =
    type.submitterLevel === "department"
      ? (await findDepartmentsOf(tx, type.receiverUnitCode)).map((department) => ({
          ...base,
          unitCode: type.receiverUnitCode,
          departmentCode: department.code,
        }))
      : (type.submitterLevel === "district"
          ? await findChildrenOn(tx, type.receiverUnitCode, period.end)
          : (await findDescendantsOn(tx, type.receiverUnitCode, period.end)).filter(
              (unit) => unit.assessed,
            )
        )
          .filter((unit) => unit.level === type.submitterLevel)
          .map((unit) => ({ ...base, unitCode: unit.code }));
  const created = await insertSubmissions(tx, rows);
  if (created > 0) {
    await recordAudit(tx, {
      kind: "report_period.open",
      by: user,
      key: `${type.id}/${period.key}`,
      unitCode: type.receiverUnitCode,
      new: { type: type.code, periodKey: period.key, dueDate: due.date, submissions: created },
    });
  }
  return { dueDate: due.date, created };
}

/** Opens one period of a type (or an ad hoc request) explicitly, in one audited transaction. */
export async function openReportPeriod(
  db: Db,
  options: { user: AuthUser; typeId: number; periodKey: string; label?: string; now: Date },
) {
  const type = await requireType(db, options.typeId);
  assertCan(options.user, "report.period.open", await receiverUnit(db, type, today(options.now)));
  const period = requirePeriodOf(type, options.periodKey, options.label);
  return db.transaction((tx) => openPeriodIn(tx, { type, period, user: options.user }));
}

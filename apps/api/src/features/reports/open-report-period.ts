import type { Db, DbOrTx } from "@ntm/db";
import { dueDateOf, type ReportPeriod } from "@ntm/domain";
import type { AuthUser } from "../auth/index.ts";
import { AppError } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import { today } from "../../shared/clock.ts";
import { publicHolidays } from "../../shared/holidays.ts";
import { insertSubmissions, type ReportTypeRow } from "./reports.repository.ts";
import { periodTreeOf } from "./period-tree.ts";
import { receiverUnit } from "./report-access.ts";
import { requirePeriodOf } from "./report-period.ts";
import { requireType } from "./report-type-view.ts";

/**
 * Creates, inside the caller's transaction, the expected submissions of one period: one per
 * district, assessed commune or department of the receiving province, on the tree in force on the
 * period's last day. Returns how many were new; a period already open adds nothing and leaves no
 * audit row; a period the tree gives no sender or receiver (a province closed by the 2025 reform,
 * a district report after the districts ended) adds nothing and says why.
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
  const tree = await periodTreeOf(tx, type, period.end);
  if (!tree.ok) return { dueDate: due.date, created: 0, refusal: tree.reason };
  const rows = tree.senders.map((sender) => ({
    ...base,
    unitCode: sender.unitCode,
    ...(sender.departmentCode ? { departmentCode: sender.departmentCode } : {}),
  }));
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
  return { dueDate: due.date, created, refusal: null };
}

/** Opens one period of a type (or an ad hoc request) explicitly, in one audited transaction. */
export async function openReportPeriod(
  db: Db,
  options: { user: AuthUser; typeId: number; periodKey: string; label?: string; now: Date },
) {
  const type = await requireType(db, options.typeId);
  assertCan(options.user, "report.period.open", await receiverUnit(db, type, today(options.now)));
  const period = requirePeriodOf(type, options.periodKey, options.label);
  return db.transaction(async (tx) => {
    const opened = await openPeriodIn(tx, { type, period, user: options.user });
    if (opened.refusal) {
      throw new AppError({
        code: "CONFLICT",
        vi: opened.refusal,
        en: "No unit sends or receives this period on the tree in force on its last day.",
      });
    }
    return opened;
  });
}

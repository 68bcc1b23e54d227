import type { Db } from "@ntm/db";
import { periodsToOpen, type Cadence } from "@ntm/domain";
import type { OpenPeriodsResult } from "@ntm/contracts";
import { assertCan } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import { findReportTypes } from "./reports.repository.ts";
import { unitResource } from "./report-access.ts";
import { openPeriodIn } from "./open-report-period.ts";

/**
 * Opens every period that has ended before `date` (and the last one of the year before) for the
 * report types the user receives, or all types for the scheduled job, in one transaction with an
 * audit row per period opened. Running it again on the same date opens nothing.
 */
export async function openDuePeriods(
  db: Db,
  options: { user: AuthUser; date: string },
): Promise<OpenPeriodsResult> {
  const { user, date } = options;
  // An office opens the periods of the types its own unit receives.
  assertCan(user, "report.period.open", await unitResource(db, user.unitCode, date));
  const types = (await findReportTypes(db)).filter(
    (type) => user.system || type.receiverUnitCode === user.unitCode,
  );
  const periods = await db.transaction(async (tx) => {
    const opened: OpenPeriodsResult["periods"] = [];
    for (const type of types) {
      for (const period of periodsToOpen(type.cadence as Cadence, date)) {
        const { dueDate, created } = await openPeriodIn(tx, { type, period, user });
        if (created === 0) continue;
        opened.push({
          typeId: type.id,
          typeName: type.name,
          periodKey: period.key,
          periodLabel: period.label,
          dueDate,
          submissions: created,
        });
      }
    }
    return opened;
  });
  return { date, submissions: periods.reduce((sum, p) => sum + p.submissions, 0), periods };
}

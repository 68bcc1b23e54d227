import type { Db } from "@ntm/db";
import type { ReportSubmissionDto } from "@ntm/contracts";
import type { AuthUser } from "../auth/index.ts";
import { today as localDate } from "../../shared/clock.ts";
import { findLastReminders, findReportTypes, findSubmissions } from "./reports.repository.ts";
import { isVisible } from "./report-access.ts";
import { scopeOf } from "./unit-scope.ts";
import { requirePeriodOfAny } from "./report-period.ts";
import { submitterNames, toSubmissionDto } from "./submission-view.ts";

/** The submissions the user may see, with their timeliness; reading opens no period. */
export async function listSubmissions(
  db: Db,
  options: {
    user: AuthUser;
    now: Date;
    period?: string | undefined;
    unit?: string | undefined;
    type?: number | undefined;
  },
): Promise<ReportSubmissionDto[]> {
  const today = localDate(options.now);
  const types = await findReportTypes(db);
  if (options.period) {
    requirePeriodOfAny(
      types.filter((type) => options.type === undefined || type.id === options.type),
      options.period,
    );
  }
  const scope = await scopeOf(db, options.user, today);
  const rows = (await findSubmissions(db, { typeId: options.type, periodKey: options.period }))
    .filter((row) => isVisible(scope, row))
    .filter((row) => !options.unit || row.unitCode === options.unit);
  const names = await submitterNames(db, rows, today);
  const reminders = await findLastReminders(
    db,
    rows.map((row) => row.id),
  );
  const typeById = new Map(types.map((type) => [type.id, type]));
  return rows.map((row) =>
    toSubmissionDto(row, { type: typeById.get(row.typeId)!, scope, today, names, reminders }),
  );
}

import type { Db } from "@ntm/db";
import { rateOf, timelinessOf, type SubmissionState } from "@ntm/domain";
import type { RatesResponse } from "@ntm/contracts";
import { assertCan } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import { findProvinceKeys } from "../units/index.ts";
import { today as localDate } from "../../shared/clock.ts";
import { findLastPeriodEnd, findSubmissions } from "./reports.repository.ts";
import { receiverUnit } from "./report-access.ts";
import { requirePeriodOf } from "./report-period.ts";
import { requireType, toTypeDto } from "./report-type-view.ts";
import { submitterName, submitterNames } from "./submission-view.ts";

/**
 * The reporting-rate board of a type: per submitter and period, on time, late or missing. It shows
 * the periods opened so far; reading it opens none.
 */
export async function getRates(
  db: Db,
  options: {
    user: AuthUser;
    typeId: number;
    period?: string | undefined;
    year?: number | undefined;
    now: Date;
  },
): Promise<RatesResponse> {
  const today = localDate(options.now);
  const type = await requireType(db, options.typeId);
  assertCan(options.user, "report.rates.read", await receiverUnit(db, type, today));
  // The rows of the receiver's province, and of the provinces a reorganisation linked to it; a
  // national type reads every province.
  const found = await findProvinceKeys(db, type.receiverUnitCode, today);
  const provinceKeys = found.length > 0 ? found : undefined;
  // Without a year, the current one; a type whose periods ended before it (a province the 2025
  // reform closed) shows its last year.
  const year = options.period
    ? Number(requirePeriodOf(type, options.period).end.slice(0, 4))
    : (options.year ??
      Number(((await findLastPeriodEnd(db, type.id, today, provinceKeys)) ?? today).slice(0, 4)));
  const rows = await findSubmissions(db, {
    typeId: type.id,
    provinceKeys,
    ...(options.period ? { periodKey: options.period } : { periodPrefix: String(year) }),
  });
  const names = await submitterNames(db, rows, today);
  const periods = new Map<string, { key: string; label: string; dueDate: string }>();
  const bySubmitter = new Map<string, RatesResponse["rows"][number]>();
  const all: ReturnType<typeof timelinessOf>["timeliness"][] = [];
  for (const row of rows) {
    periods.set(row.periodKey, {
      key: row.periodKey,
      label: row.periodLabel,
      dueDate: row.dueDate,
    });
    const key = `${row.unitCode}/${row.departmentCode}`;
    const entry = bySubmitter.get(key) ?? {
      unitCode: row.unitCode,
      unitName: submitterName(row, names),
      departmentCode: row.departmentCode || null,
      cells: [],
    };
    const status = timelinessOf({
      dueDate: row.dueDate,
      state: row.state as SubmissionState,
      submittedOn: row.submittedOn,
      today,
    });
    entry.cells.push({
      periodKey: row.periodKey,
      submissionId: row.id,
      timeliness: status.timeliness,
      state: row.state,
      reason: status.reason,
    });
    all.push(status.timeliness);
    bySubmitter.set(key, entry);
  }
  return {
    type: toTypeDto(type),
    periods: [...periods.values()].sort((a, b) => a.key.localeCompare(b.key)),
    rows: [...bySubmitter.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, "vi")),
    totals: rateOf(all),
  };
}

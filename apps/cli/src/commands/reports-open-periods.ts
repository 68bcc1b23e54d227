import { openDuePeriods, systemUser, today as localDate } from "@ntm/api";
import { withDatabase } from "../cli-context.ts";

/**
 * `ntm reports open-periods [--date YYYY-MM-DD]`: opens the report periods that have ended by the
 * date (today in Viet Nam by default), as the system, audited. A scheduler runs it daily; a
 * period already open is left as it is.
 */
export async function reportsOpenPeriodsCommand(options: { date?: string }) {
  const date = options.date ?? localDate(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    throw new Error(`Ngày "${date}" không hợp lệ: viết theo dạng YYYY-MM-DD.`);
  }
  await withDatabase(async ({ database }) => {
    const result = await openDuePeriods(database.db, { user: systemUser, date });
    for (const period of result.periods) {
      console.log(
        `${period.typeName}, ${period.periodLabel}: ${period.submissions} báo cáo phải nộp.`,
      );
    }
    console.log(
      `Đã mở ${result.periods.length} kỳ báo cáo (${result.submissions} báo cáo) đến ngày ${date}.`,
    );
  });
}

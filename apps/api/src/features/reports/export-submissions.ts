import type { Db } from "@ntm/db";
import { formatDateVi, timelinessNames, timelinessOf, type SubmissionState } from "@ntm/domain";
import { notFound } from "../../http/app-error.ts";
import { today as localDate } from "../../shared/clock.ts";
import type { Sheet } from "../../shared/spreadsheets/index.ts";
import type { AuthUser } from "../auth/index.ts";
import { findLastReminders, findReportTypes, findSubmissionsByIds } from "./reports.repository.ts";
import { isVisible } from "./report-access.ts";
import { submitterName, submitterNames } from "./submission-view.ts";
import { scopeOf } from "./unit-scope.ts";

const stateNames: Record<SubmissionState, string> = {
  draft: "Chưa nộp",
  submitted: "Đã nộp",
  returned: "Bị trả lại",
};

/**
 * "Xuất Excel các dòng đã chọn": the chosen rows of the reports list as the list shows them
 * (state, timeliness, dates; not the content, which only the submitter and receiver read).
 * A report the user does not see in its list is answered 404, as when it is opened.
 */
export async function exportSubmissions(
  db: Db,
  options: { user: AuthUser; ids: number[]; now: Date },
): Promise<Sheet> {
  const today = localDate(options.now);
  const ids = [...new Set(options.ids)];
  const scope = await scopeOf(db, options.user, today);
  const rows = (await findSubmissionsByIds(db, ids)).filter((row) => isVisible(scope, row));
  const missing = ids.find((id) => !rows.some((row) => row.id === id));
  if (missing !== undefined) {
    throw notFound(`Không có báo cáo số ${missing}.`, `No report ${missing}.`);
  }
  const types = new Map((await findReportTypes(db)).map((type) => [type.id, type]));
  const names = await submitterNames(db, rows, today);
  const reminders = await findLastReminders(
    db,
    rows.map((row) => row.id),
  );
  return {
    name: "Báo cáo",
    columns: [
      { header: "Kỳ báo cáo", key: "period", width: 14 },
      { header: "Loại báo cáo", key: "type", width: 44 },
      { header: "Đơn vị nộp", key: "unit", width: 30 },
      { header: "Mã đơn vị", key: "code", width: 10 },
      { header: "Hạn nộp", key: "due", width: 12 },
      { header: "Trạng thái", key: "state", width: 12 },
      { header: "Đúng hạn", key: "timeliness", width: 18 },
      { header: "Ngày nộp", key: "submitted", width: 12 },
      { header: "Ghi chú", key: "reason", width: 50 },
      { header: "Nhắc nộp gần nhất", key: "reminded", width: 16 },
    ],
    rows: rows.map((row) => {
      const state = row.state as SubmissionState;
      const status = timelinessOf({
        dueDate: row.dueDate,
        state,
        submittedOn: row.submittedOn,
        today,
      });
      const reminded = reminders.get(row.id);
      return {
        period: row.periodLabel,
        type: types.get(row.typeId)?.name ?? "",
        unit: submitterName(row, names),
        code: row.departmentCode || row.unitCode,
        due: formatDateVi(row.dueDate),
        state: stateNames[state],
        timeliness: timelinessNames[status.timeliness],
        submitted: row.submittedOn ? formatDateVi(row.submittedOn) : null,
        reason: status.reason,
        reminded: reminded ? formatDateVi(reminded) : null,
      };
    }),
  };
}

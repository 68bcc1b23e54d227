import type { Db } from "@ntm/db";
import type { ReportSubmissionDto } from "@ntm/contracts";
import { AppError } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import { recordAudit } from "../../shared/audit.ts";
import { today as localDate } from "../../shared/clock.ts";
import { lockSubmission, updateSubmission } from "./reports.repository.ts";
import { requireSubmission } from "./report-access.ts";
import { draftFigures, linkedFigures } from "./report-figures.ts";
import { getSubmission } from "./get-submission.ts";

/** Submits a report: the figures are frozen as a snapshot with the narrative. */
export async function submitReport(
  db: Db,
  options: { user: AuthUser; id: number; narrative: string; version: number; now: Date },
): Promise<ReportSubmissionDto> {
  const today = localDate(options.now);
  const { row, type, resource } = await requireSubmission(db, options.user, options.id, today);
  assertCan(options.user, "report.submit", resource);
  const linked = await linkedFigures(db, row, options.user, options.now);
  await db.transaction(async (tx) => {
    const locked = await lockSubmission(tx, row.id);
    if (!locked || locked.version !== options.version) {
      throw new AppError({
        code: "VERSION_CONFLICT",
        vi: "Báo cáo vừa được người khác thay đổi; hãy tải lại.",
        en: "The report changed; reload it.",
      });
    }
    if (locked.state === "submitted") {
      throw new AppError({
        code: "CONFLICT",
        vi: "Báo cáo đã nộp; chỉ nộp lại được khi bị trả lại.",
        en: "Already submitted.",
      });
    }
    const snapshot = await draftFigures(tx, locked, linked);
    await updateSubmission(tx, row.id, {
      state: "submitted",
      narrative: options.narrative,
      snapshot,
      submittedAt: options.now,
      submittedOn: today,
      submittedBy: options.user.username,
      version: locked.version + 1,
    });
    await recordAudit(tx, {
      kind: "report.submit",
      by: options.user,
      key: String(row.id),
      unitCode: row.unitCode,
      old: { state: locked.state },
      new: { state: "submitted", periodKey: row.periodKey, type: type.code },
    });
  });
  return getSubmission(db, options);
}

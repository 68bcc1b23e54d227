import type { Db } from "@ntm/db";
import type { ReportSubmissionDto } from "@ntm/contracts";
import { AppError } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import { recordAudit } from "../../shared/audit.ts";
import { today as localDate } from "../../shared/clock.ts";
import { lockSubmission, updateSubmission } from "./reports.repository.ts";
import { requireSubmission } from "./report-access.ts";
import { getSubmission } from "./get-submission.ts";

/** Returns a submitted report to its submitter for correction, with the reason. */
export async function returnReport(
  db: Db,
  options: { user: AuthUser; id: number; reason: string; now: Date },
): Promise<ReportSubmissionDto> {
  const today = localDate(options.now);
  const { row, resource } = await requireSubmission(db, options.user, options.id, today);
  assertCan(options.user, "report.return", resource);
  await db.transaction(async (tx) => {
    const locked = await lockSubmission(tx, row.id);
    if (locked?.state !== "submitted") {
      throw new AppError({
        code: "CONFLICT",
        vi: "Chỉ trả lại được báo cáo đã nộp.",
        en: "Only a submitted report can be returned.",
      });
    }
    await updateSubmission(tx, row.id, {
      state: "returned",
      returnReason: options.reason,
      version: locked.version + 1,
    });
    await recordAudit(tx, {
      kind: "report.return",
      by: options.user,
      key: String(row.id),
      unitCode: row.unitCode,
      old: { state: "submitted" },
      new: { state: "returned", reason: options.reason },
    });
  });
  return getSubmission(db, options);
}

import type { Db } from "@ntm/db";
import type { ReportFigures, ReportSubmissionDto } from "@ntm/contracts";
import type { AuthUser } from "../auth/index.ts";
import { today as localDate } from "../../shared/clock.ts";
import { requireSubmission } from "./report-access.ts";
import { findLastReminders } from "./reports.repository.ts";
import { draftFigures, linkedFigures } from "./report-figures.ts";
import { submitterNames, toSubmissionDto } from "./submission-view.ts";

/** One report for its submitter or receiver: the draft figures, or the snapshot once submitted. */
export async function getSubmission(
  db: Db,
  options: { user: AuthUser; id: number; now: Date },
): Promise<ReportSubmissionDto> {
  const today = localDate(options.now);
  const { row, scope, type } = await requireSubmission(db, options.user, options.id, today);
  const figures =
    row.state === "submitted"
      ? (row.snapshot as ReportFigures)
      : await draftFigures(db, row, await linkedFigures(db, row, options.user, options.now));
  const names = await submitterNames(db, [row], today);
  const reminders = await findLastReminders(db, [row.id]);
  return toSubmissionDto(row, { type, scope, today, names, figures, reminders });
}

import type { Db } from "@ntm/db";
import { reminderFor, type SubmissionState } from "@ntm/domain";
import { recordAudit } from "../../shared/audit.ts";
import type { MailConfig } from "../../shared/config.ts";
import { queueMail } from "../../shared/mail/index.ts";
import { today as localDate } from "../../shared/clock.ts";
import {
  findReminderMail,
  findReportTypes,
  findSubmissions,
  findSubmitterAddresses,
  insertReminderMail,
} from "./reports.repository.ts";
import { systemUser } from "../auth/index.ts";
import { reminderDaysBefore } from "./get-reminders.ts";
import { openDuePeriods } from "./open-due-periods.ts";

export interface ReminderMailResult {
  /** False when NTM_SMTP_URL is not set: nothing is sent and nothing is recorded. */
  configured: boolean;
  /** Reminders put in the mail outbox, which sends them. */
  sent: { submissionId: number; kind: string; to: string[]; message: string }[];
  /** Reports due a reminder whose submitters have no e-mail address. */
  withoutAddress: number;
}

/**
 * Sends the reminder e-mails that are due on `now`'s date: one a few days before the due date
 * and one after it, per report, after opening the periods due (audited, as the system). A
 * reminder already sent is never sent again, so a scheduler may call this every day (or twice).
 */
export async function sendReminderMails(
  db: Db,
  options: { now: Date; mail: MailConfig | null },
): Promise<ReminderMailResult> {
  const result: ReminderMailResult = {
    configured: options.mail !== null,
    sent: [],
    withoutAddress: 0,
  };
  if (!result.configured) return result;
  const today = localDate(options.now);
  await openDuePeriods(db, { user: systemUser, date: today });
  const types = await findReportTypes(db);
  const typeNames = new Map(types.map((type) => [type.id, type.name]));
  for (const row of await findSubmissions(db, {})) {
    const reminder = reminderFor({
      dueDate: row.dueDate,
      state: row.state as SubmissionState,
      today,
      daysBefore: reminderDaysBefore,
      reportName: typeNames.get(row.typeId) ?? "",
      periodLabel: row.periodLabel,
    });
    if (!reminder || (await findReminderMail(db, row.id, reminder.kind))) continue;
    const to = await findSubmitterAddresses(db, row);
    if (to.length === 0) {
      result.withoutAddress += 1;
      continue;
    }
    // The claim, the audit row and the queued mail commit together; the outbox retries delivery.
    const sent = await db.transaction(async (tx) => {
      if (
        !(await insertReminderMail(tx, {
          submissionId: row.id,
          kind: reminder.kind,
          sentAt: options.now,
          recipients: to,
        }))
      ) {
        return false;
      }
      await recordAudit(tx, {
        kind: "report.reminder_mail",
        by: systemUser,
        key: String(row.id),
        unitCode: row.unitCode,
        new: { kind: reminder.kind, to },
      });
      await queueMail(
        tx,
        options.mail,
        {
          to,
          subject: `[NTM] ${reminder.kind === "overdue" ? "Quá hạn nộp báo cáo" : "Sắp đến hạn nộp báo cáo"}: ${row.periodLabel}`,
          text: `${reminder.message}\n\nĐăng nhập NTM Monitor, mục Báo cáo, để lập và nộp báo cáo.\n\nThư này được gửi tự động; không trả lời thư này.`,
        },
        options.now,
      );
      return true;
    });
    if (sent)
      result.sent.push({
        submissionId: row.id,
        kind: reminder.kind,
        to,
        message: reminder.message,
      });
  }
  return result;
}

import type { Db } from "@ntm/db";
import { reminderFor } from "@ntm/domain";
import type { ReminderDto } from "@ntm/contracts";
import type { AuthUser } from "../auth/index.ts";
import { today as localDate } from "../../shared/clock.ts";
import { listSubmissions } from "./list-submissions.ts";

/** How many days before its due date a report is first reminded, in the app and by e-mail. */
export const reminderDaysBefore = 3;

/** In-app reminders of the reports the user must send: a few days before the due date and after. */
export async function getReminders(
  db: Db,
  options: { user: AuthUser; now: Date },
): Promise<ReminderDto[]> {
  const today = localDate(options.now);
  const items = await listSubmissions(db, options);
  return items
    .filter((item) => item.canSubmit)
    .map((item) => {
      const reminder = reminderFor({
        dueDate: item.dueDate,
        state: item.state,
        today,
        daysBefore: reminderDaysBefore,
        reportName: item.typeName,
        periodLabel: item.periodLabel,
      });
      return reminder
        ? { submissionId: item.id, kind: reminder.kind, message: reminder.message }
        : null;
    })
    .filter((item): item is ReminderDto => item !== null);
}

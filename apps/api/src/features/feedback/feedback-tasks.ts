import type { Db } from "@ntm/db";
import type { TaskDto } from "@ntm/contracts";
import { addDays } from "@ntm/domain";
import { allows } from "../../shared/access.ts";
import { today } from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { countPendingByDossier } from "./feedback.repository.ts";
import { feedbackScope } from "./feedback-scope.ts";

/** Days a resident's comment should wait for moderation at most (the product's own rule). */
export const moderationDays = 3;

/**
 * "Việc của tôi" for whoever moderates: one task per dossier with comments waiting, due a few days
 * after the oldest of them arrived.
 */
export async function pendingFeedbackTasks(
  db: Db,
  options: { user: AuthUser; now: Date },
): Promise<TaskDto[]> {
  const { user, now } = options;
  const scope = await feedbackScope(db, user, now);
  const rows = await countPendingByDossier(db, scope.codes);
  const date = today(now);
  const tasks: TaskDto[] = [];
  for (const row of rows) {
    const unit = await scope.unitOf(row.unitCode);
    if (!allows(user, "feedback.moderate", unit.resource)) continue;
    const due = addDays(today(new Date(row.oldest)), moderationDays);
    tasks.push({
      kind: "feedback_pending",
      id: `feedback:${row.dossierId}`,
      unit: { code: row.unitCode, name: unit.name },
      due,
      overdue: due < date,
      dossierId: row.dossierId,
      pending: Number(row.pending),
    });
  }
  return tasks;
}

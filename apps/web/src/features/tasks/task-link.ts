import type { TaskDto } from "@ntm/contracts";

/** Where a task is acted on, and the assessment year that page must show. */
export interface TaskTarget {
  to: string;
  year?: number;
}

const code = (value: string) => encodeURIComponent(value);

/** The page of the web app where the user acts on a task. */
export function taskTarget(task: TaskDto): TaskTarget {
  switch (task.kind) {
    case "dossier_step":
      return { to: `/dossiers/${task.dossierId}` };
    case "report":
    case "report_reminder":
      return { to: `/reports?report=${task.submissionId}` };
    case "obstacle":
      return { to: `/reports/obstacles?obstacle=${task.obstacleId}` };
    case "missing_values":
      // A commune's own values open in its entry grid; a wider scope in the entry by commune.
      return task.scope === "commune"
        ? { to: `/units/${code(task.unit.code)}?view=grid`, year: task.year }
        : { to: `/entry/${code(task.unit.code)}`, year: task.year };
    case "target":
      return { to: `/targets/${code(task.unit.code)}`, year: task.year };
    case "ocop_expiry":
      return { to: `/ocop/products/${task.productId}` };
    case "feedback_pending":
      return { to: `/feedback?dossier=${task.dossierId}` };
  }
}

/** Due within this many days (and not overdue): shown as "Sắp đến hạn". */
export const soonDays = 7;

export type Urgency = "overdue" | "soon" | "later" | "none";

/** How pressing a task is, from its due date and today (both ISO dates, in Viet Nam). */
export function urgencyOf(task: Pick<TaskDto, "due" | "overdue">, today: string): Urgency {
  if (task.overdue) return "overdue";
  if (!task.due) return "none";
  const days = (Date.parse(task.due) - Date.parse(today)) / 86_400_000;
  return days <= soonDays ? "soon" : "later";
}

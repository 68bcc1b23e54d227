import type { TaskDto } from "@ntm/contracts";
import type { MessageKey } from "../../lib/i18n/dictionary.ts";
import type { Translate } from "../../lib/i18n/i18n-context.tsx";
import { formatDate } from "../../lib/format.ts";

/** What a task is, in a word: the line's second row. */
export function taskKindLabel(task: TaskDto, t: Translate): string {
  switch (task.kind) {
    case "report":
      return t(task.state === "returned" ? "tasks.kind.reportReturned" : "tasks.kind.report");
    case "report_reminder":
      return t("tasks.kind.reportReminder", {
        by: task.remindedBy,
        date: formatDate(task.remindedAt),
      });
    case "obstacle":
      return t(
        task.status === "escalated" ? "tasks.kind.obstacleEscalated" : "tasks.kind.obstacle",
      );
    case "target":
      return t(`tasks.kind.${task.status}` satisfies MessageKey);
    default:
      return t(`tasks.kind.${task.kind}` satisfies MessageKey);
  }
}

/** The line's title: what to do, with the names the data gives (steps, report types, targets). */
export function taskTitle(task: TaskDto, t: Translate, number: (n: number) => string): string {
  switch (task.kind) {
    case "dossier_step":
      return task.action === "confirm"
        ? t("tasks.dossier.confirm", { year: task.year })
        : t(`tasks.dossier.${task.dossierKind}`, { year: task.year, step: task.stepName });
    case "report":
      return t("tasks.report", { type: task.typeName, period: task.periodLabel });
    case "report_reminder":
      return t("tasks.reportReminder", { type: task.typeName, period: task.periodLabel });
    case "obstacle":
      return task.title;
    case "missing_values":
      return task.scope === "commune"
        ? t("tasks.valuesCommune", {
            missing: number(task.missing),
            expected: number(task.expected),
            year: task.year,
          })
        : t("tasks.valuesScope", {
            communes: number(task.communes),
            missing: number(task.missing),
            year: task.year,
          });
    case "target":
      return t("tasks.target", { name: task.name, deadline: task.deadlineYear });
    case "ocop_expiry":
      return t("tasks.ocop", {
        name: task.productName,
        stars: task.stars,
        days: number(task.daysLeft),
      });
    case "feedback_pending":
      return t("tasks.feedback", { count: number(task.pending) });
  }
}

import {
  AimOutlined,
  AuditOutlined,
  BellOutlined,
  ClockCircleOutlined,
  CommentOutlined,
  EditOutlined,
  FileTextOutlined,
  RightOutlined,
  SafetyCertificateOutlined,
  WarningOutlined,
} from "@ant-design/icons";
import type { TaskDto, TaskKind } from "@ntm/contracts";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatDate, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useYear } from "../../lib/year-context.tsx";
import { taskTarget, urgencyOf } from "./task-link.ts";
import { taskKindLabel, taskTitle } from "./task-text.ts";

const icons: Record<TaskKind, ReactNode> = {
  dossier_step: <AuditOutlined aria-hidden />,
  report: <FileTextOutlined aria-hidden />,
  report_reminder: <BellOutlined aria-hidden />,
  obstacle: <WarningOutlined aria-hidden />,
  missing_values: <EditOutlined aria-hidden />,
  target: <AimOutlined aria-hidden />,
  ocop_expiry: <SafetyCertificateOutlined aria-hidden />,
  feedback_pending: <CommentOutlined aria-hidden />,
};

/** When the task is due, in words and with an icon, never by colour alone. */
function DueChip({ task, today }: { task: TaskDto; today: string }) {
  const { t } = useI18n();
  const urgency = urgencyOf(task, today);
  if (urgency === "none") return null;
  const date = formatDate(task.due);
  const text =
    urgency === "overdue"
      ? `${t("tasks.overdue")} · ${date}`
      : urgency === "soon"
        ? `${t("tasks.soon")} · ${date}`
        : t("tasks.due", { date });
  return (
    <span className={`task-due task-due-${urgency}`} data-testid="task-due">
      {urgency !== "later" && <ClockCircleOutlined aria-hidden />} {text}
    </span>
  );
}

/** One line of "Việc của tôi": what to do, about which unit, by when; it opens the place to act. */
export function TaskRow({ task, today }: { task: TaskDto; today: string }) {
  const { t, language } = useI18n();
  const { setYear } = useYear();
  const target = taskTarget(task);
  return (
    <li>
      <Link
        to={target.to}
        className="task-row"
        data-testid={`task-${task.id}`}
        data-kind={task.kind}
        data-overdue={task.overdue}
        onClick={() => {
          if (target.year !== undefined) setYear(target.year);
        }}
      >
        <span className={`task-icon task-icon-${task.kind}`}>{icons[task.kind]}</span>
        <span className="task-text">
          <span className="task-title">
            {taskTitle(task, t, (n) => formatNumber(n, language, 0))}
          </span>
          <span className="task-meta">
            {taskKindLabel(task, t)} · {task.unit.name}
          </span>
        </span>
        <DueChip task={task} today={today} />
        <RightOutlined aria-hidden className="task-open" />
      </Link>
    </li>
  );
}

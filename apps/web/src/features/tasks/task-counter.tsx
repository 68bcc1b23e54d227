import "./task-counter.css";
import { CheckSquareOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useMyTasks } from "./tasks-api.ts";

/** The header's count of waiting work; it opens "Việc của tôi". */
export function TaskCounter() {
  const { t } = useI18n();
  const { data } = useMyTasks();
  const total = data?.counts.total ?? 0;
  const overdue = data?.counts.overdue ?? 0;
  return (
    <Link
      to="/"
      className={`task-counter${overdue > 0 ? " task-counter-overdue" : ""}`}
      title={t("tasks.counter", { total, overdue })}
      data-testid="task-counter"
      data-count={data ? total : ""}
      data-overdue={data ? overdue : ""}
    >
      <CheckSquareOutlined aria-hidden />
      <span className="task-counter-label">{t("home.nav")}</span>
      {data ? (
        <span className="task-counter-badge">{total}</span>
      ) : (
        <span className="task-counter-badge task-counter-badge-waiting" aria-hidden>
          0
        </span>
      )}
      {data && <span className="visually-hidden"> {t("a11y.tasksWaiting", { overdue })}</span>}
    </Link>
  );
}

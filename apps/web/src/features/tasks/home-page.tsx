import "./tasks.css";
import { ApartmentOutlined, CheckCircleOutlined } from "@ant-design/icons";
import { Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useCurrentUser } from "../auth/index.ts";
import { TaskRow } from "./task-row.tsx";
import { useMyTasks } from "./tasks-api.ts";

type Filter = "all" | "overdue";

/** "/" for every role: what waits for the user, by due date, then the way to its unit's figures. */
export function HomePage() {
  const { t } = useI18n();
  const me = useCurrentUser().data;
  const query = useMyTasks();
  const [filter, setFilter] = useState<Filter>("all");
  if (query.isError && !query.data) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!query.data || !me) return <PageLoading />;
  const { tasks, counts, today } = query.data;
  const shown = filter === "overdue" ? tasks.filter((task) => task.overdue) : tasks;
  return (
    <div className="page home-page" data-testid="home-page">
      <div>
        <Typography.Title level={1} className="page-title">
          {t("home.title")}
        </Typography.Title>
        <p className="page-meta" data-testid="home-summary">
          {t("home.today", { date: formatDate(today) })} ·{" "}
          {counts.total === 0
            ? t("home.summaryNone")
            : t("home.summary", { total: counts.total, overdue: counts.overdue })}
        </p>
      </div>
      {counts.total > 0 && (
        <div className="task-filter" role="group" aria-label={t("home.filterLabel")}>
          {(["all", "overdue"] as const).map((value) => (
            <button
              key={value}
              type="button"
              className="task-filter-button"
              aria-pressed={filter === value}
              onClick={() => setFilter(value)}
              data-testid={`task-filter-${value}`}
            >
              {value === "all"
                ? t("home.filterAll", { count: counts.total })
                : t("home.filterOverdue", { count: counts.overdue })}
            </button>
          ))}
        </div>
      )}
      {shown.length === 0 ? (
        <div className="task-empty" data-testid="task-empty">
          <CheckCircleOutlined aria-hidden className="task-empty-icon" />
          <p className="task-empty-title">
            {filter === "overdue" ? t("home.emptyOverdue") : t("home.empty")}
          </p>
          {filter === "all" && <p className="page-meta">{t("home.emptyHint")}</p>}
        </div>
      ) : (
        <ul className="task-list" data-testid="task-list">
          {shown.map((task) => (
            <TaskRow key={task.id} task={task} today={today} />
          ))}
        </ul>
      )}
      <Link
        to={`/units/${encodeURIComponent(me.unitCode)}`}
        className="task-row home-unit"
        data-testid="home-unit-link"
      >
        <span className="task-icon">
          <ApartmentOutlined aria-hidden />
        </span>
        <span className="task-text">
          <span className="task-title">{t("home.unitFigures", { unit: me.unitName })}</span>
          <span className="task-meta">{t("home.unitFiguresOpen")}</span>
        </span>
      </Link>
    </div>
  );
}

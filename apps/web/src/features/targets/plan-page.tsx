import { EditOutlined, HistoryOutlined } from "@ant-design/icons";
import type { PlanResponse } from "@ntm/contracts";
import { fundingSourceNames, type FundingSource } from "@ntm/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Table, Typography } from "antd";
import { Link, useParams } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { formatDate, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { fetchPlan } from "./targets-api.ts";
import "./targets.css";

type Item = NonNullable<PlanResponse["plan"]>["items"][number];

/** /plans/:code/:year — a commune's plan: path to the next level, items, funding and tasks. */
export function PlanPage() {
  const { code = "", year = "" } = useParams();
  const { t, language } = useI18n();
  const query = useQuery({
    queryKey: ["targets", "plan", code, year],
    queryFn: ({ signal }) => fetchPlan(code, Number(year), signal),
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  if (!data) return <PageLoading />;
  const money = (value: number) => formatNumber(value, language, 0);
  const name = (criterion: string) =>
    `${criterion}. ${data.criteria.find((c) => c.code === criterion)?.name ?? ""}`;
  return (
    <div className="page plan-page" data-testid="plan-page">
      <Typography.Title level={1} className="page-title">
        <Link to={`/units/${encodeURIComponent(data.unit.code)}`}>{data.unit.name}</Link> —{" "}
        {t("targets.plan.title", { year: data.year })}
      </Typography.Title>
      <div className="targets-actions">
        {data.can.edit && (
          <Link
            to={`/plans/${encodeURIComponent(data.unit.code)}/${data.year}/edit`}
            data-testid="plan-edit-link"
          >
            <EditOutlined /> {t("targets.edit.open")}
          </Link>
        )}
        <Link to={`/compare/${encodeURIComponent(data.unit.code)}`}>
          <HistoryOutlined /> {t("targets.compare.open")}
        </Link>
      </div>
      {data.nextLevel ? (
        <section className="section">
          <h2>{t("targets.plan.path", { level: t(`level.${data.nextLevel}`) })}</h2>
          <Table
            size="small"
            pagination={false}
            rowKey="criterionCode"
            data-testid="plan-path"
            dataSource={data.path}
            columns={[
              { title: t("targets.plan.criterion"), render: (_, row) => name(row.criterionCode) },
              {
                title: t("targets.plan.planned"),
                render: (_, row) => (row.planned ? t("targets.plan.yes") : t("targets.plan.no")),
              },
              {
                title: t("targets.plan.funding"),
                render: (_, row) => (
                  <span className={`funding-${row.funding}`}>
                    {t(`targets.plan.funding.${row.funding}`)}
                  </span>
                ),
              },
            ]}
          />
        </section>
      ) : (
        <p>{t("targets.plan.pathHeld")}</p>
      )}
      {!data.plan || !data.check ? (
        <Alert type="info" showIcon title={t("targets.plan.none", { year: data.year })} />
      ) : (
        <>
          <dl className="target-figures plan-totals">
            <div>
              <dt>{t("targets.plan.investment")}</dt>
              <dd data-testid="plan-investment">{money(data.check.investment)}</dd>
            </div>
            <div>
              <dt>{t("targets.plan.funded")}</dt>
              <dd>{money(data.check.funded)}</dd>
            </div>
            <div>
              <dt>{t("targets.plan.gap")}</dt>
              <dd>{money(data.check.fundingGap)}</dd>
            </div>
          </dl>
          {data.check.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t("targets.plan.warnings")}
              description={
                <ul className="behind-list">
                  {data.check.warnings.map((warning) => (
                    <li key={warning}>{warning}</li>
                  ))}
                </ul>
              }
            />
          )}
          <section className="section">
            <h2>{t("targets.plan.items")}</h2>
            {data.plan.items.map((item: Item) => (
              <Card
                key={item.criterionCode}
                size="small"
                title={name(item.criterionCode)}
                className="plan-item"
              >
                <p>
                  {t("targets.plan.investment")}: <strong>{money(item.investment)}</strong>
                </p>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="source"
                  dataSource={Object.entries(item.funding).map(([source, amount]) => ({
                    source,
                    amount: amount ?? 0,
                  }))}
                  columns={[
                    {
                      title: t("targets.plan.source"),
                      render: (_, row) => fundingSourceNames[row.source as FundingSource],
                    },
                    {
                      title: t("targets.plan.amount"),
                      align: "right",
                      render: (_, row) => money(row.amount),
                    },
                  ]}
                />
                {item.tasks.length > 0 && (
                  <Table
                    size="small"
                    pagination={false}
                    rowKey="title"
                    scroll={{ x: true }}
                    dataSource={item.tasks}
                    columns={[
                      { title: t("targets.plan.tasks"), dataIndex: "title" },
                      { title: t("targets.plan.owner"), dataIndex: "owner" },
                      { title: t("targets.plan.due"), render: (_, row) => formatDate(row.due) },
                      {
                        title: t("targets.plan.progress"),
                        render: (_, row) => `${row.progress} %`,
                      },
                    ]}
                  />
                )}
              </Card>
            ))}
          </section>
        </>
      )}
    </div>
  );
}

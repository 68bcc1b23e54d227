import { DownloadOutlined } from "@ant-design/icons";
import type { DepartmentCriteriaStatusResponse } from "@ntm/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Collapse, Empty, List, Table, Typography } from "antd";
import { Link, Navigate, useParams } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useYear } from "../../lib/year-context.tsx";
import { departmentExportUrl, fetchDepartments, fetchDepartmentStatus } from "./targets-api.ts";
import "./targets.css";

/** /departments — the province's departments; a department account goes to its own view. */
export function DepartmentsIndex() {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: ["targets", "departments"],
    queryFn: ({ signal }) => fetchDepartments(signal),
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <PageLoading />;
  if (query.data.length === 1 && query.data[0]) {
    return <Navigate to={`/departments/${query.data[0].id}`} replace />;
  }
  return (
    <div className="page" data-testid="departments-index">
      <Typography.Title level={1} className="page-title">
        {t("targets.department.list")}
      </Typography.Title>
      {query.data.length === 0 ? (
        <Empty description={t("targets.department.none")} />
      ) : (
        <List
          bordered
          dataSource={query.data}
          renderItem={(row) => (
            <List.Item>
              <Link to={`/departments/${row.id}`}>{row.name}</Link>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

type Criterion = DepartmentCriteriaStatusResponse["criteria"][number];

/** /departments/:id — a department's criteria across every commune of the province. */
export function DepartmentPage() {
  const { id = "" } = useParams();
  const { t, language } = useI18n();
  const { year } = useYear();
  const query = useQuery({
    queryKey: ["targets", "department", id, year],
    queryFn: ({ signal }) => fetchDepartmentStatus(Number(id), year, signal),
    placeholderData: keepPreviousData,
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  if (!data) return <PageLoading />;
  const money = (value: number) => formatNumber(value, language, 0);
  return (
    <div className="page department-page" data-testid="department-page">
      <div className="title-row">
        <Typography.Title level={1} className="page-title">
          {data.department.name}
        </Typography.Title>
        <Button
          icon={<DownloadOutlined />}
          href={departmentExportUrl(data.department.id, data.year)}
        >
          {t("targets.export")}
        </Button>
      </div>
      <p className="page-meta">
        {t("targets.department.meta", { year: data.year, plan: data.year + 1 })}
      </p>
      {data.criteria.length === 0 && <Empty description={t("targets.department.noCriteria")} />}
      <div className="department-grid">
        {data.criteria.map((row: Criterion) => (
          <Card
            key={row.code}
            size="small"
            title={`${row.code}. ${row.name}`}
            data-testid={`department-criterion-${row.code}`}
          >
            <dl className="target-figures">
              <div>
                <dt>{t("targets.department.met")}</dt>
                <dd className="figure-met">
                  {row.met}/{row.communes}
                </dd>
              </div>
              <div>
                <dt>{t("targets.department.notMet")}</dt>
                <dd className="figure-not-met" data-testid="department-not-met">
                  {row.notMet}
                </dd>
              </div>
              <div>
                <dt>{t("targets.department.missing")}</dt>
                <dd>{row.missing}</dd>
              </div>
            </dl>
            <Table
              size="small"
              pagination={false}
              rowKey="year"
              dataSource={row.trend}
              columns={[
                { title: t("targets.year"), dataIndex: "year" },
                {
                  title: t("targets.department.trendMet"),
                  render: (_, entry) => `${entry.met}/${entry.evaluated}`,
                },
                {
                  title: t("targets.department.share"),
                  render: (_, entry) =>
                    entry.evaluated
                      ? `${formatNumber((entry.met / entry.evaluated) * 100, language, 1)} %`
                      : "—",
                },
              ]}
            />
            <p className="department-money">
              {t("targets.department.money", { year: data.year + 1 })}:{" "}
              <strong>{money(row.planInvestment)}</strong> · {t("targets.plan.funded")}:{" "}
              <strong>{money(row.planFunded)}</strong>
            </p>
            {row.failing.length > 0 && (
              <Collapse
                size="small"
                items={[
                  {
                    key: "failing",
                    // Drawn while closed too, so that a printed page lists the communes.
                    forceRender: true,
                    label: t("targets.department.failing", { count: row.failing.length }),
                    children: (
                      <ul className="behind-list">
                        {row.failing.map((commune) => (
                          <li key={commune.code}>
                            <Link to={`/units/${encodeURIComponent(commune.code)}`}>
                              {commune.name}
                            </Link>
                            {commune.parentName ? ` (${commune.parentName})` : ""}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        ))}
      </div>
    </div>
  );
}

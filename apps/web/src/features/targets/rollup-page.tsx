import { DownloadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Empty, Table, Typography } from "antd";
import { Link, useParams } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { fetchRollup, rollupExportUrl } from "./targets-api.ts";
import "./targets.css";

/** /plans/:code/:year/rollup — plans of a district or the province against what was achieved. */
export function RollupPage() {
  const { code = "", year = "" } = useParams();
  const { t, language } = useI18n();
  const query = useQuery({
    queryKey: ["targets", "rollup", code, year],
    queryFn: ({ signal }) => fetchRollup(code, Number(year), signal),
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  if (!data) return <PageLoading />;
  const money = (value: number) => formatNumber(value, language, 0);
  const name = new Map(data.criteria.map((c) => [c.code, c.name]));
  const { rollup } = data;
  return (
    <div className="page rollup-page" data-testid="rollup-page">
      <div className="title-row">
        <Typography.Title level={1} className="page-title">
          {t("targets.rollup.title", { year: data.year })}: {data.unit.name}
        </Typography.Title>
        <Button icon={<DownloadOutlined />} href={rollupExportUrl(data.unit.code, data.year)}>
          {t("targets.export")}
        </Button>
      </div>
      {rollup.communesWithPlan === 0 ? (
        <Empty description={t("targets.rollup.none", { year: data.year })} />
      ) : (
        <>
          <dl className="target-figures">
            <div>
              <dt>{t("targets.rollup.communes")}</dt>
              <dd data-testid="rollup-communes">{rollup.communesWithPlan}</dd>
            </div>
            <div>
              <dt>{t("targets.rollup.criteria")}</dt>
              <dd>
                {rollup.criteriaAchieved}/{rollup.criteriaPlanned}
              </dd>
            </div>
            <div>
              <dt>{t("targets.plan.investment")}</dt>
              <dd>{money(rollup.investment)}</dd>
            </div>
            <div>
              <dt>{t("targets.plan.funded")}</dt>
              <dd>{money(rollup.funded)}</dd>
            </div>
          </dl>
          <section className="section">
            <h2>{t("targets.rollup.byCriterion")}</h2>
            <Table
              size="small"
              pagination={false}
              rowKey="criterionCode"
              scroll={{ x: true }}
              dataSource={rollup.byCriterion}
              columns={[
                {
                  title: t("targets.plan.criterion"),
                  render: (_, row) => `${row.criterionCode}. ${name.get(row.criterionCode) ?? ""}`,
                },
                { title: t("targets.rollup.communes"), dataIndex: "communes", align: "right" },
                {
                  title: t("targets.plan.investment"),
                  align: "right",
                  render: (_, row) => money(row.investment),
                },
                {
                  title: t("targets.plan.gap"),
                  align: "right",
                  render: (_, row) => money(row.gap),
                },
              ]}
            />
          </section>
          <section className="section">
            <h2>{t("targets.rollup.bySource")}</h2>
            <Table
              size="small"
              pagination={false}
              rowKey="source"
              dataSource={rollup.bySource}
              columns={[
                { title: t("targets.plan.source"), dataIndex: "name" },
                {
                  title: t("targets.plan.amount"),
                  align: "right",
                  render: (_, row) => money(row.amount),
                },
              ]}
            />
          </section>
          <section className="section">
            <h2>{t("targets.rollup.byCommune")}</h2>
            <Table
              size="small"
              pagination={false}
              rowKey="code"
              scroll={{ x: true }}
              dataSource={data.communes}
              columns={[
                {
                  title: t("targets.commune"),
                  render: (_, row) => (
                    <Link to={`/plans/${encodeURIComponent(row.code)}/${data.year}`}>
                      {row.name}
                    </Link>
                  ),
                },
                {
                  title: t("targets.rollup.criteria"),
                  render: (_, row) => `${row.criteriaAchieved ?? "—"}/${row.criteriaPlanned}`,
                },
                {
                  title: t("targets.plan.investment"),
                  align: "right",
                  render: (_, row) => money(row.investment),
                },
                {
                  title: t("targets.plan.funded"),
                  align: "right",
                  render: (_, row) => money(row.funded),
                },
              ]}
            />
          </section>
        </>
      )}
    </div>
  );
}

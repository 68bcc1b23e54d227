import type { CatalogSetSummary } from "@ntm/contracts";
import { useQuery } from "@tanstack/react-query";
import { Table, Tag, Typography } from "antd";
import { ErrorState } from "../../components/error-state.tsx";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useCurrentUser } from "../auth/index.ts";
import { catalogSetsQueryKey, fetchSets } from "./catalog-api.ts";
import { CarryOverCard } from "./carry-over-card.tsx";
import { OverrideForm } from "./override-form.tsx";

/** The criteria sets and their versions: period, start date, legal basis, amendments. */
export function CatalogPage() {
  const { t } = useI18n();
  const user = useCurrentUser().data;
  const sets = useQuery({ queryKey: catalogSetsQueryKey, queryFn: fetchSets });
  if (sets.isError) return <ErrorState error={sets.error} onRetry={() => void sets.refetch()} />;
  const rows = sets.data ?? [];

  return (
    <section aria-labelledby="catalog-title">
      <Typography.Title level={1} id="catalog-title" className="page-title">
        {t("catalog.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("catalog.intro")}</Typography.Paragraph>
      <Table<CatalogSetSummary>
        rowKey="id"
        loading={sets.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        style={{ marginBottom: 16 }}
        columns={[
          {
            title: t("catalog.col.set"),
            render: (_, row) => (
              <span>
                <strong>{row.name}</strong>
                <br />
                <Typography.Text type="secondary">
                  {row.code} · {t("catalog.version", { version: row.version })}
                  {row.provinceCode
                    ? ` · ${t("catalog.province", { code: row.provinceCode })}`
                    : ""}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: t("catalog.col.period"),
            render: (_, row) => `${row.fromYear}–${row.toYear}`,
          },
          {
            title: t("catalog.col.effectiveFrom"),
            render: (_, row) => formatDate(row.effectiveFrom),
          },
          {
            title: t("catalog.col.basis"),
            render: (_, row) => (
              <span>
                {row.amendment ? (
                  <>
                    <Tag color="blue">{t("catalog.amendment")}</Tag>
                    {row.amendment.basis.document}
                    {row.amendment.basis.date ? ` (${formatDate(row.amendment.basis.date)})` : ""}
                    {row.amendment.changedIndicators.length === 0 ? (
                      <>
                        <br />
                        <Tag color="warning">{t("catalog.amendment.unknown")}</Tag>
                      </>
                    ) : (
                      <>
                        <br />
                        {t("catalog.amendment.changed", {
                          codes: row.amendment.changedIndicators.join(", "),
                        })}
                      </>
                    )}
                  </>
                ) : (
                  <>
                    {row.basis.document}
                    {row.basis.date ? ` (${formatDate(row.basis.date)})` : ""}
                  </>
                )}
                {row.basedOn ? (
                  <>
                    <br />
                    <Typography.Text type="secondary">
                      {t("catalog.basedOn", {
                        code: row.basedOn.code,
                        version: row.basedOn.version,
                      })}
                    </Typography.Text>
                  </>
                ) : null}
              </span>
            ),
          },
          {
            title: t("catalog.col.criteria"),
            render: (_, row) =>
              t("catalog.criteriaCount", {
                criteria: row.criteriaCount,
                indicators: row.indicatorCount,
              }),
          },
          {
            title: t("catalog.col.thresholds"),
            render: (_, row) => (
              <span>
                {t("catalog.confirmed", { count: row.thresholdsConfirmed })}
                <br />
                <Tag color={row.thresholdsUnverified > 0 ? "warning" : "success"}>
                  {t("catalog.unverified", { count: row.thresholdsUnverified })}
                </Tag>
              </span>
            ),
          },
        ]}
      />
      <CarryOverCard />
      {user?.permissions["catalog.import"] ? (
        <OverrideForm sets={rows} provinceCode={user.unitCode} />
      ) : null}
    </section>
  );
}

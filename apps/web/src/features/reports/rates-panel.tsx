import { useQuery } from "@tanstack/react-query";
import { FileExcelOutlined, FileWordOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Select, Space, Statistic, Table, Typography } from "antd";
import { useState } from "react";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { formatDate, formatPercent } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { consolidatedUrl, fetchRates, fetchTypes, reportKeys } from "./reports-api.ts";
import { TimelinessTag } from "./timeliness-tag.tsx";

export function RatesPanel() {
  const { t, language } = useI18n();
  const types = useQuery({
    queryKey: reportKeys.types(),
    queryFn: ({ signal }) => fetchTypes(signal),
  });
  const [chosen, setChosen] = useState<number | null>(null);
  const [period, setPeriod] = useState<string | null>(null);
  const typeId = chosen ?? types.data?.[0]?.id ?? null;
  const rates = useQuery({
    queryKey: reportKeys.rates(typeId ?? 0),
    queryFn: ({ signal }) => fetchRates(typeId!, signal),
    enabled: typeId !== null,
  });
  if (types.isPending) return <PageLoading />;
  if (types.isError) return <ErrorState error={types.error} onRetry={() => void types.refetch()} />;
  if (typeId === null) return <Empty description={t("reports.rates.noType")} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Select
        aria-label={t("reports.type")}
        style={{ minWidth: 280, maxWidth: "100%" }}
        value={typeId}
        onChange={(value) => {
          setChosen(value);
          setPeriod(null);
        }}
        options={types.data.map((type) => ({
          value: type.id,
          label: `${type.name} (${type.dueRuleText})`,
        }))}
      />
      {rates.isPending && <PageLoading />}
      {rates.isError && <ErrorState error={rates.error} onRetry={() => void rates.refetch()} />}
      {rates.data && (
        <>
          <Card size="small">
            <Space wrap size="large" data-testid="rates-totals">
              <Statistic
                title={t("reports.rates.rate")}
                value={
                  rates.data.totals.onTimeRate === null
                    ? "–"
                    : formatPercent(rates.data.totals.onTimeRate, language)
                }
              />
              <Statistic title={t("reports.rates.expected")} value={rates.data.totals.expected} />
              <Statistic title={t("reports.timeliness.on_time")} value={rates.data.totals.onTime} />
              <Statistic title={t("reports.timeliness.late")} value={rates.data.totals.late} />
              <Statistic
                title={t("reports.timeliness.missing")}
                value={rates.data.totals.missing}
              />
            </Space>
          </Card>
          {rates.data.periods.length > 0 && (
            <Card size="small" title={t("reports.consolidated.title")} data-testid="consolidated">
              <Space direction="vertical" style={{ width: "100%" }}>
                <Typography.Text type="secondary">{t("reports.consolidated.hint")}</Typography.Text>
                <Space wrap>
                  <Select
                    aria-label={t("reports.consolidated.period")}
                    style={{ minWidth: 160 }}
                    value={period ?? rates.data.periods.at(-1)!.key}
                    onChange={setPeriod}
                    options={[...rates.data.periods].reverse().map((p) => ({
                      value: p.key,
                      label: p.label,
                    }))}
                  />
                  <Button
                    type="primary"
                    icon={<FileWordOutlined />}
                    data-testid="consolidated-docx"
                    href={consolidatedUrl(typeId, period ?? rates.data.periods.at(-1)!.key, "docx")}
                  >
                    {t("reports.consolidated.docx")}
                  </Button>
                  <Button
                    icon={<FileExcelOutlined />}
                    data-testid="consolidated-xlsx"
                    href={consolidatedUrl(typeId, period ?? rates.data.periods.at(-1)!.key, "xlsx")}
                  >
                    {t("reports.consolidated.xlsx")}
                  </Button>
                </Space>
              </Space>
            </Card>
          )}
          <Table
            size="small"
            data-testid="rates-table"
            rowKey={(row) => `${row.unitCode}-${row.departmentCode ?? ""}`}
            pagination={false}
            scroll={{ x: "max-content" }}
            dataSource={rates.data.rows}
            columns={[
              {
                title: t("reports.unit"),
                dataIndex: "unitName",
                fixed: "left",
                width: 150,
                render: (name: string) => <span className="reports-unit-name">{name}</span>,
              },
              ...[...rates.data.periods].reverse().map((period) => ({
                key: period.key,
                title: (
                  <span title={`${t("reports.due")}: ${formatDate(period.dueDate)}`}>
                    {period.label}
                  </span>
                ),
                render: (_: unknown, row: (typeof rates.data.rows)[number]) => {
                  const cell = row.cells.find((c) => c.periodKey === period.key);
                  return cell ? <TimelinessTag value={cell.timeliness} title={cell.reason} /> : "";
                },
              })),
            ]}
          />
        </>
      )}
    </Space>
  );
}

import { useQuery } from "@tanstack/react-query";
import { FileExcelOutlined, FileWordOutlined } from "@ant-design/icons";
import { Card, Empty, Select, Space, Statistic, Table, Typography } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { PrintButton } from "../../components/print/print-button.tsx";
import { PrintHeader } from "../../components/print/print-header.tsx";
import { formatDate, formatPercent } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useCurrentUser } from "../auth/index.ts";
import { ConsolidatedReportButton } from "../jobs/index.ts";
import { fetchRates, fetchTypes, reportKeys } from "./reports-api.ts";
import { TimelinessTag } from "./timeliness-tag.tsx";
import { readFilters, reportsLink, writeFilters } from "./report-filters.ts";

export function RatesPanel() {
  const { t, language } = useI18n();
  const user = useCurrentUser().data;
  const types = useQuery({
    queryKey: reportKeys.types(),
    queryFn: ({ signal }) => fetchTypes(signal),
  });
  // The type and year live in the URL, so the board a link or Back opens is the one left.
  const [params, setParams] = useSearchParams();
  const { type: chosen, year } = readFilters(params);
  const setChosen = (type: number) =>
    setParams((previous) => writeFilters(previous, { type, year: null }));
  const [period, setPeriod] = useState<string | null>(null);
  const typeId = chosen ?? types.data?.[0]?.id ?? null;
  const rates = useQuery({
    queryKey: reportKeys.rates(typeId ?? 0, year),
    queryFn: ({ signal }) => fetchRates(typeId!, signal, year),
    enabled: typeId !== null,
  });
  if (types.isPending) return <PageLoading />;
  if (types.isError) return <ErrorState error={types.error} onRetry={() => void types.refetch()} />;
  if (typeId === null) return <Empty description={t("reports.rates.noType")} />;
  const thisYear = new Date().getFullYear();
  const boardYear = year ?? Number(rates.data?.periods[0]?.key.slice(0, 4) ?? thisYear);
  const setYear = (value: number) =>
    setParams((previous) => writeFilters(previous, { year: value === thisYear ? null : value }));
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      {rates.data && (
        <PrintHeader
          title={`${t("print.rates")} – ${rates.data.type.name}`}
          unit={user?.unitName ?? ""}
          year={boardYear}
          demo={false}
        />
      )}
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8, alignItems: "center" }}>
        <Select
          className="print-hidden"
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
        <Select
          className="print-hidden"
          aria-label={t("reports.year")}
          value={boardYear}
          onChange={(value) => {
            setYear(value);
            setPeriod(null);
          }}
          options={[0, 1, 2, 3, 4].map((back) => ({
            value: thisYear - back,
            label: `${t("reports.year")} ${thisYear - back}`,
          }))}
        />
        <PrintButton />
      </div>
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
              <Link
                to={reportsLink({ type: typeId, year: boardYear, status: "on_time" })}
                data-testid="rates-total-on_time"
              >
                <Statistic
                  title={t("reports.timeliness.on_time")}
                  value={rates.data.totals.onTime}
                />
              </Link>
              <Link
                to={reportsLink({ type: typeId, year: boardYear, status: "late" })}
                data-testid="rates-total-late"
              >
                <Statistic title={t("reports.timeliness.late")} value={rates.data.totals.late} />
              </Link>
              <Link
                to={reportsLink({ type: typeId, year: boardYear, status: "missing" })}
                data-testid="rates-total-missing"
              >
                <Statistic
                  title={t("reports.timeliness.missing")}
                  value={rates.data.totals.missing}
                />
              </Link>
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
                  <ConsolidatedReportButton
                    type={typeId}
                    period={period ?? rates.data.periods.at(-1)!.key}
                    format="docx"
                    label={t("reports.consolidated.docx")}
                    icon={<FileWordOutlined />}
                    primary
                    testId="consolidated-docx"
                  />
                  <ConsolidatedReportButton
                    type={typeId}
                    period={period ?? rates.data.periods.at(-1)!.key}
                    format="xlsx"
                    label={t("reports.consolidated.xlsx")}
                    icon={<FileExcelOutlined />}
                    testId="consolidated-xlsx"
                  />
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
                  if (!cell) return "";
                  return (
                    <Link
                      to={reportsLink({
                        type: typeId,
                        period: cell.periodKey,
                        status: cell.timeliness,
                      })}
                      aria-label={t("reports.rates.cellLink", {
                        status: t(`reports.timeliness.${cell.timeliness}`).toLowerCase(),
                        period: period.label,
                      })}
                      data-testid={`rates-cell-${row.unitCode}-${cell.periodKey}`}
                    >
                      <TimelinessTag value={cell.timeliness} title={cell.reason} />
                    </Link>
                  );
                },
              })),
            ]}
          />
        </>
      )}
    </Space>
  );
}

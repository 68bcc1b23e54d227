import { DownloadOutlined, FileImageOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Table, Typography } from "antd";
import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import ReactEChartsCore from "echarts-for-react/esm/core";
import { useMemo, useRef } from "react";
import { Link, useParams } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { ChartOnPaper } from "../../components/print/chart-on-paper.tsx";
import { useChartOnPaper } from "../../components/print/use-chart-on-paper.ts";
import { downloadChartPng } from "./chart-png.ts";
import { comparisonExportUrl, fetchComparison } from "./targets-api.ts";
import "./targets.css";

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** /compare/:code — the same unit year by year, merged communes shown under their successor. */
export function ComparisonPage() {
  const { code = "" } = useParams();
  const { t } = useI18n();
  const chart = useRef<ReactEChartsCore>(null);
  const onPaper = useChartOnPaper(chart);
  const query = useQuery({
    queryKey: ["targets", "comparison", code],
    queryFn: ({ signal }) => fetchComparison(code, signal),
  });
  const data = query.data;
  const rows = useMemo(
    () =>
      (data?.years ?? []).flatMap((row) =>
        [...(row.own ? [row.own] : []), ...row.predecessors].map((result) => ({
          key: `${row.year}:${result.unitCode}`,
          year: row.year,
          name:
            result.unitCode === data?.unit.code
              ? data.unit.name
              : (row.predecessorNames[result.unitCode] ?? result.unitCode),
          predecessor: result.unitCode !== data?.unit.code,
          criteriaMet: result.criteriaMet,
          criteriaTotal: result.criteriaTotal,
          level: result.level,
        })),
      ),
    [data],
  );
  const option = useMemo(() => {
    if (!data) return null;
    const years = data.years.map((row) => String(row.year));
    const names = [...new Set(rows.map((row) => row.name))];
    return {
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { top: 0, type: "scroll" },
      grid: { left: 36, right: 12, top: 36, bottom: 28 },
      xAxis: { type: "category", data: years },
      // Years on different sets (19 criteria until 2025, 10 from 2026) share the larger scale.
      yAxis: {
        type: "value",
        min: 0,
        max: Math.max(1, ...rows.map((row) => row.criteriaTotal)),
        minInterval: 1,
      },
      series: names.map((name) => ({
        type: "line",
        name,
        connectNulls: false,
        data: data.years.map(
          (row) =>
            rows.find((entry) => entry.year === row.year && entry.name === name)?.criteriaMet ??
            null,
        ),
      })),
    };
  }, [data, rows]);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!data || !option) return <PageLoading />;
  return (
    <div className="page comparison-page" data-testid="comparison-page">
      <div className="title-row">
        <Typography.Title level={1} className="page-title">
          {t("targets.compare.title")}:{" "}
          <Link to={`/units/${encodeURIComponent(data.unit.code)}`}>{data.unit.name}</Link>
        </Typography.Title>
      </div>
      <div className="targets-actions">
        <Button icon={<DownloadOutlined />} href={comparisonExportUrl(data.unit.code)}>
          {t("targets.export")}
        </Button>
        <Button
          icon={<FileImageOutlined />}
          onClick={() => {
            const instance = chart.current?.getEchartsInstance();
            if (instance) downloadChartPng(instance, `qua-cac-nam-${data.unit.code}.png`);
          }}
        >
          {t("targets.exportPng")}
        </Button>
      </div>
      {data.predecessors.length > 0 && (
        <p className="page-meta" data-testid="comparison-merger">
          {t("targets.compare.merged", {
            list: data.predecessors
              .map((row) => `${row.name} (${formatDate(row.effectiveDate)})`)
              .join(", "),
          })}
        </p>
      )}
      <ReactEChartsCore
        ref={chart}
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 280, width: "100%" }}
        className={onPaper ? "print-hidden" : undefined}
        opts={{ renderer: "canvas" }}
        role="img"
        aria-label={t("targets.compare.title")}
      />
      <ChartOnPaper picture={onPaper} label={t("targets.compare.title")} />
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        scroll={{ x: true }}
        data-testid="comparison-table"
        dataSource={rows}
        columns={[
          { title: t("targets.year"), dataIndex: "year" },
          {
            title: t("targets.map.unit"),
            render: (_, row) =>
              row.predecessor ? `${row.name} (${t("targets.compare.before")})` : row.name,
          },
          {
            title: t("targets.criteriaMet"),
            render: (_, row) => `${row.criteriaMet}/${row.criteriaTotal}`,
          },
          { title: t("targets.map.level"), render: (_, row) => t(`level.${row.level ?? "none"}`) },
        ]}
      />
    </div>
  );
}

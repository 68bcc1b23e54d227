import type { SummaryResponse } from "@ntm/contracts";
import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import ReactEChartsCore from "echarts-for-react/esm/core";
import { useMemo } from "react";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

interface CriteriaHistogramProps {
  bins: SummaryResponse["byCriteriaMet"];
  selected: number | null;
  onSelect: (criteriaMet: number) => void;
}

const barColour = "#3f8f63";
const selectedColour = "#1f4f8f";

/** Communes by number of criteria met; a bar click filters the commune list. */
export function CriteriaHistogram({ bins, selected, onSelect }: CriteriaHistogramProps) {
  const { t, language } = useI18n();
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 40, right: 12, top: 16, bottom: 44 },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (params: { name: string; value: number }[]) => {
          const first = params[0];
          if (!first) return "";
          return t("overview.histogramTooltip", {
            count: formatNumber(first.value, language),
            criteria: first.name,
          });
        },
      },
      xAxis: {
        type: "category",
        name: t("overview.histogramAxisX"),
        nameLocation: "middle",
        nameGap: 28,
        data: bins.map((bin) => String(bin.criteriaMet)),
        axisTick: { alignWithLabel: true },
      },
      yAxis: {
        type: "value",
        minInterval: 1,
        axisLabel: { formatter: (value: number) => formatNumber(value, language) },
      },
      series: [
        {
          type: "bar",
          cursor: "pointer",
          data: bins.map((bin) => ({
            value: bin.count,
            itemStyle: { color: bin.criteriaMet === selected ? selectedColour : barColour },
          })),
        },
      ],
    }),
    [bins, selected, t, language],
  );
  const events = useMemo(
    () => ({
      click: (params: { dataIndex: number }) => {
        const bin = bins[params.dataIndex];
        if (bin) onSelect(bin.criteriaMet);
      },
    }),
    [bins, onSelect],
  );

  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      onEvents={events}
      notMerge
      style={{ height: 260, width: "100%" }}
      opts={{ renderer: "canvas" }}
      role="img"
      aria-label={t("overview.histogramTitle")}
      data-testid="criteria-histogram"
    />
  );
}

import type { MapFeatureProperties, UnitMapResponse } from "@ntm/contracts";
import { FileImageOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Button, Empty, Segmented, Spin } from "antd";
import { MapChart } from "echarts/charts";
import { TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import ReactEChartsCore from "echarts-for-react/esm/core";
import { useMemo, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { communesLink } from "../communes/index.ts";
import { ChartOnPaper } from "../../components/print/chart-on-paper.tsx";
import { useChartOnPaper } from "../../components/print/use-chart-on-paper.ts";
import { downloadChartPng } from "./chart-png.ts";
import { fetchMap, mapQueryKey } from "./targets-api.ts";

echarts.use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

type Measure = "criteria" | "level";
type Show = "communes" | "children";

const levelColours = ["#f47c7c", "#73c24a", "#2f8f3a", "#1f6f8f", "#1f4f8f"];
const noDataColour = "#d9d9d9";

/** 0 for a commune not recognised, 1 for the first level and so on. */
function levelIndex(properties: MapFeatureProperties, levels: string[]) {
  return properties.level === null ? 0 : levels.indexOf(properties.level) + 1;
}

/**
 * Choropleth of the communes below a unit (or of its districts) by criteria met or level, for the
 * year; a click opens the commune's scorecard (or the list of the district's communes). Schematic shapes
 * are labelled as such wherever the map is shown.
 */
export function UnitMap({ code, year }: { code: string; year: number }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const chart = useRef<ReactEChartsCore>(null);
  const onPaper = useChartOnPaper(chart);
  const [show, setShow] = useState<Show>("communes");
  const [measure, setMeasure] = useState<Measure>("criteria");
  const query = useQuery({
    queryKey: mapQueryKey(code, year, show),
    queryFn: ({ signal }) => fetchMap(code, year, show, signal),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const mapName = data ? `ntm-${data.unit.code}-${data.show}-${data.year}` : "";
  const option = useMemo(() => {
    if (!data || data.geojson.features.length === 0) return null;
    echarts.registerMap(
      mapName,
      data.geojson as unknown as Parameters<typeof echarts.registerMap>[1],
    );
    const byCode = new Map(data.geojson.features.map((f) => [f.properties.code, f.properties]));
    const communes = data.show === "communes";
    const total = data.geojson.features.find((f) => f.properties.criteriaTotal)?.properties
      .criteriaTotal;
    const value = (p: MapFeatureProperties) => {
      if (p.criteriaMet === null) return null;
      if (measure === "criteria") return p.criteriaMet;
      return communes
        ? levelIndex(p, data.levels)
        : Math.round((p.recognised / Math.max(1, p.communes)) * 100);
    };
    const visualMap =
      measure === "criteria"
        ? {
            type: "continuous",
            min: 0,
            max: total ?? 19,
            calculable: false,
            text: [String(total ?? 19), "0"],
            textGap: 6,
            itemHeight: 160,
            inRange: { color: ["#f47c7c", "#f0b429", "#73c24a"] },
            outOfRange: { color: noDataColour },
          }
        : communes
          ? {
              type: "piecewise",
              pieces: [
                { value: 0, label: t("level.none"), color: levelColours[0] },
                ...data.levels.map((level, index) => ({
                  value: index + 1,
                  label: t(`level.${level}`),
                  color: levelColours[index + 1] ?? "#1f4f8f",
                })),
              ],
            }
          : {
              type: "piecewise",
              pieces: [
                { min: 0, max: 24.99, label: "< 25 %", color: "#f47c7c" },
                { min: 25, max: 49.99, label: "25–50 %", color: "#f0b429" },
                { min: 50, max: 74.99, label: "50–75 %", color: "#73c24a" },
                { min: 75, max: 100, label: "≥ 75 %", color: "#2f8f3a" },
              ],
            };
    const tooltip = (p: MapFeatureProperties) => {
      const lines = [`<strong>${p.name}</strong>${p.parentName ? ` (${p.parentName})` : ""}`];
      if (p.criteriaMet === null) {
        lines.push(t("targets.map.noData"));
      } else if (communes) {
        lines.push(
          t("targets.map.tooltipCommune", {
            met: formatNumber(p.criteriaMet, language),
            total: p.criteriaTotal ?? "",
          }),
          p.level ? t(`level.${p.level}`) : t("level.none"),
        );
      } else {
        lines.push(
          t("targets.map.tooltipUnit", {
            average: formatNumber(p.criteriaMet, language, 1),
            recognised: p.recognised,
            communes: p.communes,
          }),
        );
      }
      return lines.join("<br/>");
    };
    return {
      animation: false,
      tooltip: {
        trigger: "item",
        formatter: (params: { name: string }) => {
          const p = byCode.get(params.name);
          return p ? tooltip(p) : params.name;
        },
      },
      visualMap: {
        ...visualMap,
        seriesIndex: 0,
        orient: "horizontal",
        left: "center",
        bottom: 0,
        textStyle: { fontSize: 12 },
      },
      series: [
        {
          type: "map",
          map: mapName,
          nameProperty: "code",
          roam: true,
          cursor: "pointer",
          // Keep the shapes' proportions (about cos 14.5° at Kon Tum's latitude) and leave room
          // for the legend below.
          aspectScale: 0.97,
          layoutCenter: ["50%", "45%"],
          layoutSize: "88%",
          itemStyle: { borderColor: "#ffffff", borderWidth: 0.8, areaColor: noDataColour },
          emphasis: { label: { show: false }, itemStyle: { areaColor: "#1f4f8f" } },
          select: { disabled: true },
          data: data.geojson.features.map((f) => ({
            name: f.properties.code,
            value: value(f.properties),
          })),
        },
      ],
    };
  }, [data, mapName, measure, t, language]);
  const events = useMemo(
    () => ({
      click: (params: { name: string }) => {
        if (!data || !params.name) return;
        void navigate(areaLink(data, params.name));
      },
    }),
    [data, navigate],
  );

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <section className="section" data-testid="unit-map">
      <div className="title-row">
        <h2>{t("targets.map.title", { year: data?.year ?? year })}</h2>
        <Button
          icon={<FileImageOutlined />}
          disabled={!option}
          onClick={() => {
            const instance = chart.current?.getEchartsInstance();
            if (instance) downloadChartPng(instance, `ban-do-${code}-${data?.year ?? year}.png`);
          }}
        >
          {t("targets.exportPng")}
        </Button>
      </div>
      {data?.schematic && (
        <Alert
          type="warning"
          showIcon
          className="map-schematic"
          data-testid="map-schematic"
          title={t("targets.map.schematic")}
        />
      )}
      <div className="map-controls">
        {data?.unit.level !== "commune" && (
          <Segmented<Show>
            value={show}
            onChange={setShow}
            options={[
              { value: "communes", label: t("targets.map.communes") },
              { value: "children", label: t("targets.map.children") },
            ]}
          />
        )}
        <Segmented<Measure>
          value={measure}
          onChange={setMeasure}
          options={[
            { value: "criteria", label: t("targets.map.byCriteria") },
            { value: "level", label: t("targets.map.byLevel") },
          ]}
        />
      </div>
      {!data ? (
        <Spin />
      ) : !option ? (
        <Empty description={t("targets.map.none")} />
      ) : (
        <>
          <ReactEChartsCore
            ref={chart}
            echarts={echarts}
            option={option}
            onEvents={events}
            notMerge
            className={onPaper ? "unit-map-chart print-hidden" : "unit-map-chart"}
            opts={{ renderer: "canvas" }}
            role="img"
            aria-label={t("targets.map.title", { year: data.year })}
          />
          <ChartOnPaper picture={onPaper} label={t("targets.map.title", { year: data.year })} />
          <p className="page-meta">
            {t(data.show === "communes" ? "targets.map.hint" : "lists.mapChildrenHint")}
          </p>
          {data.withoutShape.length > 0 && (
            <p className="page-meta">
              {t("targets.map.withoutShape", {
                list: data.withoutShape.map((unit) => unit.name).join(", "),
              })}
            </p>
          )}
          <details className="map-data">
            <summary>{t("targets.map.table")}</summary>
            <MapTable data={data} />
          </details>
        </>
      )}
    </section>
  );
}

/** A commune's area opens its scorecard; a district's, the list of its communes. */
function areaLink(data: UnitMapResponse, code: string): string {
  return data.show === "communes"
    ? `/units/${encodeURIComponent(code)}`
    : communesLink(code, data.year);
}

/** The figures of the map as a table, for screen readers and for reading exact values. */
function MapTable({ data }: { data: UnitMapResponse }) {
  const { t, language } = useI18n();
  return (
    <table className="map-table">
      <thead>
        <tr>
          <th scope="col">{t("targets.map.unit")}</th>
          <th scope="col">{t("targets.criteriaMet")}</th>
          <th scope="col">{t("targets.map.level")}</th>
        </tr>
      </thead>
      <tbody>
        {data.geojson.features.map(({ properties: p }) => (
          <tr
            key={p.code}
            data-testid={`map-row-${p.code}`}
            data-level={p.level ?? "none"}
            data-criteria={p.criteriaMet ?? ""}
          >
            <th scope="row">
              <Link to={areaLink(data, p.code)}>{p.name}</Link>
            </th>
            <td>{p.criteriaMet === null ? "—" : formatNumber(p.criteriaMet, language, 1)}</td>
            <td>
              {data.show === "communes"
                ? t(`level.${p.level ?? "none"}`)
                : t("targets.map.recognisedOf", { recognised: p.recognised, communes: p.communes })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

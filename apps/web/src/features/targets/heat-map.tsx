import type { TargetsDashboardResponse } from "@ntm/contracts";
import { Link } from "react-router";
import { statusPalette } from "../../components/status-style.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";

const cellStyle = {
  "1": { ...statusPalette.met, mark: "Đ" },
  "0": { ...statusPalette.not_met, mark: "✕" },
  "-": { ...statusPalette.missing, mark: "–" },
} as const;

/** Communes × criteria for the year; each commune name opens its scorecard. */
export function HeatMap({ data }: { data: TargetsDashboardResponse }) {
  const { t } = useI18n();
  return (
    <section className="section">
      <h2>{t("targets.heatmap", { year: data.year })}</h2>
      <p className="page-meta">{t("targets.heatmapLegend")}</p>
      <div className="heatmap-scroll" data-testid="heatmap">
        <table className="heatmap">
          <thead>
            <tr>
              <th scope="col">{t("targets.commune")}</th>
              <th scope="col">{t("targets.criteriaMet")}</th>
              {data.criteria.map((criterion) => (
                <th key={criterion.code} scope="col" title={criterion.name}>
                  {criterion.code}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.heatmap.map((row) => (
              <tr key={row.code}>
                <th scope="row">
                  <Link to={`/units/${encodeURIComponent(row.code)}`}>{row.name}</Link>
                </th>
                <td>{row.criteriaMet}</td>
                {[...row.statuses].map((status, index) => {
                  const style = cellStyle[status as keyof typeof cellStyle] ?? cellStyle["-"];
                  return (
                    <td
                      key={data.criteria[index]?.code ?? index}
                      style={{ background: style.background, color: style.text }}
                      title={`${row.name} — ${data.criteria[index]?.name ?? ""}`}
                    >
                      {style.mark}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

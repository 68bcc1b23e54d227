import type { TargetsDashboardResponse } from "@ntm/contracts";
import { Link } from "react-router";
import { statusPalette } from "../../components/status-style.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { communesLink } from "../communes/index.ts";

const cellStyle = {
  "1": { ...statusPalette.met, mark: "Đ", status: "met" },
  "0": { ...statusPalette.not_met, mark: "✕", status: "not_met" },
  "-": { ...statusPalette.missing, mark: "–", status: "missing" },
} as const;

/**
 * Communes × criteria for the year; each commune name opens its scorecard, each criterion the
 * communes with their status on it, and each cell the communes sharing that status.
 */
export function HeatMap({ data }: { data: TargetsDashboardResponse }) {
  const { t } = useI18n();
  const link = (criterion: string, status?: "met" | "not_met" | "missing") =>
    communesLink(data.unit.code, data.year, { criterion, ...(status ? { status } : {}) });
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
                  <Link
                    to={link(criterion.code)}
                    aria-label={t("lists.heatmapColumn", {
                      code: criterion.code,
                      name: criterion.name,
                    })}
                  >
                    {criterion.code}
                  </Link>
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
                  const criterion = data.criteria[index];
                  const label = `${row.name} — ${criterion?.name ?? ""}: ${t(`status.${style.status}`)}`;
                  return (
                    <td
                      key={criterion?.code ?? index}
                      style={{ background: style.background, color: style.text }}
                      title={label}
                    >
                      {criterion ? (
                        // Out of the tab order: a keyboard reaches the same lists through the
                        // criterion's heading, not through hundreds of cells.
                        <Link
                          className="heatmap-cell-link"
                          to={link(criterion.code, style.status)}
                          tabIndex={-1}
                          aria-label={label}
                          style={{ color: style.text }}
                        >
                          {style.mark}
                        </Link>
                      ) : (
                        style.mark
                      )}
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

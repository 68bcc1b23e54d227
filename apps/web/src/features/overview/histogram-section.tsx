import type { SummaryResponse } from "@ntm/contracts";
import { Skeleton } from "antd";
import { lazy, Suspense } from "react";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";

const CriteriaHistogram = lazy(() =>
  import("./criteria-histogram.tsx").then((module) => ({ default: module.CriteriaHistogram })),
);

interface HistogramSectionProps {
  bins: SummaryResponse["byCriteriaMet"];
  selected: number | null;
  onSelect: (criteriaMet: number | null) => void;
}

/** The chart, plus the same bars as buttons for keyboards, screen readers and small screens. */
export function HistogramSection({ bins, selected, onSelect }: HistogramSectionProps) {
  const { t, language } = useI18n();
  const toggle = (criteriaMet: number) => onSelect(criteriaMet === selected ? null : criteriaMet);
  return (
    <section className="card-section" aria-labelledby="histogram-title">
      <h2 id="histogram-title" className="section-title">
        {t("overview.histogramTitle")}
      </h2>
      <p className="hint">{t("overview.histogramHint")}</p>
      <Suspense
        fallback={
          <div style={{ height: 260 }} role="status" aria-label={t("overview.chartLoading")}>
            <Skeleton.Node active style={{ width: "100%", height: 240 }} />
          </div>
        }
      >
        <CriteriaHistogram bins={bins} selected={selected} onSelect={toggle} />
      </Suspense>
      <ul className="bin-buttons">
        {bins
          .filter((bin) => bin.count > 0)
          .map((bin) => (
            <li key={bin.criteriaMet}>
              <button
                type="button"
                className={
                  bin.criteriaMet === selected ? "bin-button bin-button-active" : "bin-button"
                }
                aria-pressed={bin.criteriaMet === selected}
                onClick={() => toggle(bin.criteriaMet)}
                data-testid={`histogram-bin-${bin.criteriaMet}`}
              >
                {t("overview.histogramTooltip", {
                  count: formatNumber(bin.count, language),
                  criteria: bin.criteriaMet,
                })}
              </button>
            </li>
          ))}
      </ul>
    </section>
  );
}

import type { SummaryResponse } from "@ntm/contracts";
import { LevelTag } from "../../components/level-tag.tsx";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";

function Figure(props: { label: string; value: string; testId: string; raw: number | null }) {
  return (
    <div className="figure">
      <span className="figure-value" data-testid={props.testId} data-value={props.raw ?? undefined}>
        {props.value}
      </span>
      <span className="figure-label">{props.label}</span>
    </div>
  );
}

/** The few numbers a leader reads first. */
export function BigNumbers({ summary }: { summary: SummaryResponse }) {
  const { t, language } = useI18n();
  return (
    <section className="figures-section" aria-label={t("overview.byLevel")}>
      <div className="figures">
        <Figure
          label={t("overview.communes")}
          value={formatNumber(summary.communes, language)}
          raw={summary.communes}
          testId="overview-communes"
        />
        <Figure
          label={t("overview.evaluated")}
          value={formatNumber(summary.evaluated, language)}
          raw={summary.evaluated}
          testId="overview-evaluated"
        />
        <Figure
          label={t("overview.average")}
          value={
            summary.averageCriteriaMet === null
              ? "—"
              : formatNumber(summary.averageCriteriaMet, language, 1)
          }
          raw={summary.averageCriteriaMet}
          testId="overview-average"
        />
      </div>
      <h2 className="section-title">{t("overview.byLevel")}</h2>
      <ul className="level-counts">
        {summary.byLevel.map((entry) => (
          <li key={entry.level} className="level-count">
            <LevelTag level={entry.level === "none" ? null : entry.level} />
            <span
              className="level-count-value"
              data-testid={`overview-level-${entry.level}`}
              data-value={entry.count}
            >
              {formatNumber(entry.count, language)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

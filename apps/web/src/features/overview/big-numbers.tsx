import type { SummaryResponse } from "@ntm/contracts";
import { Link } from "react-router";
import { LevelTag } from "../../components/level-tag.tsx";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { communesLink } from "../communes/index.ts";

interface FigureProps {
  label: string;
  value: string;
  testId: string;
  raw: number | null;
  to: string;
}

/** A figure is a link to the communes it counts. */
function Figure(props: FigureProps) {
  return (
    <Link className="figure figure-link" to={props.to} data-testid={`${props.testId}-link`}>
      <span className="figure-value" data-testid={props.testId} data-value={props.raw ?? undefined}>
        {props.value}
      </span>
      <span className="figure-label">{props.label}</span>
    </Link>
  );
}

/** The few numbers a leader reads first. */
export function BigNumbers({ summary }: { summary: SummaryResponse }) {
  const { t, language } = useI18n();
  const link = (filter: Parameters<typeof communesLink>[2] = {}) =>
    communesLink(summary.unit.code, summary.year, filter);
  return (
    <section className="figures-section" aria-label={t("overview.byLevel")}>
      <div className="figures">
        <Figure
          label={t("overview.communes")}
          value={formatNumber(summary.communes, language)}
          raw={summary.communes}
          testId="overview-communes"
          to={link()}
        />
        <Figure
          label={t("overview.evaluated")}
          value={formatNumber(summary.evaluated, language)}
          raw={summary.evaluated}
          testId="overview-evaluated"
          to={link({ data: "evaluated" })}
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
          to={`${link({ data: "evaluated" })}&sort=criteria&order=desc`}
        />
      </div>
      <h2 className="section-title">{t("overview.byLevel")}</h2>
      <ul className="level-counts">
        {summary.byLevel.map((entry) => (
          <li key={entry.level}>
            <Link
              className="level-count"
              to={link({ level: entry.level })}
              data-testid={`overview-level-${entry.level}-link`}
            >
              <LevelTag level={entry.level === "none" ? null : entry.level} />
              <span
                className="level-count-value"
                data-testid={`overview-level-${entry.level}`}
                data-value={entry.count}
              >
                {formatNumber(entry.count, language)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

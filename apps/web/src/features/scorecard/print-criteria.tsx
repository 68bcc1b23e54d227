import type { IndicatorResult, IndicatorStatus } from "@ntm/domain";
import { StatusTag } from "../../components/status-tag.tsx";
import { amberPalette } from "../../components/status-style.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useScorecardContext } from "./scorecard-context.tsx";
import { basisText, formatValue, thresholdText } from "./threshold-text.ts";

/**
 * Paper only: every criterion of the scorecard at the level shown, each with its indicators'
 * values, thresholds, results and legal basis, so that a printed scorecard stands on its own.
 */
export function PrintCriteria() {
  const { t } = useI18n();
  const { scorecard, level } = useScorecardContext();
  const conditions = scorecard.levels.find((candidate) => candidate.level === level)?.conditions;
  return (
    <section className="print-only print-criteria" data-testid="print-criteria">
      <h2 className="section-title">
        {t("print.criteriaDetail")} · {t(`level.${level}`)}
      </h2>
      {scorecard.criteria.map((criterion) => (
        <PrintCriterion
          key={criterion.code}
          code={criterion.code}
          title={`${t("scorecard.criterion", { code: criterion.code })}. ${criterion.name}`}
          status={criterion.byLevel[level]?.status ?? "missing"}
          indicators={criterion.indicators}
        />
      ))}
      {conditions && conditions.length > 0 && (
        <PrintCriterion
          code={`conditions-${level}`}
          title={t("scorecard.conditionsTitle", { level: t(`level.${level}`) })}
          indicators={conditions}
        />
      )}
    </section>
  );
}

interface PrintCriterionProps {
  code: string;
  title: string;
  status?: IndicatorStatus;
  indicators: IndicatorResult[];
}

function PrintCriterion({ code, title, status, indicators }: PrintCriterionProps) {
  const { t, language } = useI18n();
  const { level } = useScorecardContext();
  return (
    <div className="print-criterion" data-testid={`print-criterion-${code}`}>
      <h3 className="print-criterion-head">
        {title} {status && <StatusTag status={status} />}
      </h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("print.indicator")}</th>
            <th scope="col">{t("print.value")}</th>
            <th scope="col">{t("print.threshold")}</th>
            <th scope="col">{t("print.status")}</th>
            <th scope="col">{t("print.basis")}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((indicator) => {
            const result = indicator.byLevel[level];
            const threshold = result?.threshold;
            return (
              <tr key={indicator.code}>
                <td>
                  {indicator.code}. {indicator.name}
                </td>
                <td>{formatValue(indicator.value, indicator.unit, t, language)}</td>
                <td>
                  {threshold ? thresholdText(threshold, indicator.unit, t, language) : "—"}
                  {threshold?.status === "unverified" && (
                    <span style={{ display: "block", color: amberPalette.text }}>
                      {t("status.unverified")}
                    </span>
                  )}
                </td>
                <td>
                  <StatusTag status={result?.status ?? "missing"} />
                </td>
                <td>{threshold ? basisText(threshold.basis, t) : ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

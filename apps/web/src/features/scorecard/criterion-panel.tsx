import { CloseOutlined, LeftOutlined, RightOutlined } from "@ant-design/icons";
import type { CriterionResult } from "@ntm/domain";
import { Button } from "antd";
import { StatusTag } from "../../components/status-tag.tsx";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { IndicatorCard } from "./indicator-card.tsx";
import { useScorecardContext } from "./scorecard-context.tsx";

interface CriterionPanelProps {
  criterion: CriterionResult;
  onSelect: (code: string) => void;
  onClose: () => void;
}

/** The indicators of the chosen criterion, at the chosen level. */
export function CriterionPanel({ criterion, onSelect, onClose }: CriterionPanelProps) {
  const { t } = useI18n();
  const { scorecard, level } = useScorecardContext();
  const result = criterion.byLevel[level];
  const index = scorecard.criteria.findIndex((candidate) => candidate.code === criterion.code);
  const previous = scorecard.criteria[index - 1];
  const next = scorecard.criteria[index + 1];

  return (
    <section
      className="criterion-panel"
      id="criterion-panel"
      tabIndex={-1}
      aria-labelledby="criterion-panel-title"
      data-testid="criterion-panel"
    >
      <header className="criterion-panel-head">
        <div>
          <p className="criterion-panel-kicker">
            {t("scorecard.criterion", { code: criterion.code })} ·{" "}
            {t("scorecard.criterionAtLevel", { level: t(`level.${level}`) })}
          </p>
          <h2 id="criterion-panel-title" className="criterion-panel-title">
            {criterion.code}. {criterion.name}
          </h2>
          {result && (
            <p className="criterion-panel-status">
              <StatusTag status={result.status} />
              <span>
                {t("scorecard.indicatorsMet", {
                  met: result.indicatorsMet,
                  total: result.indicatorsTotal,
                })}
              </span>
              <span className="muted">{result.reason.text}</span>
            </p>
          )}
        </div>
        <div className="criterion-panel-nav">
          <Button
            size="small"
            icon={<LeftOutlined aria-hidden />}
            disabled={!previous}
            onClick={() => previous && onSelect(previous.code)}
          >
            {previous ? t("scorecard.criterion", { code: previous.code }) : "—"}
          </Button>
          <Button
            size="small"
            icon={<RightOutlined aria-hidden />}
            iconPlacement="end"
            disabled={!next}
            onClick={() => next && onSelect(next.code)}
          >
            {next ? t("scorecard.criterion", { code: next.code }) : "—"}
          </Button>
          <Button size="small" icon={<CloseOutlined aria-hidden />} onClick={onClose}>
            {t("scorecard.closePanel")}
          </Button>
        </div>
      </header>
      <div className="indicator-list">
        {criterion.indicators.map((indicator) => (
          <IndicatorCard key={indicator.code} indicator={indicator} level={level} />
        ))}
      </div>
    </section>
  );
}

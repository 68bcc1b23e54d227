import type { LevelCode } from "@ntm/domain";
import { Segmented } from "antd";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { CriterionTile } from "./criterion-tile.tsx";
import { useScorecardContext } from "./scorecard-context.tsx";

interface CriteriaGridProps {
  selectedCode: string | null;
  onSelect: (code: string) => void;
  onLevelChange: (level: LevelCode) => void;
}

export function CriteriaGrid({ selectedCode, onSelect, onLevelChange }: CriteriaGridProps) {
  const { t } = useI18n();
  const { scorecard, level } = useScorecardContext();
  const levelResult = scorecard.levels.find((candidate) => candidate.level === level);

  return (
    <section className="criteria-section" aria-labelledby="criteria-title">
      <div className="criteria-toolbar">
        <h2 id="criteria-title" className="section-title">
          {t("scorecard.criteriaTitle")}
        </h2>
        {scorecard.levels.length > 1 && (
          <div className="level-switch">
            <span className="level-switch-label">{t("scorecard.showLevel")}</span>
            <Segmented<LevelCode>
              aria-label={t("scorecard.showLevel")}
              value={level}
              onChange={onLevelChange}
              options={scorecard.levels.map((candidate) => ({
                value: candidate.level,
                label: t(`level.${candidate.level}`),
              }))}
              data-testid="level-switch"
            />
          </div>
        )}
      </div>
      {levelResult && (
        <p className="level-reason" data-testid="level-reason">
          {levelResult.reason.text}
        </p>
      )}
      <p className="hint">{t("scorecard.criteriaHint")}</p>
      <div className="criteria-grid">
        {scorecard.criteria.map((criterion) => (
          <CriterionTile
            key={criterion.code}
            criterion={criterion}
            selected={criterion.code === selectedCode}
            onSelect={onSelect}
          />
        ))}
      </div>
    </section>
  );
}

import type { LevelResult } from "@ntm/domain";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { IndicatorCard } from "./indicator-card.tsx";

/** Conditions a level adds beyond the criteria (model commune, QĐ 319). */
export function ConditionsPanel({ level }: { level: LevelResult }) {
  const { t } = useI18n();
  if (level.conditions.length === 0) return null;
  return (
    <section
      className="criterion-panel"
      id={`conditions-${level.level}`}
      tabIndex={-1}
      aria-labelledby={`conditions-title-${level.level}`}
      data-testid="level-conditions"
    >
      <h2 id={`conditions-title-${level.level}`} className="criterion-panel-title">
        {t("scorecard.conditionsTitle", { level: t(`level.${level.level}`) })}
      </h2>
      <div className="indicator-list">
        {level.conditions.map((condition) => (
          <IndicatorCard key={condition.code} indicator={condition} level={level.level} />
        ))}
      </div>
    </section>
  );
}

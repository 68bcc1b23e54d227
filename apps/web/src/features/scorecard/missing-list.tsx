import { CheckCircleFilled } from "@ant-design/icons";
import type { MissingItem } from "@ntm/domain";
import { Button } from "antd";
import { useState } from "react";
import { StatusIcon } from "../../components/status-tag.tsx";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useScorecardContext } from "./scorecard-context.tsx";

const collapsedCount = 6;

interface MissingListProps {
  onPick: (item: MissingItem) => void;
}

/** "Còn thiếu để đạt …": what stands between the commune and its next level. */
export function MissingList({ onPick }: MissingListProps) {
  const { t } = useI18n();
  const { scorecard } = useScorecardContext();
  const [expanded, setExpanded] = useState(false);
  const next = scorecard.levels.find((level) => level.level === scorecard.nextLevel);

  if (!next) {
    return (
      <section className="missing-card missing-card-done" data-testid="missing-list">
        <CheckCircleFilled aria-hidden /> {t("scorecard.topLevelReached")}
      </section>
    );
  }

  const hidden = next.missing.length - collapsedCount;
  return (
    <section className="missing-card" aria-labelledby="missing-title" data-testid="missing-list">
      <h2 id="missing-title" className="section-title">
        {t("scorecard.missingFor", { level: t(`levelGoal.${next.level}`) })}
        <span className="section-count">
          {t("scorecard.missingCount", { count: next.missing.length })}
        </span>
      </h2>
      <ul className="missing-items">
        {next.missing.map((item, index) => (
          // Collapsed items stay in the page, shown on paper: a printed list is never cut short.
          <li
            key={item.indicatorCode}
            className={!expanded && index >= collapsedCount ? "print-expand" : undefined}
          >
            <button type="button" className="missing-item" onClick={() => onPick(item)}>
              <StatusIcon status={item.status} />
              <span className="missing-item-text">
                <span className="missing-item-name">
                  {item.indicatorCode}. {item.indicatorName}
                </span>
                <span className="missing-item-meta">
                  {t(`status.${item.status}`)}
                  {item.criterionCode
                    ? ` · ${t("scorecard.criterion", { code: item.criterionCode })} ${item.criterionName ?? ""}`
                    : ""}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <Button type="link" onClick={() => setExpanded((value) => !value)}>
          {expanded ? t("common.showLess") : t("common.showMore", { count: hidden })}
        </Button>
      )}
    </section>
  );
}

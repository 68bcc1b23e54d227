import type { CriterionResult, IndicatorStatus } from "@ntm/domain";
import { StatusIcon } from "../../components/status-tag.tsx";
import { statusPalette } from "../../components/status-style.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useScorecardContext } from "./scorecard-context.tsx";

interface CriterionTileProps {
  criterion: CriterionResult;
  selected: boolean;
  onSelect: (code: string) => void;
}

/** One criterion: its status word, icon and colour at the chosen level, and "a/b chỉ tiêu". */
export function CriterionTile({ criterion, selected, onSelect }: CriterionTileProps) {
  const { t } = useI18n();
  const { level, editor } = useScorecardContext();
  const result = criterion.byLevel[level];
  const status: IndicatorStatus = result?.status ?? "missing";
  const palette = statusPalette[status];
  const unsaved = criterion.indicators.some((indicator) => editor.isUnsaved(indicator.code));

  return (
    <button
      type="button"
      className={selected ? "criterion-tile criterion-tile-selected" : "criterion-tile"}
      style={{ background: palette.background, borderColor: palette.border }}
      aria-pressed={selected}
      aria-controls="criterion-panel"
      onClick={() => onSelect(criterion.code)}
      data-testid={`criterion-tile-${criterion.code}`}
      data-status={status}
    >
      <span className="criterion-tile-status" style={{ color: palette.text }}>
        <StatusIcon status={status} />
        {t(`status.${status}`)}
      </span>
      <span className="criterion-tile-name">
        <span className="criterion-tile-code">{criterion.code}.</span> {criterion.name}
      </span>
      <span className="criterion-tile-count">
        {t("scorecard.indicatorsMet", {
          met: result?.indicatorsMet ?? 0,
          total: result?.indicatorsTotal ?? 0,
        })}
        {unsaved && <span className="unsaved-dot" title={t("indicator.unsaved")} />}
      </span>
    </button>
  );
}

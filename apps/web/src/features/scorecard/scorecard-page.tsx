import type { Scorecard } from "@ntm/contracts";
import type { LevelCode, MissingItem } from "@ntm/domain";
import { Alert, Segmented } from "antd";
import { useEffect, useState } from "react";
import { useLocation, useSearchParams } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { PrintHeader } from "../../components/print/print-header.tsx";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { scrollToId } from "../../lib/scroll-into-view.ts";
import { useYear } from "../../lib/year-context.tsx";
import { ConditionsPanel } from "./conditions-panel.tsx";
import { CriteriaGrid } from "./criteria-grid.tsx";
import { CriterionPanel } from "./criterion-panel.tsx";
import { FirstHeadline, forgetHeadline, useFirstHeadline } from "./first-headline.tsx";
import { IndicatorGrid } from "./indicator-grid.tsx";
import { MissingList } from "./missing-list.tsx";
import { PrintCriteria } from "./print-criteria.tsx";
import { PredecessorHistory } from "./predecessor-history.tsx";
import { SaveBar } from "./save-bar.tsx";
import { ScorecardContext, type ScorecardContextValue } from "./scorecard-context.tsx";
import { ScorecardHeader } from "./scorecard-header.tsx";
import { useScorecard } from "./use-scorecard.ts";
import { useScorecardEditor } from "./use-scorecard-editor.ts";

/** The commune scorecard for the year chosen in the header. */
export function ScorecardPage({ code }: { code: string }) {
  const { year } = useYear();
  const query = useScorecard(code, year);
  const headline = useFirstHeadline(useLocation().pathname);
  if (!query.data) {
    if (query.isError)
      return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    // The headline drawn by the first script is of the year the app opened with.
    return headline?.year === year ? <FirstHeadline headline={headline} /> : <PageLoading />;
  }
  return <ScorecardView key={year} code={code} year={year} scorecard={query.data} />;
}

interface ScorecardViewProps {
  code: string;
  year: number;
  scorecard: Scorecard;
}

function ScorecardView({ code, year, scorecard }: ScorecardViewProps) {
  const { t } = useI18n();
  const editor = useScorecardEditor(code, year, scorecard);
  useEffect(forgetHeadline, []);
  const [level, setLevel] = useState<LevelCode>(scorecard.levels[0]?.level ?? "standard");
  const [selected, setSelected] = useState<string | null>(null);
  const selectedCriterion = scorecard.criteria.find((criterion) => criterion.code === selected);
  const levelResult = scorecard.levels.find((candidate) => candidate.level === level);

  const context: ScorecardContextValue = { code, year, scorecard, level, editor };
  const [search, setSearch] = useSearchParams();
  const view = search.get("view") === "grid" ? "grid" : "cards";
  const setView = (next: "grid" | "cards") =>
    setSearch(
      (previous) => {
        const params = new URLSearchParams(previous);
        if (next === "grid") params.set("view", "grid");
        else params.delete("view");
        return params;
      },
      { replace: true },
    );

  const selectCriterion = (criterionCode: string) => {
    setSelected(criterionCode);
    scrollToId("criterion-panel");
  };

  const pickMissing = (item: MissingItem) => {
    if (scorecard.nextLevel) setLevel(scorecard.nextLevel);
    if (item.criterionCode) setSelected(item.criterionCode);
    scrollToId(
      item.criterionCode ? `indicator-${item.indicatorCode}` : `conditions-${scorecard.nextLevel}`,
      true,
    );
  };

  return (
    <ScorecardContext.Provider value={context}>
      <div className="page scorecard-page" data-testid="scorecard-page">
        <PrintHeader
          title={t("print.scorecard")}
          unit={[...scorecard.unit.path]
            .reverse()
            .map((step) => step.name)
            .join(", ")}
          year={year}
          demo={scorecard.assessment.demo}
        />
        <ScorecardHeader />
        {!scorecard.permissions.canEdit && scorecard.permissions.reason && (
          <Alert
            type="info"
            showIcon
            title={`${t("scorecard.readOnly")}: ${scorecard.permissions.reason}`}
          />
        )}
        <div className="view-switch">
          <span className="level-switch-label">{t("entry.viewLabel")}</span>
          <Segmented<"grid" | "cards">
            aria-label={t("entry.viewLabel")}
            value={view}
            onChange={setView}
            options={[
              { value: "cards", label: t("entry.viewCards") },
              { value: "grid", label: t("entry.viewGrid") },
            ]}
            data-testid="view-switch"
          />
        </div>
        {view === "grid" ? (
          <IndicatorGrid />
        ) : (
          <>
            <MissingList onPick={pickMissing} />
            <CriteriaGrid
              selectedCode={selected}
              onSelect={selectCriterion}
              onLevelChange={setLevel}
            />
            {selectedCriterion ? (
              <CriterionPanel
                criterion={selectedCriterion}
                onSelect={selectCriterion}
                onClose={() => setSelected(null)}
              />
            ) : (
              // The tiles control this place (aria-controls): the panel opens here.
              <p className="hint panel-placeholder" id="criterion-panel">
                {t("scorecard.noCriterionSelected")}
              </p>
            )}
            {levelResult && <ConditionsPanel level={levelResult} />}
          </>
        )}
        <PredecessorHistory unit={scorecard.unit} />
        <PrintCriteria />
        {editor.anyEditable && <SaveBar />}
      </div>
    </ScorecardContext.Provider>
  );
}

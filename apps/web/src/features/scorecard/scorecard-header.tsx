import { CopyOutlined, MinusCircleOutlined } from "@ant-design/icons";
import { Breadcrumb, Button, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { DemoTag } from "../../components/demo-tag.tsx";
import { LevelTag } from "../../components/level-tag.tsx";
import { PrintButton } from "../../components/print/print-button.tsx";
import { statusPalette } from "../../components/status-style.ts";
import { formatDate, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useScorecardContext } from "./scorecard-context.tsx";

export function ScorecardHeader() {
  const { t, language } = useI18n();
  const { scorecard, year } = useScorecardContext();
  const { unit } = scorecard;
  const ancestors = unit.path.filter((step) => step.code !== unit.code);

  return (
    <section className="scorecard-header" aria-labelledby="unit-title">
      <Breadcrumb
        className="unit-breadcrumb"
        items={[
          ...ancestors.map((step) => ({
            key: step.code,
            title: <Link to={`/units/${encodeURIComponent(step.code)}`}>{step.name}</Link>,
          })),
          { key: unit.code, title: unit.name },
        ]}
      />
      <div className="title-row">
        <Typography.Title level={1} id="unit-title" className="page-title">
          {unit.name}
        </Typography.Title>
        {scorecard.assessment.demo && <DemoTag />}
        <PrintButton />
      </div>
      <p className="page-meta">
        {scorecard.set.name} · {t("header.year")} {year}
        {scorecard.classLabel ? ` · ${t("scorecard.classification")}: ${scorecard.classLabel}` : ""}
        {" · "}
        {t("scorecard.valuesEntered", {
          entered: formatNumber(scorecard.valuesEntered, language),
          expected: formatNumber(scorecard.valuesExpected, language),
        })}
      </p>
      {scorecard.overrideRule && <p className="page-meta">{scorecard.overrideRule.description}</p>}
      <UnitLineage />
      {scorecard.valuesEntered === 0 ? (
        <NoDataSummary />
      ) : (
        <div className="score-summary">
          <div
            className="score-big"
            data-testid="criteria-met"
            data-met={scorecard.criteriaMet}
            data-total={scorecard.criteriaTotal}
            aria-live="polite"
          >
            {t("scorecard.criteriaMet", {
              met: scorecard.criteriaMet,
              total: scorecard.criteriaTotal,
            })}
          </div>
          <div className="score-level">
            <span className="score-level-label">{t("scorecard.levelReached")}</span>
            <span data-testid="level-reached">
              <LevelTag level={scorecard.level} large />
            </span>
          </div>
        </div>
      )}
    </section>
  );
}

/** A year without any value: grey "Chưa có số liệu", and last year's figures to start from. */
function NoDataSummary() {
  const { t } = useI18n();
  const { year, editor } = useScorecardContext();
  const [copying, setCopying] = useState(false);
  const copy = () => {
    setCopying(true);
    void editor.copyPreviousYear().finally(() => setCopying(false));
  };
  return (
    <div className="score-summary score-summary-empty">
      <div
        className="score-big score-empty"
        data-testid="criteria-met"
        data-empty="true"
        style={{ color: statusPalette.missing.text }}
        aria-live="polite"
      >
        <MinusCircleOutlined aria-hidden /> {t("scorecard.noData")}
      </div>
      <p className="muted">{t("scorecard.noDataHint", { year })}</p>
      {editor.anyEditable && (
        <Button
          icon={<CopyOutlined aria-hidden />}
          loading={copying}
          onClick={copy}
          data-testid="copy-previous-year"
        >
          {t("scorecard.copyPrevious")}
        </Button>
      )}
    </div>
  );
}

function UnitLineage() {
  const { t } = useI18n();
  const { scorecard } = useScorecardContext();
  const { predecessors, successors } = scorecard.unit;
  if (predecessors.length === 0 && successors.length === 0) return null;
  const links = (items: typeof predecessors) =>
    items.map((item, index) => (
      <span key={item.code}>
        {index > 0 && ", "}
        <Link to={`/units/${encodeURIComponent(item.code)}`}>{item.name}</Link> (
        {formatDate(item.effectiveDate)})
      </span>
    ));
  return (
    <p className="page-meta">
      {predecessors.length > 0 && (
        <span>
          {t("units.predecessors")}: {links(predecessors)}.{" "}
        </span>
      )}
      {successors.length > 0 && (
        <span>
          {t("units.successors")}: {links(successors)}.
        </span>
      )}
    </p>
  );
}

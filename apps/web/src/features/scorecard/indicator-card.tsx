import type { IndicatorResult, LevelCode } from "@ntm/domain";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Tag } from "antd";
import { useState } from "react";
import { StatusTag } from "../../components/status-tag.tsx";
import { UnverifiedBadge } from "../../components/unverified-badge.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { EvidenceList } from "../evidence/index.ts";
import { IndicatorHistory } from "./indicator-history.tsx";
import { NoteEditor } from "./note-editor.tsx";
import { scorecardQueryKey } from "./scorecard-api.ts";
import { useScorecardContext } from "./scorecard-context.tsx";
import { basisText, thresholdText } from "./threshold-text.ts";
import { ValueEditor } from "./value-editor.tsx";

interface IndicatorCardProps {
  indicator: IndicatorResult;
  level: LevelCode;
}

/** One indicator: value (editable), threshold and its legal basis, result, evidence, history. */
export function IndicatorCard({ indicator, level }: IndicatorCardProps) {
  const { t, language } = useI18n();
  const { code, year, scorecard, editor } = useScorecardContext();
  const queryClient = useQueryClient();
  const [historyOpen, setHistoryOpen] = useState(false);
  const result = indicator.byLevel[level];
  const threshold = result?.threshold;
  const status = result?.status ?? "missing";
  const entry = scorecard.entries[indicator.code];
  const ids = {
    input: `value-${indicator.code}`,
    error: `value-error-${indicator.code}`,
    note: `note-${indicator.code}`,
  };

  return (
    <article
      className="indicator-card"
      id={`indicator-${indicator.code}`}
      tabIndex={-1}
      data-testid={`indicator-${indicator.code}`}
      data-status={result ? status : "not_applicable"}
    >
      <header className="indicator-head">
        <h3 className="indicator-name">
          <span className="indicator-code">{indicator.code}</span> {indicator.name}
        </h3>
        <span className="indicator-tags">
          {result ? <StatusTag status={status} /> : <Tag>{t("indicator.notApplicable")}</Tag>}
          {editor.isUnsaved(indicator.code) && (
            <Tag color="blue" data-testid={`unsaved-${indicator.code}`}>
              {t("indicator.unsaved")}
            </Tag>
          )}
        </span>
      </header>
      <dl className="indicator-facts">
        <div>
          <dt>
            <label htmlFor={ids.input}>{t("indicator.value")}</label>
          </dt>
          <dd className="dd-control">
            <ValueEditor indicator={indicator} inputId={ids.input} errorId={ids.error} />
          </dd>
        </div>
        <div>
          <dt>{t("indicator.threshold")}</dt>
          <dd className="threshold-line">
            <span data-testid={`threshold-${indicator.code}`}>
              {threshold
                ? thresholdText(threshold, indicator.unit, t, language)
                : result
                  ? t("indicator.noThreshold")
                  : t("indicator.notApplicable")}
            </span>
            {threshold?.status === "unverified" && <UnverifiedBadge note={threshold.note} />}
          </dd>
        </div>
        {threshold && (
          <div>
            <dt>{t("indicator.basis")}</dt>
            <dd>
              {basisText(threshold.basis, t)}
              {threshold.note && threshold.status !== "unverified" && (
                <span className="muted"> ({threshold.note})</span>
              )}
            </dd>
          </div>
        )}
        {result && (
          <div>
            <dt>{t("indicator.status")}</dt>
            <dd>{result.reason.text}</dd>
          </div>
        )}
        <div>
          <dt>
            <label htmlFor={ids.note}>{t("indicator.note")}</label>
          </dt>
          <dd className="dd-control">
            <NoteEditor indicatorCode={indicator.code} noteId={ids.note} />
          </dd>
        </div>
        <div>
          <dt>{t("indicator.evidence")}</dt>
          <dd>
            <EvidenceList
              target={editor.key}
              indicatorCode={indicator.code}
              files={scorecard.evidence[indicator.code] ?? []}
              queued={editor.evidenceQueue.filter((row) => row.indicatorCode === indicator.code)}
              canWrite={editor.canAttach(indicator.code)}
              onChanged={() =>
                void queryClient.invalidateQueries({ queryKey: scorecardQueryKey(code, year) })
              }
              name="evidence"
              uploadLabel={t("evidence.upload")}
            />
          </dd>
        </div>
      </dl>
      <footer className="indicator-foot">
        {entry && (
          <span className="muted" data-testid={`last-change-${indicator.code}`}>
            {t("indicator.lastChange", {
              who: entry.updatedBy,
              when: formatDateTime(entry.updatedAt),
            })}
          </span>
        )}
        <Button
          size="small"
          type="link"
          aria-expanded={historyOpen}
          onClick={() => setHistoryOpen((open) => !open)}
          data-testid={`history-toggle-${indicator.code}`}
        >
          {historyOpen ? t("indicator.hideHistory") : t("indicator.history")}
        </Button>
      </footer>
      {historyOpen && <IndicatorHistory indicatorCode={indicator.code} />}
    </article>
  );
}

import { DownOutlined, RightOutlined } from "@ant-design/icons";
import type { IndicatorResult } from "@ntm/domain";
import { App } from "antd";
import { useMemo, useState, type ClipboardEvent } from "react";
import { StatusTag } from "../../components/status-tag.tsx";
import { UnverifiedBadge } from "../../components/unverified-badge.tsx";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import {
  GridCell,
  handleGridKey,
  handleGridPaste,
  pastedInput,
  localStatus,
} from "../entry/index.ts";
import type { Draft } from "./draft-values.ts";
import { RegistrySource } from "./registry-source.tsx";
import { useScorecardContext } from "./scorecard-context.tsx";
import { formatValue, thresholdText } from "./threshold-text.ts";

interface GridRow {
  indicator: IndicatorResult;
}

const cellKind = (indicator: IndicatorResult) =>
  indicator.kind === "boolean" ? ("boolean" as const) : ("number" as const);

/**
 * The commune's indicators as a grid: one row each, criteria as collapsible groups; keyboard and
 * paste from Excel as in a spreadsheet, each cell checked as typed.
 */
export function IndicatorGrid() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const { scorecard, level, editor, year } = useScorecardContext();
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());

  const groups = useMemo(
    () => [
      ...scorecard.criteria.map((criterion) => ({
        key: criterion.code,
        title: `${t("scorecard.criterion", { code: criterion.code })}. ${criterion.name}`,
        status: criterion.byLevel[level]?.status,
        rows: criterion.indicators.map((indicator): GridRow => ({ indicator })),
      })),
      ...scorecard.levels
        .filter((candidate) => candidate.level === level && candidate.conditions.length > 0)
        .map((candidate) => ({
          key: `conditions-${candidate.level}`,
          title: t("scorecard.conditionsTitle", { level: t(`level.${candidate.level}`) }),
          status: undefined,
          rows: candidate.conditions.map((indicator): GridRow => ({ indicator })),
        })),
    ],
    [scorecard, level, t],
  );
  const visible: GridRow[] = groups.flatMap((group) =>
    collapsed.has(group.key) ? [] : group.rows,
  );
  const editableRows = visible.filter((row) => editor.canEdit(row.indicator.code));
  const rowIndex = new Map(editableRows.map((row, index) => [row.indicator.code, index]));

  const toggle = (key: string) =>
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const onPaste = (event: ClipboardEvent<HTMLElement>) => {
    const count = handleGridPaste(
      event,
      { rows: editableRows.length, columns: 1 },
      (row) => cellKind((editableRows[row] as GridRow).indicator),
      (targets) => {
        const patches: Record<string, Draft> = {};
        for (const target of targets) {
          const indicator = (editableRows[target.row] as GridRow).indicator;
          patches[indicator.code] = { input: pastedInput(target, cellKind(indicator)) };
        }
        editor.writeDrafts(patches);
      },
    );
    if (count) void message.info(t("entry.pasted", { count }));
  };

  return (
    <section className="entry-grid-section" aria-labelledby="entry-grid-title">
      <h2 id="entry-grid-title" className="section-title">
        {t("entry.viewGrid")}
      </h2>
      <p className="hint">{t("entry.hint")}</p>
      <div className="entry-grid-scroll">
        <table
          className="entry-grid"
          aria-label={t("entry.gridLabel", { unit: scorecard.unit.name, year })}
          onKeyDown={(event) => handleGridKey(event, editor.save)}
          onPaste={onPaste}
          data-testid="indicator-grid"
        >
          <thead>
            <tr>
              <th scope="col" className="col-code">
                {t("entry.colCode")}
              </th>
              <th scope="col">{t("entry.colIndicator")}</th>
              <th scope="col" className="col-value">
                {t("entry.colValue")}
              </th>
              <th scope="col" className="col-unit">
                {t("entry.colUnit")}
              </th>
              <th scope="col" className="col-threshold">
                {t("entry.colThreshold")}
              </th>
              <th scope="col" className="col-status">
                {t("entry.colStatus")}
              </th>
            </tr>
          </thead>
          {groups.map((group) => {
            const open = !collapsed.has(group.key);
            return (
              <tbody key={group.key} data-testid={`grid-group-${group.key}`}>
                <tr className="grid-group">
                  <th colSpan={6} scope="rowgroup">
                    <button
                      type="button"
                      className="grid-group-toggle"
                      aria-expanded={open}
                      aria-label={t("entry.groupToggle", { code: group.key })}
                      onClick={() => toggle(group.key)}
                    >
                      {open ? <DownOutlined aria-hidden /> : <RightOutlined aria-hidden />}
                      <span>{group.title}</span>
                    </button>
                    {group.status && <StatusTag status={group.status} />}
                  </th>
                </tr>
                {open &&
                  group.rows.map(({ indicator }) => {
                    const code = indicator.code;
                    const result = indicator.byLevel[level];
                    const threshold = result?.threshold;
                    const check = editor.checkOf(indicator);
                    const mark = editor.cellState(code);
                    const draft = editor.drafts[code];
                    const error =
                      !check.ok && (draft?.input !== undefined || editor.showInvalid)
                        ? t(check.error, { limit: formatNumber(check.limit ?? 0, language) })
                        : undefined;
                    const status =
                      mark && check.ok
                        ? localStatus(indicator, check.value, threshold)
                        : (result?.status ?? "missing");
                    const limit = threshold
                      ? thresholdText(threshold, indicator.unit, t, language)
                      : result
                        ? t("indicator.noThreshold")
                        : t("indicator.notApplicable");
                    const row = rowIndex.get(code);
                    return (
                      <tr key={code} className="grid-row" data-testid={`grid-row-${code}`}>
                        <td className="col-code">{code}</td>
                        <th scope="row" className="grid-name">
                          <span id={`grid-name-${code}`}>{indicator.name}</span>
                          <span className="grid-threshold-inline muted">{limit}</span>
                        </th>
                        <td className="col-value">
                          {row === undefined ? (
                            <span className="value-readonly">
                              {indicator.value === null
                                ? t("indicator.empty")
                                : formatValue(indicator.value, undefined, t, language)}
                              <RegistrySource indicatorCode={code} />
                            </span>
                          ) : (
                            <GridCell
                              kind={cellKind(indicator)}
                              value={editor.inputOf(indicator)}
                              row={row}
                              column={0}
                              label={t("indicator.valueOf", { code })}
                              error={error}
                              errorId={`grid-error-${code}`}
                              mark={mark}
                              testId={`grid-input-${code}`}
                              onChange={(input) => editor.updateDraft(code, { input })}
                            />
                          )}
                          {indicator.unit && (
                            <span className="grid-unit-inline muted">{indicator.unit}</span>
                          )}
                        </td>
                        <td className="col-unit">{indicator.unit ?? ""}</td>
                        <td className="col-threshold">
                          {limit}
                          {threshold?.status === "unverified" && (
                            <UnverifiedBadge note={threshold.note} />
                          )}
                        </td>
                        <td className="col-status" data-testid={`grid-status-${code}`}>
                          <StatusTag status={status} />
                          {mark && (
                            <span className={`grid-mark grid-mark-${mark}`}>
                              {t(
                                mark === "draft"
                                  ? "entry.cellDraft"
                                  : mark === "pending"
                                    ? "entry.cellPending"
                                    : "entry.cellConflict",
                              )}
                            </span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            );
          })}
        </table>
      </div>
    </section>
  );
}

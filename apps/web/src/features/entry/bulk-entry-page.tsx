import { SaveOutlined } from "@ant-design/icons";
import type {
  EntrySheetIndicator,
  EntrySheetResponse,
  EntrySheetSaveResponse,
} from "@ntm/contracts";
import { matchesSearch } from "@ntm/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Select, Typography } from "antd";
import { useEffect, useMemo, useState, type ClipboardEvent } from "react";
import { Link, Navigate, useParams, useSearchParams } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { StatusIcon } from "../../components/status-tag.tsx";
import { errorMessage } from "../../lib/api-client.ts";
import { formatNumber, numberToInput } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useYear } from "../../lib/year-context.tsx";
import { useCurrentUser } from "../auth/index.ts";
import { deviceDb, draftKey } from "../offline/index.ts";
import { registrySourceText } from "../scorecard/index.ts";
import { checkInput } from "./check-input.ts";
import { entrySheetQueryKey, fetchEntrySheet, saveEntrySheet } from "./entry-api.ts";
import { GridCell } from "./grid-cell.tsx";
import { handleGridKey } from "./grid-keys.ts";
import { handleGridPaste, pastedInput } from "./grid-paste.ts";
import { localStatus } from "./local-status.ts";

type Input = string | boolean | null;
const cellKey = (unitCode: string, indicatorCode: string) => `${unitCode}|${indicatorCode}`;
const kindOf = (indicator: EntrySheetIndicator) =>
  indicator.kind === "boolean" ? ("boolean" as const) : ("number" as const);

function inputOfValue(value: number | boolean | null): Input {
  return typeof value === "number" ? numberToInput(value) : value;
}

/** /entry and /entry/:code: one or a few indicators over the communes of a district or province. */
export function BulkEntryPage() {
  const { code: param } = useParams();
  const me = useCurrentUser().data;
  const { year } = useYear();
  const [search, setSearch] = useSearchParams();
  if (!me) return null;
  if (!param && (me.unitLevel === "commune" || me.unitLevel === "village")) {
    return <Navigate to={`/units/${encodeURIComponent(me.unitCode)}?view=grid`} replace />;
  }
  const code = param ?? me.unitCode;
  const indicators = (search.get("i") ?? "").split(",").filter(Boolean);
  const choose = (codes: string[]) =>
    setSearch(
      (previous) => {
        const params = new URLSearchParams(previous);
        if (codes.length > 0) params.set("i", codes.join(","));
        else params.delete("i");
        return params;
      },
      { replace: true },
    );
  return (
    <BulkSheet
      key={`${code}/${year}/${indicators.join(",")}`}
      code={code}
      year={year}
      user={me.username}
      indicators={indicators}
      onChoose={choose}
    />
  );
}

interface BulkSheetProps {
  code: string;
  year: number;
  user: string;
  indicators: string[];
  onChoose: (codes: string[]) => void;
}

function BulkSheet({ code, year, user, indicators, onChoose }: BulkSheetProps) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const queryKey = entrySheetQueryKey(code, year, indicators);
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => fetchEntrySheet(code, year, indicators, signal),
  });
  const [drafts, setDrafts] = useState<Record<string, Input>>({});
  const [showInvalid, setShowInvalid] = useState(false);
  const [results, setResults] = useState<EntrySheetSaveResponse | null>(null);
  const sheet = query.data;

  // Drafts typed earlier on this device come back, here or on the commune's own page.
  useEffect(() => {
    if (!sheet) return;
    const units = new Set(sheet.rows.map((row) => row.unitCode));
    void deviceDb.drafts
      .where("user")
      .equals(user)
      .filter(
        (row) =>
          row.year === year &&
          units.has(row.unitCode) &&
          indicators.includes(row.indicatorCode) &&
          row.input !== undefined,
      )
      .toArray()
      .then((rows) =>
        setDrafts((local) => ({
          ...Object.fromEntries(
            rows.map((row) => [cellKey(row.unitCode, row.indicatorCode), row.input ?? null]),
          ),
          ...local,
        })),
      )
      .catch(() => undefined);
    // Loaded once per sheet.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sheet === undefined]);

  const chosen = useMemo(
    () =>
      indicators
        .map((indicatorCode) => sheet?.catalog.find((item) => item.code === indicatorCode))
        .filter((item): item is EntrySheetIndicator => item !== undefined),
    [sheet, indicators],
  );

  const write = (patches: Record<string, Input>) => {
    setDrafts((previous) => ({ ...previous, ...patches }));
    setResults(null);
    for (const [key, input] of Object.entries(patches)) {
      const [unitCode = "", indicatorCode = ""] = key.split("|");
      const base = sheet?.rows.find((row) => row.unitCode === unitCode)?.cells[indicatorCode];
      void deviceDb.drafts
        .put({
          key: draftKey({ user, unitCode, year }, indicatorCode),
          user,
          unitCode,
          year,
          indicatorCode,
          input,
          base: base?.value ?? null,
          updatedAt: Date.now(),
        })
        .catch(() => undefined);
    }
  };

  const changes = useMemo(() => {
    const byUnit = new Map<string, { indicatorCode: string; value: number | boolean | null }[]>();
    let invalid = 0;
    for (const row of sheet?.rows ?? []) {
      for (const indicator of chosen) {
        const input = drafts[cellKey(row.unitCode, indicator.code)];
        if (input === undefined || !row.writable.includes(indicator.code)) continue;
        const check = checkInput(indicator, input);
        if (!check.ok) {
          invalid += 1;
          continue;
        }
        if (check.value === (row.cells[indicator.code]?.value ?? null)) continue;
        const list = byUnit.get(row.unitCode) ?? [];
        list.push({ indicatorCode: indicator.code, value: check.value });
        byUnit.set(row.unitCode, list);
      }
    }
    return { byUnit, invalid };
  }, [sheet, chosen, drafts]);

  const mutation = useMutation({
    mutationFn: () =>
      saveEntrySheet(year, {
        rows: [...changes.byUnit].map(([unitCode, values]) => ({
          unitCode,
          version: sheet?.rows.find((row) => row.unitCode === unitCode)?.version ?? 0,
          values,
        })),
      }),
    onSuccess: async (response) => {
      setResults(response);
      const savedUnits = new Set(response.rows.filter((row) => row.ok).map((row) => row.unitCode));
      const done = Object.keys(drafts).filter((key) => savedUnits.has(key.split("|")[0] ?? ""));
      setDrafts((previous) => {
        const next = { ...previous };
        for (const key of done) delete next[key];
        return next;
      });
      await deviceDb.drafts.bulkDelete(
        done.map((key) => {
          const [unitCode = "", indicatorCode = ""] = key.split("|");
          return draftKey({ user, unitCode, year }, indicatorCode);
        }),
      );
      await queryClient.invalidateQueries({ queryKey });
      void queryClient.invalidateQueries({ queryKey: ["scorecard"] });
      void queryClient.invalidateQueries({ queryKey: ["summary"] });
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  const save = () => {
    if (changes.invalid > 0) {
      setShowInvalid(true);
      void message.error(t("entry.fixErrors"));
      return;
    }
    if (changes.byUnit.size > 0 && !mutation.isPending) mutation.mutate();
  };

  if (!sheet) {
    if (query.isError)
      return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    return <PageLoading />;
  }

  const onPaste = (event: ClipboardEvent<HTMLElement>) => {
    const count = handleGridPaste(
      event,
      { rows: sheet.rows.length, columns: chosen.length },
      (_row, column) => kindOf(chosen[column] as EntrySheetIndicator),
      (targets) => {
        const patches: Record<string, Input> = {};
        for (const target of targets) {
          const row = sheet.rows[target.row];
          const indicator = chosen[target.column];
          if (!row || !indicator || !row.writable.includes(indicator.code)) continue;
          patches[cellKey(row.unitCode, indicator.code)] = pastedInput(target, kindOf(indicator));
        }
        write(patches);
      },
    );
    if (count) void message.info(t("entry.pasted", { count }));
  };

  const resultOf = (unitCode: string) => results?.rows.find((row) => row.unitCode === unitCode);

  return (
    <div className="page bulk-entry-page" data-testid="bulk-page">
      <Typography.Title level={1} className="page-title">
        {t("entry.bulkTitle")} – {sheet.unit.name}
      </Typography.Title>
      <p className="page-meta">
        {sheet.set?.name ?? ""} · {t("header.year")} {year}
      </p>
      <p className="hint">{t("entry.bulkIntro")}</p>
      <div className="bulk-controls">
        <label className="bulk-picker">
          <span className="level-switch-label">{t("entry.pickIndicators")}</span>
          <Select
            mode="multiple"
            className="bulk-picker-select"
            style={{ width: "100%" }}
            value={indicators}
            maxCount={10}
            placeholder={t("entry.pickPlaceholder")}
            onChange={onChoose}
            showSearch={{
              filterOption: (input, option) => matchesSearch(String(option?.label ?? ""), input),
            }}
            options={sheet.catalog
              .filter((item) => item.writable)
              .map((item) => ({ value: item.code, label: `${item.code} ${item.name}` }))}
            data-testid="bulk-picker"
          />
        </label>
      </div>
      {chosen.length === 0 ? (
        <Alert type="info" showIcon title={t("entry.pickFirst")} />
      ) : sheet.rows.length === 0 ? (
        <Alert type="info" showIcon title={t("entry.noCommunes")} />
      ) : (
        <>
          <p className="hint">{t("entry.hint")}</p>
          <div className="entry-grid-scroll">
            <table
              className="entry-grid bulk-grid"
              aria-label={t("entry.bulkGridLabel", { year })}
              onKeyDown={(event) => handleGridKey(event, save)}
              onPaste={onPaste}
              data-testid="bulk-grid"
            >
              <thead>
                <tr>
                  <th scope="col">{t("entry.colCommune")}</th>
                  <th scope="col" className="col-unit">
                    {t("entry.colDistrict")}
                  </th>
                  {chosen.map((indicator) => (
                    <th scope="col" key={indicator.code} className="col-value">
                      {indicator.code} {indicator.name}
                      {indicator.unit ? ` (${indicator.unit})` : ""}
                    </th>
                  ))}
                  <th scope="col">{t("entry.colStatus")}</th>
                </tr>
              </thead>
              <tbody>
                {sheet.rows.map((row, rowIndex) => {
                  const result = resultOf(row.unitCode);
                  return (
                    <tr
                      key={row.unitCode}
                      className="grid-row"
                      data-testid={`bulk-row-${row.unitCode}`}
                    >
                      <th scope="row" className="grid-name">
                        <Link to={`/units/${encodeURIComponent(row.unitCode)}?view=grid`}>
                          {row.unitName}
                        </Link>
                      </th>
                      <td className="col-unit">{row.parentName ?? ""}</td>
                      {chosen.map((indicator, column) => (
                        <BulkCell
                          key={indicator.code}
                          row={row}
                          rowIndex={rowIndex}
                          column={column}
                          indicator={indicator}
                          input={drafts[cellKey(row.unitCode, indicator.code)]}
                          showInvalid={showInvalid}
                          onChange={(input) =>
                            write({ [cellKey(row.unitCode, indicator.code)]: input })
                          }
                        />
                      ))}
                      <td className="col-status">
                        {result && (
                          <span
                            className="bulk-row-result"
                            data-ok={result.ok}
                            data-testid={`bulk-result-${row.unitCode}`}
                          >
                            {result.ok ? (
                              // The commune's scorecard shows what the save changed.
                              <Link
                                to={`/units/${encodeURIComponent(row.unitCode)}`}
                                data-testid={`bulk-scorecard-${row.unitCode}`}
                              >
                                {t("entry.rowSaved")} ·{" "}
                                {t("scorecard.criteriaMet", {
                                  met: result.criteriaMet,
                                  total: result.criteriaTotal,
                                })}
                              </Link>
                            ) : result.code === "VERSION_CONFLICT" ? (
                              t("entry.rowConflict")
                            ) : (
                              `${t("entry.rowFailed")}: ${result.message}`
                            )}
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="save-bar" role="region" aria-label={t("entry.saveRows")}>
        {results && (
          <Alert
            type={results.failed > 0 ? "warning" : "success"}
            showIcon
            title={t("entry.bulkResult", {
              saved: results.saved,
              total: results.saved + results.failed,
            })}
            data-testid="bulk-summary"
          />
        )}
        <div className="save-bar-row">
          <span className="save-status" data-testid="bulk-status" data-count={changes.byUnit.size}>
            {changes.byUnit.size > 0
              ? t("entry.changedRows", { count: formatNumber(changes.byUnit.size, language) })
              : t("entry.noChangedRows")}
          </span>
          <span className="save-bar-actions">
            <Button
              type="primary"
              icon={<SaveOutlined aria-hidden />}
              loading={mutation.isPending}
              disabled={changes.byUnit.size === 0 && changes.invalid === 0}
              onClick={save}
              data-testid="bulk-save"
            >
              {t("entry.saveRows")}
            </Button>
          </span>
        </div>
      </div>
    </div>
  );
}

interface BulkCellProps {
  row: EntrySheetResponse["rows"][number];
  rowIndex: number;
  column: number;
  indicator: EntrySheetIndicator;
  input: Input | undefined;
  showInvalid: boolean;
  onChange: (input: Input) => void;
}

function BulkCell({
  row,
  rowIndex,
  column,
  indicator,
  input,
  showInvalid,
  onChange,
}: BulkCellProps) {
  const { t, language } = useI18n();
  const cell = row.cells[indicator.code];
  const shown = input !== undefined ? input : inputOfValue(cell?.value ?? null);
  const check = checkInput(indicator, shown);
  const changed = input !== undefined && (!check.ok || check.value !== (cell?.value ?? null));
  const status =
    changed && check.ok
      ? localStatus(indicator, check.value, cell?.threshold)
      : (cell?.status ?? "missing");
  const error =
    !check.ok && (input !== undefined || showInvalid)
      ? t(check.error, { limit: formatNumber(check.limit ?? 0, language) })
      : undefined;
  const testId = `bulk-input-${row.unitCode}-${indicator.code}`;
  // A value a registry gives is read-only in every commune: said as the scorecard says it.
  const source = row.sourced?.[indicator.code];
  const sourceId = `bulk-source-${row.unitCode}-${indicator.code}`;
  return (
    <td className="col-value">
      <span className="bulk-cell">
        {row.writable.includes(indicator.code) ? (
          <GridCell
            kind={kindOf(indicator)}
            value={shown}
            row={rowIndex}
            column={column}
            label={t("entry.cellOf", { indicator: indicator.code, unit: row.unitName })}
            error={error}
            errorId={`bulk-error-${row.unitCode}-${indicator.code}`}
            mark={changed ? "draft" : null}
            testId={testId}
            onChange={onChange}
          />
        ) : (
          <span
            className="value-readonly"
            data-testid={testId}
            title={source ? registrySourceText(source, t) : t("entry.readOnlyRow")}
            aria-describedby={source ? sourceId : undefined}
          >
            {shown === null || shown === ""
              ? "—"
              : shown === true
                ? t("common.yes")
                : shown === false
                  ? t("common.no")
                  : shown}
          </span>
        )}
        {source && (
          <span id={sourceId} className="visually-hidden">
            {registrySourceText(source, t)}
          </span>
        )}
        <span role="img" aria-label={t(`status.${status}`)} title={t(`status.${status}`)}>
          <StatusIcon status={status} />
        </span>
      </span>
    </td>
  );
}

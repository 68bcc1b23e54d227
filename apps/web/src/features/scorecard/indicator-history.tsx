import { useQuery } from "@tanstack/react-query";
import { Spin } from "antd";
import { ErrorState } from "../../components/error-state.tsx";
import { formatDateTime, formatNumber } from "../../lib/format.ts";
import type { Language } from "../../lib/i18n/dictionary.ts";
import { useI18n, type Translate } from "../../lib/i18n/i18n-context.tsx";
import { fetchHistory, historyQueryKey } from "./scorecard-api.ts";
import { useScorecardContext } from "./scorecard-context.tsx";

/** Audit entries store whatever was written: a bare value or an object holding it. */
function auditValue(raw: unknown, t: Translate, language: Language): string {
  const value =
    typeof raw === "object" && raw !== null && "value" in raw
      ? (raw as { value: unknown }).value
      : raw;
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
  if (typeof value === "number") return formatNumber(value, language);
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function auditNote(raw: unknown): string | null {
  if (typeof raw !== "object" || raw === null || !("note" in raw)) return null;
  const note = (raw as { note: unknown }).note;
  return typeof note === "string" && note ? note : null;
}

export function IndicatorHistory({ indicatorCode }: { indicatorCode: string }) {
  const { t, language } = useI18n();
  const { code, year } = useScorecardContext();
  const history = useQuery({
    queryKey: historyQueryKey(code, year, indicatorCode),
    queryFn: ({ signal }) => fetchHistory(code, year, indicatorCode, signal),
  });

  if (history.isError) {
    return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  }
  if (!history.data) return <Spin size="small" />;
  if (history.data.entries.length === 0) {
    return <p className="muted">{t("indicator.noHistory")}</p>;
  }
  return (
    <ol className="history-list" data-testid={`history-${indicatorCode}`}>
      {history.data.entries.map((entry) => {
        const note = auditNote(entry.newValue);
        return (
          <li key={entry.id}>
            <span className="history-change">
              {t("history.change", {
                old: auditValue(entry.oldValue, t, language),
                new: auditValue(entry.newValue, t, language),
              })}
            </span>
            <span className="muted">
              {" "}
              · {t("history.by", { who: entry.username, when: formatDateTime(entry.at) })}
            </span>
            {note && <span className="history-note">{note}</span>}
          </li>
        );
      })}
    </ol>
  );
}

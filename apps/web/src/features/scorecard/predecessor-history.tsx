import "./predecessor-history.css";
import {
  predecessorHistoryResponseSchema,
  type PredecessorHistoryDto,
  type PredecessorHistoryResponse,
  type UnitDetail,
} from "@ntm/contracts";
import { useQuery } from "@tanstack/react-query";
import { Card, Tag } from "antd";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { apiPath, apiRequest } from "../../lib/api-client.ts";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import type { MessageKey } from "../../lib/i18n/dictionary.ts";
import { asOfForYear, useYear } from "../../lib/year-context.tsx";

const levelKey = (level: string | null) => (level ? `level.${level}` : "level.none") as MessageKey;

function fetchPredecessorHistory(
  code: string,
  asOf: string,
  signal?: AbortSignal,
): Promise<PredecessorHistoryResponse> {
  return apiRequest(
    apiPath(`/api/units/${encodeURIComponent(code)}/predecessor-history`, { asOf }),
    {
      schema: predecessorHistoryResponseSchema,
      signal,
    },
  );
}

function PredecessorRow({
  predecessor,
  years,
}: {
  predecessor: PredecessorHistoryDto;
  years: number[];
}) {
  const { t } = useI18n();
  const partial = predecessor.kind === "partial";
  return (
    <li className="predecessor" data-testid={`predecessor-${predecessor.code}`}>
      <div className="predecessor-head">
        <strong>{predecessor.name}</strong>
        <span className="predecessor-code">
          {predecessor.code}
          {predecessor.validTo &&
            ` · ${t("predecessors.validUntil", { date: formatDate(predecessor.validTo) })}`}
        </span>
        <Tag
          color={partial ? "orange" : "blue"}
          title={t(partial ? "predecessors.partialHint" : "predecessors.fullHint")}
          data-testid="predecessor-kind"
        >
          {t(partial ? "predecessors.partial" : "predecessors.full")}
        </Tag>
      </div>
      <table className="predecessor-years" aria-label={predecessor.name}>
        <tbody>
          {years.map((year) => {
            const result = predecessor.years.find((row) => row.year === year);
            return (
              <tr key={year}>
                <th scope="row">{year}</th>
                <td>
                  {result ? (
                    <>
                      {t("predecessors.result", {
                        met: result.criteriaMet,
                        total: result.criteriaTotal,
                      })}
                      {" · "}
                      {t(levelKey(result.level))}
                    </>
                  ) : (
                    <span className="predecessor-none">{t("predecessors.noResult")}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="predecessor-recognition">
        <span className="predecessor-label">{t("predecessors.recognition")}: </span>
        {predecessor.recognitions.length === 0
          ? t("predecessors.notRecognised")
          : predecessor.recognitions.map((row, index) => (
              <span key={`${row.decisionNumber}-${row.decisionDate}`}>
                {index > 0 && "; "}
                {t("predecessors.recognised", {
                  level: t(levelKey(row.level)),
                  year: row.year,
                  number: row.decisionNumber,
                  date: formatDate(row.decisionDate),
                })}
                {row.endedOn &&
                  ` (${t("predecessors.recognitionEnded", { date: formatDate(row.endedOn) })})`}
              </span>
            ))}
      </p>
    </li>
  );
}

/**
 * "Lịch sử trước sáp nhập": the 2021–2025 results and recognitions of each unit a unit was formed
 * from, one row each, marked whole or part; shown only for a unit with predecessors.
 */
export function PredecessorHistory({ unit }: { unit: UnitDetail }) {
  const { t } = useI18n();
  const { year } = useYear();
  const asOf = asOfForYear(year);
  const hasPredecessors = unit.predecessors.length > 0;
  const query = useQuery({
    queryKey: ["units", "predecessor-history", unit.code, asOf],
    queryFn: ({ signal }) => fetchPredecessorHistory(unit.code, asOf, signal),
    enabled: hasPredecessors,
    staleTime: 10 * 60_000,
  });
  if (!hasPredecessors) return null;
  if (query.isPending) return <PageLoading />;
  if (query.isError) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const { fromYear, toYear, predecessors } = query.data;
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
  return (
    <Card
      title={<h2 className="predecessor-title">{t("predecessors.title")}</h2>}
      className="predecessor-history"
      data-testid="predecessor-history"
    >
      <p className="hint">{t("predecessors.intro", { from: fromYear, to: toYear })}</p>
      <ul className="predecessor-list">
        {predecessors.map((predecessor) => (
          <PredecessorRow
            key={`${predecessor.code}@${predecessor.validFrom}`}
            predecessor={predecessor}
            years={years}
          />
        ))}
      </ul>
    </Card>
  );
}

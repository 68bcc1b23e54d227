import type { UnitDto } from "@ntm/contracts";
import { matchesSearch } from "@ntm/domain";
import { useQuery } from "@tanstack/react-query";
import { Empty, Spin } from "antd";
import { ErrorState } from "../../components/error-state.tsx";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { fetchUnitList, unitListQueryKey } from "./units-api.ts";

const maxShown = 50;

interface UnitSearchResultsProps {
  query: string;
  asOf: string;
  selectedCode: string | undefined;
  onSelect: (code: string) => void;
}

export function UnitSearchResults({ query, asOf, selectedCode, onSelect }: UnitSearchResultsProps) {
  const { t } = useI18n();
  const params = { q: query, asOf };
  const result = useQuery({
    queryKey: unitListQueryKey(params),
    queryFn: ({ signal }) => fetchUnitList(params, signal),
    staleTime: 5 * 60_000,
  });

  if (result.isError) {
    return <ErrorState error={result.error} onRetry={() => void result.refetch()} />;
  }
  if (!result.data) return <Spin size="small" />;

  // The server searches too; filtering again keeps the rule "ignore diacritics and case" exact.
  const units = result.data.units.filter((unit) =>
    matchesSearch(`${unit.name} ${unit.code}`, query),
  );
  if (units.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("units.noResults")} />;
  }
  return (
    <ul
      className="unit-results"
      aria-label={t("units.searchResults")}
      data-testid="unit-search-results"
    >
      {units.slice(0, maxShown).map((unit) => (
        <li key={unit.code}>
          <UnitResult unit={unit} selected={unit.code === selectedCode} onSelect={onSelect} />
        </li>
      ))}
    </ul>
  );
}

function UnitResult(props: { unit: UnitDto; selected: boolean; onSelect: (code: string) => void }) {
  const { t } = useI18n();
  const { unit, selected, onSelect } = props;
  return (
    <button
      type="button"
      className={selected ? "unit-result unit-result-selected" : "unit-result"}
      aria-current={selected ? "page" : undefined}
      onClick={() => onSelect(unit.code)}
    >
      <span className="unit-result-name">{unit.name}</span>
      <span className="unit-result-meta">
        {t(`unitLevel.${unit.level}`)} · {unit.code}
      </span>
    </button>
  );
}

import { SearchOutlined } from "@ant-design/icons";
import { Input } from "antd";
import { useId, useState } from "react";
import { useMatch, useNavigate } from "react-router";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useDebouncedValue } from "../../lib/use-debounced-value.ts";
import { asOfForYear, useYear } from "../../lib/year-context.tsx";
import { UnitSearchResults } from "./unit-search-results.tsx";
import { UnitTree } from "./unit-tree.tsx";
import { useUnitDetail } from "./use-unit-detail.ts";

/** The hierarchy as a lazily loaded tree, with a search box that ignores diacritics. */
export function UnitPicker({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useI18n();
  const { year } = useYear();
  const asOf = asOfForYear(year);
  const navigate = useNavigate();
  const match = useMatch("/units/:code");
  const selectedCode = match?.params.code;
  const detail = useUnitDetail(selectedCode);
  // Communes are leaves of the picker, so only the levels above them are opened.
  const openPath =
    detail.data?.path
      .filter((step) => step.level !== "commune" && step.level !== "village")
      .map((step) => step.code) ?? [];
  const [search, setSearch] = useState("");
  const query = useDebouncedValue(search.trim(), 300);
  const searchId = useId();

  const select = (code: string) => {
    void navigate(`/units/${encodeURIComponent(code)}`);
    onNavigate?.();
  };

  return (
    <nav className="unit-picker" aria-label={t("units.title")}>
      <label htmlFor={searchId} className="unit-picker-label">
        {t("units.search")}
      </label>
      <Input
        id={searchId}
        allowClear
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        placeholder={t("units.searchPlaceholder")}
        prefix={<SearchOutlined aria-hidden />}
        data-testid="unit-search"
      />
      <div className="unit-picker-body">
        {query ? (
          <UnitSearchResults
            query={query}
            asOf={asOf}
            selectedCode={selectedCode}
            onSelect={select}
          />
        ) : (
          <UnitTree asOf={asOf} selectedCode={selectedCode} openPath={openPath} onSelect={select} />
        )}
      </div>
    </nav>
  );
}

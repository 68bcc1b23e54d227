import { maxSelectedCodes } from "@ntm/contracts";
import { matchesSearch } from "@ntm/domain";
import { ArrowLeftOutlined, DownloadOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Button, Input, Select, Typography } from "antd";
import { useEffect, useId, useMemo, useState } from "react";
import { Link } from "react-router";
import { DemoTag } from "../../components/demo-tag.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useUrlState, useUrlYear } from "../../lib/use-url-state.ts";
import { useCurrentUser } from "../auth/index.ts";
import { communesExportUrl, communesQueryKey, fetchCommunes } from "./communes-api.ts";
import { communesUrlFields, filterOf, type CommunesUrlState } from "./communes-url.ts";
import { CommunesTable } from "./communes-table.tsx";
import { FilterChips } from "./filter-chips.tsx";
import "./communes.css";

/**
 * /communes?unit=…&year=…&level=…: the communes behind a figure of the overview or the dashboard,
 * with every condition, the search, the sort and the page in the URL.
 */
export function CommunesPage() {
  const { t, language } = useI18n();
  const me = useCurrentUser();
  const year = useUrlYear();
  const [state, setState] = useUrlState(communesUrlFields);
  const unit = state.unit || me.data?.unitCode || "";
  const filter = useMemo(() => filterOf(state), [state]);
  const [selected, setSelected] = useState<string[]>([]);
  const searchId = useId();
  const levelId = useId();
  // A figure is often clicked far down a dashboard; the list starts at its top.
  useEffect(() => window.scrollTo(0, 0), []);
  const query = useQuery({
    queryKey: communesQueryKey(unit, year, filter),
    queryFn: ({ signal }) => fetchCommunes(unit, year, filter, signal),
    enabled: unit !== "",
    placeholderData: keepPreviousData,
  });
  const list = query.data;
  const rows = useMemo(
    () =>
      (list?.rows ?? []).filter(
        (row) => !state.q.trim() || matchesSearch(`${row.name} ${row.parentName ?? ""}`, state.q),
      ),
    [list, state.q],
  );
  const shown = new Set(rows.map((row) => row.code));
  const chosen = selected.filter((code) => shown.has(code));
  const update = (patch: Partial<CommunesUrlState>) => setState(patch);

  if (query.isError && !list) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!list) return <PageLoading />;
  const allCodes = state.q.trim() && rows.length <= maxSelectedCodes ? rows.map((r) => r.code) : [];
  return (
    <div className="page communes-page" data-testid="communes-page">
      <Link to={`/units/${encodeURIComponent(list.unit.code)}`} className="communes-back">
        <ArrowLeftOutlined aria-hidden /> {list.unit.name}
      </Link>
      <div className="title-row">
        <Typography.Title level={1} className="page-title">
          {t("lists.titleOf", { unit: list.unit.name })}
        </Typography.Title>
        {list.demo && <DemoTag />}
      </div>
      <p className="page-meta">
        {t("lists.meta", {
          year: list.year,
          shown: formatNumber(rows.length, language),
          total: formatNumber(list.communes, language),
        })}
      </p>
      <FilterChips state={state} list={list} onRemove={update} />
      <div className="communes-controls">
        <div className="inline-field">
          <label htmlFor={levelId}>{t("lists.levelChoice")}</label>
          <Select
            id={levelId}
            value={state.level ?? ""}
            onChange={(value) =>
              update({ level: value === "" ? null : (value as CommunesUrlState["level"]), page: 1 })
            }
            options={[
              { value: "", label: t("lists.levelAny") },
              ...list.levels.map((level) => ({
                value: level.code,
                label: t(`level.${level.code}`),
              })),
              { value: "none", label: t("level.none") },
            ]}
            style={{ minWidth: 160 }}
            data-testid="communes-level"
          />
        </div>
        <div className="inline-field inline-field-grow">
          <label htmlFor={searchId}>{t("lists.search")}</label>
          <Input
            id={searchId}
            allowClear
            value={state.q}
            onChange={(event) => setState({ q: event.target.value, page: 1 }, { replace: true })}
            placeholder={t("lists.searchPlaceholder")}
            data-testid="communes-search"
          />
        </div>
      </div>
      <div className="communes-actions" data-testid="communes-actions">
        <span className="communes-count" data-testid="communes-count" data-value={rows.length}>
          {t("lists.count", { count: formatNumber(rows.length, language) })}
        </span>
        {chosen.length > 0 && (
          <span data-testid="communes-selected" data-value={chosen.length}>
            {t("lists.selected", { count: formatNumber(chosen.length, language) })}{" "}
            <Button type="link" onClick={() => setSelected([])}>
              {t("lists.clearSelection")}
            </Button>
          </span>
        )}
        <Button
          type="primary"
          icon={<DownloadOutlined aria-hidden />}
          disabled={chosen.length === 0 || chosen.length > maxSelectedCodes}
          href={
            chosen.length > 0 && chosen.length <= maxSelectedCodes
              ? communesExportUrl(list.unit.code, year, filter, chosen)
              : undefined
          }
          data-testid="communes-export-selected"
        >
          {t("lists.exportSelected")}
        </Button>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          href={communesExportUrl(
            list.unit.code,
            year,
            filter,
            allCodes.length > 0 ? allCodes : undefined,
          )}
          disabled={rows.length === 0}
          data-testid="communes-export-all"
        >
          {t("lists.exportAll")}
        </Button>
      </div>
      {chosen.length > maxSelectedCodes && (
        <Alert type="warning" showIcon title={t("lists.tooMany", { max: maxSelectedCodes })} />
      )}
      <CommunesTable
        list={list}
        rows={rows}
        state={state}
        selected={selected}
        onSelect={setSelected}
        onChange={update}
        loading={query.isFetching}
      />
    </div>
  );
}

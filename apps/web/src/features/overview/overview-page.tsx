import type { UnitDetail } from "@ntm/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Breadcrumb, Typography } from "antd";
import { useEffect } from "react";
import { Link, useLocation } from "react-router";
import { DemoTag } from "../../components/demo-tag.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useDebouncedValue } from "../../lib/use-debounced-value.ts";
import { useUrlState, useUrlYear } from "../../lib/use-url-state.ts";
import { BelowTable } from "./below-table.tsx";
import { BigNumbers } from "./big-numbers.tsx";
import { CommunesTable } from "./communes-table.tsx";
import { FirstFigures, forgetFigures, useFirstFigures } from "./first-figures.tsx";
import { HistogramSection } from "./histogram-section.tsx";
import { fetchSummary, summaryQueryKey } from "./overview-api.ts";
import { overviewUrlFields } from "./overview-url.ts";
import "./overview.css";

/**
 * A province or district: figures, histogram, lagging communes and the full list. The year, the
 * threshold, the bar chosen, the search and the sort are in the URL; every figure opens the
 * communes behind it.
 */
export function OverviewPage({ code, unit }: { code: string; unit: UnitDetail }) {
  const { t } = useI18n();
  const year = useUrlYear();
  const [view, setView] = useUrlState(overviewUrlFields);
  const below = view.below;
  const belowQueried = useDebouncedValue(below, 400);
  const summary = useQuery({
    queryKey: summaryQueryKey(code, year, belowQueried),
    queryFn: ({ signal }) => fetchSummary(code, year, belowQueried, signal),
    placeholderData: keepPreviousData,
  });
  const ancestors = unit.path.filter((step) => step.code !== unit.code);
  const data = summary.data?.year === year ? summary.data : undefined;
  const first = useFirstFigures(useLocation().pathname);
  useEffect(() => {
    if (data) forgetFigures();
  }, [data]);
  if (!data && !summary.isError && first?.year === year) return <FirstFigures figures={first} />;

  return (
    <div className="page overview-page" data-testid="overview-page">
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
        <Typography.Title level={1} className="page-title">
          {unit.name}
        </Typography.Title>
        {data?.demo && <DemoTag />}
      </div>
      <p className="page-meta">
        {t(`unitLevel.${unit.level}`)} · {t("header.year")} {year}
        {data?.set ? ` · ${data.set.name}` : ""}
      </p>
      {!data && summary.isError && (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      )}
      {!data && !summary.isError && <PageLoading />}
      {data && (
        <>
          {!data.set && <Alert type="info" showIcon title={t("overview.noSet", { year })} />}
          <BigNumbers summary={data} />
          <HistogramSection
            bins={data.byCriteriaMet}
            selected={view.criteria}
            onSelect={(criteria) => setView({ criteria })}
          />
          <BelowTable
            summary={data}
            threshold={below}
            onThresholdChange={(value) => setView({ below: value }, { replace: true })}
            loading={summary.isFetching && belowQueried !== data.below.threshold}
          />
          <CommunesTable
            summary={data}
            view={view}
            onChange={(patch, options) => setView(patch, options)}
          />
        </>
      )}
    </div>
  );
}

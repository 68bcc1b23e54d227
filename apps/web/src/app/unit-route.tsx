import { lazy, Suspense } from "react";
import { useLocation, useParams } from "react-router";
import { ErrorState } from "../components/error-state.tsx";
import { PageLoading } from "../components/page-loading.tsx";
import { FirstHeadline, useFirstHeadline } from "../features/scorecard/first-headline.tsx";
import { useUnitDetail } from "../features/units/index.ts";

const ScorecardPage = lazy(() =>
  import("../features/scorecard/scorecard-page.tsx").then((module) => ({
    default: module.ScorecardPage,
  })),
);
const OverviewPage = lazy(() =>
  import("../features/overview/overview-page.tsx").then((module) => ({
    default: module.OverviewPage,
  })),
);

/** /units/:code: the scorecard for a commune, the overview for a province or district. */
export function UnitRoute() {
  const { code = "" } = useParams();
  const detail = useUnitDetail(code);
  const headline = useFirstHeadline(useLocation().pathname);
  if (detail.isError) {
    return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  if (!detail.data || detail.data.code !== code) {
    return headline ? <FirstHeadline headline={headline} /> : <PageLoading />;
  }
  if (detail.data.level === "commune" || detail.data.level === "village") {
    return (
      <Suspense fallback={headline ? <FirstHeadline headline={headline} /> : <PageLoading />}>
        <ScorecardPage key={code} code={code} />
      </Suspense>
    );
  }
  return <OverviewPage key={code} code={code} unit={detail.data} />;
}

import { lazy, Suspense } from "react";
import { useParams } from "react-router";
import { ErrorState } from "../components/error-state.tsx";
import { useUnitDetail } from "../features/units/index.ts";
import { FirstViewOrLoading } from "./first-view-or-loading.tsx";

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
  if (detail.isError) {
    return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  if (!detail.data || detail.data.code !== code) return <FirstViewOrLoading />;
  return (
    <Suspense fallback={<FirstViewOrLoading />}>
      {detail.data.level === "commune" || detail.data.level === "village" ? (
        <ScorecardPage key={code} code={code} />
      ) : (
        <OverviewPage key={code} code={code} unit={detail.data} />
      )}
    </Suspense>
  );
}

import { DownloadOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Typography } from "antd";
import { useParams } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useYear } from "../../lib/year-context.tsx";
import { HeatMap } from "./heat-map.tsx";
import { LevelsByYear } from "./levels-by-year.tsx";
import { dashboardQueryKey, fetchDashboard, targetsExportUrl } from "./targets-api.ts";
import { TargetsPanel } from "./targets-panel.tsx";
import "./targets.css";

/** /targets/:code — targets with their status, communes by level over the years, heat map. */
export function TargetsPage() {
  const { code = "" } = useParams();
  const { t } = useI18n();
  const { year } = useYear();
  const query = useQuery({
    queryKey: dashboardQueryKey(code, year),
    queryFn: ({ signal }) => fetchDashboard(code, year, signal),
    placeholderData: keepPreviousData,
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  if (!data) return <PageLoading />;
  return (
    <div className="page targets-page" data-testid="targets-page">
      <div className="title-row">
        <Typography.Title level={1} className="page-title">
          {t("targets.title")}: {data.unit.name}
        </Typography.Title>
        <Button icon={<DownloadOutlined />} href={targetsExportUrl(data.unit.code, data.year)}>
          {t("targets.export")}
        </Button>
      </div>
      <p className="page-meta">{t("targets.yearOfData", { year: data.year })}</p>
      <section className="section">
        <h2>{t("targets.panel")}</h2>
        <TargetsPanel targets={data.targets} />
      </section>
      <LevelsByYear data={data} />
      <HeatMap data={data} />
    </div>
  );
}

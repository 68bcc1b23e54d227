import {
  AuditOutlined,
  DownOutlined,
  DownloadOutlined,
  FundOutlined,
  HistoryOutlined,
} from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Dropdown, Spin, Typography } from "antd";
import { lazy, Suspense, useEffect } from "react";
import { Link, useLocation, useParams } from "react-router";
import { DemoTag } from "../../components/demo-tag.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { PrintButton } from "../../components/print/print-button.tsx";
import { PrintHeader } from "../../components/print/print-header.tsx";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useUrlYear } from "../../lib/use-url-state.ts";
import { useCurrentUser } from "../auth/index.ts";
import { dashboardLinks } from "./dashboard-links.ts";
import { FirstTargets, forgetTargets, keepTargets, useFirstTargets } from "./first-targets.tsx";
import { HeatMap } from "./heat-map.tsx";
import { LevelsByYear } from "./levels-by-year.tsx";
import {
  dashboardExportUrl,
  dashboardQueryKey,
  fetchDashboard,
  targetsExportUrl,
} from "./targets-api.ts";
import { TargetsPanel } from "./targets-panel.tsx";
import "./targets.css";

const linkIcons = {
  compare: <HistoryOutlined />,
  rollup: <FundOutlined />,
  departments: <AuditOutlined />,
};

// ECharts' map module is large; it loads only when a dashboard is opened.
const UnitMap = lazy(() =>
  import("./unit-map.tsx").then((module) => ({ default: module.UnitMap })),
);

/** /targets/:code — targets with their status, the map, communes by level over the years, heat map. */
/** On a phone the two exports are one button with a menu: the targets come up a row. */
function ExportMenu({ unit, year }: { unit: string; year: number }) {
  const { t } = useI18n();
  const items = [
    { key: "targets", href: targetsExportUrl(unit, year), label: t("targets.exportMenu.targets") },
    {
      key: "dashboard",
      href: dashboardExportUrl(unit, year),
      label: t("targets.exportMenu.dashboard"),
    },
  ];
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: items.map((item) => ({
          key: item.key,
          label: (
            <a href={item.href} data-testid={`export-menu-${item.key}`}>
              {item.label}
            </a>
          ),
        })),
      }}
    >
      <Button
        icon={<DownloadOutlined />}
        className="targets-export-narrow"
        data-testid="export-menu"
      >
        {t("targets.export")} <DownOutlined />
      </Button>
    </Dropdown>
  );
}

export function TargetsPage() {
  const { code = "" } = useParams();
  const { t } = useI18n();
  const year = useUrlYear();
  const query = useQuery({
    queryKey: dashboardQueryKey(code, year),
    queryFn: ({ signal }) => fetchDashboard(code, year, signal),
    placeholderData: keepPreviousData,
  });
  const { pathname } = useLocation();
  const first = useFirstTargets(pathname);
  const account = useCurrentUser().data?.id;
  useEffect(() => {
    if (!query.data) return;
    forgetTargets();
    // Kept for a reload of this page (the previous year's answer shown meanwhile is not).
    if (account !== undefined && !query.isPlaceholderData) {
      keepTargets(account, pathname, year, query.data);
    }
  }, [query.data, query.isPlaceholderData, account, pathname, year]);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  if (!data) return first ? <FirstTargets figures={first} /> : <PageLoading />;
  const demo = [...data.targets, ...data.fromAbove].some((item) => item.target.demo);
  return (
    <div className="page targets-page" data-testid="targets-page">
      <PrintHeader title={t("print.targets")} unit={data.unit.name} year={data.year} demo={demo} />
      <div className="title-row">
        <Typography.Title level={1} className="page-title">
          {t("targets.title")}: {data.unit.name}
        </Typography.Title>
        {demo && <DemoTag />}
        <PrintButton />
      </div>
      <div className="targets-actions">
        <Button
          icon={<DownloadOutlined />}
          href={targetsExportUrl(data.unit.code, data.year)}
          className="targets-export-wide"
        >
          {t("targets.export")}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          href={dashboardExportUrl(data.unit.code, data.year)}
          className="targets-export-wide"
          data-testid="dashboard-export"
        >
          {t("targets.exportDashboard")}
        </Button>
        <ExportMenu unit={data.unit.code} year={data.year} />
        {dashboardLinks(data.unit, data.year, t).map((link) => (
          <Link key={link.kind} to={link.to} data-testid={link.testId}>
            {linkIcons[link.kind]} {link.label}
          </Link>
        ))}
      </div>
      <p className="page-meta">{t("targets.yearOfData", { year: data.year })}</p>
      <section className="section">
        <h2>{t("targets.panel")}</h2>
        <TargetsPanel
          targets={data.targets}
          fromAbove={data.fromAbove}
          unit={data.unit}
          year={data.year}
        />
      </section>
      <Suspense fallback={<Spin />}>
        <UnitMap code={data.unit.code} year={data.year} />
      </Suspense>
      <LevelsByYear data={data} />
      <HeatMap data={data} />
    </div>
  );
}

import "./reports.css";
import { Tabs, Typography } from "antd";
import { useNavigate, useParams } from "react-router";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useCurrentUser } from "../auth/index.ts";
import { ImportPanel } from "./import-panel.tsx";
import { ObstaclesPanel } from "./obstacles-panel.tsx";
import { OpenPeriodsButton } from "./open-periods-button.tsx";
import { RatesPanel } from "./rates-panel.tsx";
import { ReportsPanel } from "./reports-panel.tsx";

const tabs = ["list", "rates", "import", "obstacles"] as const;
type Tab = (typeof tabs)[number];

/** Periodic reports, the reporting-rate board, Excel import/export and obstacles. */
export function ReportsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { tab } = useParams();
  const user = useCurrentUser().data;
  const current: Tab = tabs.includes(tab as Tab) ? (tab as Tab) : "list";
  const receiver = user?.role === "province_admin" || user?.role === "coordination_office";
  const items = [
    { key: "list", label: t("reports.tabs.mine"), children: <ReportsPanel /> },
    ...(receiver
      ? [{ key: "rates", label: t("reports.tabs.rates"), children: <RatesPanel /> }]
      : []),
    { key: "import", label: t("reports.tabs.import"), children: <ImportPanel /> },
    { key: "obstacles", label: t("reports.tabs.obstacles"), children: <ObstaclesPanel /> },
  ];
  return (
    <div data-testid="reports-page">
      <Typography.Title level={1} className="page-title print-hidden">
        {t("reports.nav")}
      </Typography.Title>
      {user?.permissions["report.period.open"] && (
        <div className="print-hidden">
          <OpenPeriodsButton />
        </div>
      )}
      <Tabs
        activeKey={current}
        destroyOnHidden
        onChange={(key) => void navigate(key === "list" ? "/reports" : `/reports/${key}`)}
        items={items}
      />
    </div>
  );
}

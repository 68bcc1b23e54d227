import { Drawer, Grid, Layout } from "antd";
import { lazy, Suspense, useState } from "react";
import { Outlet } from "react-router";
import { PageLoading } from "../../components/page-loading.tsx";
import { OfflineBanner } from "../../features/offline/offline-banner.tsx";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { AppHeader } from "./app-header.tsx";
import { SectionNav } from "./section-nav.tsx";

// The unit tree is not what a page shows first: it loads beside the page, not before it.
const UnitPicker = lazy(() =>
  import("../../features/units/unit-picker.tsx").then((module) => ({
    default: module.UnitPicker,
  })),
);

/** Header, unit picker (a side panel on wide screens, a drawer on phones) and the page. */
export function AppLayout() {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg === true;
  const [pickerOpen, setPickerOpen] = useState(false);

  return (
    <Layout className="app-shell">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <AppHeader showPickerButton={!wide} onOpenPicker={() => setPickerOpen(true)} />
      <SectionNav />
      <OfflineBanner />
      <Layout className="app-body">
        {wide && (
          <Layout.Sider width={300} theme="light" className="app-sider">
            <Suspense fallback={null}>
              <UnitPicker />
            </Suspense>
          </Layout.Sider>
        )}
        <Layout.Content id="main" className="app-content" tabIndex={-1}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {!wide && (
        <Drawer
          placement="left"
          open={pickerOpen}
          onClose={() => setPickerOpen(false)}
          title={t("units.title")}
          size={Math.min(340, window.innerWidth - 24)}
          className="unit-drawer"
        >
          <Suspense fallback={null}>
            <UnitPicker onNavigate={() => setPickerOpen(false)} />
          </Suspense>
        </Drawer>
      )}
    </Layout>
  );
}

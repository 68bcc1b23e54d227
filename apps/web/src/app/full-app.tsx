import { App as AntApp, ConfigProvider } from "antd";
import dayjs from "dayjs";
import "dayjs/locale/vi";
import { useEffect } from "react";
import { useI18n } from "../lib/i18n/i18n-context.tsx";
import { antdLocale } from "./antd-locale.ts";
import { AppRouter } from "./router.tsx";
import { useKeyboardScrollRegions } from "./scroll-regions.ts";
import "../components/print/print.css";
import { phoneTheme, theme } from "./theme.ts";
import { usePhone } from "./use-phone.ts";

/** The pages behind the login with the component library, loaded once a session is known. */
export function FullApp() {
  const { language, t } = useI18n();
  const phone = usePhone();
  useEffect(() => {
    dayjs.locale(language === "vi" ? "vi" : "en");
  }, [language]);
  useKeyboardScrollRegions((name) =>
    name ? t("a11y.scrollRegion", { name }) : t("a11y.scrollRegionUnnamed"),
  );
  return (
    <ConfigProvider locale={antdLocale(language)} theme={phone ? phoneTheme : theme}>
      <AntApp>
        <AppRouter />
      </AntApp>
    </ConfigProvider>
  );
}

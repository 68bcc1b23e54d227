import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import viVN from "antd/locale/vi_VN";
import dayjs from "dayjs";
import "dayjs/locale/vi";
import { useEffect } from "react";
import { useI18n } from "../lib/i18n/i18n-context.tsx";
import { AppRouter } from "./router.tsx";
import { theme } from "./theme.ts";

/** The pages behind the login with the component library, loaded once a session is known. */
export function FullApp() {
  const { language } = useI18n();
  useEffect(() => {
    dayjs.locale(language === "vi" ? "vi" : "en");
  }, [language]);
  return (
    <ConfigProvider locale={language === "vi" ? viVN : enUS} theme={theme}>
      <AntApp>
        <AppRouter />
      </AntApp>
    </ConfigProvider>
  );
}

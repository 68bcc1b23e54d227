import { Skeleton } from "antd";
import { useI18n } from "../lib/i18n/i18n-context.tsx";

export function PageLoading() {
  const { t } = useI18n();
  return (
    <div role="status" aria-live="polite" className="page-loading">
      <span className="visually-hidden">{t("common.loading")}</span>
      <Skeleton active paragraph={{ rows: 6 }} />
    </div>
  );
}

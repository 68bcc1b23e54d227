import { Skeleton } from "antd";
import { useI18n } from "../lib/i18n/i18n-context.tsx";

export function PageLoading() {
  const { t } = useI18n();
  return (
    <div role="status" aria-live="polite" className="page-loading">
      <span className="visually-hidden">{t("common.loading")}</span>
      {/* Grey bars only: the skeleton's title is an h3, which would break the page's heading order. */}
      <Skeleton active title={false} paragraph={{ rows: 7 }} />
    </div>
  );
}

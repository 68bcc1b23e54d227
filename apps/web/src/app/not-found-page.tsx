import { Button, Result } from "antd";
import { Link } from "react-router";
import { useI18n } from "../lib/i18n/i18n-context.tsx";

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t("common.notFound")}
      extra={
        <Link to="/">
          <Button type="primary">{t("common.backHome")}</Button>
        </Link>
      }
    />
  );
}

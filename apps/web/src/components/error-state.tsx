import { Alert, Button } from "antd";
import { errorMessage } from "../lib/api-client.ts";
import { useI18n } from "../lib/i18n/i18n-context.tsx";

/** A failed load: what happened (the server's message) and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={t("common.loadFailed")}
      description={errorMessage(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        ) : undefined
      }
    />
  );
}

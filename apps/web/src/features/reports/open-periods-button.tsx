import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CalendarOutlined } from "@ant-design/icons";
import { Alert, App, Button, Space, Typography } from "antd";
import { errorMessage } from "../../lib/api-client.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { openDuePeriods, reportKeys } from "./reports-api.ts";

/** The receiving office opens the periods that have ended: the reports due appear in the lists. */
export function OpenPeriodsButton() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const open = useMutation({
    mutationFn: openDuePeriods,
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: reportKeys.all });
      void message.success(
        result.periods.length === 0
          ? t("reports.openPeriods.none")
          : t("reports.openPeriods.done", {
              periods: result.periods.length,
              reports: result.submissions,
            }),
      );
    },
  });
  return (
    <Space direction="vertical" size={4}>
      <Space wrap>
        <Button
          icon={<CalendarOutlined />}
          loading={open.isPending}
          onClick={() => open.mutate()}
          data-testid="open-periods"
        >
          {t("reports.openPeriods")}
        </Button>
        <Typography.Text type="secondary">{t("reports.openPeriods.hint")}</Typography.Text>
      </Space>
      {open.isError && <Alert type="error" showIcon message={errorMessage(open.error)} />}
    </Space>
  );
}

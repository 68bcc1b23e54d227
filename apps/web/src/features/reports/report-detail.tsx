import type { ReportSubmissionDto } from "@ntm/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Descriptions, Input, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { errorMessage } from "../../lib/api-client.ts";
import { formatDateTime, formatNumber, formatQuantity } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { fetchReport, reportKeys, returnReport, submitReport } from "./reports-api.ts";
import { TimelinessTag } from "./timeliness-tag.tsx";

/** One report: its figures, narrative and the submit or return controls, for the drawer. */
export function ReportDetail({ id }: { id: number }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: reportKeys.detail(id),
    queryFn: ({ signal }) => fetchReport(id, signal),
  });
  const [narrative, setNarrative] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const refresh = (report: ReportSubmissionDto) => {
    client.setQueryData(reportKeys.detail(id), report);
    void client.invalidateQueries({ queryKey: reportKeys.all });
  };
  const submit = useMutation({
    mutationFn: (report: ReportSubmissionDto) =>
      submitReport(id, narrative ?? report.narrative, report.version),
    onSuccess: (report) => {
      setNarrative(null);
      refresh(report);
      void message.success(t("reports.submitted"));
    },
  });
  const giveBack = useMutation({
    mutationFn: () => returnReport(id, reason),
    onSuccess: (report) => {
      setReason("");
      refresh(report);
      void message.success(t("reports.returned"));
    },
  });
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const report = query.data;
  const figures = report.figures;
  return (
    <div id="report-detail" data-testid="report-detail">
      <Space direction="vertical" style={{ width: "100%" }}>
        <Typography.Title level={2} className="report-detail-title">
          {`${report.typeName} — ${report.periodLabel}`}
        </Typography.Title>
        <Space wrap>
          <Tag data-testid="report-state">{t(`reports.state.${report.state}`)}</Tag>
          <TimelinessTag value={report.timeliness} />
          <Typography.Text type="secondary">{report.timelinessReason}</Typography.Text>
        </Space>
        {report.state === "returned" && report.returnReason && (
          <Alert
            type="warning"
            showIcon
            message={t("reports.returnedBecause", { reason: report.returnReason })}
          />
        )}
        {figures && (
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            bordered
            title={t("reports.figures")}
          >
            <Descriptions.Item label={t("reports.figures.communes")}>
              {figures.communes}
            </Descriptions.Item>
            <Descriptions.Item label={t("reports.figures.assessed")}>
              {figures.communesAssessed}
            </Descriptions.Item>
            <Descriptions.Item label={t("reports.figures.average")}>
              {figures.averageCriteriaMet === null
                ? "–"
                : formatNumber(figures.averageCriteriaMet, language, 1)}
            </Descriptions.Item>
            <Descriptions.Item label={t("reports.figures.standard")}>
              {figures.byLevel.standard}
            </Descriptions.Item>
            <Descriptions.Item label={t("reports.figures.advanced")}>
              {figures.byLevel.advanced}
            </Descriptions.Item>
            <Descriptions.Item label={t("reports.figures.values")}>
              {figures.valuesUpdated}
            </Descriptions.Item>
            <Descriptions.Item label={t("reports.figures.obstacles")}>
              {figures.obstaclesOpen}
            </Descriptions.Item>
            {figures.targets && (
              <Descriptions.Item label={t("reports.figures.targets")}>
                <span data-testid="figures-targets">
                  {`${figures.targets.met} / ${figures.targets.onTrack} / ${figures.targets.atRisk} / ${figures.targets.offTrack}`}
                </span>
              </Descriptions.Item>
            )}
            {figures.planMoney && (
              <Descriptions.Item
                label={t("reports.figures.planMoney", { year: figures.planMoney.year })}
              >
                <span data-testid="figures-plan-money">
                  {`${formatQuantity(figures.planMoney.investment, "đồng", language)} / ${formatQuantity(figures.planMoney.funded, "đồng", language)}`}
                </span>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t("reports.figures.changes")}>
              {figures.changes.length === 0
                ? "–"
                : figures.changes
                    .map((c) => `${c.unitName}: ${c.previous ?? "–"} → ${c.criteriaMet}`)
                    .join("; ")}
            </Descriptions.Item>
          </Descriptions>
        )}
        {figures?.notes.map((note) => (
          <Typography.Text key={note} type="secondary">
            {note}
          </Typography.Text>
        ))}
        {report.state === "submitted" && report.submittedAt && (
          <Typography.Text type="secondary">
            {t("reports.frozen", { at: formatDateTime(report.submittedAt) })}
          </Typography.Text>
        )}
        <label htmlFor="report-narrative">{t("reports.narrative")}</label>
        <Input.TextArea
          id="report-narrative"
          data-testid="report-narrative"
          rows={5}
          readOnly={!report.canSubmit}
          value={narrative ?? report.narrative}
          onChange={(event) => setNarrative(event.target.value)}
        />
        {submit.isError && <Alert type="error" showIcon message={errorMessage(submit.error)} />}
        {report.canSubmit && (
          <Button
            type="primary"
            loading={submit.isPending}
            onClick={() => submit.mutate(report)}
            data-testid="report-submit"
          >
            {t("reports.submit")}
          </Button>
        )}
        {report.canReturn && (
          <Space direction="vertical" style={{ width: "100%" }}>
            <label htmlFor="report-return-reason">{t("reports.returnReason")}</label>
            <Input
              id="report-return-reason"
              data-testid="report-return-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            {giveBack.isError && (
              <Alert type="error" showIcon message={errorMessage(giveBack.error)} />
            )}
            <Button
              danger
              loading={giveBack.isPending}
              onClick={() => giveBack.mutate()}
              data-testid="report-return"
            >
              {t("reports.return")}
            </Button>
          </Space>
        )}
      </Space>
    </div>
  );
}

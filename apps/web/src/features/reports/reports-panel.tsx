import type { ReportSubmissionDto } from "@ntm/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  List,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { errorMessage } from "../../lib/api-client.ts";
import { formatDate, formatDateTime, formatNumber, formatQuantity } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { scrollToId } from "../../lib/scroll-into-view.ts";
import {
  fetchReminders,
  fetchReport,
  fetchReports,
  reportKeys,
  returnReport,
  submitReport,
} from "./reports-api.ts";
import { TimelinessTag } from "./timeliness-tag.tsx";

function ReportDetail({ id }: { id: number }) {
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
  const loaded = query.data?.id;
  // The report opens below a long table: bring it into view, or on a phone nothing seems to happen.
  useEffect(() => {
    if (loaded !== undefined) scrollToId("report-detail");
  }, [loaded]);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const report = query.data;
  const figures = report.figures;
  return (
    <Card
      size="small"
      title={`${report.typeName} — ${report.periodLabel}`}
      id="report-detail"
      data-testid="report-detail"
    >
      <Space direction="vertical" style={{ width: "100%" }}>
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
    </Card>
  );
}

export function ReportsPanel() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  // "Việc của tôi" opens one report with ?report=ID.
  const [selected, setSelected] = useState<number | null>(
    () => Number(search.get("report")) || null,
  );
  const period = search.get("period") ?? "";
  const list = useQuery({
    queryKey: reportKeys.list(),
    queryFn: ({ signal }) => fetchReports(signal),
  });
  const reminders = useQuery({
    queryKey: reportKeys.reminders(),
    queryFn: ({ signal }) => fetchReminders(signal),
  });
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const periods = [
    ...new Map(list.data.map((row) => [row.periodKey, row.periodLabel])).entries(),
  ].sort((a, b) => b[0].localeCompare(a[0]));
  const rows = list.data
    .filter((row) => !period || row.periodKey === period)
    .sort(
      (a, b) =>
        b.periodKey.localeCompare(a.periodKey) || a.unitName.localeCompare(b.unitName, "vi"),
    );
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      {reminders.data && reminders.data.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="report-reminders"
          message={t("reports.reminders")}
          description={
            <List
              size="small"
              dataSource={reminders.data.slice(0, 5)}
              renderItem={(item) => <List.Item>{item.message}</List.Item>}
            />
          }
        />
      )}
      <Select
        aria-label={t("reports.period")}
        style={{ minWidth: 220, maxWidth: "100%" }}
        value={period}
        onChange={(value) => setSearch(value ? { period: value } : {})}
        options={[
          { value: "", label: `${t("reports.period")}: ${t("reports.obstacles.filter.all")}` },
          ...periods.map(([key, label]) => ({ value: key, label })),
        ]}
      />
      <Table
        size="small"
        rowKey="id"
        data-testid="reports-table"
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        scroll={{ x: true }}
        dataSource={rows}
        locale={{ emptyText: t("reports.empty") }}
        columns={[
          { title: t("reports.period"), dataIndex: "periodLabel" },
          { title: t("reports.type"), dataIndex: "typeName", responsive: ["md"] },
          { title: t("reports.unit"), dataIndex: "unitName" },
          { title: t("reports.due"), render: (_, row) => formatDate(row.dueDate) },
          {
            title: t("reports.status"),
            render: (_, row) => (
              <Space size={4} wrap>
                <Tag>{t(`reports.state.${row.state}`)}</Tag>
                <TimelinessTag value={row.timeliness} title={row.timelinessReason} />
              </Space>
            ),
          },
          {
            title: "",
            render: (_, row) =>
              row.canRead ? (
                <Button
                  size="small"
                  onClick={() => setSelected(row.id)}
                  data-testid={`report-open-${row.periodKey}-${row.unitCode}`}
                >
                  {t("reports.open")}
                </Button>
              ) : (
                <Typography.Text type="secondary" title={t("reports.notReadable")}>
                  –
                </Typography.Text>
              ),
          },
        ]}
      />
      {selected !== null && <ReportDetail key={selected} id={selected} />}
    </Space>
  );
}

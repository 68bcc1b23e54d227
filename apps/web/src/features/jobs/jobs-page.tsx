import type { Job } from "@ntm/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Progress, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ErrorState } from "../../components/error-state.tsx";
import { useCurrentUser } from "../auth/index.ts";
import { errorMessage } from "../../lib/api-client.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useYear, years } from "../../lib/year-context.tsx";
import { fetchJobs, jobsQueryKey, startReEvaluation } from "./jobs-api.ts";
import {
  hasUnfinished,
  jobSubject,
  outcomeKey,
  outcomeParams,
  percentDone,
  resultFileKey,
  resultFileUrl,
  stateColours,
} from "./job-view.ts";
import { jobsVi } from "./jobs-messages.ts";

const isMessageKey = (key: string): key is keyof typeof jobsVi => key in jobsVi;

/**
 * "Tác vụ nền": the province administrator's list of background jobs with their state, progress
 * and errors, refreshed while one is unfinished; and the re-evaluation of the whole province.
 */
export function JobsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const { year: chosenYear } = useYear();
  const [year, setYear] = useState(chosenYear);
  const queryClient = useQueryClient();
  const jobs = useQuery({
    queryKey: jobsQueryKey,
    queryFn: fetchJobs,
    refetchInterval: (query) => (hasUnfinished(query.state.data ?? []) ? 3000 : false),
  });
  const start = useMutation({
    mutationFn: startReEvaluation,
    onSuccess: (job) => {
      void message.success(t("jobs.started", { year, id: job.id }));
      void queryClient.invalidateQueries({ queryKey: jobsQueryKey });
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  if (jobs.isError) return <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />;
  const user = me.data;
  const canStart = user?.permissions["job.start"] === true && user.unitLevel === "province";

  const describe = (job: Job) => {
    const year = typeof job.input.year === "number" ? t("jobs.year", { year: job.input.year }) : "";
    const subject = jobSubject(job);
    const scope = job.provinceCode ?? t("jobs.wholeInstallation");
    return (
      <span>
        <strong>{t(`jobs.kind.${job.kind}`)}</strong>
        <br />
        <Typography.Text type="secondary">
          #{job.id} · {scope}
          {year ? ` · ${year}` : ""}
          {subject ? ` · ${subject}` : ""}
        </Typography.Text>
      </span>
    );
  };

  const outcome = (job: Job) => {
    const params = outcomeParams(job);
    const key = outcomeKey(job);
    const file = resultFileUrl(job);
    const named = job.result?.fileName ?? job.result?.resultName;
    const fileName = typeof named === "string" ? named : "";
    return (
      <Space direction="vertical" size={0}>
        {params && isMessageKey(key) ? t(key, { ...params, fileName }) : null}
        {file && (
          <a href={file} download>
            {t(resultFileKey(job), { fileName })}
          </a>
        )}
        {job.lastError && (
          <Typography.Text type={job.state === "failed" ? "danger" : "warning"}>
            {t("jobs.lastError", { error: job.lastError })}
          </Typography.Text>
        )}
      </Space>
    );
  };

  return (
    <div className="page" data-testid="jobs-page">
      <Typography.Title level={1} className="page-title">
        {t("jobs.title")}
      </Typography.Title>
      <Typography.Paragraph className="page-meta">{t("jobs.intro")}</Typography.Paragraph>
      {canStart && (
        <Card size="small" title={t("jobs.startTitle")}>
          <Typography.Paragraph>{t("jobs.startHint")}</Typography.Paragraph>
          <Space wrap>
            <Select
              aria-label={t("jobs.startYear")}
              value={year}
              onChange={setYear}
              options={years.map((value) => ({ value, label: String(value) }))}
            />
            <Button
              type="primary"
              loading={start.isPending}
              onClick={() => start.mutate({ province: user.unitCode, year })}
              data-testid="start-re-evaluation"
            >
              {t("jobs.start", { year })}
            </Button>
          </Space>
        </Card>
      )}
      <Space style={{ margin: "16px 0" }}>
        <Button onClick={() => void jobs.refetch()} loading={jobs.isFetching}>
          {t("jobs.refresh")}
        </Button>
      </Space>
      <Table<Job>
        rowKey="id"
        loading={jobs.isPending}
        dataSource={jobs.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: t("jobs.empty") }}
        columns={[
          { title: t("jobs.colJob"), key: "job", render: (_value, job) => describe(job) },
          {
            title: t("jobs.colState"),
            key: "state",
            render: (_value, job) => (
              <Tag color={stateColours[job.state]}>{t(`jobs.state.${job.state}`)}</Tag>
            ),
          },
          {
            title: t("jobs.colProgress"),
            key: "progress",
            render: (_value, job) => {
              const percent = percentDone(job);
              if (percent === null) return t("jobs.noProgress");
              return (
                <span>
                  <Progress
                    percent={percent}
                    size="small"
                    status={job.state === "failed" ? "exception" : undefined}
                    aria-label={t("jobs.colProgress")}
                  />
                  {job.progress.total !== null && (
                    <Typography.Text type="secondary">
                      {t("jobs.parts", { done: job.progress.done, total: job.progress.total })}
                    </Typography.Text>
                  )}
                </span>
              );
            },
          },
          { title: t("jobs.colAttempts"), dataIndex: "attempts", key: "attempts" },
          {
            title: t("jobs.colBy"),
            key: "by",
            render: (_value, job) => job.createdBy ?? t("jobs.system"),
          },
          {
            title: t("jobs.colCreated"),
            key: "created",
            render: (_value, job) => formatDateTime(job.createdAt),
          },
          { title: t("jobs.colOutcome"), key: "outcome", render: (_value, job) => outcome(job) },
        ]}
      />
    </div>
  );
}

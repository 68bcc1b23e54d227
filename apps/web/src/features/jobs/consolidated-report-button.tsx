import type { Job } from "@ntm/contracts";
import { Button, Progress, Space, Tag, Typography } from "antd";
import { useEffect, useState, type ReactNode } from "react";
import { ApiError, errorMessage } from "../../lib/api-client.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { followJob, startConsolidatedReport } from "./jobs-api.ts";
import { percentDone, resultFileUrl, stateColours } from "./job-view.ts";

/** The job of a report asked in this browser, kept so that a page left and opened again shows it. */
const savedKey = (type: number, period: string, format: string) =>
  `ntm.consolidated-job.${type}.${period}.${format}`;

function savedJob(key: string): number | null {
  const id = Number(window.localStorage.getItem(key));
  return Number.isInteger(id) && id > 0 ? id : null;
}

/**
 * A button that asks the server to make the consolidated report of a period (a background job),
 * then shows its state and progress and, when it is made, the link to download it. Asked again
 * while it is being made, the server answers with the same job.
 */
export function ConsolidatedReportButton(props: {
  type: number;
  period: string;
  format: "docx" | "xlsx";
  label: string;
  icon: ReactNode;
  primary?: boolean;
  testId: string;
}) {
  const { t } = useI18n();
  const key = savedKey(props.type, props.period, props.format);
  const [followed, setFollowed] = useState<{ key: string; id: number } | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const id = followed?.key === key ? followed.id : savedJob(key);

  useEffect(() => {
    if (id === null) return;
    let cancelled = false;
    followJob(id, setJob, () => cancelled).catch((reason: unknown) => {
      if (cancelled) return;
      // A job this account may not read (another account's, in the same browser) is forgotten.
      if (reason instanceof ApiError && (reason.status === 403 || reason.status === 404)) {
        window.localStorage.removeItem(key);
        return;
      }
      setError(errorMessage(reason));
    });
    return () => {
      cancelled = true;
    };
  }, [id, key]);

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      const queued = await startConsolidatedReport({
        type: props.type,
        period: props.period,
        format: props.format,
      });
      window.localStorage.setItem(key, String(queued.id));
      setJob(queued);
      setFollowed({ key, id: queued.id });
    } catch (reason) {
      setError(errorMessage(reason));
    } finally {
      setStarting(false);
    }
  };

  const current = job !== null && job.id === id ? job : null;
  const unfinished =
    current !== null && current.state !== "completed" && current.state !== "failed";
  const file = current ? resultFileUrl(current) : null;
  const fileName = typeof current?.result?.resultName === "string" ? current.result.resultName : "";
  return (
    <Space direction="vertical" size={4}>
      <Button
        type={props.primary ? "primary" : "default"}
        icon={props.icon}
        loading={starting || unfinished}
        onClick={() => void start()}
        data-testid={props.testId}
      >
        {props.label}
      </Button>
      {current && unfinished && (
        <span data-testid={`${props.testId}-progress`} aria-live="polite">
          <Tag color={stateColours[current.state]}>{t(`jobs.state.${current.state}`)}</Tag>
          <Progress
            percent={percentDone(current) ?? 0}
            size="small"
            aria-label={t("jobs.colProgress")}
          />
          <Typography.Text type="secondary">{t("jobs.consolidated.leave")}</Typography.Text>
          {current.lastError && (
            <Typography.Text type="warning">
              {t("jobs.lastError", { error: current.lastError })}
            </Typography.Text>
          )}
        </span>
      )}
      {file && (
        <a href={file} download data-testid={`${props.testId}-file`}>
          {t("jobs.consolidated.download", { fileName })}
        </a>
      )}
      {current?.state === "failed" && (
        <Typography.Text type="danger" role="alert">
          {t("jobs.consolidated.failed", { error: current.lastError ?? "" })}
        </Typography.Text>
      )}
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
    </Space>
  );
}

import { UploadOutlined } from "@ant-design/icons";
import type { Job } from "@ntm/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Progress, Typography, Upload } from "antd";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { errorMessage } from "../../lib/api-client.ts";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { followJob, resultFileUrl, uploadImportInBackground } from "../jobs/index.ts";
import { ocopImportPath, ocopKeys } from "./ocop-api.ts";

type Phase =
  { kind: "idle" } | { kind: "uploading"; percent: number } | { kind: "running"; job: Job };

interface RowError {
  path: string;
  message: string;
}

interface Refused {
  count: number;
  errors: RowError[];
  fileUrl: string | null;
}

/**
 * "Nhập danh sách (.xlsx)": the sheet is sent to a background job of the server (the request
 * returns at once), whose progress the page follows; when it ends, the products saved, or the
 * per-row report of a refused sheet with its CSV. The button and what it shows below the toolbar.
 */
export function useOcopImport(unitCode: string): { button: ReactNode; status: ReactNode } {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [refused, setRefused] = useState<Refused | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const left = useRef(false);
  useEffect(() => {
    left.current = false;
    return () => {
      left.current = true;
    };
  }, []);

  async function start(file: File) {
    setRefused(null);
    setFailure(null);
    setPhase({ kind: "uploading", percent: 0 });
    try {
      const queued = await uploadImportInBackground(
        file,
        (percent) => setPhase({ kind: "uploading", percent }),
        ocopImportPath(unitCode),
      );
      const job = await followJob(
        queued.id,
        (reading) => setPhase({ kind: "running", job: reading }),
        () => left.current,
      );
      if (!job) return;
      if (job.state === "failed") {
        setFailure(job.lastError ?? t("jobs.state.failed"));
      } else if (job.result?.ok === false) {
        setRefused({
          count: Number(job.result.errorCount ?? 0),
          errors: (job.result.errors as RowError[] | undefined) ?? [],
          fileUrl: resultFileUrl(job),
        });
      } else {
        void message.success(t("ocop.imported", { count: Number(job.result?.imported ?? 0) }));
        void queryClient.invalidateQueries({ queryKey: ocopKeys.all });
      }
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      if (!left.current) setPhase({ kind: "idle" });
    }
  }

  const button = (
    <Upload
      accept=".xlsx"
      showUploadList={false}
      disabled={phase.kind !== "idle"}
      beforeUpload={(file) => {
        void start(file);
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={phase.kind !== "idle"}>
        {t("ocop.import")}
      </Button>
    </Upload>
  );

  const status = (
    <>
      {phase.kind !== "idle" && (
        <div className="ocop-import-progress" data-testid="ocop-import-progress">
          <Progress
            percent={
              phase.kind === "uploading"
                ? phase.percent
                : phase.job.progress.total
                  ? Math.round((phase.job.progress.done / phase.job.progress.total) * 100)
                  : 0
            }
            status="active"
          />
          <Typography.Text type="secondary">
            {phase.kind === "uploading"
              ? t("ocop.importUploading", { percent: phase.percent })
              : t("ocop.importRunning", {
                  id: formatNumber(phase.job.id, language, 0),
                  state: t(`jobs.state.${phase.job.state}`),
                })}
          </Typography.Text>
        </div>
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setFailure(null)}
          message={failure}
          data-testid="ocop-import-failure"
        />
      )}
      {refused && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefused(null)}
          data-testid="ocop-import-errors"
          message={t("ocop.importRejected")}
          description={
            <>
              <ul>
                {refused.errors.map((problem) => (
                  <li key={`${problem.path} ${problem.message}`}>
                    {problem.path ? `${problem.path}: ` : ""}
                    {problem.message}
                  </li>
                ))}
              </ul>
              {refused.count > refused.errors.length && (
                <Typography.Paragraph>
                  {t("ocop.importMoreErrors", {
                    count: formatNumber(refused.count - refused.errors.length, language, 0),
                  })}
                </Typography.Paragraph>
              )}
              {refused.fileUrl && (
                <a href={refused.fileUrl} download data-testid="ocop-import-error-report">
                  {t("jobs.errorReport")}
                </a>
              )}
            </>
          }
        />
      )}
    </>
  );
  return { button, status };
}

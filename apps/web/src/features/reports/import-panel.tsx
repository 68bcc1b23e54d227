import type { ImportReport, Job } from "@ntm/contracts";
import { Alert, Button, Card, Checkbox, Progress, Space, Table, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../lib/api-client.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { formatNumber } from "../../lib/format.ts";
import { useYear } from "../../lib/year-context.tsx";
import { useCurrentUser } from "../auth/index.ts";
import {
  backgroundImportBytes,
  followJob,
  resultFileUrl,
  uploadImportInBackground,
} from "../jobs/index.ts";
import { exportUrl, templateUrl, uploadImport } from "./reports-api.ts";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "checking"; done: number; total: number }
  | { kind: "background"; job: Job };

export function ImportPanel() {
  const { t, language } = useI18n();
  const { year } = useYear();
  const user = useCurrentUser().data;
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [errorFile, setErrorFile] = useState<string | null>(null);
  const unit = user?.unitCode ?? "";
  // A viewer exports; only accounts that write values get the template and the upload.
  const canImport = user?.permissions["values.import"] === true;

  const start = async () => {
    if (!file) return;
    setReport(null);
    setFailure(null);
    setErrorFile(null);
    setPhase({ kind: "uploading", percent: 0 });
    try {
      // A large file is imported by a background job; the page follows it (or may be left).
      if (!dryRun && file.size >= backgroundImportBytes) {
        const queued = await uploadImportInBackground(file, (percent) =>
          setPhase({ kind: "uploading", percent }),
        );
        const job = await followJob(queued.id, (reading) =>
          setPhase({ kind: "background", job: reading }),
        );
        if (job?.state === "failed") setFailure(job.lastError ?? t("jobs.state.failed"));
        else if (job?.result?.report) {
          setReport(job.result.report as ImportReport);
          setErrorFile(resultFileUrl(job));
        }
        return;
      }
      const result = await uploadImport(
        file,
        dryRun,
        (percent) =>
          setPhase(
            percent >= 100
              ? { kind: "checking", done: 0, total: 0 }
              : { kind: "uploading", percent },
          ),
        (progress) => {
          if (progress.phase === "check") {
            setPhase({ kind: "checking", done: progress.done, total: progress.total });
          }
        },
      );
      setReport(result);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setPhase({ kind: "idle" });
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card size="small" title={t("reports.import.title")}>
        {canImport && <Typography.Paragraph>{t("reports.import.step1")}</Typography.Paragraph>}
        <Space wrap>
          {canImport && (
            <Button type="primary" href={templateUrl(unit, year)} data-testid="import-template">
              {t("reports.import.download")} ({year})
            </Button>
          )}
          <Button href={exportUrl(unit, year)} data-testid="export-values">
            {t("reports.import.export")}
          </Button>
        </Space>
        {canImport && (
          <>
            <Typography.Paragraph style={{ marginTop: 16 }}>
              {t("reports.import.step2")}
            </Typography.Paragraph>
            <Space wrap>
              <label className="reports-file">
                <span className="ant-btn ant-btn-default">{t("reports.import.choose")}</span>
                <input
                  type="file"
                  accept=".xlsx,.csv"
                  data-testid="import-file"
                  aria-label={t("reports.import.choose")}
                  onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                />
              </label>
              <span>{file?.name}</span>
              <Checkbox checked={dryRun} onChange={(event) => setDryRun(event.target.checked)}>
                {t("reports.import.dryRun")}
              </Checkbox>
              <Button
                type="primary"
                disabled={!file || phase.kind !== "idle"}
                onClick={() => void start()}
                data-testid="import-upload"
              >
                {t("reports.import.upload")}
              </Button>
            </Space>
          </>
        )}
        {phase.kind !== "idle" && (
          <div data-testid="import-progress" style={{ marginTop: 12 }}>
            <Progress
              percent={
                phase.kind === "uploading"
                  ? phase.percent
                  : phase.kind === "background"
                    ? phase.job.progress.total
                      ? Math.round((phase.job.progress.done / phase.job.progress.total) * 100)
                      : 0
                    : phase.total > 0
                      ? Math.round((phase.done / phase.total) * 100)
                      : 0
              }
              status="active"
            />
            <Typography.Text type="secondary">
              {phase.kind === "uploading"
                ? t("reports.import.uploading", { percent: phase.percent })
                : phase.kind === "background"
                  ? t("jobs.importRunning", {
                      id: phase.job.id,
                      state: t(`jobs.state.${phase.job.state}`),
                      done: formatNumber(phase.job.progress.done, language, 0),
                    })
                  : phase.total > 0
                    ? t("reports.import.checkingProgress", {
                        done: formatNumber(phase.done, language, 0),
                        total: formatNumber(phase.total, language, 0),
                      })
                    : t("reports.import.checking")}
            </Typography.Text>
          </div>
        )}
      </Card>
      {failure && <Alert type="error" showIcon message={failure} data-testid="import-failure" />}
      {report && !report.ok && (
        <Card size="small" data-testid="import-errors">
          <Alert
            type="error"
            showIcon
            message={t("reports.import.errors", { count: report.errorCount })}
          />
          {errorFile && (
            <a href={errorFile} download data-testid="import-error-report">
              {t("jobs.errorReport")}
            </a>
          )}
          <Table
            size="small"
            rowKey={(row) => `${row.cell}-${row.message}`}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: true }}
            dataSource={report.errors}
            columns={[
              { title: t("reports.import.cell"), dataIndex: "cell", width: 110 },
              // The message names the commune and indicator; narrow screens show it alone.
              {
                title: t("reports.import.commune"),
                responsive: ["md"],
                render: (_, row) => (row.unitCode ? `${row.unitName ?? ""} (${row.unitCode})` : ""),
              },
              {
                title: t("reports.import.indicator"),
                responsive: ["md"],
                render: (_, row) =>
                  row.indicatorCode ? `${row.indicatorCode} ${row.indicatorName ?? ""}` : "",
              },
              { title: t("reports.import.problem"), dataIndex: "message" },
            ]}
          />
        </Card>
      )}
      {report?.ok && (
        <Card size="small" data-testid="import-result">
          <Alert
            type="success"
            showIcon
            message={t(report.dryRun ? "reports.import.okDry" : "reports.import.ok", {
              values: report.values,
              units: report.units,
              changed: report.valuesChanged,
            })}
          />
          {report.changes.length > 0 && (
            <Table
              size="small"
              rowKey={(row) => `${row.unitCode}-${row.year}`}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: true }}
              dataSource={report.changes}
              columns={[
                {
                  title: t("reports.import.commune"),
                  render: (_, row) => `${row.unitName} (${row.unitCode})`,
                },
                { title: t("reports.import.valuesChanged"), dataIndex: "valuesChanged" },
                {
                  title: t("reports.import.criteria"),
                  render: (_, row) =>
                    row.criteriaMetAfter === null
                      ? `${row.criteriaMetBefore ?? "–"}`
                      : `${row.criteriaMetBefore ?? "–"} → ${row.criteriaMetAfter}/${row.criteriaTotal ?? ""}`,
                },
              ]}
            />
          )}
        </Card>
      )}
    </Space>
  );
}

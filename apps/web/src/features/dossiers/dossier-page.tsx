import "./dossiers.css";
import type { DossierDetailDto } from "@ntm/contracts";
import type { IndicatorStatus } from "@ntm/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { DemoTag } from "../../components/demo-tag.tsx";
import { PrintButton } from "../../components/print/print-button.tsx";
import { PrintHeader } from "../../components/print/print-header.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { StatusTag } from "../../components/status-tag.tsx";
import { errorMessage } from "../../lib/api-client.ts";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import {
  completeStep,
  confirmCriteria,
  dossierKeys,
  fetchDossier,
  returnDossier,
  uploadScan,
} from "./dossiers-api.ts";
import { PostingFeedback } from "../feedback/index.ts";
import { StepForm } from "./step-form.tsx";

const generated = {
  recognition: [
    { kind: "to-trinh", name: "Tờ trình" },
    { kind: "bao-cao-tu-danh-gia", name: "Báo cáo tự đánh giá" },
    { kind: "bao-cao-tham-tra", name: "Báo cáo thẩm tra" },
    { kind: "du-thao-quyet-dinh", name: "Dự thảo quyết định" },
  ],
  revocation: [{ kind: "quyet-dinh-thu-hoi", name: "Quyết định thu hồi" }],
};

function Actions({ dossier }: { dossier: DossierDetailDto }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const done = (next: DossierDetailDto) => {
    setError(null);
    queryClient.setQueryData(dossierKeys.detail(dossier.id), next);
    void queryClient.invalidateQueries({ queryKey: dossierKeys.all });
    void message.success(t("dossiers.done"));
  };
  const fail = (cause: unknown) => setError(errorMessage(cause));
  const complete = useMutation({
    mutationFn: (data: unknown) => completeStep(dossier.id, dossier.currentStep, data),
    onSuccess: done,
    onError: fail,
  });
  const back = useMutation({
    mutationFn: (reason: { criterionCode?: string; document?: string; text: string }) =>
      returnDossier(dossier.id, [reason]),
    onSuccess: done,
    onError: fail,
  });
  const confirm = useMutation({
    mutationFn: () => confirmCriteria(dossier.id, selected),
    onSuccess: (next) => {
      setSelected([]);
      done(next);
    },
    onError: fail,
  });
  const { actions } = dossier;
  const none = !actions.complete && !actions.confirm && !actions.return;
  return (
    <Card title={t("dossiers.actions")} data-testid="dossier-actions">
      {error && (
        <Alert
          type="error"
          showIcon
          message={error}
          data-testid="action-error"
          style={{ marginBottom: 16 }}
          closable
          onClose={() => setError(null)}
        />
      )}
      {none && <p>{t("dossiers.noActions")}</p>}
      {actions.confirm && (
        <div style={{ marginBottom: 16 }}>
          <Checkbox.Group
            value={selected}
            onChange={(values) => setSelected(values as string[])}
            options={actions.confirmable.map((code) => ({
              value: code,
              label: `${code}. ${dossier.state.snapshot.criteria.find((c) => c.code === code)?.name ?? ""}`,
            }))}
            data-testid="confirm-criteria"
          />
          <div style={{ marginTop: 8 }}>
            <Button
              onClick={() => confirm.mutate()}
              disabled={selected.length === 0}
              loading={confirm.isPending}
              data-testid="confirm-button"
            >
              {t("dossiers.confirm")}
            </Button>
          </div>
        </div>
      )}
      {actions.complete && (
        <StepForm
          key={`${dossier.currentStep}-${dossier.round}`}
          step={dossier.currentStep}
          unitLevel={dossier.state.unitLevel}
          busy={complete.isPending}
          onSubmit={(data) => complete.mutate(data)}
        />
      )}
      {actions.return && (
        <Form
          layout="vertical"
          style={{ marginTop: 24 }}
          onFinish={(values: { text: string; criterionCode?: string; document?: string }) =>
            back.mutate({
              text: values.text,
              ...(values.criterionCode ? { criterionCode: values.criterionCode } : {}),
              ...(values.document ? { document: values.document } : {}),
            })
          }
          data-testid="return-form"
        >
          <h2 className="section-title dossier-subtitle">{t("dossiers.return")}</h2>
          <Form.Item name="criterionCode" label={t("dossiers.returnCriterion")}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={dossier.state.snapshot.criteria.map((c) => ({
                value: c.code,
                label: `${c.code}. ${c.name}`,
              }))}
              data-testid="return-criterion"
            />
          </Form.Item>
          <Form.Item name="document" label={t("dossiers.returnDocument")}>
            <Input />
          </Form.Item>
          <Form.Item
            name="text"
            label={t("dossiers.returnReason")}
            rules={[{ required: true, message: t("dossiers.returnReason") }]}
          >
            <Input.TextArea rows={3} data-testid="return-text" />
          </Form.Item>
          <Button danger htmlType="submit" loading={back.isPending} data-testid="return-button">
            {t("dossiers.return")}
          </Button>
        </Form>
      )}
    </Card>
  );
}

export function DossierPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const query = useQuery({
    queryKey: dossierKeys.detail(id),
    queryFn: ({ signal }) => fetchDossier(id, signal),
  });
  const queryClient = useQueryClient();
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <PageLoading />;
  const dossier = query.data;
  const { state, regime } = dossier;
  const dueOf = new Map(dossier.dueDates.map((d) => [d.code, d.due]));
  const diff = new Map(dossier.snapshotDiff.map((row) => [row.criterionCode, row.now]));
  const levelKey = `dossiers.level.${state.requestedLevel}` as const;
  return (
    <div className="page dossier-page" data-testid="dossier-page">
      <PrintHeader
        title={t(`print.dossier.${state.kind}`)}
        unit={dossier.unitName}
        year={dossier.year}
        demo={dossier.demo}
      />
      <p className="page-meta">
        <Link to="/dossiers">{t("dossiers.boardTitle")}</Link>
      </p>
      <div className="title-row">
        <Typography.Title level={1} className="page-title">
          {t(`dossiers.kind.${state.kind}`)}: {dossier.unitName}
        </Typography.Title>
        {dossier.demo && <DemoTag />}
        <PrintButton />
      </div>
      <p className="page-meta">
        {t(levelKey)} · {t("dossiers.year")} {dossier.year} · {regime.name} (
        {t("dossiers.regimeVersion")} {regime.version})
        {dossier.batch ? ` · ${dossier.batch.name}` : ""} ·{" "}
        {t("dossiers.round", { round: state.round })}
      </p>
      <Space wrap style={{ marginBottom: 16 }}>
        {state.status === "decided" ? (
          <Tag color="green" data-testid="dossier-status">
            {t("dossiers.decided")}
          </Tag>
        ) : (
          <Tag
            color={dossier.overdue ? "red" : "blue"}
            style={{ whiteSpace: "normal" }}
            data-testid="dossier-status"
          >
            {dossier.currentStepName} ·{" "}
            {dossier.overdue ? t("dossiers.overdue") : t("dossiers.onTime")}
          </Tag>
        )}
      </Space>
      {dossier.lineage.predecessors.length > 0 && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          data-testid="dossier-lineage"
          message={`${t("dossiers.lineage")} ${formatDate(dossier.lineage.predecessors[0]?.effectiveDate ?? "")}: ${dossier.lineage.predecessors
            .map(
              (p) =>
                `${p.name} (${p.recognisedLevel ? t(`dossiers.level.${p.recognisedLevel as "standard"}`) : t("dossiers.merger.notRecognised")})`,
            )
            .join(", ")}`}
          description={
            <>
              {dossier.lineage.merger?.reason}{" "}
              <Link to={`/dossiers/mergers/${dossier.unitCode}`}>{t("dossiers.merger.open")}</Link>
            </>
          }
        />
      )}
      <div className="dossier-grid">
        <Card title={t("dossiers.timeline")} data-testid="dossier-timeline">
          <Timeline
            items={regime.steps.map((step, index) => {
              const record = state.steps[index];
              const isCurrent = state.status === "open" && index === state.currentStep;
              const color =
                record?.status === "completed"
                  ? "green"
                  : isCurrent
                    ? dossier.overdue
                      ? "red"
                      : "blue"
                    : "gray";
              return {
                color,
                children: (
                  <div
                    data-testid={`step-${step.code}`}
                    data-state={
                      record?.status === "completed"
                        ? "completed"
                        : isCurrent
                          ? "current"
                          : "pending"
                    }
                  >
                    <strong>{step.name}</strong>
                    <div className="page-meta">
                      {step.actingRole && dossier.actingRole && isCurrent
                        ? `${dossier.actingRole} · `
                        : ""}
                      {record?.completedAt
                        ? t("dossiers.completedBy", {
                            user: record.completedBy ?? "",
                            date: formatDateTime(record.completedAt),
                          })
                        : dueOf.get(step.code)
                          ? t("dossiers.dueOn", { date: formatDate(dueOf.get(step.code)) })
                          : ""}
                    </div>
                    {step.code === "public_posting" && <PostingFeedback dossierId={dossier.id} />}
                  </div>
                ),
              };
            })}
          />
          {state.returns.length > 0 && (
            <>
              <h2 className="section-title dossier-subtitle">{t("dossiers.returns")}</h2>
              <ul data-testid="dossier-returns">
                {state.returns.map((item) => (
                  <li key={`${item.round}-${item.at}`}>
                    {t("dossiers.round", { round: item.round })}, {formatDateTime(item.at)},{" "}
                    {item.by}:{" "}
                    {item.reasons
                      .map(
                        (r) =>
                          `${r.criterionCode ? `[TC ${r.criterionCode}] ` : ""}${r.document ? `[${r.document}] ` : ""}${r.text}`,
                      )
                      .join("; ")}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
        <Actions dossier={dossier} />
      </div>
      {dossier.conditions.length > 0 && (
        <Card
          title={t("dossiers.conditions")}
          style={{ marginTop: 16 }}
          data-testid="dossier-conditions"
        >
          <ul className="plain-list">
            {dossier.conditions.map((c) => (
              <li key={c.code}>
                <StatusTag status={c.met ? "met" : "not_met"} /> <strong>{c.label}</strong>:{" "}
                {c.reason}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title={t("dossiers.snapshot")} style={{ marginTop: 16 }}>
        {dossier.snapshotDiff.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t("dossiers.snapshotChanged")}
            style={{ marginBottom: 12 }}
            data-testid="snapshot-diff"
          />
        )}
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          scroll={{ x: 560 }}
          data-testid="snapshot-table"
          dataSource={state.snapshot.criteria}
          columns={[
            { title: "TT", dataIndex: "code", width: 50 },
            { title: t("dossiers.criterion"), dataIndex: "name" },
            {
              title: t("dossiers.atFiling"),
              render: (_, row) => <StatusTag status={row.status} />,
            },
            {
              title: t("dossiers.now"),
              render: (_, row) =>
                diff.has(row.code) ? (
                  <StatusTag status={diff.get(row.code) as IndicatorStatus} />
                ) : (
                  "—"
                ),
            },
            {
              title: t("dossiers.confirmedBy"),
              render: (_, row) =>
                state.confirmations.find((c) => c.criterionCode === row.code)?.department ??
                state.confirmations.find((c) => c.criterionCode === row.code)?.by ??
                "",
            },
          ]}
        />
      </Card>
      <div className="dossier-grid" style={{ marginTop: 16 }}>
        <Card title={t("dossiers.documents")} data-testid="dossier-documents">
          {state.kind === "recognition" && (
            <>
              <h2 className="section-title dossier-subtitle">{t("dossiers.generated")}</h2>
              <ul className="plain-list">
                {generated[dossier.kind].map((doc) => (
                  <li key={doc.kind}>
                    {doc.name}:{" "}
                    <a href={`/api/dossiers/${dossier.id}/generated/${doc.kind}?format=docx`}>
                      DOCX
                    </a>{" "}
                    ·{" "}
                    <a href={`/api/dossiers/${dossier.id}/generated/${doc.kind}?format=pdf`}>PDF</a>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2 className="section-title dossier-subtitle">{t("dossiers.uploads")}</h2>
          <ul className="plain-list">
            {dossier.documents.map((doc) => (
              <li key={doc.id}>
                <a href={`/api/dossiers/${dossier.id}/documents/${doc.id}`}>{doc.fileName}</a> ·{" "}
                {doc.uploadedBy}, {formatDateTime(doc.uploadedAt)}
              </li>
            ))}
          </ul>
          {dossier.can.attach && (
            <Upload
              showUploadList={false}
              customRequest={({ file, onSuccess, onError }) => {
                uploadScan(dossier.id, dossier.currentStep, file as File)
                  .then((result) => {
                    onSuccess?.(result);
                    void queryClient.invalidateQueries({
                      queryKey: dossierKeys.detail(dossier.id),
                    });
                  })
                  .catch((cause: Error) => onError?.(cause));
              }}
            >
              <Button data-testid="dossier-upload">{t("dossiers.upload")}</Button>
            </Upload>
          )}
        </Card>
        <Card title={t("dossiers.history")} data-testid="recognition-history">
          {dossier.history.length === 0 ? (
            <p>{t("dossiers.historyEmpty")}</p>
          ) : (
            <ul className="plain-list">
              {dossier.history.map((row) => (
                <li key={row.id}>
                  <strong>{t(`dossiers.level.${row.level as "standard"}`)}</strong> ·{" "}
                  {row.decisionNumber} ({formatDate(row.decisionDate)})
                  {row.endedOn ? ` → ${formatDate(row.endedOn)}` : ""}
                  {row.revokedByDecision
                    ? ` · ${t("dossiers.revokedBy", { decision: row.revokedByDecision })}`
                    : ""}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card title={t("dossiers.events")} style={{ marginTop: 16 }}>
        <ul className="plain-list" data-testid="dossier-events">
          {dossier.events.map((event) => (
            <li key={event.id}>
              {formatDateTime(event.at)} · {event.username} ·{" "}
              {t(`dossiers.event.${event.type}` as "dossiers.event.created")}
              {event.step
                ? ` · ${regime.steps.find((s) => s.code === event.step)?.name ?? event.step}`
                : ""}{" "}
              · {t("dossiers.round", { round: event.round })}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

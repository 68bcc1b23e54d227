import "./dossiers.css";
import type { DossierSummaryDto } from "@ntm/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { errorMessage } from "../../lib/api-client.ts";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useYear } from "../../lib/year-context.tsx";
import { useCurrentUser } from "../auth/index.ts";
import {
  createDossier,
  dossierKeys,
  fetchBatches,
  fetchDossiers,
  fetchInbox,
} from "./dossiers-api.ts";
import { NotificationEmailCard } from "./notification-email-card.tsx";

function DossierTable({ rows, testId }: { rows: DossierSummaryDto[]; testId: string }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 640 }}
      data-testid={testId}
      dataSource={rows}
      columns={[
        {
          title: t("dossiers.unit"),
          render: (_, row) => <Link to={`/dossiers/${row.id}`}>{row.unitName}</Link>,
        },
        {
          title: "",
          render: (_, row) => (
            <Tag color={row.kind === "revocation" ? "volcano" : "geekblue"}>
              {t(`dossiers.kind.${row.kind}`)}
            </Tag>
          ),
        },
        {
          title: t("dossiers.step"),
          render: (_, row) =>
            row.status === "decided" ? t("dossiers.decided") : row.currentStepName,
        },
        {
          title: t("dossiers.actor"),
          render: (_, row) => (row.status === "decided" ? "" : row.actingRole),
        },
        {
          title: t("dossiers.due"),
          render: (_, row) =>
            row.status === "decided" || !row.due ? (
              ""
            ) : (
              <span data-overdue={row.overdue}>
                {formatDate(row.due)}{" "}
                {row.overdue && <Tag color="red">{t("dossiers.overdue")}</Tag>}
              </span>
            ),
        },
      ]}
    />
  );
}

function CreateForm() {
  const { t } = useI18n();
  const { year } = useYear();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useCurrentUser().data;
  const batches = useQuery({
    queryKey: dossierKeys.batches(),
    queryFn: ({ signal }) => fetchBatches(signal),
  });
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: createDossier,
    onSuccess: (dossier) => {
      void queryClient.invalidateQueries({ queryKey: dossierKeys.all });
      void navigate(`/dossiers/${dossier.id}`);
    },
    onError: (cause) => setError(errorMessage(cause)),
  });
  return (
    <Card title={t("dossiers.createTitle")} style={{ marginBottom: 16 }}>
      {error && (
        <Alert
          type="error"
          showIcon
          message={error}
          style={{ marginBottom: 12 }}
          data-testid="create-error"
        />
      )}
      <Form
        layout="vertical"
        initialValues={{ unitCode: me?.unitCode, year, requestedLevel: "standard" }}
        onFinish={(values: {
          unitCode: string;
          year: number;
          requestedLevel: string;
          batchId: number;
        }) => mutation.mutate({ kind: "recognition", ...values })}
        data-testid="create-dossier-form"
      >
        <div className="form-row">
          <Form.Item name="unitCode" label={t("dossiers.unitCode")} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="year" label={t("dossiers.year")} rules={[{ required: true }]}>
            <InputNumber min={2021} max={2030} />
          </Form.Item>
          <Form.Item name="requestedLevel" label={t("dossiers.requestedLevel")}>
            <Select
              options={(["standard", "advanced", "model"] as const).map((level) => ({
                value: level,
                label: t(`dossiers.level.${level}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="batchId"
            label={t("dossiers.batch")}
            rules={[{ required: true, message: t("dossiers.batch") }]}
          >
            <Select
              data-testid="create-batch"
              options={(batches.data ?? []).map((batch) => ({
                value: batch.id,
                label: `${batch.name} (${formatDate(batch.deadline)})`,
              }))}
            />
          </Form.Item>
        </div>
        <Button
          type="primary"
          htmlType="submit"
          loading={mutation.isPending}
          data-testid="create-dossier"
        >
          {t("dossiers.create")}
        </Button>
      </Form>
    </Card>
  );
}

export function DossierBoardPage() {
  const { t } = useI18n();
  const me = useCurrentUser().data;
  const dossiers = useQuery({
    queryKey: dossierKeys.list(),
    queryFn: ({ signal }) => fetchDossiers(signal),
  });
  const inbox = useQuery({
    queryKey: dossierKeys.inbox(),
    queryFn: ({ signal }) => fetchInbox(signal),
  });
  if (dossiers.isError)
    return <ErrorState error={dossiers.error} onRetry={() => void dossiers.refetch()} />;
  if (!dossiers.data) return <PageLoading />;
  const byBatch = new Map<string, { title: string; rows: DossierSummaryDto[] }>();
  for (const row of dossiers.data) {
    const key = row.batch ? String(row.batch.id) : "none";
    const title = row.batch
      ? `${row.batch.name} · ${t("dossiers.deadline", { date: formatDate(row.batch.deadline) })}`
      : t("dossiers.noBatch");
    byBatch.set(key, { title, rows: [...(byBatch.get(key)?.rows ?? []), row] });
  }
  return (
    <div className="page dossier-board" data-testid="dossier-board">
      <div className="title-row">
        <Typography.Title level={1} className="page-title">
          {t("dossiers.boardTitle")}
        </Typography.Title>
      </div>
      <p className="page-meta">
        <Link to="/dossiers/watch" data-testid="watch-link">
          {t("dossiers.watch")}
        </Link>
        {" · "}
        <Link to="/dossiers/mergers" data-testid="merger-link">
          {t("dossiers.merger.link")}
        </Link>
      </p>
      <Card title={t("dossiers.inbox")} style={{ marginBottom: 16 }}>
        {inbox.data && inbox.data.length === 0 ? (
          <p>{t("dossiers.inboxEmpty")}</p>
        ) : (
          <DossierTable rows={inbox.data ?? []} testId="dossier-inbox" />
        )}
      </Card>
      {(me?.role === "commune_officer" || me?.role === "district") && <CreateForm />}
      {[...byBatch.values()].map((group) => (
        <Card key={group.title} title={group.title} style={{ marginBottom: 16 }}>
          <DossierTable rows={group.rows} testId="dossier-batch" />
        </Card>
      ))}
      <NotificationEmailCard />
    </div>
  );
}

import "./dossiers.css";
import type { MergerDecisionInput, MergerDetailDto } from "@ntm/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { errorMessage } from "../../lib/api-client.ts";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { fetchMergedUnits, fetchMerger, mergerKeys, recogniseMerger } from "./dossiers-api.ts";
import { DateField } from "../../components/date-field.tsx";
import { CarryOverCard } from "../catalog/index.ts";

type Level = "standard" | "advanced" | "model";

function MergedList() {
  const { t } = useI18n();
  const list = useQuery({
    queryKey: mergerKeys.list(),
    queryFn: ({ signal }) => fetchMergedUnits(signal),
  });
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Card>
      {list.data.length === 0 ? (
        <p>{t("dossiers.merger.empty")}</p>
      ) : (
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          scroll={{ x: "max-content" }}
          data-testid="merger-list"
          dataSource={list.data}
          columns={[
            {
              title: t("dossiers.unit"),
              render: (_, row) => <Link to={`/dossiers/mergers/${row.code}`}>{row.name}</Link>,
            },
            {
              title: t("dossiers.merger.from"),
              render: (_, row) => formatDate(row.effectiveDate),
            },
            {
              title: t("dossiers.merger.predecessors"),
              dataIndex: "predecessors",
            },
            {
              title: t("dossiers.recognisedLevel"),
              render: (_, row) =>
                row.currentLevel ? (
                  <Tag color="green">{t(`dossiers.level.${row.currentLevel as Level}`)}</Tag>
                ) : (
                  <Tag color={row.path === "decision" ? "blue" : "orange"}>
                    {row.path === "decision"
                      ? t("dossiers.merger.pathDecision")
                      : t("dossiers.merger.pathFull")}
                  </Tag>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function DecisionForm({ detail }: { detail: MergerDetailDto }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (input: MergerDecisionInput) => recogniseMerger(detail.unit.code, input),
    onSuccess: (next) => {
      setError(null);
      queryClient.setQueryData(mergerKeys.detail(detail.unit.code), next);
      void queryClient.invalidateQueries({ queryKey: mergerKeys.list() });
      void message.success(t("dossiers.done"));
    },
    onError: (cause) => setError(errorMessage(cause)),
  });
  return (
    <Card title={t("dossiers.merger.decide")} data-testid="merger-decision">
      {error && (
        <Alert
          type="error"
          style={{ marginBottom: 12 }}
          message={error}
          data-testid="merger-error"
        />
      )}
      <Form<MergerDecisionInput>
        layout="vertical"
        onFinish={(values) => decide.mutate(values)}
        requiredMark={false}
      >
        <Form.Item
          name="decisionNumber"
          label={t("dossiers.merger.decisionNumber")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input data-testid="merger-decision-number" />
        </Form.Item>
        <Form.Item
          name="decisionDate"
          label={t("dossiers.merger.decisionDate")}
          rules={[{ required: true }]}
        >
          <DateField data-testid="merger-decision-date" />
        </Form.Item>
        <Form.Item
          name="signer"
          label={t("dossiers.merger.signer")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input data-testid="merger-signer" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={decide.isPending}
          data-testid="merger-submit"
        >
          {t("dossiers.merger.submit")}
        </Button>
      </Form>
    </Card>
  );
}

function MergerDetail({ code }: { code: string }) {
  const { t } = useI18n();
  const detail = useQuery({
    queryKey: mergerKeys.detail(code),
    queryFn: ({ signal }) => fetchMerger(code, signal),
  });
  if (detail.isPending) return <PageLoading />;
  if (detail.isError)
    return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { lineage, currentLevel, history, canDecide } = detail.data;
  const merger = lineage.merger;
  return (
    <>
      <Typography.Title level={2} className="page-title" data-testid="merger-unit">
        {detail.data.unit.name}
      </Typography.Title>
      {merger && (
        <Alert
          style={{ marginBottom: 16 }}
          type={currentLevel ? "success" : merger.path === "decision" ? "info" : "warning"}
          data-testid="merger-outcome"
          message={
            currentLevel
              ? t("dossiers.merger.current", {
                  level: t(`dossiers.level.${currentLevel as Level}`),
                })
              : merger.path === "decision"
                ? `${t("dossiers.merger.pathDecision")} · ${t("dossiers.merger.offered", {
                    level: t(`dossiers.level.${merger.level as Level}`),
                  })}`
                : t("dossiers.merger.pathFull")
          }
          description={merger.reason}
        />
      )}
      <div className="dossier-grid">
        <Card
          title={`${t("dossiers.merger.predecessors")} · ${t("dossiers.merger.from").toLowerCase()} ${formatDate(lineage.predecessors[0]?.effectiveDate ?? "")}`}
        >
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            data-testid="merger-lineage"
            dataSource={lineage.predecessors}
            columns={[
              { title: t("dossiers.unit"), render: (_, row) => `${row.name} (${row.code})` },
              {
                title: t("predecessors.share"),
                render: (_, row) => (
                  <Tag
                    color={row.kind === "partial" ? "orange" : "blue"}
                    title={t(
                      row.kind === "partial" ? "predecessors.partialHint" : "predecessors.fullHint",
                    )}
                  >
                    {t(row.kind === "partial" ? "predecessors.partial" : "predecessors.full")}
                  </Tag>
                ),
              },
              {
                title: t("dossiers.merger.levelBefore"),
                render: (_, row) =>
                  row.recognisedLevel ? (
                    <Tag color="green">{t(`dossiers.level.${row.recognisedLevel as Level}`)}</Tag>
                  ) : (
                    <Tag color="red">{t("dossiers.merger.notRecognised")}</Tag>
                  ),
              },
            ]}
          />
        </Card>
        {canDecide && <DecisionForm detail={detail.data} />}
        <Card title={t("dossiers.history")} data-testid="merger-history">
          {history.length === 0 ? (
            <p>{t("dossiers.historyEmpty")}</p>
          ) : (
            <ul className="plain-list">
              {history.map((row) => (
                <li key={row.id}>
                  <strong>{t(`dossiers.level.${row.level as Level}`)}</strong> ·{" "}
                  {row.decisionNumber} ({formatDate(row.decisionDate)})
                  {row.signer ? ` · ${row.signer}` : ""}
                  {row.basis === "merger" ? ` · ${t("dossiers.merger.byMerger")}` : ""}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

/** Merged communes (CV 267/BNN-VPĐP): the list, or one commune's lineage and decision. */
export function MergerPage() {
  const { t } = useI18n();
  const { code } = useParams();
  return (
    <div className="page merger-page" data-testid="merger-page">
      <p className="page-meta">
        <Link to="/dossiers">{t("dossiers.boardTitle")}</Link>
        {code && (
          <>
            {" · "}
            <Link to="/dossiers/mergers">{t("dossiers.merger.title")}</Link>
          </>
        )}
      </p>
      {code ? (
        <MergerDetail code={code} />
      ) : (
        <>
          <Typography.Title level={1} className="page-title">
            {t("dossiers.merger.title")}
          </Typography.Title>
          <CarryOverCard compact />
          <MergedList />
        </>
      )}
    </div>
  );
}

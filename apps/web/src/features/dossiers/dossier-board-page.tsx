import "./dossiers.css";
import type { DossierSummaryDto } from "@ntm/contracts";
import { useQuery } from "@tanstack/react-query";
import { Card, Table, Tag, Typography } from "antd";
import { Link } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useCurrentUser } from "../auth/index.ts";
import { BatchForm } from "./batch-form.tsx";
import { dossierKeys, fetchDossiers, fetchInbox } from "./dossiers-api.ts";
import { FilingForm } from "./filing-form.tsx";
import { NotificationEmailCard } from "./notification-email-card.tsx";
import { CarryOverCard } from "../catalog/index.ts";

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
      <CarryOverCard compact />
      <Card title={t("dossiers.inbox")} style={{ marginBottom: 16 }}>
        {inbox.data && inbox.data.length === 0 ? (
          <p>{t("dossiers.inboxEmpty")}</p>
        ) : (
          <DossierTable rows={inbox.data ?? []} testId="dossier-inbox" />
        )}
      </Card>
      <FilingForm />
      {me?.permissions["dossier.batch.create"] && <BatchForm provinceCode={me.unitCode} />}
      {[...byBatch.values()].map((group) => (
        <Card key={group.title} title={group.title} style={{ marginBottom: 16 }}>
          <DossierTable rows={group.rows} testId="dossier-batch" />
        </Card>
      ))}
      <NotificationEmailCard />
    </div>
  );
}

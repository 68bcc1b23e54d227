import "./dossiers.css";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Input, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { errorMessage } from "../../lib/api-client.ts";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useYear } from "../../lib/year-context.tsx";
import { useCurrentUser } from "../auth/index.ts";
import { createDossier, dossierKeys, fetchBatches, fetchWatch } from "./dossiers-api.ts";

export function RevocationWatchPage() {
  const { t } = useI18n();
  const { year } = useYear();
  const me = useCurrentUser().data;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unit = params.get("unit") ?? me?.unitCode ?? "";
  const [draft, setDraft] = useState(unit);
  const [batchId, setBatchId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const watch = useQuery({
    queryKey: dossierKeys.watch(unit, year),
    queryFn: ({ signal }) => fetchWatch(unit, year, signal),
    enabled: Boolean(unit),
  });
  const batches = useQuery({
    queryKey: dossierKeys.batches(),
    queryFn: ({ signal }) => fetchBatches(signal),
  });
  const open = useMutation({
    mutationFn: (unitCode: string) =>
      createDossier({
        kind: "revocation",
        unitCode,
        year,
        batchId: batchId ?? batches.data?.at(-1)?.id ?? 0,
      }),
    onSuccess: (dossier) => void navigate(`/dossiers/${dossier.id}`),
    onError: (cause) => setError(errorMessage(cause)),
  });
  const mayPropose = me?.role === "district" || me?.role === "coordination_office";
  return (
    <div className="page watch-page" data-testid="watch-page">
      <p className="page-meta">
        <Link to="/dossiers">{t("dossiers.boardTitle")}</Link>
      </p>
      <Typography.Title level={1} className="page-title">
        {t("dossiers.watchTitle")}
      </Typography.Title>
      <div className="form-row" style={{ marginBottom: 16 }}>
        <Input.Search
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onSearch={(value) => setParams({ unit: value })}
          style={{ maxWidth: 260 }}
          aria-label={t("dossiers.unit")}
        />
        <span className="page-meta">
          {t("dossiers.year")} {year}
        </span>
        {mayPropose && (
          <Select
            placeholder={t("dossiers.batch")}
            style={{ minWidth: 220 }}
            value={batchId ?? undefined}
            onChange={setBatchId}
            options={(batches.data ?? []).map((batch) => ({
              value: batch.id,
              label: `${batch.name} (${formatDate(batch.deadline)})`,
            }))}
          />
        )}
      </div>
      {error && (
        <Alert
          type="error"
          showIcon
          message={error}
          style={{ marginBottom: 12 }}
          closable
          onClose={() => setError(null)}
        />
      )}
      {watch.isError && <ErrorState error={watch.error} onRetry={() => void watch.refetch()} />}
      {watch.isPending && unit && <PageLoading />}
      {watch.data && (
        <>
          <p className="page-meta">
            {watch.data.unit.name} ·{" "}
            {t("dossiers.recognised", { count: watch.data.communes.length })} ·{" "}
            {t("dossiers.candidates", { count: watch.data.candidates.length })}
          </p>
          {watch.data.district?.flag && (
            <Alert
              type="error"
              showIcon
              message={watch.data.district.flag.reason}
              style={{ marginBottom: 12 }}
            />
          )}
          <Card>
            {watch.data.candidates.length === 0 ? (
              <p>{t("dossiers.watchEmpty")}</p>
            ) : (
              <Table
                size="small"
                rowKey="unitCode"
                pagination={false}
                scroll={{ x: 720 }}
                data-testid="watch-candidates"
                dataSource={watch.data.candidates}
                columns={[
                  {
                    title: t("dossiers.unit"),
                    render: (_, row) => <Link to={`/units/${row.unitCode}`}>{row.unitName}</Link>,
                  },
                  {
                    title: t("dossiers.recognisedLevel"),
                    render: (_, row) =>
                      `${t(`dossiers.level.${row.recognisedLevel as "standard"}`)} (${row.decisionNumber})`,
                  },
                  {
                    title: "",
                    render: (_, row) =>
                      row.flag ? (
                        <Tag color="red">{t(`dossiers.rule.${row.flag.rule}`)}</Tag>
                      ) : null,
                  },
                  { title: "", render: (_, row) => row.flag?.reason },
                  {
                    title: "",
                    render: (_, row) =>
                      mayPropose ? (
                        <Button
                          size="small"
                          danger
                          onClick={() => open.mutate(row.unitCode)}
                          loading={open.isPending}
                          data-testid={`revoke-${row.unitCode}`}
                        >
                          {t("dossiers.openRevocation")}
                        </Button>
                      ) : null,
                  },
                ]}
              />
            )}
          </Card>
        </>
      )}
    </div>
  );
}

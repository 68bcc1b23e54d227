import "./dossiers.css";
import { useMutation, useQuery } from "@tanstack/react-query";
import { matchesSearch } from "@ntm/domain";
import { Alert, Button, Card, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { errorMessage } from "../../lib/api-client.ts";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { asOfForYear, useYear } from "../../lib/year-context.tsx";
import { useCurrentUser } from "../auth/index.ts";
import { fetchUnitList, unitListQueryKey } from "../units/index.ts";
import { CarryOverList } from "./carry-over-list.tsx";
import { createDossier, dossierKeys, fetchWatch } from "./dossiers-api.ts";
import { fetchFilingOptions, filingKeys } from "./filing-api.ts";

export function RevocationWatchPage() {
  const { t } = useI18n();
  const { year } = useYear();
  const me = useCurrentUser().data;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unit = params.get("unit") ?? me?.unitCode ?? "";
  const [batchId, setBatchId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const watch = useQuery({
    queryKey: dossierKeys.watch(unit, year),
    queryFn: ({ signal }) => fetchWatch(unit, year, signal),
    enabled: Boolean(unit),
  });
  // The units a user watches: its own and those directly below it, chosen by name.
  const asOf = asOfForYear(year);
  const below = useQuery({
    queryKey: unitListQueryKey({ parent: me?.unitCode ?? "", asOf }),
    queryFn: ({ signal }) => fetchUnitList({ parent: me?.unitCode ?? "", asOf }, signal),
    enabled: Boolean(me),
  });
  const unitOptions = [
    ...(me ? [{ value: me.unitCode, label: me.unitName }] : []),
    ...(below.data?.units ?? [])
      .filter((item) => item.level !== "village")
      .map((item) => ({ value: item.code, label: item.name })),
  ];
  // Whether the regime in force lets the user's role propose, and the batches still open.
  const filing = useQuery({
    queryKey: filingKeys.options("revocation"),
    queryFn: ({ signal }) => fetchFilingOptions("revocation", signal),
  });
  const openBatches = filing.data?.batches ?? [];
  const open = useMutation({
    mutationFn: (unitCode: string) =>
      createDossier({
        kind: "revocation",
        unitCode,
        year,
        batchId: batchId ?? openBatches[0]?.id ?? 0,
      }),
    onSuccess: (dossier) => void navigate(`/dossiers/${dossier.id}`),
    onError: (cause) => setError(errorMessage(cause)),
  });
  const mayPropose = filing.data?.canFile === true && openBatches.length > 0;
  return (
    <div className="page watch-page" data-testid="watch-page">
      <p className="page-meta">
        <Link to="/dossiers">{t("dossiers.boardTitle")}</Link>
      </p>
      <Typography.Title level={1} className="page-title">
        {t("dossiers.watchTitle")}
      </Typography.Title>
      <div className="form-row" style={{ marginBottom: 16 }}>
        <Select
          showSearch
          value={unit || undefined}
          onChange={(value: string) => setParams({ unit: value })}
          options={unitOptions}
          filterOption={(input, option) => matchesSearch(String(option?.label ?? ""), input)}
          style={{ minWidth: 240, maxWidth: "100%" }}
          aria-label={t("filing.watchUnit")}
          data-testid="watch-unit"
        />
        <span className="page-meta">
          {t("dossiers.year")} {year}
        </span>
        {mayPropose && (
          <Select
            aria-label={t("filing.revocationBatch")}
            style={{ minWidth: 220 }}
            value={batchId ?? openBatches[0]?.id}
            onChange={setBatchId}
            data-testid="watch-batch"
            options={openBatches.map((batch) => ({
              value: batch.id,
              label: t("filing.batchOption", {
                name: batch.name,
                date: formatDate(batch.deadline),
              }),
            }))}
          />
        )}
      </div>
      {filing.data?.canFile && openBatches.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="no-open-batch"
          title={
            me?.permissions["dossier.batch.create"]
              ? t("filing.noOpenBatchOffice")
              : t("filing.noOpenBatch")
          }
          action={
            me?.permissions["dossier.batch.create"] ? (
              <Link to="/dossiers">{t("filing.batchTitle")}</Link>
            ) : undefined
          }
        />
      )}
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
          {watch.data.keyCriteriaNote && (
            <p className="hint" data-testid="watch-key-criteria-note">
              {watch.data.keyCriteriaNote}
            </p>
          )}
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
          <CarryOverList watch={watch.data} />
        </>
      )}
    </div>
  );
}

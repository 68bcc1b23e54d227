import type { FilingCheck, FilingOptions } from "@ntm/contracts";
import { matchesSearch } from "@ntm/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Select } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { errorMessage } from "../../lib/api-client.ts";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useYear, years } from "../../lib/year-context.tsx";
import { createDossier, dossierKeys } from "./dossiers-api.ts";
import { fetchFilingCheck, fetchFilingOptions, filingKeys } from "./filing-api.ts";

type Level = "standard" | "advanced" | "model";
const levels: Level[] = ["standard", "advanced", "model"];

/** Where the commune stands at the level asked, before anything is filed. */
function Standing({ check, level }: { check: FilingCheck; level: Level }) {
  const { t } = useI18n();
  return (
    <div className="filing-check" data-testid="filing-check">
      <p>
        {t("filing.standing", {
          unit: check.unit.name,
          met: check.criteriaMet,
          total: check.criteriaTotal,
          level: t(`dossiers.level.${level}`),
          year: check.year,
        })}
      </p>
      {check.unmet.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="filing-unmet"
          title={t("filing.unmetTitle", { count: check.unmet.length })}
          description={<UnmetList check={check} />}
        />
      ) : (
        <Alert type="success" showIcon title={t("filing.allMet")} />
      )}
      {check.openDossierId !== null && (
        <Alert
          type="error"
          showIcon
          data-testid="filing-open-dossier"
          title={t("filing.openDossier", { unit: check.unit.name })}
          action={
            <Link to={`/dossiers/${check.openDossierId}`}>
              {t("filing.openDossierLink", { id: check.openDossierId })}
            </Link>
          }
        />
      )}
      {check.duplicate && (
        <Alert type="error" showIcon data-testid="filing-duplicate" title={check.duplicate} />
      )}
    </div>
  );
}

function UnmetList({ check }: { check: FilingCheck }) {
  const { t } = useI18n();
  return (
    <ul className="filing-unmet-list">
      {check.unmet.map((criterion) => (
        <li key={criterion.code}>
          {t("filing.unmetItem", { code: criterion.code, name: criterion.name })}
          {criterion.status === "missing" ? ` (${t("filing.missing")})` : ""}
        </li>
      ))}
    </ul>
  );
}

function FilingFields({ options }: { options: FilingOptions }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { year: headerYear } = useYear();
  const [unit, setUnit] = useState(options.units.length === 1 ? options.units[0]?.code : undefined);
  // A batch gathers the dossiers of one year: the batch offered first is one of the filing year.
  const batchFor = (forYear: number) =>
    (options.batches.find((batch) => batch.year === forYear) ?? options.batches[0])?.id;
  const [year, setYear] = useState(headerYear);
  const [level, setLevel] = useState<Level>("standard");
  const [batchId, setBatchId] = useState(batchFor(headerYear));
  const chooseYear = (next: number) => {
    setYear(next);
    setBatchId(batchFor(next));
  };
  const check = useQuery({
    queryKey: filingKeys.check(unit ?? "", year, level),
    queryFn: ({ signal }) => fetchFilingCheck(unit ?? "", year, level, signal),
    enabled: unit !== undefined,
  });
  const file = useMutation({
    mutationFn: () =>
      createDossier({
        kind: "recognition",
        unitCode: unit ?? "",
        year,
        requestedLevel: level,
        batchId: batchId ?? 0,
      }),
    onSuccess: (dossier) => {
      void queryClient.invalidateQueries({ queryKey: dossierKeys.all });
      void navigate(`/dossiers/${dossier.id}`);
    },
  });
  const blocked = check.data?.openDossierId != null || Boolean(check.data?.duplicate);
  const submit = () => {
    const unmet = check.data?.unmet ?? [];
    if (unmet.length === 0) {
      file.mutate();
      return;
    }
    void modal.confirm({
      title: t("filing.confirmTitle", { count: unmet.length }),
      content: check.data ? <UnmetList check={check.data} /> : null,
      okText: t("filing.confirmOk"),
      cancelText: t("filing.confirmCancel"),
      okButtonProps: { "data-testid": "filing-confirm-ok" },
      onOk: () => file.mutate(),
    });
  };
  return (
    <Form layout="vertical" onFinish={submit} data-testid="create-dossier-form">
      <div className="form-row">
        <Form.Item label={t("filing.unit")} required>
          <Select
            showSearch
            value={unit}
            onChange={setUnit}
            placeholder={t("filing.unitPlaceholder")}
            disabled={options.units.length === 1}
            style={{ minWidth: 220 }}
            data-testid="filing-unit"
            filterOption={(input, option) => matchesSearch(String(option?.label ?? ""), input)}
            options={options.units.map((item) => ({
              value: item.code,
              label: item.parentName ? `${item.name} – ${item.parentName}` : item.name,
            }))}
          />
        </Form.Item>
        <Form.Item label={t("filing.year")}>
          <Select
            value={year}
            onChange={chooseYear}
            data-testid="filing-year"
            options={years.map((value) => ({ value, label: String(value) }))}
          />
        </Form.Item>
        <Form.Item label={t("filing.level")}>
          <Select
            value={level}
            onChange={setLevel}
            style={{ minWidth: 160 }}
            options={levels.map((value) => ({ value, label: t(`dossiers.level.${value}`) }))}
          />
        </Form.Item>
        <Form.Item label={t("filing.batch")} required>
          <Select
            value={batchId}
            onChange={setBatchId}
            style={{ minWidth: 240 }}
            data-testid="create-batch"
            options={options.batches.map((batch) => ({
              value: batch.id,
              label: t("filing.batchOption", {
                name: batch.name,
                date: formatDate(batch.deadline),
              }),
            }))}
          />
        </Form.Item>
      </div>
      {check.isFetching && !check.data && <p className="page-meta">{t("filing.checking")}</p>}
      {check.isError && <Alert type="error" showIcon title={errorMessage(check.error)} />}
      {check.data && <Standing check={check.data} level={level} />}
      {file.isError && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(file.error)}
          style={{ marginTop: 12 }}
          data-testid="create-error"
        />
      )}
      <Button
        type="primary"
        htmlType="submit"
        loading={file.isPending}
        disabled={!unit || !batchId || !check.data || blocked}
        style={{ marginTop: 12 }}
        data-testid="create-dossier"
      >
        {t("filing.submit")}
      </Button>
    </Form>
  );
}

/**
 * Filing a recognition dossier without typing codes: the communes of the user's scope, the
 * batches still open, and the criteria not met named before anything is filed. Nothing shows to
 * a user whose role does not file (the policy's answer from the server).
 */
export function FilingForm() {
  const { t } = useI18n();
  const options = useQuery({
    queryKey: filingKeys.options("recognition"),
    queryFn: ({ signal }) => fetchFilingOptions("recognition", signal),
  });
  if (!options.data?.canFile) return null;
  return (
    <Card title={t("dossiers.createTitle")} style={{ marginBottom: 16 }} data-testid="filing-card">
      {options.data.batches.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="no-open-batch"
          title={t("filing.noOpenBatch")}
        />
      ) : (
        <FilingFields options={options.data} />
      )}
    </Card>
  );
}

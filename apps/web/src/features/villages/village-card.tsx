import type { VillageScorecardResponse } from "@ntm/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Form, Input, InputNumber, Select, Space, Tag } from "antd";
import { useState } from "react";
import { DateField } from "../../components/date-field.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { errorMessage } from "../../lib/api-client.ts";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useCurrentUser } from "../auth/index.ts";
import { EvidenceList, EvidenceQueueStatus } from "../evidence/index.ts";
import { queuedEvidenceOf, useLive } from "../offline/index.ts";
import {
  actOnRecognition,
  fetchVillageCard,
  fetchVillageEvidence,
  saveVillageValues,
  villageKeys,
} from "./village-api.ts";

type Indicator = VillageScorecardResponse["result"]["criteria"][number]["indicators"][number];
type Value = number | boolean | null;

/** One village under one set: its values with the engine's reasons, and its recognition steps. */
export function VillageCard({
  code,
  setCode,
  year,
}: {
  code: string;
  setCode: string;
  year: number;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const card = useQuery({
    queryKey: villageKeys.card(code, setCode, year),
    queryFn: ({ signal }) => fetchVillageCard(code, setCode, year, signal),
  });
  const evidence = useQuery({
    queryKey: villageKeys.evidence(code, setCode, year),
    queryFn: ({ signal }) => fetchVillageEvidence(code, setCode, year, signal),
  });
  const user = useCurrentUser().data?.username ?? "";
  // Files chosen without a link wait on the device and go with the outbox.
  const queued = useLive(
    () => queuedEvidenceOf({ user, unitCode: code, year, setCode }),
    [user, code, setCode, year],
    [],
  );
  const [draft, setDraft] = useState<Record<string, Value>>({});
  const refresh = (next: VillageScorecardResponse) => {
    client.setQueryData(villageKeys.card(code, setCode, year), next);
    void client.invalidateQueries({ queryKey: ["villages", "list"] });
    void client.invalidateQueries({ queryKey: ["villages", "summary"] });
    setDraft({});
  };
  const save = useMutation({
    mutationFn: () =>
      saveVillageValues(code, setCode, year, {
        version: card.data?.version ?? 0,
        values: Object.entries(draft).map(([indicatorCode, value]) => ({ indicatorCode, value })),
      }),
    onSuccess: refresh,
  });
  if (card.isPending) return <PageLoading />;
  if (card.isError) return <ErrorState error={card.error} onRetry={() => void card.refetch()} />;
  const data = card.data;
  const indicators = data.result.criteria.flatMap((criterion) => criterion.indicators);
  const valueOf = (indicator: Indicator): Value =>
    indicator.code in draft ? (draft[indicator.code] as Value) : (indicator.value ?? null);
  return (
    <div className="village-card" data-testid={`village-card-${code}`}>
      {data.set.refusal && <Alert type="warning" showIcon message={data.set.refusal} />}
      <h4>{t("villages.values", { year })}</h4>
      <ul className="village-indicators">
        {indicators.map((indicator) => {
          const level = indicator.byLevel.standard;
          return (
            <li key={indicator.code} data-testid={`village-indicator-${indicator.code}`}>
              <label htmlFor={`v-${code}-${indicator.code}`}>
                {indicator.code}. {indicator.name}
              </label>
              {indicator.kind === "boolean" ? (
                <Select
                  id={`v-${code}-${indicator.code}`}
                  allowClear
                  value={valueOf(indicator) as boolean | null}
                  onChange={(value: boolean | undefined) =>
                    setDraft({ ...draft, [indicator.code]: value ?? null })
                  }
                  options={[
                    { value: true, label: t("villages.boolean.yes") },
                    { value: false, label: t("villages.boolean.no") },
                  ]}
                  className="village-input"
                />
              ) : (
                <InputNumber
                  id={`v-${code}-${indicator.code}`}
                  value={valueOf(indicator) as number | null}
                  min={indicator.min ?? (indicator.kind === "percent" ? 0 : undefined)}
                  max={indicator.max ?? (indicator.kind === "percent" ? 100 : undefined)}
                  addonAfter={indicator.unit}
                  decimalSeparator=","
                  onChange={(value) => setDraft({ ...draft, [indicator.code]: value ?? null })}
                  className="village-input"
                />
              )}
              {level && (
                <small className={`village-reason village-reason-${level.status}`}>
                  {level.reason.text}
                </small>
              )}
              {evidence.data && (
                <EvidenceList
                  target={{ user, unitCode: code, year, setCode }}
                  indicatorCode={indicator.code}
                  files={evidence.data.files.filter(
                    (file) => file.indicatorCode === indicator.code,
                  )}
                  queued={queued.filter((row) => row.indicatorCode === indicator.code)}
                  canWrite={evidence.data.canWrite}
                  onChanged={() =>
                    void client.invalidateQueries({
                      queryKey: villageKeys.evidence(code, setCode, year),
                    })
                  }
                  name="village-evidence"
                  uploadLabel={t("villages.evidence")}
                />
              )}
            </li>
          );
        })}
      </ul>
      <EvidenceQueueStatus queued={queued} />
      {save.isError && <Alert type="error" showIcon message={errorMessage(save.error)} />}
      {data.canEnter && (
        <Button
          type="primary"
          disabled={Object.keys(draft).length === 0}
          loading={save.isPending}
          onClick={() => save.mutate()}
          data-testid="village-save-values"
        >
          {t("villages.saveValues")}
        </Button>
      )}
      <Recognition data={data} onDone={refresh} />
    </div>
  );
}

function Recognition({
  data,
  onDone,
}: {
  data: VillageScorecardResponse;
  onDone: (next: VillageScorecardResponse) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const act = useMutation({
    mutationFn: (action: Parameters<typeof actOnRecognition>[2]) =>
      actOnRecognition(data.village.code, data.set.code, action),
    onSuccess: (next) => {
      form.resetFields();
      onDone(next);
    },
  });
  const current = data.recognition;
  const status = current?.status;
  const meets = data.result.level !== null;
  const canAssess = !status || status === "refused" || status === "revoked";
  return (
    <section className="village-recognition" aria-label={t("villages.recognition")}>
      <h4>{t("villages.recognition")}</h4>
      {current && (
        <p data-testid="village-recognition-status">
          <Tag
            color={
              status === "recognised" ? "green" : status === "self_assessed" ? "blue" : "default"
            }
          >
            {t("villages.status", { status: current.statusName, year: current.year })}
          </Tag>
          {current.decisionNumber && current.decisionDate && (
            <span>
              {t("villages.decision", {
                number: current.decisionNumber,
                date: formatDate(current.decisionDate),
              })}
            </span>
          )}
          {current.reason && <span> · {current.reason}</span>}
        </p>
      )}
      {act.isError && <Alert type="error" showIcon message={errorMessage(act.error)} />}
      {data.canRecognise && canAssess && !meets && (
        <p className="village-hint">{t("villages.notYetMet", { year: data.year })}</p>
      )}
      {data.canRecognise && canAssess && meets && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(values: { reportNumber: string; reportDate: string }) =>
            act.mutate({ type: "self_assess", year: data.year, ...values })
          }
        >
          <Space wrap align="end">
            <Form.Item
              name="reportNumber"
              label={t("villages.reportNumber")}
              rules={[{ required: true }]}
            >
              <Input data-testid="village-report-number" />
            </Form.Item>
            <Form.Item
              name="reportDate"
              label={t("villages.reportDate")}
              rules={[{ required: true }]}
            >
              <DateField data-testid="village-report-date" />
            </Form.Item>
            <Button htmlType="submit" loading={act.isPending} data-testid="village-self-assess">
              {t("villages.selfAssess")}
            </Button>
          </Space>
        </Form>
      )}
      {data.canRecognise && status === "self_assessed" && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(values: { decisionNumber: string; decisionDate: string }) =>
            act.mutate({
              type: "recognise",
              decisionNumber: values.decisionNumber,
              decisionDate: values.decisionDate,
            })
          }
        >
          <Space wrap align="end">
            <Form.Item
              name="decisionNumber"
              label={t("villages.decisionNumber")}
              rules={[{ required: true }]}
            >
              <Input data-testid="village-decision-number" />
            </Form.Item>
            <Form.Item
              name="decisionDate"
              label={t("villages.decisionDate")}
              rules={[{ required: true }]}
            >
              <DateField data-testid="village-decision-date" />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              loading={act.isPending}
              data-testid="village-recognise"
            >
              {t("villages.recognise")}
            </Button>
          </Space>
          <Space wrap align="end">
            <Form.Item name="reason" label={t("villages.reason")}>
              <Input />
            </Form.Item>
            <Button
              loading={act.isPending}
              onClick={() =>
                act.mutate({ type: "refuse", reason: String(form.getFieldValue("reason") ?? "") })
              }
            >
              {t("villages.refuse")}
            </Button>
          </Space>
        </Form>
      )}
      {data.canRecognise && status === "recognised" && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(values: { decisionNumber: string; decisionDate: string; reason: string }) =>
            act.mutate({ type: "revoke", ...values })
          }
        >
          <Space wrap align="end">
            <Form.Item
              name="decisionNumber"
              label={t("villages.decisionNumber")}
              rules={[{ required: true }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="decisionDate"
              label={t("villages.decisionDate")}
              rules={[{ required: true }]}
            >
              <DateField />
            </Form.Item>
            <Form.Item name="reason" label={t("villages.reason")} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Button danger htmlType="submit" loading={act.isPending}>
              {t("villages.revoke")}
            </Button>
          </Space>
        </Form>
      )}
    </section>
  );
}

import "./villages.css";
import { currentUserSchema, type VillageListResponse } from "@ntm/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Space, Tag } from "antd";
import { useState } from "react";
import { Link, Navigate, useParams } from "react-router";
import { DateField } from "../../components/date-field.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { apiRequest, errorMessage } from "../../lib/api-client.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useYear } from "../../lib/year-context.tsx";
import { createVillage, fetchVillageSummary, fetchVillages, villageKeys } from "./village-api.ts";
import { VillageCard } from "./village-card.tsx";

/** /villages opens the villages of the user's own unit. */
export function VillagesIndex() {
  const me = useQuery({
    queryKey: ["villages", "me"],
    queryFn: ({ signal }) => apiRequest("/api/auth/me", { schema: currentUserSchema, signal }),
  });
  if (!me.data) return <PageLoading />;
  return <Navigate to={`/villages/${encodeURIComponent(me.data.unitCode)}`} replace />;
}

/**
 * The villages of a unit in a year: for a commune its villages, each with its result under the
 * province's village sets and its recognition; above, how many villages meet and are recognised,
 * commune by commune.
 */
export function VillagesPage() {
  const { code = "" } = useParams();
  const { year } = useYear();
  const { t } = useI18n();
  const summary = useQuery({
    queryKey: villageKeys.summary(code, year),
    queryFn: ({ signal }) => fetchVillageSummary(code, year, signal),
  });
  const commune = summary.data?.unit.level === "commune";
  const list = useQuery({
    queryKey: villageKeys.list(code, year),
    queryFn: ({ signal }) => fetchVillages(code, year, signal),
    enabled: commune,
  });
  if (summary.isPending) return <PageLoading />;
  if (summary.isError)
    return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  const data = summary.data;
  return (
    <main className="villages-page">
      <h1>{t("villages.title", { unit: data.unit.name })}</h1>
      <p className="villages-year">{t("villages.year", { year })}</p>
      {data.sets.length === 0 && <Alert type="info" showIcon message={t("villages.noSets")} />}
      {data.sets.map((set) => (
        <Card
          key={set.code}
          size="small"
          className="villages-set"
          title={
            <Space wrap>
              <span>{set.name}</span>
              {set.illustrative && (
                <Tag color="orange" title={t("villages.illustrativeHint")}>
                  {t("villages.illustrative")}
                </Tag>
              )}
            </Space>
          }
        >
          <p data-testid={`villages-summary-${set.code}`}>
            {t("villages.summary", {
              recognised: set.total.recognised,
              villages: set.total.villages,
              meeting: set.total.meeting,
            })}
          </p>
          {!commune && set.communes.length > 0 && (
            <table className="villages-communes">
              <caption>{t("villages.communes")}</caption>
              <tbody>
                {set.communes.map((row) => (
                  <tr key={row.code}>
                    <th scope="row">
                      <Link to={`/villages/${encodeURIComponent(row.code)}`}>{row.name}</Link>
                    </th>
                    <td>
                      {t("villages.summary", {
                        recognised: row.counts.recognised,
                        villages: row.counts.villages,
                        meeting: row.counts.meeting,
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      ))}
      {commune && list.isPending && <PageLoading />}
      {commune && list.isError && (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      )}
      {commune && list.data && <CommuneVillages data={list.data} year={year} />}
    </main>
  );
}

function CommuneVillages({ data, year }: { data: VillageListResponse; year: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      {data.sets.map((set) =>
        set.refusal ? <Alert key={set.code} type="warning" showIcon message={set.refusal} /> : null,
      )}
      {data.villages.length === 0 && <p>{t("villages.none")}</p>}
      <ul className="villages-list">
        {data.villages.map((village) => (
          <li key={village.code} className="village-row" data-testid={`village-${village.code}`}>
            <div className="village-head">
              <strong>{village.name}</strong>
              {village.formedFrom.length > 0 && (
                <small>
                  {t("villages.formedFrom", {
                    names: village.formedFrom.map((item) => item.name).join(", "),
                  })}
                </small>
              )}
            </div>
            {data.sets.map((set) => {
              const result = village.results.find((row) => row.setCode === set.code);
              const recognition = village.recognitions.find((row) => row.setCode === set.code);
              const key = `${village.code}|${set.code}`;
              return (
                <div key={set.code} className="village-set-line">
                  <span className="village-set-name">{set.kindName}</span>
                  {result ? (
                    <Tag color={result.meets ? "green" : "default"}>
                      {t("villages.met", { met: result.criteriaMet, total: result.criteriaTotal })}{" "}
                      · {t(result.meets ? "villages.meets" : "villages.notMeets")}
                    </Tag>
                  ) : (
                    <Tag>{t("villages.noResult")}</Tag>
                  )}
                  {recognition && <Tag color="blue">{recognition.statusName}</Tag>}
                  <Button
                    size="small"
                    onClick={() => setOpen(open === key ? null : key)}
                    aria-expanded={open === key}
                    data-testid={`village-open-${village.code}`}
                  >
                    {t(open === key ? "villages.close" : "villages.open")}
                  </Button>
                  {open === key && (
                    <VillageCard code={village.code} setCode={set.code} year={year} />
                  )}
                </div>
              );
            })}
          </li>
        ))}
      </ul>
      {data.canManage && <AddVillage communeCode={data.commune.code} />}
    </>
  );
}

function AddVillage({ communeCode }: { communeCode: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const add = useMutation({
    mutationFn: (values: { name: string; validFrom: string; basis: string }) =>
      createVillage(communeCode, values),
    onSuccess: () => {
      form.resetFields();
      void client.invalidateQueries({ queryKey: villageKeys.all });
    },
  });
  return (
    <Card size="small" title={t("villages.add")} className="villages-add">
      {add.isError && <Alert type="error" showIcon message={errorMessage(add.error)} />}
      <Form form={form} layout="vertical" onFinish={(values) => add.mutate(values)}>
        <Form.Item name="name" label={t("villages.name")} rules={[{ required: true }]}>
          <Input data-testid="village-new-name" />
        </Form.Item>
        <Form.Item name="validFrom" label={t("villages.validFrom")} rules={[{ required: true }]}>
          <DateField data-testid="village-new-from" />
        </Form.Item>
        <Form.Item name="basis" label={t("villages.basisField")} rules={[{ required: true }]}>
          <Input data-testid="village-new-basis" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="village-add">
          {t("villages.save")}
        </Button>
      </Form>
    </Card>
  );
}

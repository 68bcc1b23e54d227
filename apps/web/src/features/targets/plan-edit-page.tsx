import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { PlanInput, PlanResponse } from "@ntm/contracts";
import { fundingSourceNames, fundingSources, type FundingSource } from "@ntm/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Input, InputNumber, Select, Space, Typography } from "antd";
import { useState } from "react";
import { Link, Navigate, useNavigate, useParams } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { errorMessage, isApiError } from "../../lib/api-client.ts";
import { formatNumber, parseLocalNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { fetchPlan, savePlan } from "./targets-api.ts";
import "./targets.css";
import { DateField } from "../../components/date-field.tsx";

interface TaskDraft {
  title: string;
  owner: string;
  due: string;
  progress: number;
}

interface ItemDraft {
  criterionCode: string;
  investment: string;
  funding: Partial<Record<FundingSource, string>>;
  tasks: TaskDraft[];
}

interface Draft {
  criteria: string[];
  landUseFeeRevenue: string;
  items: ItemDraft[];
}

const moneyText = (value: number | null | undefined) =>
  value === null || value === undefined ? "" : formatNumber(value, "vi", 0);

function draftOf(data: PlanResponse): Draft {
  return {
    criteria: data.plan?.criteria ?? data.path.map((step) => step.criterionCode),
    landUseFeeRevenue: moneyText(data.plan?.landUseFeeRevenue),
    items: (data.plan?.items ?? []).map((item) => ({
      criterionCode: item.criterionCode,
      investment: moneyText(item.investment),
      funding: Object.fromEntries(
        Object.entries(item.funding).map(([source, amount]) => [source, moneyText(amount)]),
      ),
      tasks: item.tasks.map((task) => ({ ...task })),
    })),
  };
}

/** Reads "1.234.500" (đồng); null for an empty box, undefined for text that is not an amount. */
function readMoney(text: string): number | null | undefined {
  const parsed = parseLocalNumber(text);
  if (!parsed.ok || (parsed.value !== null && parsed.value < 0)) return undefined;
  return parsed.value === null ? null : Math.round(parsed.value);
}

type Built = { ok: true; input: Omit<PlanInput, "version"> } | { ok: false; bad: string[] };

function build(draft: Draft): Built {
  const bad: string[] = [];
  const money = (text: string, where: string) => {
    const value = readMoney(text);
    if (value === undefined) bad.push(where);
    return value ?? null;
  };
  const input = {
    criteria: draft.criteria,
    landUseFeeRevenue: money(draft.landUseFeeRevenue, "landUseFeeRevenue"),
    items: draft.items.map((item, index) => ({
      criterionCode: item.criterionCode,
      investment: money(item.investment, `${index}.investment`) ?? 0,
      funding: Object.fromEntries(
        Object.entries(item.funding).flatMap(([source, text]) => {
          const value = money(text ?? "", `${index}.${source}`);
          return value === null ? [] : [[source, value]];
        }),
      ),
      tasks: item.tasks,
    })),
  };
  return bad.length > 0 ? { ok: false, bad } : { ok: true, input };
}

/** An amount in đồng typed the Vietnamese way; shown grouped ("1.234.500") when the box is left. */
function MoneyInput(props: {
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  label: string;
  testId?: string;
}) {
  return (
    <Input
      inputMode="numeric"
      value={props.value}
      aria-label={props.label}
      status={props.invalid ? "error" : undefined}
      suffix="đ"
      data-testid={props.testId}
      onChange={(event) => props.onChange(event.target.value)}
      onBlur={() => {
        const value = readMoney(props.value);
        if (value !== undefined && value !== null) props.onChange(moneyText(value));
      }}
    />
  );
}

/** /plans/:code/:year/edit — the commune's plan: criteria, funding by source, tasks. */
export function PlanEditPage() {
  const { code = "", year = "" } = useParams();
  const query = useQuery({
    queryKey: ["targets", "plan", code, year],
    queryFn: ({ signal }) => fetchPlan(code, Number(year), signal),
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <PageLoading />;
  // No form for an account the policy only lets read the plan: it sees the plan itself.
  if (!query.data.can.edit)
    return <Navigate to={`/plans/${encodeURIComponent(code)}/${year}`} replace />;
  return (
    <PlanForm key={query.data.version} data={query.data} onReload={() => void query.refetch()} />
  );
}

function PlanForm({ data, onReload }: { data: PlanResponse; onReload: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(data));
  const [bad, setBad] = useState<string[]>([]);
  const mutation = useMutation({
    mutationFn: (input: Omit<PlanInput, "version">) =>
      savePlan(data.unit.code, data.year, { ...input, version: data.version }),
    onSuccess: (saved) => {
      client.setQueryData(["targets", "plan", data.unit.code, String(data.year)], saved);
      void navigate(`/plans/${encodeURIComponent(data.unit.code)}/${data.year}`);
    },
  });
  const criterionName = (criterion: string) =>
    `${criterion}. ${data.criteria.find((c) => c.code === criterion)?.name ?? ""}`;
  const setItem = (index: number, change: (item: ItemDraft) => ItemDraft) =>
    setDraft((current) => ({
      ...current,
      items: current.items.map((item, at) => (at === index ? change(item) : item)),
    }));
  const unused = draft.criteria.filter(
    (c) => !draft.items.some((item) => item.criterionCode === c),
  );
  const conflict = isApiError(mutation.error, "VERSION_CONFLICT");

  return (
    <div className="page plan-edit-page" data-testid="plan-edit-page">
      <Typography.Title level={1} className="page-title">
        <Link to={`/plans/${encodeURIComponent(data.unit.code)}/${data.year}`}>
          {data.unit.name}
        </Link>{" "}
        — {t("targets.edit.title", { year: data.year })}
      </Typography.Title>
      {conflict && (
        <Alert
          type="error"
          showIcon
          data-testid="plan-conflict"
          title={errorMessage(mutation.error)}
          action={<Button onClick={onReload}>{t("targets.edit.reload")}</Button>}
        />
      )}
      {mutation.isError && !conflict && (
        <Alert type="error" showIcon title={errorMessage(mutation.error)} />
      )}
      {bad.length > 0 && <Alert type="error" showIcon title={t("targets.edit.badMoney")} />}
      <section className="section">
        <h2>{t("targets.edit.criteria")}</h2>
        <Select
          mode="multiple"
          className="plan-criteria-select"
          data-testid="plan-criteria"
          value={draft.criteria}
          onChange={(criteria) => setDraft((current) => ({ ...current, criteria }))}
          options={data.criteria.map((c) => ({ value: c.code, label: criterionName(c.code) }))}
          aria-label={t("targets.edit.criteria")}
        />
        <label className="plan-field">
          <span>{t("targets.edit.landUseFee")}</span>
          <MoneyInput
            label={t("targets.edit.landUseFee")}
            value={draft.landUseFeeRevenue}
            invalid={bad.includes("landUseFeeRevenue")}
            onChange={(value) => setDraft((current) => ({ ...current, landUseFeeRevenue: value }))}
          />
        </label>
      </section>
      <section className="section">
        <h2>{t("targets.plan.items")}</h2>
        {draft.items.map((item, index) => (
          <Card
            key={`${item.criterionCode}-${index}`}
            size="small"
            className="plan-item"
            data-testid={`plan-item-${index}`}
            title={criterionName(item.criterionCode)}
            extra={
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t("targets.edit.removeItem")}
                onClick={() =>
                  setDraft((current) => ({
                    ...current,
                    items: current.items.filter((_, at) => at !== index),
                  }))
                }
              />
            }
          >
            <div className="plan-money-grid">
              <label className="plan-field">
                <span>{t("targets.plan.investment")}</span>
                <MoneyInput
                  label={t("targets.plan.investment")}
                  testId={`plan-investment-${index}`}
                  value={item.investment}
                  invalid={bad.includes(`${index}.investment`)}
                  onChange={(value) => setItem(index, (row) => ({ ...row, investment: value }))}
                />
              </label>
              {fundingSources.map((source) => (
                <label key={source} className="plan-field">
                  <span>{fundingSourceNames[source]}</span>
                  <MoneyInput
                    label={fundingSourceNames[source]}
                    testId={`plan-funding-${index}-${source}`}
                    value={item.funding[source] ?? ""}
                    invalid={bad.includes(`${index}.${source}`)}
                    onChange={(value) =>
                      setItem(index, (row) => ({
                        ...row,
                        funding: { ...row.funding, [source]: value },
                      }))
                    }
                  />
                </label>
              ))}
            </div>
            <h3>{t("targets.plan.tasks")}</h3>
            {item.tasks.map((task, taskIndex) => {
              const setTask = (change: Partial<TaskDraft>) =>
                setItem(index, (row) => ({
                  ...row,
                  tasks: row.tasks.map((entry, at) =>
                    at === taskIndex ? { ...entry, ...change } : entry,
                  ),
                }));
              return (
                <div className="plan-task" key={taskIndex}>
                  <Input
                    aria-label={t("targets.plan.tasks")}
                    placeholder={t("targets.plan.tasks")}
                    value={task.title}
                    onChange={(event) => setTask({ title: event.target.value })}
                  />
                  <Input
                    aria-label={t("targets.plan.owner")}
                    placeholder={t("targets.plan.owner")}
                    value={task.owner}
                    onChange={(event) => setTask({ owner: event.target.value })}
                  />
                  <DateField
                    aria-label={t("targets.plan.due")}
                    value={task.due}
                    onChange={(due) => setTask({ due })}
                  />
                  <InputNumber
                    aria-label={t("targets.plan.progress")}
                    min={0}
                    max={100}
                    value={task.progress}
                    suffix="%"
                    onChange={(value) => setTask({ progress: value ?? 0 })}
                  />
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t("targets.edit.removeTask")}
                    onClick={() =>
                      setItem(index, (row) => ({
                        ...row,
                        tasks: row.tasks.filter((_, at) => at !== taskIndex),
                      }))
                    }
                  />
                </div>
              );
            })}
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                setItem(index, (row) => ({
                  ...row,
                  tasks: [
                    ...row.tasks,
                    { title: "", owner: "", due: `${data.year}-06-30`, progress: 0 },
                  ],
                }))
              }
            >
              {t("targets.edit.addTask")}
            </Button>
          </Card>
        ))}
        {unused.length > 0 && (
          <Space wrap>
            {unused.map((criterion) => (
              <Button
                key={criterion}
                icon={<PlusOutlined />}
                data-testid={`plan-add-${criterion}`}
                onClick={() =>
                  setDraft((current) => ({
                    ...current,
                    items: [
                      ...current.items,
                      { criterionCode: criterion, investment: "", funding: {}, tasks: [] },
                    ],
                  }))
                }
              >
                {t("targets.edit.addItem", { criterion })}
              </Button>
            ))}
          </Space>
        )}
      </section>
      <div className="plan-save">
        <Button
          type="primary"
          data-testid="plan-save"
          loading={mutation.isPending}
          onClick={() => {
            const built = build(draft);
            if (!built.ok) {
              setBad(built.bad);
              return;
            }
            setBad([]);
            mutation.mutate(built.input);
          }}
        >
          {t("targets.edit.save")}
        </Button>
        <Link to={`/plans/${encodeURIComponent(data.unit.code)}/${data.year}`}>
          {t("targets.edit.cancel")}
        </Link>
      </div>
    </div>
  );
}

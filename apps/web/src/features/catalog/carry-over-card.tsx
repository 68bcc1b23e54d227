import type { CarryOverInput, CarryOverResponse } from "@ntm/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Radio, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { DateField } from "../../components/date-field.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { errorMessage } from "../../lib/api-client.ts";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { carryOverQueryKey, fetchCarryOver, saveCarryOver } from "./catalog-api.ts";

/** How 2021–2025 recognitions carry into the 2026–2030 set: read by all, changed by the province. */
export function CarryOverCard({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const query = useQuery({ queryKey: carryOverQueryKey, queryFn: fetchCarryOver });
  const [editing, setEditing] = useState(false);
  if (query.isError) {
    return compact ? null : <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const data = query.data;
  if (!data) return null;
  const basis = data.rule.basis ? (
    <span>
      {t("catalog.carryOver.basis")}: {data.rule.basis.document}
      {data.rule.basis.date ? ` (${formatDate(data.rule.basis.date)})` : ""}
    </span>
  ) : (
    <Tag color="warning">{t("catalog.carryOver.noBasis")}</Tag>
  );
  if (compact) {
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t("catalog.carryOver.title")}
        description={
          <Space direction="vertical" size={4}>
            <span data-testid="carry-over-text">{data.text}</span>
            {data.rule.note ? <span>{data.rule.note}</span> : null}
          </Space>
        }
      />
    );
  }
  return (
    <Card title={t("catalog.carryOver.title")} style={{ marginBottom: 16 }}>
      <Space direction="vertical" size={8} style={{ width: "100%" }}>
        <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="carry-over-text">
          {data.text}
        </Typography.Paragraph>
        {data.rule.note ? (
          <Typography.Text type="secondary">{data.rule.note}</Typography.Text>
        ) : null}
        <span>{basis}</span>
        <Typography.Text type="secondary">
          {data.isDefault
            ? t("catalog.carryOver.default", { date: formatDate(data.newSetFrom) })
            : t("catalog.carryOver.changed", {
                user: data.updatedBy ?? "",
                at: formatDateTime(data.updatedAt),
              })}
        </Typography.Text>
        {data.can.edit && !editing ? (
          <Button onClick={() => setEditing(true)}>{t("catalog.carryOver.edit")}</Button>
        ) : null}
        {editing ? <CarryOverForm data={data} onDone={() => setEditing(false)} /> : null}
      </Space>
    </Card>
  );
}

interface FormValues {
  mode: CarryOverInput["mode"];
  deadline?: string;
  document?: string;
  date?: string;
  note?: string;
}

function CarryOverForm({ data, onDone }: { data: CarryOverResponse; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const mode = Form.useWatch("mode", form);
  const save = useMutation({
    mutationFn: (values: FormValues) =>
      saveCarryOver(data.provinceCode, {
        mode: values.mode,
        ...(values.mode === "reassess_by" && values.deadline ? { deadline: values.deadline } : {}),
        basis: values.document?.trim()
          ? { document: values.document.trim(), ...(values.date ? { date: values.date } : {}) }
          : null,
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(carryOverQueryKey, saved);
      void message.success(t("catalog.carryOver.saved"));
      onDone();
    },
  });
  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={{
        mode: data.rule.mode,
        deadline: data.rule.deadline,
        document: data.rule.basis?.document,
        date: data.rule.basis?.date,
        note: data.rule.note,
      }}
      onFinish={(values) => save.mutate(values)}
    >
      <Form.Item name="mode" label={t("catalog.carryOver.mode")}>
        <Radio.Group>
          <Space direction="vertical">
            <Radio value="keep_until_reassessed">{t("catalog.carryOver.keep")}</Radio>
            <Radio value="reassess_by">{t("catalog.carryOver.reassessBy")}</Radio>
            <Radio value="lapse_at_new_set">{t("catalog.carryOver.lapse")}</Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      {mode === "reassess_by" ? (
        <Form.Item
          name="deadline"
          label={t("catalog.carryOver.deadline")}
          rules={[{ required: true, message: t("catalog.carryOver.deadlineRequired") }]}
        >
          <DateField />
        </Form.Item>
      ) : null}
      <Form.Item
        name="document"
        label={t("catalog.basisDocument")}
        extra={t("catalog.carryOver.basisHelp")}
      >
        <Input placeholder="25/KH-UBND" />
      </Form.Item>
      <Form.Item name="date" label={t("catalog.basisDate")}>
        <DateField />
      </Form.Item>
      <Form.Item name="note" label={t("catalog.note")}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      {save.isError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={errorMessage(save.error)}
        />
      ) : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("catalog.save")}
        </Button>
        <Button onClick={onDone}>{t("catalog.cancel")}</Button>
      </Space>
    </Form>
  );
}

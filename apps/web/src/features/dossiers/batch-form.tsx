import type { BatchDto } from "@ntm/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, DatePicker, Form, Input, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { errorMessage } from "../../lib/api-client.ts";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useYear, years } from "../../lib/year-context.tsx";
import { dossierKeys } from "./dossiers-api.ts";
import { createBatch, fetchFilingOptions, filingKeys } from "./filing-api.ts";

interface BatchValues {
  name: string;
  year: number;
  deadline: Dayjs;
}

/** The province opens a recognition batch (a name, a year, a deadline) for communes to file in. */
export function BatchForm({ provinceCode }: { provinceCode: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { year } = useYear();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<BatchValues>();
  const options = useQuery({
    queryKey: filingKeys.options("recognition"),
    queryFn: ({ signal }) => fetchFilingOptions("recognition", signal),
  });
  const open = useMutation({
    mutationFn: (values: BatchValues) =>
      createBatch({
        provinceCode,
        name: values.name.trim(),
        year: values.year,
        deadline: values.deadline.format("YYYY-MM-DD"),
      }),
    onSuccess: (batch: BatchDto) => {
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: dossierKeys.all });
      void message.success(t("filing.batchCreated", { name: batch.name }));
    },
  });
  const today = options.data?.today;
  const openBatches = options.data?.batches ?? [];
  return (
    <Card title={t("filing.batchTitle")} style={{ marginBottom: 16 }} data-testid="batch-card">
      <p className="page-meta" data-testid="open-batches">
        {openBatches.length === 0
          ? t("filing.noOpenBatchOffice")
          : t("filing.openBatches", {
              list: openBatches
                .map((batch) =>
                  t("filing.batchOption", { name: batch.name, date: formatDate(batch.deadline) }),
                )
                .join("; "),
            })}
      </p>
      <Form<BatchValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ year }}
        onFinish={(values) => open.mutate(values)}
        data-testid="batch-form"
      >
        <div className="form-row">
          <Form.Item
            name="name"
            label={t("filing.batchName")}
            rules={[{ required: true, whitespace: true, message: t("filing.batchName") }]}
          >
            <Input placeholder={t("filing.batchNamePlaceholder")} data-testid="batch-name" />
          </Form.Item>
          <Form.Item name="year" label={t("filing.batchYear")}>
            <Select options={years.map((value) => ({ value, label: String(value) }))} />
          </Form.Item>
          <Form.Item
            name="deadline"
            label={t("filing.batchDeadline")}
            rules={[{ required: true, message: t("filing.batchDeadline") }]}
          >
            <DatePicker
              format="DD/MM/YYYY"
              placeholder="dd/mm/yyyy"
              disabledDate={(date) => (today ? date.isBefore(dayjs(today), "day") : false)}
              data-testid="batch-deadline"
            />
          </Form.Item>
        </div>
        {open.isError && <Alert type="error" showIcon title={errorMessage(open.error)} />}
        <Button
          type="primary"
          htmlType="submit"
          loading={open.isPending}
          data-testid="batch-create"
        >
          {t("filing.batchCreate")}
        </Button>
      </Form>
    </Card>
  );
}

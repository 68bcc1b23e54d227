import type { CatalogOverrideInput, CatalogSetSummary } from "@ntm/contracts";
import { selectSetInForce, type Indicator } from "@ntm/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Typography,
} from "antd";
import { useMemo } from "react";
import { DateField } from "../../components/date-field.tsx";
import { isApiError, errorMessage } from "../../lib/api-client.ts";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { catalogSetsQueryKey, createProvincialVersion, fetchSet } from "./catalog-api.ts";

interface EntryValues {
  indicatorCode?: string;
  level?: string;
  classes?: string[];
  value?: number | boolean;
}

interface FormValues {
  effectiveFrom?: string;
  document?: string;
  date?: string;
  name?: string;
  entries: EntryValues[];
}

/**
 * A province enters thresholds from its own decision: the set in force in the province on the
 * decision's start date is the base; the new version applies from that date, earlier versions keep
 * the years before it.
 */
export function OverrideForm({
  sets,
  provinceCode,
}: {
  sets: CatalogSetSummary[];
  provinceCode: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const effectiveFrom = Form.useWatch("effectiveFrom", form);
  const entries = Form.useWatch("entries", form) ?? [];

  const base = useMemo(() => {
    if (!effectiveFrom) return null;
    const headers = sets
      .filter((set) => set.unitLevel === "commune")
      .map((set) => ({ ...set, effectiveFrom: set.effectiveFrom }));
    return (
      selectSetInForce(headers, { year: Number(effectiveFrom.slice(0, 4)), provinceCode })?.set ??
      null
    );
  }, [effectiveFrom, sets, provinceCode]);
  const detail = useQuery({
    queryKey: ["catalog", "set", base?.id],
    queryFn: () => fetchSet(base?.id as number),
    enabled: base !== null,
  });
  const definition = detail.data?.definition;
  const indicators = useMemo<Indicator[]>(
    () =>
      definition
        ? [
            ...definition.criteria.flatMap((criterion) => criterion.indicators),
            ...definition.levels.flatMap((level) => level.conditions ?? []),
          ]
        : [],
    [definition],
  );

  const create = useMutation({
    mutationFn: (input: CatalogOverrideInput) => createProvincialVersion(input),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: catalogSetsQueryKey });
      void message.success(
        t("catalog.override.saved", { code: result.set.code, version: result.set.version }),
      );
      form.resetFields();
    },
  });

  const submit = (values: FormValues) =>
    create.mutate({
      provinceCode,
      effectiveFrom: values.effectiveFrom as string,
      basis: { document: (values.document ?? "").trim(), date: values.date as string },
      ...(values.name?.trim() ? { name: values.name.trim() } : {}),
      entries: values.entries.map((entry) => ({
        indicatorCode: entry.indicatorCode as string,
        level: entry.level as CatalogOverrideInput["entries"][number]["level"],
        ...(entry.classes && entry.classes.length > 0 ? { classes: entry.classes } : {}),
        value: entry.value as number | boolean,
      })),
    });

  const classWord =
    definition?.classification.kind === "region" ? t("catalog.region") : t("catalog.group");

  return (
    <Card title={t("catalog.override.title")} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t("catalog.override.intro")}</Typography.Paragraph>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ entries: [{}] }}
        onFinish={submit}
      >
        <Space wrap align="start">
          <Form.Item
            name="effectiveFrom"
            label={t("catalog.override.effectiveFrom")}
            rules={[{ required: true, message: t("catalog.required") }]}
          >
            <DateField />
          </Form.Item>
          <Form.Item
            name="document"
            label={t("catalog.basisDocument")}
            rules={[{ required: true, whitespace: true, message: t("catalog.required") }]}
          >
            <Input placeholder="12/2026/QĐ-UBND" />
          </Form.Item>
          <Form.Item
            name="date"
            label={t("catalog.basisDate")}
            rules={[{ required: true, message: t("catalog.required") }]}
          >
            <DateField />
          </Form.Item>
        </Space>
        <Form.Item name="name" label={t("catalog.override.name")}>
          <Input maxLength={300} />
        </Form.Item>
        {base ? (
          <Typography.Paragraph data-testid="override-base">
            {t("catalog.override.base", {
              name: base.name,
              version: base.version,
              date: formatDate(base.effectiveFrom),
            })}
          </Typography.Paragraph>
        ) : effectiveFrom ? (
          <Alert type="warning" showIcon title={t("catalog.override.noBase")} />
        ) : null}
        {definition ? (
          <Form.List name="entries">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: "100%" }}>
                {fields.map((field, index) => {
                  const indicator = indicators.find(
                    (item) => item.code === entries[index]?.indicatorCode,
                  );
                  return (
                    <Space key={field.key} wrap align="start">
                      <Form.Item
                        name={[field.name, "indicatorCode"]}
                        label={t("catalog.override.indicator")}
                        rules={[{ required: true, message: t("catalog.required") }]}
                      >
                        <Select
                          showSearch
                          optionFilterProp="label"
                          style={{ width: 320 }}
                          options={indicators.map((item) => ({
                            value: item.code,
                            label: `${item.code} ${item.name}`,
                          }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, "level"]}
                        label={t("catalog.override.level")}
                        rules={[{ required: true, message: t("catalog.required") }]}
                      >
                        <Select
                          style={{ width: 200 }}
                          options={definition.levels.map((level) => ({
                            value: level.code,
                            label: level.name,
                          }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, "classes"]}
                        label={classWord}
                        extra={t("catalog.override.allClasses")}
                      >
                        <Select
                          mode="multiple"
                          style={{ width: 220 }}
                          options={definition.classification.values.map((value) => ({
                            value: value.code,
                            label: value.name,
                          }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, "value"]}
                        label={
                          indicator
                            ? `${t("catalog.override.value")} (${indicator.comparator === "is" ? t("catalog.override.required") : `${indicator.comparator} ${indicator.unit ?? ""}`})`
                            : t("catalog.override.value")
                        }
                        rules={[{ required: true, message: t("catalog.required") }]}
                      >
                        {indicator?.kind === "boolean" ? (
                          <Select
                            style={{ width: 120 }}
                            options={[
                              { value: true, label: t("common.yes") },
                              { value: false, label: t("common.no") },
                            ]}
                          />
                        ) : (
                          <InputNumber decimalSeparator="," style={{ width: 140 }} />
                        )}
                      </Form.Item>
                      {fields.length > 1 ? (
                        <Button style={{ marginTop: 30 }} onClick={() => remove(field.name)}>
                          {t("catalog.override.remove")}
                        </Button>
                      ) : null}
                    </Space>
                  );
                })}
                <Button onClick={() => add({})}>{t("catalog.override.add")}</Button>
              </Space>
            )}
          </Form.List>
        ) : null}
        {create.isError ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={errorMessage(create.error)}
            description={
              isApiError(create.error) && create.error.details.length > 0 ? (
                <ul data-testid="override-problems">
                  {create.error.details.map((detail) => (
                    <li key={`${detail.path}-${detail.message}`}>{detail.message}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        ) : null}
        <Button
          type="primary"
          htmlType="submit"
          style={{ marginTop: 12 }}
          loading={create.isPending}
          disabled={!definition}
        >
          {t("catalog.override.submit")}
        </Button>
      </Form>
    </Card>
  );
}

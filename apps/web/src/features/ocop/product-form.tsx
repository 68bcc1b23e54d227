import type { OcopCatalog, OcopProductInput } from "@ntm/contracts";
import { Button, Form, Input, Select, Space } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useDebouncedValue } from "../../lib/use-debounced-value.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { CertificateFields, certificateOf, type CertificateValues } from "./certificate-fields.tsx";
import { searchCommunes } from "./ocop-api.ts";

interface ProductValues extends CertificateValues {
  name: string;
  producerKind: OcopProductInput["producerKind"];
  producerName: string;
  producerEmail?: string;
  groupCode: OcopProductInput["groupCode"];
  communeCode: string;
}

/** The form of a product registered with its first certificate. */
export function ProductForm(props: {
  catalog: OcopCatalog;
  today: string;
  saving: boolean;
  onSubmit: (input: OcopProductInput) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ProductValues>();
  const [search, setSearch] = useState("");
  const query = useDebouncedValue(search, 300);
  const date = Form.useWatch("decisionDate", form) || props.today;
  const communes = useQuery({
    queryKey: ["ocop", "communes", query, date],
    queryFn: () => searchCommunes(query, date),
    enabled: query.trim().length >= 2,
  });
  const required = [{ required: true, message: t("ocop.form.required") }];
  const submit = (values: ProductValues) =>
    props.onSubmit({
      name: values.name,
      producerKind: values.producerKind,
      producerName: values.producerName,
      producerEmail: values.producerEmail ? values.producerEmail : null,
      groupCode: values.groupCode,
      communeCode: values.communeCode,
      certificate: certificateOf(values),
    });
  return (
    <Form<ProductValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ producerKind: "cooperative", issuerLevel: "province" }}
      data-testid="ocop-product-form"
    >
      <Form.Item name="name" label={t("ocop.form.name")} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="groupCode" label={t("ocop.form.group")} rules={required}>
        <Select
          options={props.catalog.groups.map((group) => ({ value: group.code, label: group.name }))}
        />
      </Form.Item>
      <Form.Item name="producerKind" label={t("ocop.form.producerKind")} rules={required}>
        <Select
          options={props.catalog.producerKinds.map((kind) => ({
            value: kind.code,
            label: kind.name,
          }))}
        />
      </Form.Item>
      <Form.Item name="producerName" label={t("ocop.form.producerName")} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="producerEmail" label={t("ocop.form.producerEmail")}>
        <Input type="email" />
      </Form.Item>
      <Form.Item name="communeCode" label={t("ocop.form.commune")} rules={required}>
        <Select
          showSearch
          filterOption={false}
          onSearch={setSearch}
          loading={communes.isFetching}
          options={(communes.data ?? []).map((unit) => ({
            value: unit.code,
            label: `${unit.name} (${unit.code})`,
          }))}
        />
      </Form.Item>
      <CertificateFields catalog={props.catalog} />
      <Space>
        <Button type="primary" htmlType="submit" loading={props.saving}>
          {t("ocop.form.save")}
        </Button>
        <Button onClick={props.onCancel}>{t("ocop.form.cancel")}</Button>
      </Space>
    </Form>
  );
}

import type { OcopCatalog } from "@ntm/contracts";
import { rateProduct } from "@ntm/domain";
import { Form, Input, InputNumber, Select, Typography } from "antd";
import { DateField } from "../../components/date-field.tsx";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";

export interface CertificateValues {
  scoreA: number;
  scoreB: number;
  scoreC: number;
  stars: number;
  decisionNumber: string;
  decisionDate: string;
  issuer: string;
  issuerLevel: "province" | "national";
}

export function certificateOf(values: CertificateValues) {
  return {
    scores: { A: values.scoreA, B: values.scoreB, C: values.scoreC },
    stars: values.stars,
    decisionNumber: values.decisionNumber,
    decisionDate: values.decisionDate,
    issuer: values.issuer,
    issuerLevel: values.issuerLevel,
  };
}

/** The certificate part of a form: scores by part, the stars they give, the decision. */
export function CertificateFields({ catalog }: { catalog: OcopCatalog }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<CertificateValues>();
  const a = Form.useWatch("scoreA", form);
  const b = Form.useWatch("scoreB", form);
  const c = Form.useWatch("scoreC", form);
  const date = Form.useWatch("decisionDate", form);
  const complete = [a, b, c].every((value) => typeof value === "number");
  const rating = complete
    ? rateProduct({ scores: { A: a, B: b, C: c }, date: date || "2099-01-01" })
    : null;
  const required = [{ required: true, message: t("ocop.form.required") }];
  return (
    <>
      <div className="ocop-scores">
        {catalog.parts.map((part) => (
          <Form.Item
            key={part.code}
            name={`score${part.code}`}
            label={t("ocop.form.score", { part: part.code, max: part.max })}
            rules={required}
          >
            <InputNumber min={0} max={part.max} step={0.5} style={{ width: "100%" }} />
          </Form.Item>
        ))}
      </div>
      {rating && (
        <Typography.Paragraph data-testid="ocop-computed">
          {rating.stars
            ? t("ocop.form.computed", {
                total: rating.total,
                stars: t("ocop.stars", { stars: rating.stars }),
              })
            : t("ocop.form.noStars", { total: rating.total })}
        </Typography.Paragraph>
      )}
      <Form.Item name="stars" label={t("ocop.form.stars")} rules={required}>
        <Select
          options={[3, 4, 5].map((value) => ({ value, label: t("ocop.stars", { stars: value }) }))}
        />
      </Form.Item>
      <Form.Item name="decisionNumber" label={t("ocop.form.decisionNumber")} rules={required}>
        <Input placeholder="123/QĐ-UBND" />
      </Form.Item>
      <Form.Item name="decisionDate" label={t("ocop.form.decisionDate")} rules={required}>
        <DateField style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item name="issuer" label={t("ocop.form.issuer")} rules={required}>
        <Input placeholder="UBND tỉnh" />
      </Form.Item>
      <Form.Item name="issuerLevel" label={t("ocop.form.issuerLevel")} rules={required}>
        <Select
          options={(["province", "national"] as const).map((value) => ({
            value,
            label: t(`ocop.form.issuerLevel.${value}`),
          }))}
        />
      </Form.Item>
    </>
  );
}

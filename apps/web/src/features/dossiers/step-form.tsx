import { App, Button, Checkbox, Form, Input, InputNumber } from "antd";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { DateField } from "../../components/date-field.tsx";

type FieldKind =
  | "text"
  | "date"
  | "number"
  | "boolean"
  | "textarea"
  | "dateLines"
  | "memberLines"
  | "contentLines";

interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  help?: string;
}

const decisionFields: FieldSpec[] = [
  { name: "decisionNumber", label: "Số quyết định", kind: "text" },
  { name: "decisionDate", label: "Ngày quyết định", kind: "date" },
  { name: "signer", label: "Người ký", kind: "text" },
  { name: "publishedOn", label: "Ngày công bố", kind: "date" },
];

/** The fields each step records; the server checks the rules (broadcasts, satisfaction, votes). */
export const stepFields: Record<string, FieldSpec[]> = {
  self_assessment: [
    { name: "reportNumber", label: "Số báo cáo", kind: "text" },
    { name: "reportDate", label: "Ngày báo cáo", kind: "date" },
  ],
  front_comments: [
    { name: "organisation", label: "Tổ chức góp ý", kind: "text" },
    { name: "date", label: "Ngày góp ý", kind: "date" },
    { name: "content", label: "Nội dung góp ý", kind: "textarea" },
  ],
  public_posting: [
    { name: "postingFrom", label: "Niêm yết từ ngày", kind: "date" },
    { name: "postingTo", label: "Đến ngày", kind: "date" },
    { name: "places", label: "Nơi niêm yết (mỗi dòng một nơi)", kind: "textarea" },
    {
      name: "broadcasts",
      label: "Ngày phát thanh trên loa (mỗi dòng một ngày, dd/mm/yyyy)",
      kind: "dateLines",
    },
  ],
  satisfaction_survey: [
    { name: "formsIssued", label: "Số phiếu phát ra", kind: "number" },
    { name: "formsReturned", label: "Số phiếu thu về", kind: "number" },
    { name: "formsSatisfied", label: "Số phiếu hài lòng", kind: "number" },
  ],
  verification: [
    { name: "reportNumber", label: "Số báo cáo thẩm tra", kind: "text" },
    { name: "reportDate", label: "Ngày báo cáo", kind: "date" },
    { name: "noticeDate", label: "Ngày thông báo công khai", kind: "date" },
    { name: "noConstructionDebt", label: "Không còn nợ đọng xây dựng cơ bản", kind: "boolean" },
    { name: "debtEvidence", label: "Tài liệu chứng minh không nợ đọng", kind: "text" },
    {
      name: "securityNotComplicated",
      label: "Không phức tạp về an ninh, trật tự",
      kind: "boolean",
    },
  ],
  appraisal: [
    { name: "siteVisitDate", label: "Ngày kiểm tra thực tế", kind: "date" },
    { name: "siteVisitNote", label: "Kết quả kiểm tra thực tế", kind: "textarea" },
  ],
  council_vote: [
    { name: "meetingDate", label: "Ngày họp Hội đồng", kind: "date" },
    {
      name: "members",
      label: "Thành viên và phiếu (mỗi dòng: Họ tên | tán thành / không tán thành)",
      kind: "memberLines",
    },
  ],
  decision: decisionFields,
  revocation_proposal: [
    { name: "reportNumber", label: "Số tờ trình", kind: "text" },
    { name: "reportDate", label: "Ngày tờ trình", kind: "date" },
    { name: "reason", label: "Lý do đề nghị thu hồi", kind: "textarea" },
  ],
  revocation_review: [
    { name: "reportNumber", label: "Số báo cáo thẩm định", kind: "text" },
    { name: "reportDate", label: "Ngày báo cáo", kind: "date" },
    { name: "conclusion", label: "Kết luận", kind: "textarea" },
  ],
  revocation_decision: decisionFields,
};

/** Districts: satisfaction per content in every commune (QĐ 320: ≥ 80 % each). */
const districtSurveyFields: FieldSpec[] = [
  ...(stepFields.satisfaction_survey as FieldSpec[]),
  {
    name: "contents",
    label: "Tỷ lệ hài lòng theo từng nội dung ở từng xã (mỗi dòng: Xã | nội dung | tỷ lệ %)",
    kind: "contentLines",
    help: "Ví dụ: Xã Đắk Pék | Giao thông | 92,5",
  },
];

/** The fields of a step for a commune or a district dossier. */
export function fieldsFor(step: string, unitLevel: string): FieldSpec[] {
  if (step === "satisfaction_survey" && unitLevel === "district") return districtSurveyFields;
  return stepFields[step] ?? [];
}

/** "Xã A | Giao thông | 92,5" → { commune, content, rate }; a line that does not parse is kept for the server to refuse. */
export function parseContentLine(line: string) {
  const [commune = "", content = "", rate = ""] = line.split("|").map((part) => part.trim());
  return {
    commune,
    content,
    rate: Number(rate.replace("%", "").replace(",", ".").trim()),
  };
}

function toIso(line: string): string {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(line.trim());
  if (!match) return line.trim();
  return `${match[3]}-${(match[2] as string).padStart(2, "0")}-${(match[1] as string).padStart(2, "0")}`;
}

const lines = (text: unknown) =>
  String(text ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/** Turns the form values into the body the API expects for the step. */
export function toStepPayload(
  step: string,
  values: Record<string, unknown>,
  unitLevel = "commune",
): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of fieldsFor(step, unitLevel)) {
    const value = values[field.name];
    if (field.kind === "dateLines") payload[field.name] = lines(value).map(toIso);
    else if (field.kind === "contentLines")
      payload[field.name] = lines(value).map(parseContentLine);
    else if (field.kind === "memberLines") {
      payload[field.name] = lines(value).map((line) => {
        const [name, vote = ""] = line.split("|").map((part) => part.trim());
        const v = vote.toLowerCase();
        return {
          name,
          vote:
            v.startsWith("không tán") || v === "against"
              ? "against"
              : v.startsWith("tán") || v === "for"
                ? "for"
                : "abstain",
        };
      });
    } else if (field.kind === "boolean") payload[field.name] = Boolean(value);
    else payload[field.name] = value ?? (field.kind === "number" ? 0 : "");
  }
  if (step === "public_posting") payload.places = lines(values.places);
  if (step === "front_comments") {
    return {
      comments: [
        { organisation: payload.organisation, date: payload.date, content: payload.content },
      ],
    };
  }
  if (step === "satisfaction_survey" && unitLevel !== "district") payload.contents = [];
  return payload;
}

export function StepForm({
  step,
  unitLevel,
  busy,
  onSubmit,
}: {
  step: string;
  unitLevel: string;
  busy: boolean;
  onSubmit: (payload: Record<string, unknown>) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const fields = fieldsFor(step, unitLevel);
  return (
    <Form
      layout="vertical"
      data-testid="step-form"
      onFinish={(values: Record<string, unknown>) =>
        onSubmit(toStepPayload(step, values, unitLevel))
      }
      onFinishFailed={() => void message.error("Kiểm tra lại các trường còn thiếu.")}
    >
      {fields.map((field) => (
        <Form.Item
          key={field.name}
          name={field.name}
          label={field.kind === "boolean" ? undefined : field.label}
          extra={field.help}
          valuePropName={field.kind === "boolean" ? "checked" : "value"}
          rules={
            field.kind === "boolean"
              ? []
              : [{ required: true, message: `Nhập ${field.label.toLowerCase()}` }]
          }
        >
          {field.kind === "boolean" ? (
            <Checkbox data-testid={`field-${field.name}`}>{field.label}</Checkbox>
          ) : field.kind === "number" ? (
            <InputNumber min={0} style={{ width: "100%" }} data-testid={`field-${field.name}`} />
          ) : field.kind === "date" ? (
            <DateField data-testid={`field-${field.name}`} />
          ) : field.kind === "text" ? (
            <Input data-testid={`field-${field.name}`} />
          ) : (
            <Input.TextArea rows={4} data-testid={`field-${field.name}`} />
          )}
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="complete-step">
        {t("dossiers.complete")}
      </Button>
    </Form>
  );
}

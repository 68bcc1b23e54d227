import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { TargetDto, TargetInput } from "@ntm/contracts";
import { milestoneKinds, targetKinds, type TargetKind } from "@ntm/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Switch } from "antd";
import { errorMessage, isApiError } from "../../lib/api-client.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { queryRoots } from "../../lib/query-keys.ts";
import { saveTarget } from "./targets-api.ts";

interface YearValue {
  year: number | null;
  value: number | null;
}

interface Draft {
  name: string;
  kind: TargetKind;
  level: "standard" | "advanced" | "model" | "modern" | null;
  measure: "count" | "share";
  baselineYear: number;
  deadlineYear: number;
  value: number | null;
  perYear: boolean;
  excludeRecognised: boolean;
  valueUnit: string;
  milestones: YearValue[];
  othersGainPerYear: number | null;
  entered: YearValue[];
  source: string;
}

function draftOf(target: TargetDto | null, year: number): Draft {
  return {
    name: target?.name ?? "",
    kind: target?.kind ?? "communesAtLevel",
    level: target?.level ?? "standard",
    measure: target?.measure ?? "count",
    baselineYear: target?.baselineYear ?? year,
    deadlineYear: target?.deadlineYear ?? year + 1,
    value: target?.value ?? null,
    perYear: target?.perYear ?? false,
    excludeRecognised: target?.excludeRecognised ?? false,
    valueUnit: target?.valueUnit ?? "",
    milestones: target?.milestones.map((step) => ({ ...step })) ?? [],
    othersGainPerYear: target?.othersGainPerYear ?? null,
    entered: target?.entered.map((entry) => ({ ...entry })) ?? [],
    source: target?.source ?? "",
  };
}

const complete = (rows: YearValue[]) =>
  rows.flatMap((row) =>
    row.year === null || row.value === null ? [] : [{ year: row.year, value: row.value }],
  );

function inputOf(draft: Draft, unitCode: string, target: TargetDto | null): TargetInput {
  const kind = draft.kind;
  return {
    unitCode,
    name: draft.name,
    kind,
    baselineYear: draft.baselineYear,
    deadlineYear: draft.deadlineYear,
    value: draft.value ?? 0,
    level: kind === "communesAtLevel" ? draft.level : null,
    measure: kind === "communesAtLevel" || kind === "villagesRecognised" ? draft.measure : null,
    perYear: kind === "gainOverBaseline" && draft.perYear,
    excludeRecognised: draft.excludeRecognised,
    valueUnit: kind === "enteredValue" ? draft.valueUnit.trim() || null : null,
    communeCodes: target?.communeCodes ?? null,
    entered: kind === "enteredValue" ? complete(draft.entered) : [],
    source: draft.source.trim() || null,
    milestones: milestoneKinds.includes(kind) ? complete(draft.milestones) : [],
    othersGainPerYear: kind === "communesAtLevel" ? draft.othersGainPerYear : null,
  };
}

/** Year and value pairs: the milestones before the deadline, or the figures entered by year. */
function YearValues({
  name,
  label,
  addLabel,
  testId,
}: {
  name: "milestones" | "entered";
  label: string;
  addLabel: string;
  testId: string;
}) {
  const { t, language } = useI18n();
  const decimal = language === "vi" ? "," : ".";
  return (
    <Form.Item label={label}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <div className="target-year-values" data-testid={testId}>
            {fields.map((field, index) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item name={[field.name, "year"]} noStyle>
                  <InputNumber
                    min={2000}
                    max={2099}
                    precision={0}
                    placeholder={t("targets.editor.year")}
                    aria-label={`${t("targets.editor.year")} ${index + 1}`}
                    data-testid={`${testId}-year-${index}`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, "value"]} noStyle>
                  <InputNumber
                    min={0}
                    decimalSeparator={decimal}
                    placeholder={t("targets.editor.value")}
                    aria-label={`${t("targets.editor.value")} ${index + 1}`}
                    data-testid={`${testId}-value-${index}`}
                  />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={`${t("targets.editor.remove")} ${index + 1}`}
                />
              </Space>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ year: null, value: null })}
              data-testid={`${testId}-add`}
            >
              {addLabel}
            </Button>
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}

/**
 * Sets or changes a target of a unit: its kind, years and value, the values to reach in the
 * years before the deadline, and for a count of communes the yearly gain of the other communes.
 */
export function TargetEditor({
  unit,
  target,
  year,
  onClose,
}: {
  unit: { code: string; name: string };
  target: TargetDto | null;
  year: number;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<Draft>();
  const kind = Form.useWatch("kind", form) ?? target?.kind ?? "communesAtLevel";
  const mutation = useMutation({
    mutationFn: (draft: Draft) =>
      saveTarget(
        inputOf(draft, target?.unitCode ?? unit.code, target),
        target ? { id: target.id, version: target.version } : null,
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [queryRoots.summary] });
      onClose();
    },
  });
  const conflict = isApiError(mutation.error, "VERSION_CONFLICT");
  const reload = async () => {
    await client.invalidateQueries({ queryKey: [queryRoots.summary] });
    onClose();
  };
  const decimal = language === "vi" ? "," : ".";
  return (
    <Modal
      open
      title={
        target ? t("targets.editor.editTitle") : t("targets.editor.newTitle", { unit: unit.name })
      }
      onCancel={onClose}
      okText={t("targets.editor.save")}
      cancelText={t("targets.editor.cancel")}
      onOk={() => form.submit()}
      okButtonProps={{ loading: mutation.isPending, id: "target-editor-save" }}
      width={640}
      destroyOnHidden
    >
      <Form<Draft>
        form={form}
        layout="vertical"
        initialValues={draftOf(target, year)}
        onFinish={(draft) => mutation.mutate(draft)}
        data-testid="target-editor"
      >
        {mutation.isError && (
          <Alert
            type="error"
            showIcon
            className="target-editor-error"
            data-testid="target-editor-error"
            title={errorMessage(mutation.error)}
            action={
              conflict ? (
                <Button onClick={() => void reload()}>{t("targets.edit.reload")}</Button>
              ) : null
            }
          />
        )}
        <Form.Item name="name" label={t("targets.editor.name")} rules={[{ required: true }]}>
          <Input maxLength={300} data-testid="target-editor-name" />
        </Form.Item>
        <Form.Item name="kind" label={t("targets.editor.kind")}>
          <Select
            options={targetKinds.map((value) => ({
              value,
              label: t(`targets.kind.${value}`),
            }))}
            data-testid="target-editor-kind"
          />
        </Form.Item>
        {kind === "villagesRecognised" && (
          <Form.Item name="measure" label={t("targets.editor.measure")}>
            <Select
              className="target-editor-select"
              options={[
                { value: "count", label: t("targets.editor.villageCount") },
                { value: "share", label: t("targets.editor.villageShare") },
              ]}
            />
          </Form.Item>
        )}
        {kind === "communesAtLevel" && (
          <Space wrap>
            <Form.Item name="level" label={t("targets.editor.level")}>
              <Select
                className="target-editor-select"
                options={(["standard", "advanced", "model", "modern"] as const).map((value) => ({
                  value,
                  label: t(`level.${value}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="measure" label={t("targets.editor.measure")}>
              <Select
                className="target-editor-select"
                options={[
                  { value: "count", label: t("targets.editor.count") },
                  { value: "share", label: t("targets.editor.share") },
                ]}
              />
            </Form.Item>
          </Space>
        )}
        <Space wrap>
          <Form.Item name="baselineYear" label={t("targets.editor.baselineYear")}>
            <InputNumber min={2000} max={2099} precision={0} data-testid="target-editor-baseline" />
          </Form.Item>
          <Form.Item name="deadlineYear" label={t("targets.editor.deadlineYear")}>
            <InputNumber min={2000} max={2099} precision={0} data-testid="target-editor-deadline" />
          </Form.Item>
          <Form.Item
            name="value"
            label={t("targets.editor.finalValue")}
            rules={[{ required: true, message: t("targets.editor.valueRequired") }]}
          >
            <InputNumber min={0} decimalSeparator={decimal} data-testid="target-editor-value" />
          </Form.Item>
          {kind === "enteredValue" && (
            <Form.Item name="valueUnit" label={t("targets.editor.valueUnit")}>
              <Input maxLength={50} placeholder={t("targets.editor.valueUnitHint")} />
            </Form.Item>
          )}
        </Space>
        {milestoneKinds.includes(kind) && (
          <YearValues
            name="milestones"
            label={t("targets.editor.milestones")}
            addLabel={t("targets.editor.addMilestone")}
            testId="target-editor-milestones"
          />
        )}
        {kind === "communesAtLevel" && (
          <Form.Item name="othersGainPerYear" label={t("targets.editor.othersGain")}>
            <InputNumber
              min={1}
              max={19}
              precision={0}
              placeholder={t("targets.editor.othersGainHint")}
              data-testid="target-editor-others-gain"
            />
          </Form.Item>
        )}
        {kind === "gainOverBaseline" && (
          <Form.Item name="perYear" label={t("targets.editor.perYear")} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        {kind !== "maintenance" && kind !== "enteredValue" && (
          <Form.Item
            name="excludeRecognised"
            label={t("targets.editor.excludeRecognised")}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        )}
        {kind === "enteredValue" && (
          <YearValues
            name="entered"
            label={t("targets.editor.entered")}
            addLabel={t("targets.editor.addEntered")}
            testId="target-editor-entered"
          />
        )}
        <Form.Item name="source" label={t("targets.editor.source")}>
          <Input maxLength={300} placeholder={t("targets.editor.sourceHint")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import {
  unitFullName,
  type UnitAdminRow,
  type UnitChangeInput,
  type UnitKind,
} from "@ntm/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Checkbox, Form, Input, Select, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { DateField } from "../../components/date-field.tsx";
import { errorMessage } from "../../lib/api-client.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { changeUnit } from "./unit-admin-api.ts";
import { UnitDrawer } from "./unit-drawer.tsx";
import type { UnitFlagCode } from "./unit-flag-tags.tsx";

const flagCodes: UnitFlagCode[] = [
  "especiallyDisadvantaged",
  "safeZone",
  "ethnicZoneI",
  "ethnicZoneII",
  "ethnicZoneIII",
  "poorDistrict",
];
/** Types offered after the reform of 1 July 2025; a town keeps its type until changed. */
const kindsAfterReform: UnitKind[] = ["xa", "phuong", "dac_khu"];

interface FormValues {
  effectiveFrom: string;
  kind?: UnitKind;
  name: string;
  flags: UnitFlagCode[];
  communeGroup: "1" | "2" | "3" | "none";
  region?: string;
  basis: string;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item) => b.includes(item));

/** Only what the administrator changed is sent: the other attributes keep their values. */
function changeOf(unit: UnitAdminRow, values: FormValues): UnitChangeInput {
  const group = values.communeGroup === "none" ? null : values.communeGroup;
  return {
    effectiveFrom: values.effectiveFrom,
    basis: values.basis,
    ...(values.name.trim() !== unit.properName ? { name: values.name.trim() } : {}),
    ...(values.kind && values.kind !== unit.kind ? { kind: values.kind } : {}),
    ...(unit.level === "commune" && !sameSet(values.flags, unit.flags)
      ? { flags: values.flags }
      : {}),
    ...(unit.level === "commune" && group !== unit.communeGroup ? { communeGroup: group } : {}),
    ...(values.region && values.region !== unit.region ? { region: values.region } : {}),
  };
}

/** The drawer where a province administrator changes a unit from a date ("hiệu lực từ"). */
export function UnitEditDrawer({
  unit,
  onClose,
}: {
  unit: UnitAdminRow | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <UnitDrawer
      unit={unit}
      onClose={onClose}
      width={520}
      title={(chosen) => t("unitAdmin.editTitle", { name: chosen.name })}
      className="unit-edit-drawer"
    >
      {(chosen) => <UnitEditForm key={chosen.code} unit={chosen} onDone={onClose} />}
    </UnitDrawer>
  );
}

function UnitEditForm({ unit, onDone }: { unit: UnitAdminRow; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const commune = unit.level === "commune";
  const candidates = unit.regionCandidates ?? [];
  const kind = Form.useWatch("kind", form) ?? unit.kind;
  const name = Form.useWatch("name", form) ?? unit.properName;

  const save = useMutation({
    mutationFn: (values: FormValues) => changeUnit(unit.code, changeOf(unit, values)),
    onSuccess: (result) => {
      const years = result.reevaluatedYears.join(", ");
      void message.success(
        years
          ? t("unitAdmin.savedYears", { name: result.unit.name, years })
          : t("unitAdmin.saved", { name: result.unit.name }),
      );
      // Thresholds, scorecards and summaries of the unit may all have changed.
      void queryClient.invalidateQueries();
      onDone();
    },
    onError: (error) => setFailure(errorMessage(error)),
  });

  const kinds: UnitKind[] =
    unit.kind === "thi_tran" ? ["thi_tran", ...kindsAfterReform] : kindsAfterReform;

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={{
        effectiveFrom: dayjs().format("YYYY-MM-DD"),
        kind: unit.kind ?? undefined,
        name: unit.properName,
        flags: unit.flags,
        communeGroup: unit.communeGroup ?? "none",
        region: unit.region ?? undefined,
        basis: "",
      }}
      onFinish={(values) => {
        setFailure(null);
        save.mutate(values);
      }}
      data-testid="unit-edit-form"
    >
      <Form.Item
        name="effectiveFrom"
        label={t("unitAdmin.effectiveFrom")}
        extra={t("unitAdmin.effectiveHint")}
        rules={[{ required: true, message: t("unitAdmin.effectiveFromRequired") }]}
      >
        <DateField aria-label={t("unitAdmin.effectiveFrom")} data-testid="unit-effective-from" />
      </Form.Item>
      {commune && unit.kind && (
        <Form.Item name="kind" label={t("unitAdmin.kind")}>
          <Select
            aria-label={t("unitAdmin.kind")}
            options={kinds.map((code) => ({ value: code, label: t(`unitAdmin.kind.${code}`) }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label={commune && unit.kind ? t("unitAdmin.name") : t("unitAdmin.fullName")}
        extra={
          commune && kind ? `${t("unitAdmin.fullName")}: ${unitFullName(kind, name)}` : undefined
        }
        rules={[{ required: true, whitespace: true, message: t("unitAdmin.nameRequired") }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      {commune && (
        <Form.Item name="flags" label={t("unitAdmin.flags")} extra={t("unitAdmin.flagsHint")}>
          <Checkbox.Group className="unit-flag-choices">
            <Space direction="vertical" size={4}>
              {flagCodes.map((flag) => (
                <Checkbox key={flag} value={flag} data-testid={`unit-flag-${flag}`}>
                  {t(`unitAdmin.flag.${flag}`)}
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Form.Item>
      )}
      {commune && (
        <Form.Item name="communeGroup" label={t("unitAdmin.communeGroup")}>
          <Select
            aria-label={t("unitAdmin.communeGroup")}
            options={[
              { value: "none", label: t("unitAdmin.noGroup") },
              ...(["1", "2", "3"] as const).map((group) => ({
                value: group,
                label: t("unitAdmin.group", { group }),
              })),
            ]}
          />
        </Form.Item>
      )}
      {commune && candidates.length > 1 && (
        <Form.Item name="region" label={t("unitAdmin.region")}>
          <Select
            aria-label={t("unitAdmin.region")}
            options={candidates.map((code) => ({ value: code, label: code }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="basis"
        label={t("unitAdmin.basis")}
        rules={[{ required: true, whitespace: true, message: t("unitAdmin.basisRequired") }]}
      >
        <Input
          maxLength={300}
          placeholder={t("unitAdmin.basisPlaceholder")}
          data-testid="unit-basis"
        />
      </Form.Item>
      {failure && (
        <Alert type="error" showIcon title={failure} className="unit-edit-error" role="alert" />
      )}
      <Space wrap className="unit-edit-actions">
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="unit-save">
          {t("unitAdmin.save")}
        </Button>
        <Button onClick={onDone}>{t("unitAdmin.cancel")}</Button>
      </Space>
      <Typography.Paragraph type="secondary" className="unit-edit-code">
        {unit.code}
      </Typography.Paragraph>
    </Form>
  );
}

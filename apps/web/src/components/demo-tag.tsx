import { ExperimentOutlined } from "@ant-design/icons";
import { useI18n } from "../lib/i18n/i18n-context.tsx";
import { amberPalette } from "./status-style.ts";

/** Marks figures that come from demo data, so nobody quotes them as real. */
export function DemoTag() {
  const { t } = useI18n();
  return (
    <span
      className="status-tag"
      data-testid="demo-tag"
      style={{
        color: amberPalette.text,
        background: amberPalette.background,
        borderColor: amberPalette.border,
      }}
    >
      <ExperimentOutlined aria-hidden />
      <span>{t("common.demo")}</span>
    </span>
  );
}

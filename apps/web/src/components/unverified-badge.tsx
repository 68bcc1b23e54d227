import { WarningOutlined } from "@ant-design/icons";
import { Tooltip } from "antd";
import { useI18n } from "../lib/i18n/i18n-context.tsx";
import { amberPalette } from "./status-style.ts";

/** The amber "Ngưỡng chưa đối chiếu văn bản" badge; the note explains what is unchecked. */
export function UnverifiedBadge({ note }: { note?: string }) {
  const { t } = useI18n();
  return (
    <Tooltip title={note ?? t("indicator.unverifiedNote")}>
      <span
        className="status-tag"
        data-testid="unverified-badge"
        tabIndex={0}
        style={{
          color: amberPalette.text,
          background: amberPalette.background,
          borderColor: amberPalette.border,
        }}
      >
        <WarningOutlined aria-hidden />
        <span>{t("status.unverified")}</span>
      </span>
    </Tooltip>
  );
}

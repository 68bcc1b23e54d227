import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from "@ant-design/icons";
import type { IndicatorStatus } from "@ntm/domain";
import type { ReactNode } from "react";
import { useI18n } from "../lib/i18n/i18n-context.tsx";
import { statusPalette } from "./status-style.ts";

const icons: Record<IndicatorStatus, ReactNode> = {
  met: <CheckCircleFilled aria-hidden />,
  not_met: <CloseCircleFilled aria-hidden />,
  missing: <MinusCircleOutlined aria-hidden />,
};

export function StatusIcon({ status }: { status: IndicatorStatus }) {
  return <span style={{ color: statusPalette[status].text }}>{icons[status]}</span>;
}

/** "Đạt" / "Chưa đạt" / "Chưa có số liệu" with its colour and icon. */
export function StatusTag({ status }: { status: IndicatorStatus }) {
  const { t } = useI18n();
  const palette = statusPalette[status];
  return (
    <span
      className="status-tag"
      data-status={status}
      style={{ color: palette.text, background: palette.background, borderColor: palette.border }}
    >
      {icons[status]}
      <span>{t(`status.${status}`)}</span>
    </span>
  );
}

import {
  CheckCircleFilled,
  ClockCircleFilled,
  CloseCircleFilled,
  MinusCircleOutlined,
  WarningFilled,
} from "@ant-design/icons";
import type { TargetStatus } from "@ntm/domain";
import type { ReactNode } from "react";
import { amberPalette, statusPalette } from "../../components/status-style.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";

/** The UX guide: on track green, at risk amber, off track red; always with the word and an icon. */
const palettes: Record<TargetStatus, { text: string; background: string; border: string }> = {
  met: statusPalette.met,
  onTrack: statusPalette.met,
  atRisk: amberPalette,
  offTrack: statusPalette.not_met,
  noData: statusPalette.missing,
};

const icons: Record<TargetStatus, ReactNode> = {
  met: <CheckCircleFilled aria-hidden />,
  onTrack: <ClockCircleFilled aria-hidden />,
  atRisk: <WarningFilled aria-hidden />,
  offTrack: <CloseCircleFilled aria-hidden />,
  noData: <MinusCircleOutlined aria-hidden />,
};

export function targetStatusColour(status: TargetStatus) {
  return palettes[status];
}

export function TargetStatusTag({ status }: { status: TargetStatus }) {
  const { t } = useI18n();
  const palette = palettes[status];
  return (
    <span
      className="status-tag"
      data-target-status={status}
      style={{ color: palette.text, background: palette.background, borderColor: palette.border }}
    >
      {icons[status]}
      <span>{t(`targets.status.${status}`)}</span>
    </span>
  );
}

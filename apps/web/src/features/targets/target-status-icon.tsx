import {
  CheckCircleFilled,
  ClockCircleFilled,
  CloseCircleFilled,
  MinusCircleOutlined,
  WarningFilled,
} from "@ant-design/icons";
import type { TargetStatus } from "@ntm/domain";
import type { ReactNode } from "react";

/** The UX guide: a target's status always with the word and an icon (target-card.tsx). */
const icons: Record<TargetStatus, ReactNode> = {
  met: <CheckCircleFilled aria-hidden />,
  onTrack: <ClockCircleFilled aria-hidden />,
  atRisk: <WarningFilled aria-hidden />,
  offTrack: <CloseCircleFilled aria-hidden />,
  noData: <MinusCircleOutlined aria-hidden />,
};

export function targetStatusIcon(status: TargetStatus): ReactNode {
  return icons[status];
}

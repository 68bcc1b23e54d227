import {
  CheckCircleFilled,
  ClockCircleOutlined,
  CloseCircleFilled,
  MinusCircleOutlined,
} from "@ant-design/icons";
import type { CertificateStatus } from "@ntm/domain";
import type { ReactNode } from "react";
import { amberPalette, statusPalette } from "../../components/status-style.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";

const looks: Record<CertificateStatus, { palette: typeof amberPalette; icon: ReactNode }> = {
  valid: { palette: statusPalette.met, icon: <CheckCircleFilled aria-hidden /> },
  expiring: { palette: amberPalette, icon: <ClockCircleOutlined aria-hidden /> },
  expired: { palette: statusPalette.missing, icon: <MinusCircleOutlined aria-hidden /> },
  revoked: { palette: statusPalette.not_met, icon: <CloseCircleFilled aria-hidden /> },
  notYet: { palette: statusPalette.missing, icon: <MinusCircleOutlined aria-hidden /> },
};

/** "Còn hiệu lực" / "Sắp hết hạn" / "Hết hạn" / "Bị thu hồi", with its colour and icon. */
export function CertificateStatusTag({ status }: { status: CertificateStatus }) {
  const { t } = useI18n();
  const { palette, icon } = looks[status];
  return (
    <span
      className="status-tag"
      data-testid="ocop-status"
      data-status={status}
      style={{ color: palette.text, background: palette.background, borderColor: palette.border }}
    >
      {icon}
      <span>{t(`ocop.status.${status}`)}</span>
    </span>
  );
}

/** Stars as a word and as marks, never as marks alone. */
export function Stars({ stars }: { stars: number }) {
  const { t } = useI18n();
  return (
    <span className="ocop-stars" data-testid="ocop-stars">
      <span aria-hidden>{"★".repeat(stars)}</span> {t("ocop.stars", { stars })}
    </span>
  );
}

import { addDays, daysBetween, formatDateVi, isoOf, lastDayOfMonth } from "../calendar/dates.ts";
import { certificateRule, type OcopStars } from "./catalog.ts";

/** One certificate of a product, as the registry keeps it. */
export interface OcopCertificate {
  id: number;
  stars: OcopStars;
  total: number;
  /** The commune the product belonged to on the decision date. */
  communeCode: string;
  decisionNumber: string;
  decisionDate: string;
  issuer: string;
  /** The first day the certificate is no longer valid (decision date + 36 months). */
  expiresOn: string;
  revokedOn: string | null;
  revokeReason: string | null;
}

export type CertificateStatus = "valid" | "expiring" | "expired" | "revoked" | "notYet";

export const certificateStatusNames: Record<CertificateStatus, string> = {
  valid: "Còn hiệu lực",
  expiring: "Sắp hết hạn",
  expired: "Hết hạn",
  revoked: "Bị thu hồi",
  notYet: "Chưa có hiệu lực",
};

/**
 * The first day a certificate dated `date` is no longer valid: the same day 36 months later (a
 * certificate of 4/2/2020 is no longer valid from 4/2/2023); the 29th of February of a leap year
 * gives the 1st of March.
 */
export function expiryOf(date: string, months = certificateRule.validityMonths): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const total = month - 1 + months;
  const y = year + Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = lastDayOfMonth(y, m);
  const iso = isoOf(y, m, Math.min(day, last));
  return day > last ? addDays(iso, 1) : iso;
}

export interface StatusOn {
  status: CertificateStatus;
  name: string;
  /** Days left until the certificate stops being valid (negative once expired). */
  daysLeft: number;
  reason: string;
}

/** The state of a certificate on a date: valid, expiring within 30 days, expired or revoked. */
export function certificateStatusOn(
  certificate: Pick<OcopCertificate, "decisionDate" | "expiresOn" | "revokedOn" | "revokeReason">,
  date: string,
  noticeDays = certificateRule.noticeDays,
): StatusOn {
  const daysLeft = daysBetween(date, certificate.expiresOn);
  const make = (status: CertificateStatus, reason: string): StatusOn => ({
    status,
    name: certificateStatusNames[status],
    daysLeft,
    reason,
  });
  if (date < certificate.decisionDate) {
    return make(
      "notYet",
      `Quyết định công nhận ngày ${formatDateVi(certificate.decisionDate)}, sau ngày xem.`,
    );
  }
  if (certificate.revokedOn !== null && certificate.revokedOn <= date) {
    return make(
      "revoked",
      `Thu hồi từ ngày ${formatDateVi(certificate.revokedOn)}${certificate.revokeReason ? `: ${certificate.revokeReason}` : ""}.`,
    );
  }
  if (daysLeft <= 0) {
    return make(
      "expired",
      `Hết hiệu lực từ ngày ${formatDateVi(certificate.expiresOn)} (36 tháng).`,
    );
  }
  if (daysLeft <= noticeDays) {
    return make(
      "expiring",
      `Còn ${daysLeft} ngày đến ngày hết hiệu lực ${formatDateVi(certificate.expiresOn)}; cần đánh giá lại.`,
    );
  }
  return make(
    "valid",
    `Còn hiệu lực đến hết ngày ${formatDateVi(addDays(certificate.expiresOn, -1))}.`,
  );
}

/** The certificate that speaks for the product on a date: the latest decided on or before it. */
export function certificateOn<C extends Pick<OcopCertificate, "decisionDate" | "id">>(
  certificates: readonly C[],
  date: string,
): C | undefined {
  return [...certificates]
    .filter((c) => c.decisionDate <= date)
    .sort((a, b) => a.decisionDate.localeCompare(b.decisionDate) || a.id - b.id)
    .at(-1);
}

/** Whether a certificate counts on a date: decided, not expired and not revoked. */
export function countsOn(certificate: Parameters<typeof certificateStatusOn>[0], date: string) {
  const { status } = certificateStatusOn(certificate, date);
  return status === "valid" || status === "expiring";
}

import {
  addDays,
  addWorkingDays,
  formatDateVi,
  isoOf,
  isWorkingDay,
  lastDayOfMonth,
} from "../calendar/index.ts";

export const cadences = ["monthly", "quarterly", "semiannual", "annual", "adhoc"] as const;
export type Cadence = (typeof cadences)[number];

export const cadenceNames: Record<Cadence, string> = {
  monthly: "Hằng tháng",
  quarterly: "Hằng quý",
  semiannual: "6 tháng",
  annual: "Hằng năm",
  adhoc: "Đột xuất",
};

export interface ReportPeriod {
  /** "2024-M05", "2024-Q2", "2024-H1", "2024-Y", or the ad hoc key. */
  key: string;
  label: string;
  start: string;
  end: string;
}

/**
 * When a report is due:
 * - `dayOfNextMonth`: day N of the month after the period ("trước ngày 15 tháng sau");
 * - `workingDaysAfter`: N working days after the period ends ("15 ngày làm việc");
 * - `fixedDate`: a date given with each ad hoc request ("trước ngày 25/10/2023").
 * `moveToWorkingDay` moves a due day that falls on a weekend or holiday to the next working day.
 */
export type DueRule =
  | { kind: "dayOfNextMonth"; day: number; moveToWorkingDay?: boolean }
  | { kind: "workingDaysAfter"; days: number }
  | { kind: "fixedDate"; date: string };

function period(year: number, fromMonth: number, toMonth: number, key: string, label: string) {
  return {
    key,
    label,
    start: isoOf(year, fromMonth, 1),
    end: isoOf(year, toMonth, lastDayOfMonth(year, toMonth)),
  };
}

/** The reporting periods of a year for a cadence (ad hoc reports have none of their own). */
export function periodsOf(cadence: Cadence, year: number): ReportPeriod[] {
  const months = Array.from({ length: 12 }, (_, index) => index + 1);
  switch (cadence) {
    case "monthly":
      return months.map((m) =>
        period(year, m, m, `${year}-M${String(m).padStart(2, "0")}`, `Tháng ${m}/${year}`),
      );
    case "quarterly":
      return [1, 2, 3, 4].map((q) =>
        period(
          year,
          q * 3 - 2,
          q * 3,
          `${year}-Q${q}`,
          `Quý ${["I", "II", "III", "IV"][q - 1]}/${year}`,
        ),
      );
    case "semiannual":
      return [
        period(year, 1, 6, `${year}-H1`, `6 tháng đầu năm ${year}`),
        period(year, 1, 12, `${year}-H2`, `Năm ${year} (báo cáo 6 tháng cuối năm)`),
      ];
    case "annual":
      return [period(year, 1, 12, `${year}-Y`, `Năm ${year}`)];
    case "adhoc":
      return [];
  }
}

/** Finds a period by its key, e.g. "2024-M05". */
export function periodByKey(cadence: Cadence, key: string): ReportPeriod | undefined {
  const year = Number(key.slice(0, 4));
  if (!Number.isInteger(year)) return undefined;
  return periodsOf(cadence, year).find((candidate) => candidate.key === key);
}

/** How a period key of a cadence is written, for refusals of a wrong key. */
export const periodKeyFormats: Record<Cadence, string> = {
  monthly: "YYYY-Mnn, tháng 1–12 (ví dụ 2024-M05)",
  quarterly: "YYYY-Qn, quý 1–4 (ví dụ 2024-Q2)",
  semiannual: "YYYY-H1 hoặc YYYY-H2 (ví dụ 2024-H1)",
  annual: "YYYY-Y (ví dụ 2024-Y)",
  adhoc: "mã do cơ quan nhận báo cáo đặt",
};

/**
 * The periods whose reports are due to be opened on a date: those of its year that ended before
 * it, and the last period of the year before (December, Q4, H2, the year), which ends on
 * 31 December and so can only be opened in the next year.
 */
export function periodsToOpen(cadence: Cadence, date: string): ReportPeriod[] {
  const year = Number(date.slice(0, 4));
  const lastOfPrevious = periodsOf(cadence, year - 1).filter(
    (candidate) => candidate.end === `${year - 1}-12-31`,
  );
  return [...lastOfPrevious, ...periodsOf(cadence, year).filter((p) => p.end < date)];
}

export interface DueDate {
  date: string;
  /** How the date was reached, in Vietnamese. */
  reason: string;
}

/** The due date of a period under a rule, given the public holidays. */
export function dueDateOf(
  rule: DueRule,
  reportPeriod: Pick<ReportPeriod, "end">,
  holidays: ReadonlySet<string>,
): DueDate {
  if (rule.kind === "fixedDate") {
    return { date: rule.date, reason: `Hạn cố định ${formatDateVi(rule.date)}.` };
  }
  if (rule.kind === "workingDaysAfter") {
    const date = addWorkingDays(reportPeriod.end, rule.days, holidays);
    return {
      date,
      reason: `${rule.days} ngày làm việc sau ngày ${formatDateVi(reportPeriod.end)} (trừ thứ Bảy, Chủ nhật và ngày lễ).`,
    };
  }
  const next = addDays(reportPeriod.end, 1);
  const [year, month] = next.split("-").map(Number) as [number, number];
  const day = Math.min(rule.day, lastDayOfMonth(year, month));
  let date = isoOf(year, month, day);
  let reason = `Ngày ${day} của tháng sau kỳ báo cáo.`;
  if (rule.moveToWorkingDay && !isWorkingDay(date, holidays)) {
    while (!isWorkingDay(date, holidays)) date = addDays(date, 1);
    reason += ` Ngày đó là ngày nghỉ nên hạn chuyển sang ${formatDateVi(date)}.`;
  }
  return { date, reason };
}

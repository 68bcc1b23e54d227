import { daysBetween, formatDateVi } from "../calendar/index.ts";

export type SubmissionState = "draft" | "submitted" | "returned";
export type Timeliness = "on_time" | "late" | "missing" | "pending";

export const timelinessNames: Record<Timeliness, string> = {
  on_time: "Đúng hạn",
  late: "Trễ hạn",
  missing: "Chưa nộp (quá hạn)",
  pending: "Chưa đến hạn",
};

export interface TimelinessResult {
  timeliness: Timeliness;
  reason: string;
}

/**
 * Whether a submission came on time. Dates are local (Vietnam) calendar dates; a report sent
 * on the due date is on time. A returned report counts from its latest submission once
 * resubmitted, and as not submitted while it is with the submitter.
 */
export function timelinessOf(options: {
  dueDate: string;
  state: SubmissionState;
  /** The local date of the latest submission, when submitted. */
  submittedOn: string | null;
  today: string;
}): TimelinessResult {
  const { dueDate, state, submittedOn, today } = options;
  if (state === "submitted" && submittedOn) {
    const late = daysBetween(dueDate, submittedOn);
    return late <= 0
      ? {
          timeliness: "on_time",
          reason: `Nộp ngày ${formatDateVi(submittedOn)}, hạn ${formatDateVi(dueDate)}.`,
        }
      : {
          timeliness: "late",
          reason: `Nộp ngày ${formatDateVi(submittedOn)}, trễ ${late} ngày so với hạn ${formatDateVi(dueDate)}.`,
        };
  }
  const overdue = daysBetween(dueDate, today);
  const returned = state === "returned" ? "Báo cáo bị trả lại để chỉnh sửa; " : "";
  if (overdue > 0) {
    return {
      timeliness: "missing",
      reason: `${returned}Quá hạn ${overdue} ngày (hạn ${formatDateVi(dueDate)}), chưa nộp.`,
    };
  }
  return {
    timeliness: "pending",
    reason: `${returned}Hạn nộp ${formatDateVi(dueDate)}, còn ${-overdue} ngày.`,
  };
}

export interface Reminder {
  kind: "due_soon" | "overdue";
  days: number;
  message: string;
}

/** A reminder `daysBefore` days before the due date and every day after it while not submitted. */
export function reminderFor(options: {
  dueDate: string;
  state: SubmissionState;
  today: string;
  daysBefore: number;
  reportName: string;
  periodLabel: string;
}): Reminder | null {
  if (options.state === "submitted") return null;
  const left = daysBetween(options.today, options.dueDate);
  const what = `${options.reportName} — ${options.periodLabel}`;
  if (left < 0) {
    return {
      kind: "overdue",
      days: -left,
      message: `${what}: đã quá hạn ${-left} ngày (hạn ${formatDateVi(options.dueDate)}).`,
    };
  }
  if (left <= options.daysBefore) {
    return {
      kind: "due_soon",
      days: left,
      message:
        left === 0
          ? `${what}: hôm nay là hạn nộp.`
          : `${what}: còn ${left} ngày đến hạn nộp (${formatDateVi(options.dueDate)}).`,
    };
  }
  return null;
}

export interface RateCounts {
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
  /** Share of the expected reports that came on time, 0–100; null when none were due yet. */
  onTimeRate: number | null;
}

/** The reporting rate of a set of submissions (tỷ lệ báo cáo đúng hạn). */
export function rateOf(items: readonly Timeliness[]): RateCounts {
  const count = (wanted: Timeliness) => items.filter((item) => item === wanted).length;
  const onTime = count("on_time");
  const late = count("late");
  const missing = count("missing");
  const pending = count("pending");
  const due = onTime + late + missing;
  return {
    expected: items.length,
    onTime,
    late,
    missing,
    pending,
    onTimeRate: due === 0 ? null : Math.round((onTime / due) * 1000) / 10,
  };
}

import { addDays, formatDateVi } from "../calendar/index.ts";
import type { LegalBasis } from "./criteria-set.ts";

/**
 * What becomes of a commune recognised under one period's set when the next period's set comes
 * into force (2021–2025 → 2026–2030): a setting of the province.
 */
export type CarryOverMode = "keep_until_reassessed" | "reassess_by" | "lapse_at_new_set";

export interface RecognitionCarryOver {
  mode: CarryOverMode;
  /** ISO date, for `reassess_by`: the recognition holds until the commune is re-assessed by then. */
  deadline?: string | undefined;
  /** The text that decides it; null when none was found. */
  basis: LegalBasis | null;
  note?: string | undefined;
}

/** Until a province decides: recognitions are kept, and no text deciding it is known. */
export const defaultCarryOver: RecognitionCarryOver = {
  mode: "keep_until_reassessed",
  basis: null,
  note: "Chưa tìm thấy văn bản quy định việc chuyển tiếp công nhận xã đạt chuẩn giai đoạn 2021–2025 sang bộ tiêu chí giai đoạn 2026–2030; tỉnh chọn cách áp dụng.",
};

const noBasisText = "Chưa tìm thấy căn cứ pháp lý";

/** The rule in words, as the dossiers and recognition pages show it. */
export function describeCarryOver(rule: RecognitionCarryOver): string {
  const what =
    rule.mode === "keep_until_reassessed"
      ? "Xã đã được công nhận theo bộ tiêu chí giai đoạn 2021–2025 giữ công nhận đến khi được đánh giá lại theo bộ tiêu chí giai đoạn 2026–2030."
      : rule.mode === "reassess_by"
        ? `Xã đã được công nhận theo bộ tiêu chí giai đoạn 2021–2025 phải được đánh giá lại theo bộ tiêu chí giai đoạn 2026–2030 trước ngày ${formatDateVi(rule.deadline ?? "")}; quá hạn chưa đánh giá lại thì không còn được tính là đạt chuẩn.`
        : "Công nhận theo bộ tiêu chí giai đoạn 2021–2025 hết hiệu lực khi bộ tiêu chí giai đoạn 2026–2030 có hiệu lực; xã phải được đánh giá và công nhận lại.";
  const basis = rule.basis
    ? `Căn cứ: ${rule.basis.document}${rule.basis.date ? ` ngày ${formatDateVi(rule.basis.date)}` : ""}.`
    : `${noBasisText}.`;
  return `${what} ${basis}`;
}

/** A Vietnamese problem with a rule a province enters, or null. */
export function checkCarryOver(rule: RecognitionCarryOver, newSetFrom: string): string | null {
  if (rule.mode === "reassess_by") {
    if (!rule.deadline) return "Cần nhập hạn đánh giá lại (dd/MM/yyyy).";
    if (rule.deadline < newSetFrom) {
      return `Hạn đánh giá lại phải từ ngày bộ tiêu chí mới có hiệu lực (${formatDateVi(newSetFrom)}) trở đi.`;
    }
  } else if (rule.deadline) {
    return "Chỉ cách áp dụng “đánh giá lại trước hạn” mới có hạn.";
  }
  if (rule.basis && !rule.basis.document.trim()) return "Căn cứ pháp lý cần số văn bản.";
  return null;
}

/**
 * Where a recognition stands under the province's carry-over rule on a date:
 * - `in_force`: recognised under the set in force (before the new set, or decided under it);
 * - `kept`: an older period's recognition kept until the commune is re-assessed;
 * - `awaiting_reassessment`: kept until the deadline, which has not passed;
 * - `reassessed`: re-assessed under the new set, which now judges it (revocation watch);
 * - `lapsed`: no longer counted as recognised, from `lapsedOn`.
 */
export type CarriedRecognitionStatus =
  "in_force" | "kept" | "awaiting_reassessment" | "reassessed" | "lapsed";

export interface CarriedRecognition {
  status: CarriedRecognitionStatus;
  /** First day the recognition no longer counts, for `lapsed`. */
  lapsedOn: string | null;
  reason: string;
}

/**
 * Applies the carry-over rule to one recognition. `reassessedOn` is the day the commune's first
 * result under the new set was stored (null: not re-assessed). Plain data in and out.
 */
export function carryOverRecognition(input: {
  rule: RecognitionCarryOver;
  newSetFrom: string;
  recognition: { decisionDate: string };
  reassessedOn: string | null;
  asOf: string;
}): CarriedRecognition {
  const { rule, newSetFrom, recognition, reassessedOn, asOf } = input;
  const basis = rule.basis
    ? `theo ${rule.basis.document}${rule.basis.date ? ` ngày ${formatDateVi(rule.basis.date)}` : ""}`
    : `theo cách áp dụng tỉnh chọn (${noBasisText.toLowerCase()})`;
  const from = formatDateVi(newSetFrom);
  if (recognition.decisionDate >= newSetFrom) {
    return {
      status: "in_force",
      lapsedOn: null,
      reason: `Công nhận theo bộ tiêu chí giai đoạn 2026–2030 (quyết định từ ${from}).`,
    };
  }
  if (asOf < newSetFrom) {
    return {
      status: "in_force",
      lapsedOn: null,
      reason: `Bộ tiêu chí giai đoạn 2021–2025 còn hiệu lực đến trước ngày ${from}.`,
    };
  }
  const reassessed = reassessedOn !== null && reassessedOn <= asOf ? reassessedOn : null;
  if (rule.mode === "lapse_at_new_set") {
    return {
      status: "lapsed",
      lapsedOn: newSetFrom,
      reason: `Công nhận theo bộ tiêu chí giai đoạn 2021–2025 hết hiệu lực từ ${from}, ${basis}; xã phải được đánh giá và công nhận lại.`,
    };
  }
  if (rule.mode === "reassess_by") {
    const deadline = rule.deadline ?? newSetFrom;
    if (reassessed && reassessed <= deadline) {
      return {
        status: "reassessed",
        lapsedOn: null,
        reason: `Đã đánh giá lại theo bộ tiêu chí giai đoạn 2026–2030 ngày ${formatDateVi(reassessed)}, trong hạn ${formatDateVi(deadline)} (${basis}).`,
      };
    }
    if (asOf <= deadline) {
      return {
        status: "awaiting_reassessment",
        lapsedOn: null,
        reason: `Giữ công nhận đến hạn đánh giá lại ${formatDateVi(deadline)} ${basis}; chưa đánh giá lại theo bộ tiêu chí giai đoạn 2026–2030.`,
      };
    }
    return {
      status: "lapsed",
      lapsedOn: addDays(deadline, 1),
      reason: `Quá hạn đánh giá lại ${formatDateVi(deadline)} ${basis} mà chưa đánh giá lại theo bộ tiêu chí giai đoạn 2026–2030: không còn được tính là đạt chuẩn từ ${formatDateVi(addDays(deadline, 1))}.`,
    };
  }
  if (reassessed) {
    return {
      status: "reassessed",
      lapsedOn: null,
      reason: `Đã đánh giá lại theo bộ tiêu chí giai đoạn 2026–2030 ngày ${formatDateVi(reassessed)} (${basis}).`,
    };
  }
  return {
    status: "kept",
    lapsedOn: null,
    reason: `Giữ công nhận theo bộ tiêu chí giai đoạn 2021–2025 đến khi được đánh giá lại ${basis}.`,
  };
}

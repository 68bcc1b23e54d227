import { formatDateVi } from "../calendar/index.ts";
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

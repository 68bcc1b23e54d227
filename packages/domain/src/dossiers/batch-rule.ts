import { formatDateVi } from "../calendar/dates.ts";

/** A batch of dossiers as the filing rule needs it. */
export interface FilingBatch {
  name: string;
  provinceCode: string;
  /** The last day dossiers of the batch are received (ISO date). */
  deadline: string;
}

/** A batch takes new dossiers up to and including its deadline. */
export function batchOpen(batch: Pick<FilingBatch, "deadline">, today: string): boolean {
  return batch.deadline >= today;
}

/**
 * Why a dossier may not be filed into a batch: the batch belongs to another province, or its
 * deadline has passed (a dossier filed then would be overdue the day it exists). Null when the
 * batch takes it.
 */
export function batchRefusal(
  batch: FilingBatch,
  filing: { provinceCode: string; today: string },
): { code: "other_province" | "closed"; reason: string; reasonEn: string } | null {
  if (batch.provinceCode !== filing.provinceCode) {
    return {
      code: "other_province",
      reason: `Đợt "${batch.name}" là đợt xét của tỉnh khác; chọn một đợt của tỉnh mình.`,
      reasonEn: `Batch "${batch.name}" belongs to another province; choose a batch of your own province.`,
    };
  }
  if (!batchOpen(batch, filing.today)) {
    const deadline = formatDateVi(batch.deadline);
    return {
      code: "closed",
      reason: `Đợt "${batch.name}" đã hết hạn nhận hồ sơ ngày ${deadline}; chọn một đợt còn mở hoặc đề nghị tỉnh mở đợt mới.`,
      reasonEn: `Batch "${batch.name}" closed on ${deadline}; choose an open batch or ask the province to open a new one.`,
    };
  }
  return null;
}

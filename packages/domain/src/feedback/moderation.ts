/** A resident's comment: waiting for the commune or province, shown on the public page, or hidden. */
export type FeedbackStatus = "pending" | "approved" | "hidden";

export type ModerationAction = { kind: "approve" } | { kind: "hide"; reason: string };

export const feedbackStatusNames: Record<FeedbackStatus, string> = {
  pending: "Chờ duyệt",
  approved: "Đã duyệt, đang hiển thị",
  hidden: "Đã ẩn",
};

export type ModerationResult =
  | { ok: true; status: FeedbackStatus; reason: string | null }
  | { ok: false; code: "same_status" | "reason_required"; reason: string };

/** The shortest reason for hiding a comment that tells the resident something. */
export const minHideReasonLength = 5;

/**
 * The moderation state machine. A pending comment is approved or hidden; an approved one may be
 * hidden later (with a reason) and a hidden one approved after all. Hiding always names why.
 */
export function moderate(current: FeedbackStatus, action: ModerationAction): ModerationResult {
  if (action.kind === "approve") {
    return current === "approved"
      ? { ok: false, code: "same_status", reason: "Ý kiến này đã được duyệt và đang hiển thị." }
      : { ok: true, status: "approved", reason: null };
  }
  if (current === "hidden") {
    return { ok: false, code: "same_status", reason: "Ý kiến này đã được ẩn." };
  }
  const reason = action.reason.trim();
  if (reason.length < minHideReasonLength) {
    return {
      ok: false,
      code: "reason_required",
      reason: `Hãy ghi lý do ẩn ý kiến (ít nhất ${minHideReasonLength} ký tự), ví dụ "Nội dung không liên quan đến hồ sơ".`,
    };
  }
  return { ok: true, status: "hidden", reason };
}

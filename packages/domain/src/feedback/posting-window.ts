import { addDays, formatDateVi } from "../calendar/index.ts";
import type { DossierState } from "../dossiers/dossier-state.ts";
import type { ConfigOrigin, RegimeConfig } from "../dossiers/regime.ts";

/**
 * How long residents may send feedback on a posted dossier. QĐ 18/2022 asks the commune to post
 * its self-assessment publicly and broadcast it "at least 5 times within 15 days"; no text found
 * here sets the length of the posting itself, so the period is the regime's broadcast window,
 * counted from the day the dossier reached the posting step: a default the province confirms.
 */
export const postingPeriodOrigin: ConfigOrigin = "default";

export type FeedbackWindowCode =
  "open" | "not_recognition" | "decided" | "not_posting_step" | "not_started" | "ended";

export type FeedbackWindow =
  | { open: true; code: "open"; from: string; to: string; reason: string }
  | {
      open: false;
      code: Exclude<FeedbackWindowCode, "open">;
      from: string | null;
      to: string | null;
      reason: string;
    };

/** The posting period of a dossier standing at its posting step: from the day it arrived there. */
export function postingPeriod(
  state: DossierState,
  regime: RegimeConfig,
): { from: string; to: string } | null {
  const index = regime.steps.findIndex((step) => step.code === "public_posting");
  if (index < 1 || state.currentStep !== index) return null;
  const arrived = state.steps[index - 1]?.completedAt;
  if (!arrived) return null;
  // Recorded times carry Viet Nam's offset: their first ten characters are the local date.
  const from = arrived.slice(0, 10);
  return { from, to: addDays(from, regime.rules.broadcastWindowDays - 1) };
}

/**
 * Whether residents may send feedback on a dossier today (a date in Viet Nam): a recognition
 * dossier still open, standing at its public posting step, within the posting period.
 */
export function feedbackWindow(
  state: DossierState,
  regime: RegimeConfig,
  today: string,
): FeedbackWindow {
  const closed = (
    code: Exclude<FeedbackWindowCode, "open">,
    reason: string,
    period: { from: string; to: string } | null = null,
  ): FeedbackWindow => ({
    open: false,
    code,
    from: period?.from ?? null,
    to: period?.to ?? null,
    reason,
  });
  if (state.kind !== "recognition") {
    return closed("not_recognition", "Hồ sơ thu hồi không lấy ý kiến người dân qua niêm yết.");
  }
  if (state.status === "decided") {
    return closed("decided", "Hồ sơ đã có quyết định; thời gian niêm yết lấy ý kiến đã kết thúc.");
  }
  const period = postingPeriod(state, regime);
  if (!period) {
    return closed(
      "not_posting_step",
      "Hồ sơ không ở bước niêm yết công khai nên không nhận ý kiến của người dân lúc này.",
    );
  }
  const span = `từ ${formatDateVi(period.from)} đến hết ${formatDateVi(period.to)}`;
  if (today < period.from) {
    return closed("not_started", `Thời gian niêm yết lấy ý kiến ${span}, chưa bắt đầu.`, period);
  }
  if (today > period.to) {
    return closed(
      "ended",
      `Thời gian niêm yết lấy ý kiến (${span}) đã kết thúc; không nhận thêm ý kiến.`,
      period,
    );
  }
  return {
    open: true,
    code: "open",
    ...period,
    reason: `Đang niêm yết lấy ý kiến người dân ${span}.`,
  };
}

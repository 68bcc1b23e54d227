import { formatDateVi } from "../calendar/index.ts";

/**
 * The village regime: the village assesses itself (its report, filed by the commune), then the
 * commune's People's Committee decides. A recognised village may be revoked by the commune.
 */
export const villageRecognitionStates = [
  "self_assessed",
  "recognised",
  "refused",
  "revoked",
] as const;
export type VillageRecognitionStatus = (typeof villageRecognitionStates)[number];

export const villageRecognitionStatusNames: Record<VillageRecognitionStatus, string> = {
  self_assessed: "Thôn đã tự đánh giá, chờ xã quyết định",
  recognised: "Đã công nhận",
  refused: "Xã không công nhận",
  revoked: "Đã thu hồi công nhận",
};

export interface VillageRecognitionState {
  status: VillageRecognitionStatus;
  year: number;
  reportNumber: string;
  reportDate: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  reason: string | null;
}

export type VillageRecognitionAction =
  | { type: "self_assess"; year: number; reportNumber: string; reportDate: string }
  | { type: "recognise"; decisionNumber: string; decisionDate: string }
  | { type: "refuse"; reason: string }
  | { type: "revoke"; decisionNumber: string; decisionDate: string; reason: string };

export interface VillageRecognitionContext {
  today: string;
  /** Whether the stored evaluation of the village for the state's year meets the set's first level. */
  meetsSet: (year: number) => boolean;
  setName: string;
}

export type VillageRecognitionOutcome =
  { ok: true; state: VillageRecognitionState } | { ok: false; reason: string };

const refuse = (reason: string): VillageRecognitionOutcome => ({ ok: false, reason });

/** The next state of a village's recognition under a set, or the Vietnamese reason it is refused. */
export function transitionVillageRecognition(
  state: VillageRecognitionState | null,
  action: VillageRecognitionAction,
  context: VillageRecognitionContext,
): VillageRecognitionOutcome {
  const futureDate = (date: string, what: string) =>
    date > context.today ? `${what} (${formatDateVi(date)}) không được sau ngày hôm nay.` : null;
  switch (action.type) {
    case "self_assess": {
      if (state && (state.status === "self_assessed" || state.status === "recognised")) {
        return refuse(
          state.status === "recognised"
            ? `Thôn đã được công nhận ${context.setName} năm ${state.year}; chỉ tự đánh giá lại sau khi bị thu hồi.`
            : `Thôn đã có báo cáo tự đánh giá năm ${state.year} đang chờ xã quyết định.`,
        );
      }
      const late = futureDate(action.reportDate, "Ngày báo cáo tự đánh giá");
      if (late) return refuse(late);
      if (Number(action.reportDate.slice(0, 4)) < action.year) {
        return refuse(
          `Báo cáo tự đánh giá năm ${action.year} không thể lập trước năm ${action.year}.`,
        );
      }
      if (!context.meetsSet(action.year)) {
        return refuse(
          `Kết quả đánh giá năm ${action.year} của thôn chưa đạt ${context.setName}; chưa thể đề nghị công nhận.`,
        );
      }
      return {
        ok: true,
        state: {
          status: "self_assessed",
          year: action.year,
          reportNumber: action.reportNumber,
          reportDate: action.reportDate,
          decisionNumber: null,
          decisionDate: null,
          reason: null,
        },
      };
    }
    case "recognise":
    case "refuse": {
      if (state?.status !== "self_assessed") {
        return refuse("Xã chỉ quyết định khi thôn đã nộp báo cáo tự đánh giá.");
      }
      if (action.type === "refuse") {
        return { ok: true, state: { ...state, status: "refused", reason: action.reason } };
      }
      const late = futureDate(action.decisionDate, "Ngày quyết định công nhận");
      if (late) return refuse(late);
      if (action.decisionDate < state.reportDate) {
        return refuse(
          `Ngày quyết định (${formatDateVi(action.decisionDate)}) phải từ ngày báo cáo tự đánh giá (${formatDateVi(state.reportDate)}).`,
        );
      }
      if (!context.meetsSet(state.year)) {
        return refuse(
          `Kết quả đánh giá năm ${state.year} của thôn không còn đạt ${context.setName}; không thể công nhận.`,
        );
      }
      return {
        ok: true,
        state: {
          ...state,
          status: "recognised",
          decisionNumber: action.decisionNumber,
          decisionDate: action.decisionDate,
        },
      };
    }
    case "revoke": {
      if (state?.status !== "recognised") {
        return refuse("Chỉ thu hồi được công nhận của thôn đã được công nhận.");
      }
      const late = futureDate(action.decisionDate, "Ngày quyết định thu hồi");
      if (late) return refuse(late);
      if (state.decisionDate && action.decisionDate < state.decisionDate) {
        return refuse(
          `Ngày thu hồi (${formatDateVi(action.decisionDate)}) phải từ ngày công nhận (${formatDateVi(state.decisionDate)}).`,
        );
      }
      return {
        ok: true,
        state: {
          ...state,
          status: "revoked",
          decisionNumber: action.decisionNumber,
          decisionDate: action.decisionDate,
          reason: action.reason,
        },
      };
    }
  }
}

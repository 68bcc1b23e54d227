import { addDays, formatDateVi } from "../calendar/index.ts";
import type { DossierState, StepDataMap } from "./dossier-state.ts";
import type { RegimeConfig, RegimeRules, DossierUnitLevel } from "./regime.ts";

export interface CheckResult {
  code: string;
  label: string;
  met: boolean;
  /** Vietnamese explanation, shown whether the check passes or not. */
  reason: string;
}

const pct = (value: number) => `${Math.round(value * 10) / 10} %`.replace(".", ",");

/** At least N broadcasts inside some window of W consecutive days, all within the posting period. */
export function checkBroadcasts(
  data: StepDataMap["public_posting"],
  rules: RegimeRules,
  today: string,
): CheckResult {
  const label = `Ít nhất ${rules.minBroadcasts} lần phát thanh trong ${rules.broadcastWindowDays} ngày`;
  const fail = (reason: string): CheckResult => ({ code: "broadcasts", label, met: false, reason });
  if (data.postingTo < data.postingFrom) return fail("Ngày kết thúc niêm yết trước ngày bắt đầu.");
  const sorted = [...data.broadcasts].sort();
  const future = sorted.find((date) => date > today);
  if (future) return fail(`Lần phát thanh ngày ${formatDateVi(future)} chưa diễn ra.`);
  const outside = sorted.find((date) => date < data.postingFrom || date > data.postingTo);
  if (outside) {
    return fail(`Lần phát thanh ngày ${formatDateVi(outside)} nằm ngoài thời gian niêm yết.`);
  }
  let best = 0;
  for (let start = 0; start < sorted.length; start += 1) {
    const windowEnd = addDays(sorted[start] as string, rules.broadcastWindowDays - 1);
    const count = sorted.slice(start).filter((date) => date <= windowEnd).length;
    best = Math.max(best, count);
  }
  return best >= rules.minBroadcasts
    ? {
        code: "broadcasts",
        label,
        met: true,
        reason: `Đã phát thanh ${best} lần trong ${rules.broadcastWindowDays} ngày.`,
      }
    : fail(
        `Mới có ${best} lần phát thanh trong ${rules.broadcastWindowDays} ngày liên tiếp; cần ít nhất ${rules.minBroadcasts} lần.`,
      );
}

export function satisfactionRate(data: StepDataMap["satisfaction_survey"]): number {
  return data.formsReturned > 0 ? (data.formsSatisfied / data.formsReturned) * 100 : 0;
}

export function checkSatisfaction(
  data: StepDataMap["satisfaction_survey"] | null,
  rules: RegimeRules,
  unitLevel: DossierUnitLevel,
): CheckResult {
  const rule = rules.satisfaction[unitLevel];
  const label = `Tỷ lệ người dân hài lòng đạt ít nhất ${pct(rule.overall)}`;
  const fail = (reason: string): CheckResult => ({
    code: "satisfaction",
    label,
    met: false,
    reason,
  });
  if (!data) return fail("Chưa có kết quả lấy ý kiến sự hài lòng của người dân.");
  if (data.formsReturned > data.formsIssued)
    return fail("Số phiếu thu về lớn hơn số phiếu phát ra.");
  if (data.formsSatisfied > data.formsReturned)
    return fail("Số phiếu hài lòng lớn hơn số phiếu thu về.");
  if (data.formsReturned === 0) return fail("Chưa thu về phiếu nào.");
  const rate = satisfactionRate(data);
  if (rate < rule.overall) {
    return fail(`Tỷ lệ hài lòng ${pct(rate)}, thấp hơn mức yêu cầu ${pct(rule.overall)}.`);
  }
  if (rule.perContentEachCommune !== undefined) {
    if (data.contents.length === 0) {
      return fail("Cấp huyện phải có tỷ lệ hài lòng theo từng nội dung ở từng xã.");
    }
    const low = data.contents.find(
      (content) => content.rate < (rule.perContentEachCommune as number),
    );
    if (low) {
      return fail(
        `Nội dung "${low.content}"${low.commune ? ` ở ${low.commune}` : ""} chỉ đạt ${pct(low.rate)}, thấp hơn ${pct(rule.perContentEachCommune)}.`,
      );
    }
  }
  return { code: "satisfaction", label, met: true, reason: `Tỷ lệ hài lòng ${pct(rate)}.` };
}

export function checkCouncil(data: StepDataMap["council_vote"], rules: RegimeRules): CheckResult {
  const label = `Hội đồng biểu quyết tán thành trên ${pct(rules.councilApprovalShare * 100)} số thành viên`;
  if (data.members.length === 0) {
    return {
      code: "council",
      label,
      met: false,
      reason: "Chưa ghi thành viên Hội đồng và phiếu biểu quyết.",
    };
  }
  const votesFor = data.members.filter((member) => member.vote === "for").length;
  const share = votesFor / data.members.length;
  const text = `${votesFor}/${data.members.length} thành viên tán thành`;
  return share > rules.councilApprovalShare
    ? { code: "council", label, met: true, reason: `${text}.` }
    : { code: "council", label, met: false, reason: `Chỉ ${text}; Hội đồng không thông qua.` };
}

export function checkAllConfirmed(state: DossierState): CheckResult {
  const confirmed = new Set(state.confirmations.map((item) => item.criterionCode));
  const waiting = state.snapshot.criteria.filter((criterion) => !confirmed.has(criterion.code));
  const label = "Các sở, ngành xác nhận đủ tiêu chí được giao";
  return waiting.length === 0
    ? { code: "confirmations", label, met: true, reason: "Tất cả tiêu chí đã được xác nhận." }
    : {
        code: "confirmations",
        label,
        met: false,
        reason: `Còn ${waiting.length} tiêu chí chưa được sở, ngành xác nhận: ${waiting.map((c) => c.code).join(", ")}.`,
      };
}

function stepData<K extends keyof StepDataMap>(
  state: DossierState,
  code: K,
): StepDataMap[K] | null {
  return (
    (state.steps.find((step) => step.code === code)?.data as StepDataMap[K] | undefined) ?? null
  );
}

/**
 * The conditions of QĐ 18/2022 Điều 4 checked before a recognition decision: all criteria met at
 * the snapshot, satisfaction, no outstanding construction debt, security not complicated.
 */
export function recognitionConditions(state: DossierState, regime: RegimeConfig): CheckResult[] {
  const unmet = state.snapshot.criteria.filter((criterion) => criterion.status !== "met");
  const criteria: CheckResult = {
    code: "criteria",
    label: "Đạt đầy đủ các tiêu chí của mức đề nghị",
    met: unmet.length === 0 && state.snapshot.requestedLevelReached,
    reason:
      unmet.length > 0
        ? `Tại thời điểm nộp hồ sơ còn ${unmet.length} tiêu chí chưa đạt: ${unmet.map((c) => `${c.code} ${c.name}`).join("; ")}.`
        : state.snapshot.requestedLevelReached
          ? `Đạt ${state.snapshot.criteria.length}/${state.snapshot.criteria.length} tiêu chí tại thời điểm nộp hồ sơ.`
          : "Chưa đạt các điều kiện riêng của mức đề nghị tại thời điểm nộp hồ sơ.",
  };
  const verification = stepData(state, "verification");
  const debt: CheckResult = {
    code: "construction_debt",
    label: "Không còn nợ đọng xây dựng cơ bản",
    met: Boolean(verification?.noConstructionDebt && verification.debtEvidence.trim()),
    reason: !verification
      ? "Chưa có kết quả thẩm tra."
      : !verification.noConstructionDebt
        ? "Đơn vị còn nợ đọng xây dựng cơ bản."
        : !verification.debtEvidence.trim()
          ? "Thiếu tài liệu chứng minh không còn nợ đọng xây dựng cơ bản."
          : `Đã kê khai, kèm tài liệu: ${verification.debtEvidence}.`,
  };
  const security: CheckResult = {
    code: "security",
    label: "Không phức tạp về an ninh, trật tự",
    met: Boolean(verification?.securityNotComplicated),
    reason: !verification
      ? "Chưa có kết quả thẩm tra."
      : verification.securityNotComplicated
        ? "Đã kê khai không phức tạp về an ninh, trật tự."
        : "Đơn vị được kê khai là phức tạp về an ninh, trật tự.",
  };
  return [
    criteria,
    checkSatisfaction(stepData(state, "satisfaction_survey"), regime.rules, state.unitLevel),
    debt,
    security,
  ];
}

import { describe, expect, it } from "vitest";
import type { DossierSnapshot, DossierState, StepData } from "./dossier-state.ts";
import { regimeFor, type RegimeConfig, type StepCode } from "./regime.ts";
import { shippedRegimes as regimes } from "./shipped-regimes.fixture.ts";
import {
  availableActions,
  openDossier,
  transition,
  type DossierAction,
  type DossierActor,
  type TransitionRefusal,
} from "./transition.ts";

const regime = regimeFor("recognition", "2023-09-01", regimes) as RegimeConfig;
const now = "2023-11-20T08:00:00Z";

const snapshot = (statuses: ("met" | "not_met")[] = ["met", "met", "met"]): DossierSnapshot => ({
  setCode: "vn-commune-2021-2025",
  setVersion: 1,
  year: 2023,
  criteriaMet: statuses.filter((s) => s === "met").length,
  criteriaTotal: statuses.length,
  levelReached: statuses.every((s) => s === "met") ? "standard" : null,
  requestedLevelReached: statuses.every((s) => s === "met"),
  criteria: statuses.map((status, i) => ({
    code: ["2", "10", "17"][i] as string,
    name: `Tiêu chí ${i}`,
    status,
  })),
  takenAt: "2023-09-01T00:00:00Z",
});

const actor = (role: DossierActor["role"], criteria: string[] = []): DossierActor => ({
  role,
  username: role,
  departmentName: role === "department" ? "Sở thử" : null,
  criteria,
});

export const goodData: Record<StepCode, StepData> = {
  self_assessment: { reportNumber: "12/BC-UBND", reportDate: "2023-09-05" },
  front_comments: {
    comments: [{ organisation: "Ủy ban MTTQ xã", date: "2023-09-10", content: "Nhất trí" }],
  },
  public_posting: {
    postingFrom: "2023-09-11",
    postingTo: "2023-09-25",
    places: ["Trụ sở UBND xã"],
    broadcasts: ["2023-09-11", "2023-09-13", "2023-09-15", "2023-09-18", "2023-09-21"],
  },
  satisfaction_survey: { formsIssued: 200, formsReturned: 190, formsSatisfied: 180, contents: [] },
  verification: {
    reportNumber: "45/BC-UBND",
    reportDate: "2023-10-20",
    noticeDate: "2023-10-22",
    noConstructionDebt: true,
    debtEvidence: "Báo cáo của Kho bạc huyện",
    securityNotComplicated: true,
  },
  appraisal: { siteVisitDate: "2023-11-10", siteVisitNote: "Đúng thực tế" },
  council_vote: {
    meetingDate: "2023-11-15",
    members: [
      { name: "A", vote: "for" },
      { name: "B", vote: "for" },
      { name: "C", vote: "against" },
    ],
  },
  decision: {
    decisionNumber: "1234/QĐ-UBND",
    decisionDate: "2023-11-18",
    signer: "Chủ tịch UBND tỉnh",
    publishedOn: "2023-11-19",
  },
  revocation_proposal: {
    reportNumber: "1/BC",
    reportDate: "2024-03-01",
    reason: "Không duy trì tiêu chí",
  },
  revocation_review: {
    reportNumber: "2/BC",
    reportDate: "2024-03-10",
    conclusion: "Đủ căn cứ thu hồi",
  },
  revocation_decision: {
    decisionNumber: "99/QĐ-UBND",
    decisionDate: "2024-03-20",
    signer: "Chủ tịch UBND tỉnh",
    publishedOn: "2024-03-21",
  },
};

function apply(
  state: DossierState,
  action: DossierAction,
  who: DossierActor,
  at = now,
): DossierState {
  const result = transition(state, regime, action, who, at);
  if (!result.ok) throw new Error(result.reason);
  return result.state;
}

/** Runs the recognition steps up to (not including) `stop`, confirming every criterion at appraisal. */
function advanceTo(
  stop: StepCode,
  initial = openDossier({
    regime,
    unitLevel: "commune",
    requestedLevel: "standard",
    snapshot: snapshot(),
  }),
) {
  let state = initial;
  for (const step of regime.steps.slice(initial.currentStep)) {
    if (step.code === stop) break;
    if (step.code === "appraisal") {
      state = apply(
        state,
        { type: "confirm", criteria: state.snapshot.criteria.map((c) => c.code) },
        actor("coordination_office"),
      );
    }
    state = apply(
      state,
      { type: "complete", step: step.code, data: goodData[step.code] },
      actor(step.actingRole),
    );
  }
  return state;
}

describe("recognition dossier", () => {
  it("walks every step to a decision with a return in the middle", () => {
    let state = advanceTo("verification");
    const back = transition(
      state,
      regime,
      { type: "return", reasons: [{ criterionCode: "17", text: "Thiếu minh chứng" }] },
      actor("district"),
      now,
    );
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.state.steps[3]?.status).toBe("pending");
    expect(back.state.round).toBe(2);
    state = apply(
      back.state,
      { type: "complete", step: "satisfaction_survey", data: goodData.satisfaction_survey },
      actor("fatherland_front"),
    );
    state = advanceTo("decision", state);
    const decided = transition(
      state,
      regime,
      { type: "complete", step: "decision", data: goodData.decision },
      actor("province_admin"),
      now,
    );
    expect(decided.ok && decided.state.status).toBe("decided");
    expect(decided.ok && decided.events.map((e) => e.type)).toEqual([
      "step_completed",
      "recognised",
    ]);
    expect(decided.ok && decided.state.returns).toHaveLength(1);
  });

  it.each([
    ["front_comments", "commune_officer", false],
    ["front_comments", "fatherland_front", true],
    ["satisfaction_survey", "commune_officer", false],
    ["satisfaction_survey", "fatherland_front", true],
    ["public_posting", "fatherland_front", false],
  ] as const)("%s by %s → %s", (step, role, ok) => {
    const state = advanceTo(step);
    const result = transition(
      state,
      regime,
      { type: "complete", step, data: goodData[step] },
      actor(role),
      now,
    );
    expect(result.ok).toBe(ok);
    if (!ok) {
      expect(!result.ok && result.reason).toContain(`tài khoản của bạn là`);
      expect(!result.ok && result.refusal).toBe("forbidden");
    }
    expect(availableActions(state, regime, actor(role)).complete).toBe(ok);
  });

  it.each([
    ["front_comments", "fatherland_front"],
    ["satisfaction_survey", "fatherland_front"],
    ["public_posting", "commune_officer"],
  ] as const)("in every recognition regime, %s is acted by %s", (code, role) => {
    for (const item of regimes.filter((r) => r.kind === "recognition")) {
      expect(item.steps.find((s) => s.code === code)?.actingRole).toBe(role);
    }
  });

  it("uses the district as verifier until 30/6/2025 and the province from 1/7/2025", () => {
    expect(
      regimeFor("recognition", "2025-06-30", regimes)?.steps.find((s) => s.code === "verification")
        ?.actingRole,
    ).toBe("district");
    expect(
      regimeFor("recognition", "2025-07-01", regimes)?.steps.find((s) => s.code === "verification")
        ?.actingRole,
    ).toBe("coordination_office");
    expect(regimeFor("revocation", "2025-07-01", regimes)?.code).toBe("qd18-thu-hoi-2cap");
    expect(regimes).toHaveLength(4);
  });

  it.each([
    [
      "wrong role",
      "self_assessment",
      actor("district"),
      goodData.self_assessment,
      "do Cán bộ xã thực hiện",
      "forbidden",
    ],
    [
      "wrong role before the step is due",
      "verification",
      actor("commune_officer"),
      goodData.verification,
      "do Cấp huyện thực hiện",
      "forbidden",
    ],
    [
      "wrong order",
      "public_posting",
      actor("commune_officer"),
      goodData.public_posting,
      "Chưa đến bước",
      "conflict",
    ],
    [
      "future date",
      "self_assessment",
      actor("commune_officer"),
      { reportNumber: "1", reportDate: "2024-01-01" },
      "chưa đến",
      "conflict",
    ],
  ] as const)("refuses %s", (_name, step, who, data, message, refusal) => {
    const state = openDossier({
      regime,
      unitLevel: "commune",
      requestedLevel: "standard",
      snapshot: snapshot(),
    });
    const result = transition(state, regime, { type: "complete", step, data }, who, now);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(message);
    expect(!result.ok && result.refusal).toBe(refusal);
  });

  it.each<[string, StepCode, StepData, string]>([
    ["no comments", "front_comments", { comments: [] }, "ít nhất một ý kiến"],
    [
      "4 broadcasts",
      "public_posting",
      {
        ...goodData.public_posting,
        broadcasts: ["2023-09-11", "2023-09-12", "2023-09-13", "2023-09-14"],
      } as StepData,
      "Mới có 4 lần",
    ],
    [
      "5 broadcasts over 20 days",
      "public_posting",
      {
        ...goodData.public_posting,
        postingTo: "2023-10-30",
        broadcasts: ["2023-09-11", "2023-09-16", "2023-09-21", "2023-09-26", "2023-10-01"],
      } as StepData,
      "Mới có 3 lần",
    ],
    [
      "broadcast outside posting",
      "public_posting",
      {
        ...goodData.public_posting,
        broadcasts: [
          ...(goodData.public_posting as { broadcasts: string[] }).broadcasts,
          "2023-10-01",
        ],
      } as StepData,
      "ngoài thời gian niêm yết",
    ],
    [
      "low satisfaction",
      "satisfaction_survey",
      { formsIssued: 100, formsReturned: 100, formsSatisfied: 70, contents: [] },
      "thấp hơn mức yêu cầu",
    ],
    [
      "returned > issued",
      "satisfaction_survey",
      { formsIssued: 10, formsReturned: 20, formsSatisfied: 20, contents: [] },
      "lớn hơn số phiếu phát ra",
    ],
    ["appraisal unconfirmed", "appraisal", goodData.appraisal, "chưa được sở, ngành xác nhận"],
  ])("refuses to close a step: %s", (_name, step, data, message) => {
    const state = advanceTo(step);
    const result = transition(
      state,
      regime,
      { type: "complete", step, data },
      actor(regime.steps.find((s) => s.code === step)?.actingRole ?? "viewer"),
      now,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(message);
  });

  it("refuses a council without a majority", () => {
    const state = advanceTo("council_vote");
    const result = transition(
      state,
      regime,
      {
        type: "complete",
        step: "council_vote",
        data: {
          meetingDate: "2023-11-15",
          members: [
            { name: "A", vote: "for" },
            { name: "B", vote: "against" },
          ],
        },
      },
      actor("coordination_office"),
      now,
    );
    expect(!result.ok && result.reason).toContain("không thông qua");
  });

  it.each<
    [
      string,
      Partial<Record<"noConstructionDebt" | "securityNotComplicated", boolean>> & {
        debtEvidence?: string;
      },
      string,
    ]
  >([
    ["construction debt", { noConstructionDebt: false }, "còn nợ đọng"],
    ["no debt evidence", { debtEvidence: " " }, "Thiếu tài liệu chứng minh"],
    ["security", { securityNotComplicated: false }, "phức tạp về an ninh"],
  ])("blocks the decision on %s", (_name, change, message) => {
    const start = advanceTo("verification");
    let state = apply(
      start,
      {
        type: "complete",
        step: "verification",
        data: { ...goodData.verification, ...change } as StepData,
      },
      actor("district"),
    );
    state = advanceTo("decision", state);
    const result = transition(
      state,
      regime,
      { type: "complete", step: "decision", data: goodData.decision },
      actor("province_admin"),
      now,
    );
    expect(!result.ok && result.reason).toContain(message);
    expect(!result.ok && result.checks?.some((check) => !check.met)).toBe(true);
  });

  it("blocks the decision when a criterion was unmet at the snapshot", () => {
    // The coordination office cannot confirm an unmet criterion, so the appraisal itself stops.
    const state = advanceTo(
      "appraisal",
      openDossier({
        regime,
        unitLevel: "commune",
        requestedLevel: "standard",
        snapshot: snapshot(["met", "not_met", "met"]),
      }),
    );
    const result = transition(
      state,
      regime,
      { type: "confirm", criteria: ["10"] },
      actor("coordination_office"),
      now,
    );
    expect(!result.ok && result.reason).toContain("chưa đạt tại thời điểm nộp hồ sơ");
  });

  it.each<[string, DossierAction, DossierActor, string, TransitionRefusal]>([
    [
      "confirm by another department's criterion",
      { type: "confirm", criteria: ["10"] },
      actor("department", ["vn-commune-2021-2025:2"]),
      "không thuộc sở, ngành",
      "forbidden",
    ],
    [
      "confirm by a commune",
      { type: "confirm", criteria: ["2"] },
      actor("commune_officer"),
      "Chỉ sở, ngành",
      "forbidden",
    ],
    [
      "confirm an unknown criterion",
      { type: "confirm", criteria: ["99"] },
      actor("coordination_office"),
      "không có tiêu chí 99",
      "conflict",
    ],
    [
      "return without reasons",
      { type: "return", reasons: [] },
      actor("coordination_office"),
      "phải nêu lý do",
      "conflict",
    ],
    [
      "return by the wrong role",
      { type: "return", reasons: [{ text: "x" }] },
      actor("district"),
      "được trả lại hồ sơ",
      "forbidden",
    ],
    [
      "return on an unknown criterion",
      { type: "return", reasons: [{ criterionCode: "42", text: "x" }] },
      actor("coordination_office"),
      "không có tiêu chí 42",
      "conflict",
    ],
  ])("at appraisal, refuses %s", (_name, action, who, message, refusal) => {
    const result = transition(advanceTo("appraisal"), regime, action, who, now);
    expect(!result.ok && result.reason).toContain(message);
    expect(!result.ok && result.refusal).toBe(refusal);
  });

  it("lets a department confirm its own criteria and resets confirmations on a return", () => {
    const state = advanceTo("appraisal");
    const confirmed = apply(
      state,
      { type: "confirm", criteria: ["2"] },
      actor("department", ["vn-commune-2021-2025:2"]),
    );
    expect(confirmed.confirmations).toEqual([
      expect.objectContaining({ criterionCode: "2", department: "Sở thử" }),
    ]);
    const returned = apply(
      confirmed,
      { type: "return", reasons: [{ document: "Báo cáo thẩm tra", text: "Sai số liệu" }] },
      actor("coordination_office"),
    );
    expect(returned.confirmations).toEqual([]);
    expect(returned.steps[4]?.status).toBe("pending");
  });

  it("refuses a return at the first step and any change after the decision", () => {
    const first = openDossier({
      regime,
      unitLevel: "commune",
      requestedLevel: "standard",
      snapshot: snapshot(),
    });
    const noPrev = transition(
      first,
      regime,
      { type: "return", reasons: [{ text: "x" }] },
      actor("commune_officer"),
      now,
    );
    expect(!noPrev.ok && noPrev.reason).toContain("bước đầu tiên");
    expect(!noPrev.ok && noPrev.refusal).toBe("conflict");
    const decided = apply(
      advanceTo("decision"),
      { type: "complete", step: "decision", data: goodData.decision },
      actor("province_admin"),
    );
    const after = transition(
      decided,
      regime,
      { type: "complete", step: "decision", data: goodData.decision },
      actor("province_admin"),
      now,
    );
    expect(!after.ok && after.reason).toContain("đã có quyết định");
    expect(!after.ok && after.refusal).toBe("conflict");
    expect(availableActions(decided, regime, actor("province_admin"))).toEqual({
      complete: false,
      confirm: false,
      return: false,
    });
  });

  it("requires ≥ 90 % overall and ≥ 80 % per content in every commune for a district", () => {
    const district = openDossier({
      regime,
      unitLevel: "district",
      requestedLevel: "standard",
      snapshot: snapshot(),
    });
    const state = advanceTo("satisfaction_survey", district);
    const low = transition(
      state,
      regime,
      {
        type: "complete",
        step: "satisfaction_survey",
        data: {
          formsIssued: 100,
          formsReturned: 100,
          formsSatisfied: 95,
          contents: [{ commune: "Xã A", content: "Giao thông", rate: 75 }],
        },
      },
      actor("fatherland_front"),
      now,
    );
    expect(!low.ok && low.reason).toContain("Xã A");
    const ok = transition(
      state,
      regime,
      {
        type: "complete",
        step: "satisfaction_survey",
        data: {
          formsIssued: 100,
          formsReturned: 100,
          formsSatisfied: 91,
          contents: [{ commune: "Xã A", content: "Giao thông", rate: 85 }],
        },
      },
      actor("fatherland_front"),
      now,
    );
    expect(ok.ok).toBe(true);
  });
});

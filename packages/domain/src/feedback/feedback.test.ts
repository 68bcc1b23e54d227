import { describe, expect, it } from "vitest";
import { regimeFor, type RegimeConfig } from "../dossiers/regime.ts";
import type { DossierSnapshot, DossierState } from "../dossiers/dossier-state.ts";
import { shippedRegimes } from "../dossiers/shipped-regimes.fixture.ts";
import { openDossier, transition, type DossierActor } from "../dossiers/transition.ts";
import { moderate, type FeedbackStatus, type ModerationAction } from "./moderation.ts";
import { feedbackWindow } from "./posting-window.ts";

const regime = regimeFor("recognition", "2026-01-10", shippedRegimes) as RegimeConfig;

const snapshot: DossierSnapshot = {
  setCode: "vn-commune-2026-2030",
  setVersion: 1,
  year: 2026,
  criteriaMet: 1,
  criteriaTotal: 1,
  levelReached: "standard",
  requestedLevelReached: true,
  criteria: [{ code: "1", name: "Quy hoạch", status: "met" }],
  takenAt: "2026-11-01T08:00:00.000+07:00",
};

const stepData = {
  self_assessment: { reportNumber: "12/BC-UBND", reportDate: "2026-11-20" },
  front_comments: {
    comments: [{ organisation: "Ủy ban MTTQ xã", date: "2026-11-24", content: "Nhất trí" }],
  },
  public_posting: {
    postingFrom: "2026-11-24",
    postingTo: "2026-12-08",
    places: ["Trụ sở UBND xã"],
    broadcasts: ["2026-11-24", "2026-11-26", "2026-11-28", "2026-11-30", "2026-12-02"],
  },
};

const actor = (role: DossierActor["role"]): DossierActor => ({
  role,
  username: role,
  departmentName: null,
  criteria: [],
});

function complete(state: DossierState, step: "self_assessment" | "front_comments", at: string) {
  const result = transition(
    state,
    regime,
    { type: "complete", step, data: stepData[step] },
    actor(step === "self_assessment" ? "commune_officer" : "fatherland_front"),
    at,
  );
  if (!result.ok) throw new Error(result.reason);
  return result.state;
}

const filed = openDossier({ regime, unitLevel: "commune", requestedLevel: "standard", snapshot });
const commented = complete(filed, "self_assessment", "2026-11-20T09:00:00.000+07:00");
/** The Front commented in the evening of 24/11 in Viet Nam (the UTC date is still the 24th). */
const posting = complete(commented, "front_comments", "2026-11-24T21:30:00.000+07:00");

describe("feedbackWindow: residents comment while the dossier is posted, for the broadcast window", () => {
  it.each([
    ["the first day of posting", "2026-11-24", true, "open"],
    ["the last of the 15 days", "2026-12-08", true, "open"],
    ["the day after the 15 days", "2026-12-09", false, "ended"],
    ["before the Front's comments were recorded", "2026-11-23", false, "not_started"],
  ])("%s (%s)", (_label, today, open, code) => {
    const window = feedbackWindow(posting, regime, today);
    expect(window).toMatchObject({ open, code, from: "2026-11-24", to: "2026-12-08" });
  });

  it("names the period in Vietnamese", () => {
    expect(feedbackWindow(posting, regime, "2026-12-01").reason).toBe(
      "Đang niêm yết lấy ý kiến người dân từ 24/11/2026 đến hết 08/12/2026.",
    );
    expect(feedbackWindow(posting, regime, "2026-12-10").reason).toContain("đã kết thúc");
  });

  it("is closed before the posting step and after it", () => {
    expect(feedbackWindow(commented, regime, "2026-11-24")).toMatchObject({
      open: false,
      code: "not_posting_step",
    });
    const posted = transition(
      posting,
      regime,
      { type: "complete", step: "public_posting", data: stepData.public_posting },
      actor("commune_officer"),
      "2026-12-05T08:00:00.000+07:00",
    );
    if (!posted.ok) throw new Error(posted.reason);
    expect(feedbackWindow(posted.state, regime, "2026-12-05")).toMatchObject({
      open: false,
      code: "not_posting_step",
    });
  });

  it("is closed for a decided dossier and for a revocation dossier", () => {
    expect(feedbackWindow({ ...posting, status: "decided" }, regime, "2026-12-01").code).toBe(
      "decided",
    );
    expect(feedbackWindow({ ...posting, kind: "revocation" }, regime, "2026-12-01").code).toBe(
      "not_recognition",
    );
  });

  it("follows a province's longer broadcast window", () => {
    const longer = { ...regime, rules: { ...regime.rules, broadcastWindowDays: 30 } };
    expect(feedbackWindow(posting, longer, "2026-12-20")).toMatchObject({
      open: true,
      to: "2026-12-23",
    });
  });
});

describe("moderate: pending → approved or hidden (with a reason), and back", () => {
  it.each<[FeedbackStatus, ModerationAction, FeedbackStatus]>([
    ["pending", { kind: "approve" }, "approved"],
    ["pending", { kind: "hide", reason: "Nội dung quảng cáo" }, "hidden"],
    ["approved", { kind: "hide", reason: "Lộ thông tin cá nhân" }, "hidden"],
    ["hidden", { kind: "approve" }, "approved"],
  ])("%s + %j → %s", (from, action, to) => {
    expect(moderate(from, action)).toMatchObject({ ok: true, status: to });
  });

  it.each<[FeedbackStatus, ModerationAction, string]>([
    ["approved", { kind: "approve" }, "same_status"],
    ["hidden", { kind: "hide", reason: "Trùng lặp ý kiến" }, "same_status"],
    ["pending", { kind: "hide", reason: "   " }, "reason_required"],
    ["pending", { kind: "hide", reason: "xấu" }, "reason_required"],
  ])("refuses %s + %j (%s)", (from, action, code) => {
    const result = moderate(from, action);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok ? "" : result.reason).toMatch(/Ý kiến|lý do/);
  });

  it("keeps the reason for hiding, trimmed", () => {
    expect(moderate("pending", { kind: "hide", reason: "  Nội dung quảng cáo " })).toEqual({
      ok: true,
      status: "hidden",
      reason: "Nội dung quảng cáo",
    });
  });
});

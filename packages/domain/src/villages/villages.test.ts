import { describe, expect, it } from "vitest";
import {
  communeKindOf,
  summariseVillages,
  transitionVillageRecognition,
  villageKindOf,
  villagePlacementRefusal,
  type VillageRecognitionContext,
  type VillageRecognitionState,
  type VillageSetRules,
} from "../index.ts";

const context = (meets = true): VillageRecognitionContext => ({
  today: "2024-06-15",
  meetsSet: () => meets,
  setName: "Thôn đạt chuẩn nông thôn mới",
});
const selfAssess = {
  type: "self_assess",
  year: 2024,
  reportNumber: "05/BC-BPT",
  reportDate: "2024-05-02",
} as const;

function recognised(): VillageRecognitionState {
  const first = transitionVillageRecognition(null, selfAssess, context());
  if (!first.ok) throw new Error(first.reason);
  const second = transitionVillageRecognition(
    first.state,
    { type: "recognise", decisionNumber: "12/QĐ-UBND", decisionDate: "2024-06-01" },
    context(),
  );
  if (!second.ok) throw new Error(second.reason);
  return second.state;
}

describe("village placement", () => {
  const rules: VillageSetRules = { kind: "ntm-village", excludedCommuneKinds: ["phuong"] };

  it("refuses a village of a ward when the set excludes wards, naming the ward", () => {
    expect(villagePlacementRefusal(rules, "Bộ tiêu chí thôn", { name: "Phường Chi Lăng" })).toBe(
      "Bộ tiêu chí thôn không áp dụng cho thôn, tổ dân phố thuộc phường (Phường Chi Lăng).",
    );
  });

  it("accepts a village of a commune, and of a ward when the set does not exclude wards", () => {
    expect(villagePlacementRefusal(rules, "Bộ", { name: "Xã Hoàng Đồng" })).toBeNull();
    expect(
      villagePlacementRefusal({ kind: "smart-village" }, "Bộ", { name: "Phường A" }),
    ).toBeNull();
  });

  it("reads the commune type and the village kind from official names", () => {
    expect(communeKindOf("Thị trấn Na Sầm")).toBe("thi_tran");
    expect(communeKindOf("Đặc khu Lý Sơn")).toBe("dac_khu");
    expect(communeKindOf("Xã Tịnh Khê")).toBe("xa");
    expect(villageKindOf("Tổ dân phố 3")).toBe("Tổ dân phố");
    expect(villageKindOf("Bản Nà Lừa")).toBe("Bản");
    expect(villageKindOf("Nà Lừa")).toBeNull();
  });
});

describe("village recognition: self-assessment, then the commune's decision", () => {
  it("recognises a village that meets the set after its self-assessment", () => {
    const state = recognised();
    expect(state).toMatchObject({
      status: "recognised",
      year: 2024,
      decisionNumber: "12/QĐ-UBND",
      reportNumber: "05/BC-BPT",
    });
  });

  it("refuses a self-assessment of a village whose result does not meet the set", () => {
    const outcome = transitionVillageRecognition(null, selfAssess, context(false));
    expect(outcome).toEqual({
      ok: false,
      reason:
        "Kết quả đánh giá năm 2024 của thôn chưa đạt Thôn đạt chuẩn nông thôn mới; chưa thể đề nghị công nhận.",
    });
  });

  it("refuses a decision without a self-assessment, before the report, or in the future", () => {
    const decide = {
      type: "recognise",
      decisionNumber: "1/QĐ",
      decisionDate: "2024-06-01",
    } as const;
    expect(transitionVillageRecognition(null, decide, context()).ok).toBe(false);
    const first = transitionVillageRecognition(null, selfAssess, context());
    if (!first.ok) throw new Error(first.reason);
    const early = transitionVillageRecognition(
      first.state,
      { ...decide, decisionDate: "2024-04-30" },
      context(),
    );
    expect(early).toMatchObject({ ok: false });
    expect(!early.ok && early.reason).toContain("phải từ ngày báo cáo tự đánh giá (02/05/2024)");
    const future = transitionVillageRecognition(
      first.state,
      { ...decide, decisionDate: "2024-07-01" },
      context(),
    );
    expect(!future.ok && future.reason).toBe(
      "Ngày quyết định công nhận (01/07/2024) không được sau ngày hôm nay.",
    );
  });

  it("refuses a second self-assessment while one waits or the village is recognised", () => {
    const state = recognised();
    const again = transitionVillageRecognition(state, selfAssess, context());
    expect(!again.ok && again.reason).toContain("chỉ tự đánh giá lại sau khi bị thu hồi");
  });

  it("revokes a recognised village with its reason, and only a recognised one", () => {
    const revoke = {
      type: "revoke",
      decisionNumber: "20/QĐ-UBND",
      decisionDate: "2024-06-10",
      reason: "Tiêu chí môi trường không còn đạt",
    } as const;
    const outcome = transitionVillageRecognition(recognised(), revoke, context());
    expect(outcome).toMatchObject({
      ok: true,
      state: { status: "revoked", reason: "Tiêu chí môi trường không còn đạt" },
    });
    expect(transitionVillageRecognition(null, revoke, context()).ok).toBe(false);
    if (!outcome.ok) return;
    expect(transitionVillageRecognition(outcome.state, selfAssess, context()).ok).toBe(true);
  });
});

describe("village roll-up", () => {
  it("counts villages meeting and recognised per commune and in total, with the share", () => {
    const { total, byCommune } = summariseVillages([
      { communeCode: "A", meets: true, recognised: true },
      { communeCode: "A", meets: true, recognised: false },
      { communeCode: "A", meets: false, recognised: false },
      { communeCode: "B", meets: true, recognised: true },
    ]);
    expect(total).toEqual({ villages: 4, meeting: 3, recognised: 2, recognisedShare: 50 });
    expect(byCommune.get("A")).toEqual({
      villages: 3,
      meeting: 2,
      recognised: 1,
      recognisedShare: 33.3,
    });
    expect(summariseVillages([]).total.recognisedShare).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import {
  bandRuleOn,
  certificateStatusOn,
  countProducts,
  describeRequirement,
  evaluateTarget,
  expiryOf,
  ocopGroups,
  rateProduct,
  tallyProducts,
  type OcopCertificate,
  type OcopProductRecord,
  type TargetDefinition,
} from "../index.ts";

const cert = (over: Partial<OcopCertificate> = {}): OcopCertificate => ({
  id: 1,
  stars: 3,
  total: 60,
  communeCode: "X01",
  decisionNumber: "1/QĐ-UBND",
  decisionDate: "2023-03-10",
  issuer: "UBND tỉnh",
  expiresOn: "2026-03-10",
  revokedOn: null,
  revokeReason: null,
  ...over,
});

describe("OCOP catalog", () => {
  it("has the six groups of QĐ 148 with their basis", () => {
    expect(ocopGroups.map((g) => g.code)).toHaveLength(6);
    expect(ocopGroups.every((g) => g.basis.document === "148/QĐ-TTg")).toBe(true);
  });

  it("marks the bands confirmed only for the QĐ 1048 era", () => {
    expect(bandRuleOn("2021-05-01").basis).toMatchObject({
      document: "1048/QĐ-TTg",
      status: "confirmed",
    });
    expect(bandRuleOn("2023-02-24").basis).toMatchObject({
      document: "148/QĐ-TTg",
      status: "unverified",
    });
  });
});

describe("rateProduct", () => {
  it.each([
    [{ A: 30, B: 15, C: 5 }, 3],
    [{ A: 30, B: 20, C: 19 }, 3],
    [{ A: 30, B: 20, C: 20 }, 4],
    [{ A: 40, B: 25, C: 24 }, 4],
    [{ A: 40, B: 25, C: 25 }, 5],
    [{ A: 35.5, B: 20, C: 34 }, 4],
  ])("gives %o the stars of its band", (scores, stars) => {
    const rating = rateProduct({ scores, date: "2024-01-01" });
    expect(rating.stars).toBe(stars);
    expect(rating.problems).toEqual([]);
    expect(rating.reasons.join(" ")).toContain("148/QĐ-TTg (khung điểm chưa xác minh)");
  });

  it("refuses a part over its maximum", () => {
    const rating = rateProduct({ scores: { A: 41, B: 20, C: 20 }, date: "2024-01-01" });
    expect(rating.stars).toBeNull();
    expect(rating.problems[0]).toMatchObject({ field: "scores.A" });
    expect(rating.problems[0]?.message).toContain("tối đa 40 điểm");
  });

  it("refuses a total under 50 points", () => {
    const rating = rateProduct({ scores: { A: 20, B: 10, C: 19 }, date: "2024-01-01" });
    expect(rating.stars).toBeNull();
    expect(rating.problems[0]?.message).toContain("không đạt 3 sao");
  });

  it("refuses stars out of 3–5 and stars that do not match the total", () => {
    const scores = { A: 30, B: 20, C: 25 };
    expect(rateProduct({ scores, date: "2024-01-01", claimedStars: 6 }).problems[0]).toMatchObject({
      field: "stars",
    });
    const mismatch = rateProduct({ scores, date: "2024-01-01", claimedStars: 5 });
    expect(mismatch.problems[0]?.message).toContain("không khớp tổng điểm 75");
    expect(rateProduct({ scores, date: "2024-01-01", claimedStars: 4 }).stars).toBe(4);
  });

  it("requires the national level for 5 stars", () => {
    const scores = { A: 40, B: 25, C: 30 };
    const rating = rateProduct({ scores, date: "2024-01-01", issuerLevel: "province" });
    expect(rating.problems[0]?.message).toContain("Trung ương");
    expect(rateProduct({ scores, date: "2024-01-01", issuerLevel: "national" }).stars).toBe(5);
  });
});

describe("certificates", () => {
  it("expires on the same day 36 months later", () => {
    expect(expiryOf("2020-02-04")).toBe("2023-02-04");
    expect(expiryOf("2024-02-29")).toBe("2027-03-01");
    expect(expiryOf("2023-12-31")).toBe("2026-12-31");
  });

  it("is expiring within 30 days, then expired, or revoked", () => {
    const c = cert();
    expect(certificateStatusOn(c, "2026-02-07")).toMatchObject({ status: "valid", daysLeft: 31 });
    expect(certificateStatusOn(c, "2026-02-08")).toMatchObject({
      status: "expiring",
      daysLeft: 30,
    });
    expect(certificateStatusOn(c, "2026-03-09").status).toBe("expiring");
    expect(certificateStatusOn(c, "2026-03-10").status).toBe("expired");
    expect(certificateStatusOn(c, "2026-02-08").reason).toContain("ngày hết hiệu lực 10/03/2026");
    expect(certificateStatusOn(c, "2023-03-09").status).toBe("notYet");
    const revoked = cert({ revokedOn: "2024-05-01", revokeReason: "Vi phạm an toàn thực phẩm" });
    expect(certificateStatusOn(revoked, "2024-04-30").status).toBe("valid");
    expect(certificateStatusOn(revoked, "2024-05-01")).toMatchObject({ status: "revoked" });
  });
});

describe("counts as of a date", () => {
  const products: OcopProductRecord[] = [
    { id: 1, name: "Mật ong", certificates: [cert()] },
    {
      id: 2,
      name: "Chè",
      certificates: [
        cert({ id: 2, communeCode: "X02" }),
        cert({
          id: 3,
          stars: 4,
          total: 75,
          communeCode: "X02",
          decisionDate: "2026-02-20",
          expiresOn: "2029-02-20",
        }),
      ],
    },
    {
      id: 3,
      name: "Rượu",
      certificates: [cert({ id: 4, revokedOn: "2025-01-10", revokeReason: "Ngừng sản xuất" })],
    },
  ];

  it("counts valid products of enough stars and names the others", () => {
    const before = countProducts(products, { date: "2025-12-31", minStars: 3 });
    expect(before.count).toBe(2);
    expect(before.behind).toEqual([expect.objectContaining({ id: 3, name: "Rượu" })]);
    expect(before.behind[0]?.reason).toContain("Bị thu hồi");
    const after = countProducts(products, { date: "2026-12-31", minStars: 4 });
    expect(after.counted).toEqual([2]);
    expect(after.behind.map((b) => b.id)).toEqual([1, 3]);
    expect(after.behind[0]?.reason).toContain("Hết hạn");
  });

  it("filters by the commune of the certificate in force", () => {
    const only = countProducts(products, {
      date: "2026-12-31",
      minStars: 3,
      communeCodes: new Set(["X02"]),
    });
    expect(only.counted).toEqual([2]);
  });

  it("tallies stars and states", () => {
    expect(tallyProducts(products, "2026-02-25")).toEqual({
      date: "2026-02-25",
      total: 2,
      byStars: { 3: 1, 4: 1, 5: 0 },
      expiring: 1,
      expired: 0,
      revoked: 1,
    });
  });
});

describe("an OCOP target", () => {
  it("is judged on the registry's figures and names the products behind", () => {
    const behind = [
      {
        code: "X01",
        name: "Mật ong",
        parentName: "Xã Đăk Pék",
        criteriaMet: null,
        required: "từ 3 sao",
        missing: ["Hết hạn"],
        onPace: false,
      },
    ];
    const target: TargetDefinition = {
      kind: "ocopProducts",
      baselineYear: 2023,
      deadlineYear: 2025,
      value: 10,
      minStars: 3,
      entered: [
        { year: 2023, value: 6 },
        { year: 2024, value: 8 },
      ],
    };
    const progress = evaluateTarget({
      target,
      communes: [],
      levels: ["standard"],
      year: 2024,
      ocopBehind: behind,
    });
    expect(progress).toMatchObject({ actual: 8, gap: 2, unit: "sản phẩm", status: "onTrack" });
    expect(progress.behind).toEqual(behind);
    expect(progress.rule).toContain("năm 2024: 8 sản phẩm, mục tiêu 10 sản phẩm");
    expect(describeRequirement({ target: { ...target, minStars: 4 } })).toBe(
      "10 sản phẩm OCOP từ 4 sao còn hiệu lực đến năm 2025",
    );
  });
});

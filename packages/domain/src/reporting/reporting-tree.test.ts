import { describe, expect, it } from "vitest";
import { reportingTreeOn, type ReportingTreeInput, type ReportingUnit } from "./reporting-tree.ts";

const unit = (
  code: string,
  name: string,
  level: string,
  parentCode: string | null,
  validFrom: string,
  validTo: string | null,
  assessed = level === "commune",
): ReportingUnit => ({ code, name, level, parentCode, validFrom, validTo, assessed });

const konTum = unit("62", "Tỉnh Kon Tum", "province", null, "2008-01-01", "2025-06-30");
const oldQuangNgai = unit("51", "Tỉnh Quảng Ngãi", "province", null, "2008-01-01", "2025-06-30");
const quangNgai = unit("51", "Tỉnh Quảng Ngãi", "province", null, "2025-07-01", null);
const before = [
  unit("610", "Huyện Đắk Glei", "district", "62", "2008-01-01", "2025-06-30"),
  unit("23344", "Xã Đắk Blô", "commune", "610", "2008-01-01", "2025-06-30"),
  unit("23347", "Xã Đắk Man", "commune", "610", "2008-01-01", "2025-06-30"),
  unit("23341", "Thị trấn Đắk Glei", "commune", "610", "2008-01-01", "2025-06-30", false),
];
const after = [
  unit("23344", "Xã Đăk Plô", "commune", "51", "2025-07-01", null),
  unit("23281", "Xã Đăk Pék", "commune", "51", "2025-07-01", null),
  unit("23230", "Phường Kon Tum", "commune", "51", "2025-07-01", null, false),
];

const input = (overrides: Partial<ReportingTreeInput>): ReportingTreeInput => ({
  type: { submitterLevel: "commune", receiverUnitCode: "51" },
  date: "2026-01-31",
  receiver: quangNgai,
  receiverLast: quangNgai,
  successors: [],
  below: after,
  departments: [],
  ...overrides,
});

describe("reportingTreeOn", () => {
  it("sends a 2026 commune period from the assessed xã of the province of today, with no district", () => {
    const tree = reportingTreeOn(input({}));
    expect(tree.ok).toBe(true);
    if (!tree.ok) return;
    expect(tree.receiver).toEqual({ code: "51", name: "Tỉnh Quảng Ngãi" });
    expect(tree.senders.map((sender) => sender.unitCode)).toEqual(["23344", "23281"]);
    expect(tree.reason).toContain("báo cáo trực tiếp");
    expect(tree.reason).toContain("1 phường, thị trấn không đánh giá");
  });

  it("keeps a 2024 period of Kon Tum on its districts' communes", () => {
    const tree = reportingTreeOn(
      input({
        type: { submitterLevel: "commune", receiverUnitCode: "62" },
        date: "2024-05-31",
        receiver: konTum,
        receiverLast: konTum,
        below: before,
      }),
    );
    expect(tree).toMatchObject({ ok: true, receiver: { code: "62" } });
    if (!tree.ok) return;
    expect(tree.senders.map((sender) => sender.unitCode)).toEqual(["23344", "23347"]);
    expect(tree.reason).not.toContain("trực tiếp");
  });

  it("sends a Kon Tum district period from its districts before the reform", () => {
    const tree = reportingTreeOn(
      input({
        type: { submitterLevel: "district", receiverUnitCode: "62" },
        date: "2024-12-31",
        receiver: konTum,
        receiverLast: konTum,
        below: before,
      }),
    );
    expect(tree).toMatchObject({
      ok: true,
      senders: [{ unitCode: "610", departmentCode: null, name: "Huyện Đắk Glei" }],
    });
  });

  it("gives no period after 30/6/2025 to Kon Tum, naming the province that took it over", () => {
    const tree = reportingTreeOn(
      input({
        type: { submitterLevel: "commune", receiverUnitCode: "62" },
        date: "2026-01-31",
        receiver: null,
        receiverLast: konTum,
        successors: [{ code: "51", name: "Tỉnh Quảng Ngãi" }],
      }),
    );
    expect(tree.ok).toBe(false);
    expect(tree.reason).toContain("Tỉnh Kon Tum kết thúc ngày 30/06/2025");
    expect(tree.reason).toContain("sáp nhập vào Tỉnh Quảng Ngãi");
  });

  it("has no district senders where the province has no districts on the date", () => {
    const tree = reportingTreeOn(
      input({ type: { submitterLevel: "district", receiverUnitCode: "51" } }),
    );
    expect(tree.ok).toBe(false);
    expect(tree.reason).toContain("không có đơn vị cấp huyện");
    expect(tree.reason).toContain("31/01/2026");
  });

  it("reads a reused province code on the date: old Quảng Ngãi in 2024, the province of today in 2026", () => {
    const old = reportingTreeOn(
      input({
        type: { submitterLevel: "district", receiverUnitCode: "51" },
        date: "2024-12-31",
        receiver: oldQuangNgai,
        below: [unit("522", "Huyện Bình Sơn", "district", "51", "2008-01-01", "2025-06-30")],
      }),
    );
    expect(old).toMatchObject({ ok: true, senders: [{ unitCode: "522" }] });
  });

  it("sends department periods from the receiving province's departments, or says there are none", () => {
    const departments = [{ code: "so-xd-qn", name: "Sở Xây dựng" }];
    expect(
      reportingTreeOn(
        input({ type: { submitterLevel: "department", receiverUnitCode: "51" }, departments }),
      ),
    ).toMatchObject({
      ok: true,
      senders: [{ unitCode: "51", departmentCode: "so-xd-qn", name: "Sở Xây dựng" }],
    });
    const none = reportingTreeOn(
      input({ type: { submitterLevel: "department", receiverUnitCode: "51" } }),
    );
    expect(none).toMatchObject({ ok: false });
    expect(none.reason).toContain("chưa có sở, ngành");
  });

  it("has no receiver before the receiving unit began", () => {
    const tree = reportingTreeOn(
      input({ date: "2024-12-31", receiver: null, receiverLast: quangNgai, below: [] }),
    );
    expect(tree.ok).toBe(false);
    expect(tree.reason).toContain("bắt đầu từ 01/07/2025");
  });

  it("says so when no commune of the province is assessed", () => {
    const tree = reportingTreeOn(input({ below: [after[2]!] }));
    expect(tree.ok).toBe(false);
    expect(tree.reason).toContain("không có xã nào");
  });
});

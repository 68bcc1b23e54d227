import { describe, expect, it } from "vitest";
import { checkCarryOver, defaultCarryOver, describeCarryOver } from "./recognition-carry-over.ts";

const newSetFrom = "2026-02-15";

describe("a recognition of 2021–2025 once the 2026–2030 set is in force", () => {
  it("is kept until re-assessed by default, with the mark that no text was found", () => {
    expect(defaultCarryOver.basis).toBeNull();
    expect(describeCarryOver(defaultCarryOver)).toBe(
      "Xã đã được công nhận theo bộ tiêu chí giai đoạn 2021–2025 giữ công nhận đến khi được đánh giá lại theo bộ tiêu chí giai đoạn 2026–2030. Chưa tìm thấy căn cứ pháp lý.",
    );
  });

  it("states a re-assessment deadline and the province's text", () => {
    const rule = {
      mode: "reassess_by" as const,
      deadline: "2026-12-31",
      basis: { document: "25/KH-UBND", date: "2026-03-10" },
    };
    expect(describeCarryOver(rule)).toMatch(
      /trước ngày 31\/12\/2026; .* Căn cứ: 25\/KH-UBND ngày 10\/03\/2026\.$/,
    );
    expect(describeCarryOver({ mode: "lapse_at_new_set", basis: null })).toMatch(
      /hết hiệu lực khi bộ tiêu chí giai đoạn 2026–2030 có hiệu lực/,
    );
  });

  it("refuses a deadline that is missing, before the new set, or given without that option", () => {
    expect(checkCarryOver({ mode: "reassess_by", basis: null }, newSetFrom)).toBe(
      "Cần nhập hạn đánh giá lại (dd/MM/yyyy).",
    );
    expect(
      checkCarryOver({ mode: "reassess_by", deadline: "2026-01-01", basis: null }, newSetFrom),
    ).toBe("Hạn đánh giá lại phải từ ngày bộ tiêu chí mới có hiệu lực (15/02/2026) trở đi.");
    expect(
      checkCarryOver(
        { mode: "keep_until_reassessed", deadline: "2026-12-31", basis: null },
        newSetFrom,
      ),
    ).toBe("Chỉ cách áp dụng “đánh giá lại trước hạn” mới có hạn.");
    expect(checkCarryOver(defaultCarryOver, newSetFrom)).toBeNull();
  });
});

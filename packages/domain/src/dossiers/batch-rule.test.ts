import { describe, expect, it } from "vitest";
import { batchOpen, batchRefusal, type FilingBatch } from "./batch-rule.ts";

const batch: FilingBatch = { name: "Đợt 1 năm 2024", provinceCode: "P01", deadline: "2024-02-28" };

describe("batchOpen", () => {
  it.each([
    ["2024-02-27", true],
    ["2024-02-28", true],
    ["2024-02-29", false],
  ])("on %s: %s", (today, open) => {
    expect(batchOpen(batch, today)).toBe(open);
  });
});

describe("batchRefusal", () => {
  it("takes a dossier of the province up to the deadline", () => {
    expect(batchRefusal(batch, { provinceCode: "P01", today: "2024-02-28" })).toBeNull();
  });

  it("refuses a closed batch, naming it and its deadline", () => {
    const refusal = batchRefusal(batch, { provinceCode: "P01", today: "2024-06-15" });
    expect(refusal?.code).toBe("closed");
    expect(refusal?.reason).toContain('Đợt "Đợt 1 năm 2024" đã hết hạn nhận hồ sơ ngày 28/02/2024');
  });

  it("refuses another province's batch, open or not", () => {
    const refusal = batchRefusal(batch, { provinceCode: "P02", today: "2024-01-01" });
    expect(refusal?.code).toBe("other_province");
  });
});

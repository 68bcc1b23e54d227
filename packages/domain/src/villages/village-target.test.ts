import { describe, expect, it } from "vitest";
import { describeRequirement, evaluateTarget, type TargetDefinition } from "../index.ts";

const target: TargetDefinition = {
  kind: "villagesRecognised",
  baselineYear: 2023,
  deadlineYear: 2025,
  value: 25,
  measure: "share",
  entered: [
    { year: 2023, value: 10 },
    { year: 2024, value: 20 },
  ],
};

describe("a target on villages recognised as NTM villages", () => {
  it("is judged on the registry's figure of the year, in % of villages", () => {
    const progress = evaluateTarget({ target, communes: [], levels: ["standard"], year: 2024 });
    expect(progress).toMatchObject({ actual: 20, target: 25, gap: 5, unit: "%" });
    expect(progress.series).toEqual([
      { year: 2023, actual: 10 },
      { year: 2024, actual: 20 },
    ]);
    expect(progress.behind).toEqual([]);
  });

  it("is met once the figure reaches the value, and has no data without villages", () => {
    const met = evaluateTarget({
      target: { ...target, entered: [{ year: 2024, value: 30 }] },
      communes: [],
      levels: ["standard"],
      year: 2024,
    });
    expect(met.status).toBe("met");
    const empty = evaluateTarget({
      target: { ...target, entered: [] },
      communes: [],
      levels: ["standard"],
      year: 2024,
    });
    expect(empty.status).toBe("noData");
  });

  it("says what it asks in Vietnamese, as a share or a count", () => {
    expect(describeRequirement({ target })).toBe(
      "25 % số thôn được công nhận thôn đạt chuẩn nông thôn mới đến năm 2025",
    );
    expect(describeRequirement({ target: { ...target, measure: "count", value: 12 } })).toBe(
      "12 thôn được công nhận thôn đạt chuẩn nông thôn mới đến năm 2025",
    );
  });
});

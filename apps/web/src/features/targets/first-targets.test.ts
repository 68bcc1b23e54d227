import { describe, expect, it } from "vitest";
import { targetFiguresOf } from "./first-targets.tsx";

const item = {
  target: {
    id: 7,
    name: "Số xã đạt chuẩn nông thôn mới",
    unitName: "Tỉnh Kon Tum",
    deadlineYear: 2025,
    source: "Nghị quyết 03/NQ-HĐND",
  },
  progress: {
    status: "offTrack",
    rule: "Đạt 31 xã, cần 40 xã",
    year: 2024,
    actual: 31,
    target: 40,
    gap: 9,
    unit: "xã",
    milestone: null,
  },
};
const share = { unitCode: "610", unitName: "Huyện Đắk Glei", communes: 12, behind: [{}, {}] };

describe("a dashboard's targets before the page's code", () => {
  it("are read from the dashboard answer, the targets of the units above with their share", () => {
    const figures = targetFiguresOf(
      {
        unit: { code: "610", name: "Huyện Đắk Glei" },
        year: 2024,
        targets: [item],
        fromAbove: [{ ...item, target: { ...item.target, id: 8 }, share }],
      },
      "/targets/610",
    );
    expect(figures?.unitName).toBe("Huyện Đắk Glei");
    expect(figures?.targets.map((target) => [target.id, target.status, target.share])).toEqual([
      [7, "offTrack", null],
      [8, "offTrack", { unitName: "Huyện Đắk Glei", communes: 12, behind: 2 }],
    ]);
    expect(figures?.targets[0]).toMatchObject({
      actual: 31,
      target: 40,
      gap: 9,
      unit: "xã",
      milestone: null,
      source: "Nghị quyết 03/NQ-HĐND",
    });
  });

  it("are not drawn without targets, with a target not understood, or for another answer", () => {
    const unit = { code: "62", name: "Tỉnh Kon Tum" };
    expect(targetFiguresOf({ unit, year: 2024, targets: [], fromAbove: [] }, "/")).toBeNull();
    const odd = { ...item, progress: { ...item.progress, status: "late" } };
    expect(targetFiguresOf({ unit, year: 2024, targets: [odd], fromAbove: [] }, "/")).toBeNull();
    expect(targetFiguresOf({ error: { code: "FORBIDDEN" } }, "/")).toBeNull();
    expect(targetFiguresOf(null, "/")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { duplicateRecognition, type HeldRecognition } from "./recognition-guard.ts";

const standard2024: HeldRecognition = {
  level: "standard",
  year: 2024,
  decisionNumber: "100/QĐ-UBND",
  decisionDate: "2024-03-01",
  endedOn: null,
};
const request: Parameters<typeof duplicateRecognition>[1] = {
  unitName: "Xã Tê Xăng",
  unitLevel: "commune",
  level: "standard",
  year: 2024,
};

describe("duplicateRecognition", () => {
  it.each<[string, HeldRecognition[], typeof request, boolean]>([
    ["nothing held", [], request, false],
    ["the same level and year, in force", [standard2024], request, true],
    [
      "the same level and year, revoked",
      [{ ...standard2024, endedOn: "2024-06-01" }],
      request,
      false,
    ],
    ["the same level, another year", [{ ...standard2024, year: 2022 }], request, false],
    ["another level, the same year", [standard2024], { ...request, level: "advanced" }, false],
  ])("%s", (_name, held, asked, refused) => {
    expect(duplicateRecognition(held, asked) !== null).toBe(refused);
  });

  it("says which decision stands in the way, in Vietnamese", () => {
    expect(duplicateRecognition([standard2024], request)).toBe(
      "Xã Tê Xăng đã được công nhận xã đạt chuẩn nông thôn mới năm 2024 (Quyết định số 100/QĐ-UBND ngày 01/03/2024), quyết định còn hiệu lực: không xét công nhận lại cùng mức, cùng năm.",
    );
  });
});

import { describe, expect, it } from "vitest";
import { criteriaSetSchema } from "./index.ts";

const basis = { document: "318/QĐ-TTg", date: "2022-03-08" };

function validSet() {
  return {
    code: "mau",
    version: 1,
    name: "Bộ mẫu",
    unitLevel: "commune",
    fromYear: 2021,
    toYear: 2025,
    basis,
    classification: { kind: "region", values: [{ code: "TN", name: "Tây Nguyên" }] },
    levels: [
      { code: "standard", name: "Đạt chuẩn" },
      { code: "advanced", name: "Nâng cao", inherits: "standard" },
    ],
    criteria: [
      {
        code: "10",
        name: "Thu nhập",
        indicators: [
          {
            code: "10.1",
            name: "Thu nhập bình quân",
            kind: "number",
            comparator: ">=",
            thresholds: [
              { level: "standard", value: 45, basis, status: "unverified", note: "ước tính" },
            ],
          },
        ],
      },
    ],
  };
}

type SetDraft = ReturnType<typeof validSet> & Record<string, unknown>;

describe("criteriaSetSchema", () => {
  it("accepts a valid set", () => {
    expect(criteriaSetSchema.safeParse(validSet()).success).toBe(true);
  });

  it.each<[string, (set: SetDraft) => void, RegExp]>([
    [
      "an unknown level in a threshold",
      (s) => ((s.criteria[0]!.indicators[0]!.thresholds[0] as { level: string }).level = "model"),
      /mức model/,
    ],
    [
      "an unknown region",
      (s) => Object.assign(s.criteria[0]!.indicators[0]!.thresholds[0]!, { classes: ["XX"] }),
      /vùng\/nhóm XX/,
    ],
    [
      "a duplicate indicator code",
      (s) => s.criteria.push(structuredClone(s.criteria[0]!)),
      /trùng/,
    ],
    [
      "inheriting an undeclared level",
      (s) => (s.levels[1]!.inherits = "model"),
      /kế thừa mức model/,
    ],
    [
      "a cycle of inheritance",
      (s) => Object.assign(s.levels[0]!, { inherits: "advanced" }),
      /vòng/,
    ],
    [
      "a threshold year outside the set",
      (s) => Object.assign(s.criteria[0]!.indicators[0]!.thresholds[0]!, { fromYear: 2019 }),
      /ngoài giai đoạn/,
    ],
    [
      "a relative threshold on its own level",
      (s) =>
        (s.criteria[0]!.indicators[0]!.thresholds = [
          {
            level: "advanced",
            relativeTo: { level: "advanced", factor: 1.1 },
            basis,
            status: "confirmed",
          } as never,
        ]),
      /tương đối/,
    ],
    [
      "a boolean threshold on a number indicator",
      (s) => ((s.criteria[0]!.indicators[0]!.thresholds[0] as { value: unknown }).value = true),
      /không cùng kiểu/,
    ],
    [
      "a yes/no indicator compared with ≥",
      (s) => (s.criteria[0]!.indicators[0]!.kind = "boolean"),
      /phép so sánh/,
    ],
    [
      "an unknown key in a region",
      (s) => Object.assign(s.classification.values[0]!, { nameEN: "x" }),
      /nameEN|khóa|key/i,
    ],
  ])("refuses %s", (_label, mutate, message) => {
    const set = validSet() as SetDraft;
    mutate(set);
    const result = criteriaSetSchema.safeParse(set);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(message);
  });
});

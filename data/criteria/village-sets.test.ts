import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { criteriaSetSchema } from "@ntm/contracts";

const readJson = (path: string) =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8")) as unknown;

describe("the shipped village set", () => {
  const parsed = criteriaSetSchema.safeParse(readJson("./village-ntm-illustrative.json"));

  it("is a valid provincial set at village level", () => {
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data).toMatchObject({ unitLevel: "village", village: { kind: "ntm-village" } });
  });

  it("says it is illustrative: marked so, and no threshold claims to be checked", () => {
    const set = parsed.data!;
    expect(set.village?.illustrative).toBe(true);
    expect(set.name).toContain("minh họa");
    const rows = set.criteria.flatMap((criterion) =>
      criterion.indicators.flatMap((indicator) => indicator.thresholds),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.status === "unverified")).toBe(true);
  });

  it("excludes the tổ dân phố of wards, which the NTM programme does not assess", () => {
    expect(parsed.data?.village?.excludedCommuneKinds).toEqual(["phuong"]);
  });
});

describe("village sets in the file format", () => {
  const base = readJson("./village-ntm-illustrative.json") as Record<string, unknown>;

  it("refuses a village set without its province or its kind", () => {
    const without = (key: string) =>
      Object.fromEntries(Object.entries(base).filter(([name]) => name !== key));
    expect(criteriaSetSchema.safeParse(without("provinceCode")).success).toBe(false);
    expect(criteriaSetSchema.safeParse(without("village")).success).toBe(false);
  });

  it("refuses village rules on a commune set", () => {
    expect(criteriaSetSchema.safeParse({ ...base, unitLevel: "commune" }).success).toBe(false);
  });
});

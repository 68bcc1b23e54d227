import { describe, expect, it } from "vitest";
import type { SummaryResponse } from "@ntm/contracts";
import { showsDistricts } from "./district-column.ts";

const summary = (level: string, parents: (string | null)[]) =>
  ({
    unit: { code: "51", name: "Tỉnh Quảng Ngãi", level },
    units: parents.map((parentName, index) => ({ code: String(index), name: "Xã", parentName })),
  }) as unknown as SummaryResponse;

describe("the district column of a province's communes", () => {
  it("shows before the reform, when communes lie in districts", () => {
    expect(showsDistricts(summary("province", ["Huyện Đắk Glei", "Huyện Tu Mơ Rông"]))).toBe(true);
  });

  it("goes from 1/7/2025, when every commune sits right under the province", () => {
    expect(showsDistricts(summary("province", ["Tỉnh Quảng Ngãi", "Tỉnh Quảng Ngãi"]))).toBe(false);
    expect(showsDistricts(summary("province", []))).toBe(false);
  });

  it("stays for a district's own view", () => {
    expect(showsDistricts(summary("district", ["Tỉnh Quảng Ngãi"]))).toBe(true);
  });
});

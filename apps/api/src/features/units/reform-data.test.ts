import { describe, expect, it } from "vitest";
import { readReformSource } from "./reform-data.ts";

describe("the shipped reform of 1/7/2025, checked against the official lists", () => {
  it("has 34 provinces and 3,321 units: 2,621 xã, 687 phường, 13 đặc khu", async () => {
    const source = await readReformSource();
    expect(source.provinces).toHaveLength(34);
    expect(source.units).toHaveLength(3321);
    const count = (type: string) => source.units.filter((unit) => unit.type === type).length;
    expect([count("xa"), count("phuong"), count("dac_khu")]).toEqual([2621, 687, 13]);
  });

  it("links every old commune to at least one new unit and every new unit to at least one old", async () => {
    const source = await readReformSource();
    const named = new Set(source.units.flatMap((unit) => unit.predecessors.map((old) => old.code)));
    expect(source.oldProvinceOf.size).toBe(10047);
    expect([...source.oldProvinceOf.keys()].filter((code) => !named.has(code))).toEqual([]);
    expect(source.units.filter((unit) => unit.predecessors.length === 0)).toEqual([]);
    expect(source.provinces.flatMap((p) => p.predecessors)).toHaveLength(63);
  });

  it("keeps codes: 3,314 new units carry a predecessor's code; new 51 is old 51 and 62", async () => {
    const source = await readReformSource();
    const kept = source.units.filter((unit) => unit.predecessors.some((o) => o.code === unit.code));
    expect(kept).toHaveLength(3314);
    const quangNgai = source.provinces.find((p) => p.code === "51");
    expect(quangNgai?.predecessors.map((old) => old.code)).toEqual(["51", "62"]);
    expect(source.units.find((unit) => unit.code === "23344")).toMatchObject({
      name: "Xã Đăk Plô",
      provinceCode: "51",
      predecessors: [
        { code: "23344", kind: "full" },
        { code: "23347", kind: "full" },
        { code: "23350", kind: "full" },
      ],
    });
  });

  it("refuses files that do not match the official lists", async () => {
    const folder = new URL("../../../../../data/admin-units-2025/", import.meta.url);
    await expect(readReformSource(new URL("../criteria/", folder))).rejects.toThrow();
  });
});

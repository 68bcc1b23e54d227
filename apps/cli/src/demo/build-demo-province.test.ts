import { unitImportRowSchema, type UnitImportRow } from "@ntm/contracts";
import type { UnitFlag } from "@ntm/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDemoUnits, DEMO_PROVINCE_CODE } from "./build-demo-province.ts";
import { isRuralCommune } from "./load-vietnam-units.ts";

const seed = 20241;
let units: UnitImportRow[];
const asked: string[] = [];

beforeAll(async () => {
  units = await buildDemoUnits({
    regionOf: (provinceCode) => {
      asked.push(provinceCode);
      return "TN";
    },
    seed,
  });
});

const districtNamed = (name: string) => {
  const district = units.find((row) => row.level === "district" && row.name === name);
  if (!district) throw new Error(`no district ${name}`);
  return district;
};
const ruralIn = (name: string) =>
  units.filter((row) => isRuralCommune(row) && row.parentCode === districtNamed(name).code);
const share = (rows: readonly UnitImportRow[], flag: UnitFlag) =>
  rows.filter((row) => row.flags.includes(flag)).length / rows.length;
const zones: UnitFlag[] = ["ethnicZoneI", "ethnicZoneII", "ethnicZoneIII"];

describe("buildDemoUnits for Kon Tum", () => {
  it("is the province, its city and 9 districts, and their 102 communes", () => {
    expect(DEMO_PROVINCE_CODE).toBe("62");
    expect(units.filter((row) => row.level === "province").map((row) => row.name)).toEqual([
      "Tỉnh Kon Tum",
    ]);
    expect(units.filter((row) => row.level === "district").map((row) => row.name)).toEqual([
      "Thành phố Kon Tum",
      "Huyện Đắk Glei",
      "Huyện Ngọc Hồi",
      "Huyện Đắk Tô",
      "Huyện Kon Plông",
      "Huyện Kon Rẫy",
      "Huyện Đắk Hà",
      "Huyện Sa Thầy",
      "Huyện Tu Mơ Rông",
      "Huyện Ia H' Drai",
    ]);
    const communes = units.filter((row) => row.level === "commune");
    expect(communes).toHaveLength(102);
    expect(communes.filter(isRuralCommune)).toHaveLength(85);
    expect(ruralIn("Huyện Đắk Glei")).toHaveLength(11);
    expect(ruralIn("Huyện Tu Mơ Rông")).toHaveLength(11);
  });

  it("sets the region the caller gives on every unit", () => {
    expect(new Set(asked)).toEqual(new Set(["62"]));
    expect(units.every((row) => row.region === "TN")).toBe(true);
  });

  it("is deterministic for a seed and changes with it", async () => {
    const again = await buildDemoUnits({ regionOf: () => "TN", seed });
    expect(again).toEqual(units);
    const other = await buildDemoUnits({ regionOf: () => "TN", seed: seed + 1 });
    expect(other.map((row) => row.flags)).not.toEqual(units.map((row) => row.flags));
  });

  it("flags only rural communes, plus poor districts; wards and towns are group 1", () => {
    for (const row of units) {
      if (row.level === "commune" && !isRuralCommune(row)) {
        expect(row.flags).toEqual([]);
        expect(row.communeGroup).toBe("1");
      }
      if (row.level === "district")
        expect(row.flags.every((flag) => flag === "poorDistrict")).toBe(true);
      if (row.level === "province") expect(row.flags).toEqual([]);
    }
    const poor = units.filter(
      (row) => row.level === "district" && row.flags.includes("poorDistrict"),
    );
    expect(poor.map((row) => row.name)).toEqual(
      expect.arrayContaining(["Huyện Đắk Glei", "Huyện Tu Mơ Rông"]),
    );
    expect(poor.map((row) => row.name)).not.toContain("Thành phố Kon Tum");
  });

  it("gives mountain districts many especially disadvantaged communes, the city none", () => {
    const rural = units.filter(isRuralCommune);
    expect(share(rural, "especiallyDisadvantaged")).toBeGreaterThan(0.25);
    expect(share(rural, "especiallyDisadvantaged")).toBeLessThan(0.6);
    expect(share(ruralIn("Huyện Tu Mơ Rông"), "especiallyDisadvantaged")).toBeGreaterThanOrEqual(
      0.8,
    );
    expect(share(ruralIn("Huyện Đắk Glei"), "especiallyDisadvantaged")).toBeGreaterThanOrEqual(0.8);
    expect(share(ruralIn("Huyện Kon Plông"), "especiallyDisadvantaged")).toBeGreaterThan(0.3);
    expect(share(ruralIn("Thành phố Kon Tum"), "especiallyDisadvantaged")).toBe(0);
    expect(rural.some((row) => row.flags.includes("safeZone"))).toBe(true);
    expect(share(rural, "safeZone")).toBeLessThan(0.2);
    for (const zone of zones) expect(rural.some((row) => row.flags.includes(zone))).toBe(true);
  });

  it("keeps zones consistent: one zone at most, especially disadvantaged means zone III", () => {
    for (const row of units.filter(isRuralCommune)) {
      expect(row.flags.filter((flag) => zones.includes(flag)).length).toBeLessThanOrEqual(1);
      if (row.flags.includes("especiallyDisadvantaged"))
        expect(row.flags).toContain("ethnicZoneIII");
    }
  });

  it("derives the 2026–2030 commune group from the zone and the district", () => {
    const city = districtNamed("Thành phố Kon Tum").code;
    for (const row of units.filter(isRuralCommune)) {
      const group =
        row.flags.includes("ethnicZoneII") || row.flags.includes("ethnicZoneIII")
          ? "3"
          : row.parentCode === city
            ? "1"
            : "2";
      expect(row.communeGroup, row.name).toBe(group);
    }
    const groups = new Set(units.filter(isRuralCommune).map((row) => row.communeGroup));
    expect(groups).toEqual(new Set(["1", "2", "3"]));
  });

  it("produces rows the import schema accepts unchanged", () => {
    expect(unitImportRowSchema.array().parse(units)).toEqual(units);
  });
});

describe("buildDemoUnits for another province", () => {
  it("builds Hà Nội with the region from the caller", async () => {
    const hanoi = await buildDemoUnits({ provinceCode: "01", regionOf: () => "DBSH", seed });
    expect(hanoi.filter((row) => row.level === "district")).toHaveLength(30);
    expect(hanoi.every((row) => row.region === "DBSH")).toBe(true);
  });

  it("refuses a province code the package does not have", async () => {
    await expect(
      buildDemoUnits({ provinceCode: "99", regionOf: () => "TN", seed }),
    ).rejects.toThrow("Không có tỉnh mã 99");
  });
});

import { unitImportRowSchema, type UnitImportRow } from "@ntm/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import {
  isRuralCommune,
  loadVietnamUnits,
  VIETNAM_UNITS_VALID_FROM,
} from "./load-vietnam-units.ts";

let units: UnitImportRow[];

beforeAll(async () => {
  units = await loadVietnamUnits();
});

const ofLevel = (level: UnitImportRow["level"]) => units.filter((row) => row.level === level);

describe("loadVietnamUnits", () => {
  it("returns the 63 provinces, 696 districts and 10,051 communes of the package", () => {
    expect(ofLevel("province")).toHaveLength(63);
    expect(ofLevel("district")).toHaveLength(696);
    expect(ofLevel("commune")).toHaveLength(10_051);
    expect(units).toHaveLength(63 + 696 + 10_051);
    expect(new Set(units.map((row) => row.code)).size).toBe(units.length);
  });

  it("links every unit to a parent of the level above, listed before it", () => {
    const seen = new Map<string, UnitImportRow["level"]>();
    const parentLevel = { province: null, district: "province", commune: "district" } as const;
    for (const row of units) {
      const expected = parentLevel[row.level as keyof typeof parentLevel];
      if (expected === null) expect(row.parentCode).toBeNull();
      else expect(seen.get(row.parentCode ?? "")).toBe(expected);
      seen.set(row.code, row.level);
    }
  });

  it("keeps GSO codes and the names as the package gives them, spaces tidied", () => {
    const byCode = new Map(units.map((row) => [row.code, row]));
    expect(byCode.get("62")?.name).toBe("Tỉnh Kon Tum");
    expect(byCode.get("617")?.name).toBe("Huyện Tu Mơ Rông");
    expect(byCode.get("23353")?.name).toBe("Xã Đắk Pék");
    expect(byCode.get("06178")?.name).toBe("Xã Hoàng Văn Thụ");
    expect(units.filter((row) => /\s{2}|^\s|\s$/.test(row.name))).toEqual([]);
    expect(ofLevel("province").every((row) => /^\d{2}$/.test(row.code))).toBe(true);
    expect(ofLevel("district").every((row) => /^\d{3}$/.test(row.code))).toBe(true);
    expect(ofLevel("commune").every((row) => /^\d{5}$/.test(row.code))).toBe(true);
  });

  it("dates every unit from 1/8/2008, open-ended", () => {
    expect(VIETNAM_UNITS_VALID_FROM).toBe("2008-08-01");
    expect(units.every((row) => row.validFrom === "2008-08-01" && row.validTo === null)).toBe(true);
  });

  it("produces rows the import schema accepts unchanged", () => {
    expect(unitImportRowSchema.array().parse(units)).toEqual(units);
  });
});

describe("isRuralCommune", () => {
  it("counts 7,717 xã against 1,716 phường and 618 thị trấn", () => {
    const communes = ofLevel("commune");
    expect(communes.filter(isRuralCommune)).toHaveLength(7_717);
    expect(communes.filter((row) => row.name.startsWith("Phường "))).toHaveLength(1_716);
    expect(communes.filter((row) => /^thị trấn /i.test(row.name))).toHaveLength(618);
  });

  it.each([
    ["commune", "Xã Đắk Pék", true],
    ["commune", "Phường Quang Trung", false],
    ["commune", "Thị trấn Đắk Glei", false],
    ["commune", "Thị Trấn Mường Chà", false],
    ["district", "Xã Đắk Pék", false],
  ] as const)("%s %s → %s", (level, name, expected) => {
    expect(isRuralCommune({ level, name })).toBe(expected);
  });
});

import type { UnitImportRow } from "@ntm/contracts";
import { getAllCommunes } from "vietnam-provinces-js/communes";
import { getAllDistricts } from "vietnam-provinces-js/districts";
import { getAllProvince } from "vietnam-provinces-js/provinces";

/**
 * The package gives no dates. 1/8/2008 is when the map reached its 63 provinces (Hà Tây joined
 * Hà Nội). Its districts and communes are a later snapshot: they already include the 2023–2025
 * rearrangement (Quận An Dương, Thành phố Thuỷ Nguyên, 1/1/2025), so for earlier years the
 * hierarchy is an approximation, good enough for demo data. The 1/7/2025 reform (districts
 * abolished, communes merged) is not in the package; it comes in as successor links.
 */
export const VIETNAM_UNITS_VALID_FROM = "2008-08-01";

// 19 names carry doubled or trailing spaces ("Xã  Hoàng Văn Thụ"); the import trims but does not
// collapse them, and the rural test below reads the prefix.
function tidyName(name: string): string {
  return name.replace(/\s+/g, " ").trim();
}

function unitRow(
  code: string,
  name: string,
  level: UnitImportRow["level"],
  parentCode: string | null,
): UnitImportRow {
  return {
    code,
    name: tidyName(name),
    level,
    parentCode,
    validFrom: VIETNAM_UNITS_VALID_FROM,
    validTo: null,
    flags: [],
  };
}

function byCode<T>(items: readonly T[], code: (item: T) => string): T[] {
  return [...items].sort((a, b) => (code(a) < code(b) ? -1 : code(a) > code(b) ? 1 : 0));
}

/**
 * Every province, district and commune of vietnam-provinces-js (63 / 696 / 10,051, GSO codes,
 * pre-2025 hierarchy) as import rows: parents before children, each level sorted by code.
 */
export async function loadVietnamUnits(): Promise<UnitImportRow[]> {
  const [provinces, districts, communes] = await Promise.all([
    getAllProvince(),
    getAllDistricts(),
    getAllCommunes(),
  ]);
  return [
    ...byCode(provinces, (p) => p.idProvince).map((p) =>
      unitRow(p.idProvince, p.name, "province", null),
    ),
    ...byCode(districts, (d) => d.idDistrict).map((d) =>
      unitRow(d.idDistrict, d.name, "district", d.idProvince),
    ),
    ...byCode(communes, (c) => c.idCommune).map((c) =>
      unitRow(c.idCommune, c.name, "commune", c.idDistrict),
    ),
  ];
}

/**
 * Whether a unit is a rural commune (xã). Only these take part in NTM; wards (phường) and towns
 * (thị trấn) stay in the hierarchy but are not evaluated.
 */
export function isRuralCommune(row: Pick<UnitImportRow, "level" | "name">): boolean {
  return row.level === "commune" && row.name.startsWith("Xã ");
}

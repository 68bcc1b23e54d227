import type { UnitImportRow } from "@ntm/contracts";
import type { UnitFlag } from "@ntm/domain";
import { isRuralCommune, loadVietnamUnits } from "./load-vietnam-units.ts";
import { hashText, mixSeed, mulberry32 } from "./prng.ts";

/** GSO code of Kon Tum, the province of the demo (seed 000: Tu Mơ Rông and Đăk Glei targets). */
export const DEMO_PROVINCE_CODE = "62";

/** The NTM region of a province, e.g. "TN" for Kon Tum; undefined or null when unknown. */
export type RegionOf = (provinceCode: string) => string | null | undefined;

/**
 * How remote and poor each Kon Tum district is, 0 (urban) to 1 (remotest). Believable for a demo,
 * not an official classification: the seeds single out Tu Mơ Rông and Đăk Glei, and Kon Plông and
 * Ia H'Drai are mountain districts of the same kind. Districts elsewhere get a seeded value.
 */
const konTumHardship: Readonly<Record<string, number>> = {
  "608": 0.15, // Thành phố Kon Tum
  "610": 0.92, // Huyện Đắk Glei
  "611": 0.45, // Huyện Ngọc Hồi
  "612": 0.5, // Huyện Đắk Tô
  "613": 0.8, // Huyện Kon Plông
  "614": 0.65, // Huyện Kon Rẫy
  "615": 0.35, // Huyện Đắk Hà
  "616": 0.6, // Huyện Sa Thầy
  "617": 0.95, // Huyện Tu Mơ Rông
  "618": 0.8, // Huyện Ia H' Drai
};

const POOR_DISTRICT_HARDSHIP = 0.8;
const SAFE_ZONE_HARDSHIP = 0.4;
const SAFE_ZONE_SHARE = 0.08;

function isUrbanDistrict(row: UnitImportRow): boolean {
  return /^(quận|thành phố|thị xã) /i.test(row.name);
}

function hardshipOf(district: UnitImportRow, seed: number): number {
  const known = konTumHardship[district.code];
  if (known !== undefined) return known;
  const draw = mulberry32(mixSeed(seed, hashText(district.code)))();
  return isUrbanDistrict(district) ? 0.05 + 0.15 * draw : 0.15 + 0.7 * draw;
}

function ruralCommuneAttributes(
  code: string,
  hardship: number,
  urbanDistrict: boolean,
  seed: number,
): Pick<UnitImportRow, "flags" | "communeGroup"> {
  const random = mulberry32(mixSeed(seed, hashText(code)));
  const score = hardship + (random() - 0.5) * 0.5;
  const safeZoneDraw = random();
  const flags: UnitFlag[] = [];
  if (score >= 0.7) flags.push("ethnicZoneIII");
  else if (score >= 0.45) flags.push("ethnicZoneII");
  else if (score >= 0.25) flags.push("ethnicZoneI");
  // Under QĐ 861/QĐ-TTg (2021) the especially disadvantaged communes are the zone III communes.
  if (score >= 0.7) flags.push("especiallyDisadvantaged");
  if (hardship >= SAFE_ZONE_HARDSHIP && safeZoneDraw < SAFE_ZONE_SHARE) flags.push("safeZone");
  if (hardship >= POOR_DISTRICT_HARDSHIP) flags.push("poorDistrict");
  // QĐ 51/2025: group 3 = ethnic zones II and III, group 1 = communes next to towns and cities.
  const communeGroup = score >= 0.45 ? "3" : urbanDistrict ? "1" : "2";
  return { flags, communeGroup };
}

/**
 * Adds the demo attributes to a hierarchy: the region of the province on every unit, and on rural
 * communes ethnic zones, especially disadvantaged, safe-zone and poor-district flags and the
 * 2026–2030 commune group. Wards and towns get group "1" and no flags. Deterministic for a seed.
 */
export function addDemoAttributes(
  rows: readonly UnitImportRow[],
  regionOf: RegionOf,
  seed: number,
): UnitImportRow[] {
  const districts = new Map(
    rows.filter((row) => row.level === "district").map((row) => [row.code, row]),
  );
  const hardship = new Map([...districts.values()].map((row) => [row.code, hardshipOf(row, seed)]));
  return rows.map((row) => {
    const district =
      row.level === "commune" ? districts.get(row.parentCode ?? "") : districts.get(row.code);
    const provinceCode = row.level === "province" ? row.code : (district?.parentCode ?? null);
    const region = provinceCode === null ? null : (regionOf(provinceCode) ?? null);
    const districtHardship = district ? (hardship.get(district.code) ?? 0) : 0;
    if (row.level === "district") {
      const flags: UnitFlag[] = districtHardship >= POOR_DISTRICT_HARDSHIP ? ["poorDistrict"] : [];
      return { ...row, region, flags };
    }
    if (row.level !== "commune") return { ...row, region };
    if (!isRuralCommune(row)) return { ...row, region, communeGroup: "1", flags: [] };
    const urban = district ? isUrbanDistrict(district) : false;
    return { ...row, region, ...ruralCommuneAttributes(row.code, districtHardship, urban, seed) };
  });
}

/** The province row, its districts and their communes, in the order given. */
export function unitsOfProvince(
  rows: readonly UnitImportRow[],
  provinceCode: string,
): UnitImportRow[] {
  const districtCodes = new Set(
    rows
      .filter((row) => row.level === "district" && row.parentCode === provinceCode)
      .map((row) => row.code),
  );
  return rows.filter(
    (row) =>
      (row.level === "province" && row.code === provinceCode) ||
      districtCodes.has(row.code) ||
      (row.level === "commune" && districtCodes.has(row.parentCode ?? "")),
  );
}

/** The demo hierarchy of one province (default Kon Tum) with regions and flags, as import rows. */
export async function buildDemoUnits(options: {
  provinceCode?: string;
  regionOf: RegionOf;
  seed: number;
}): Promise<UnitImportRow[]> {
  const provinceCode = options.provinceCode ?? DEMO_PROVINCE_CODE;
  const rows = unitsOfProvince(await loadVietnamUnits(), provinceCode);
  if (rows.length === 0) {
    throw new Error(`Không có tỉnh mã ${provinceCode} trong dữ liệu vietnam-provinces-js.`);
  }
  return addDemoAttributes(rows, options.regionOf, options.seed);
}

import { splitUnitName, unitFullName, type UnitChangeInput, type UnitState } from "@ntm/contracts";
import { addDays, isValidOn, type UnitFlag } from "@ntm/domain";
import type { UnitRow } from "./units.repository.ts";

/** A unit version as the change reads it: its attributes and the regions it may choose from. */
export type UnitVersion = UnitRow & { regionCandidates: string[] | null };

export interface ChangeProblem {
  field: string;
  vi: string;
  en: string;
}

/**
 * What a dated change writes: the version in force on the date is changed in place when the date
 * is its first day, otherwise it ends the day before and a new version carries the change to the
 * old version's end. Later versions are not touched (see docs/decisions/0013-dated-unit-attributes.md).
 */
export type ChangePlan =
  | { ok: false; problems: ChangeProblem[] }
  | {
      ok: true;
      split: boolean;
      before: UnitVersion;
      after: UnitVersion;
    };

/** The reform of 1 July 2025: no more districts and towns (thị trấn), the first đặc khu. */
export const reformDate = "2025-07-01";
const ethnicZones: UnitFlag[] = ["ethnicZoneI", "ethnicZoneII", "ethnicZoneIII"];
const groupThreeZones: UnitFlag[] = ["ethnicZoneII", "ethnicZoneIII"];

const display = (iso: string) => iso.split("-").reverse().join("/");

export function stateOf(version: UnitRow): UnitState {
  return {
    name: version.name,
    flags: [...version.flags],
    communeGroup: version.communeGroup,
    region: version.region,
    assessed: version.assessed,
    validFrom: version.validFrom,
    validTo: version.validTo,
  };
}

const sameFlags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((flag) => b.includes(flag));

/** Plans a dated change of a unit from all its versions; pure, so every rule is tested alone. */
export function planUnitChange(
  versions: readonly UnitVersion[],
  input: UnitChangeInput,
): ChangePlan {
  const date = input.effectiveFrom;
  const before = versions.find((version) => isValidOn(version, date));
  if (!before) {
    return {
      ok: false,
      problems: [
        {
          field: "effectiveFrom",
          vi: `Đơn vị không có hiệu lực vào ngày ${display(date)}; chọn một ngày đơn vị đang tồn tại.`,
          en: `The unit is not in force on ${date}; choose a date on which it exists.`,
        },
      ],
    };
  }
  const problems: ChangeProblem[] = [];
  const commune = before.level === "commune";
  const current = splitUnitName(before.name, before.level);
  const communeOnly = (field: string, vi: string, en: string) =>
    problems.push({
      field,
      vi: `${vi} chỉ áp dụng cho đơn vị cấp xã.`,
      en: `${en} applies to commune-level units only.`,
    });
  if (!commune) {
    if (input.kind !== undefined) communeOnly("kind", "Loại xã/phường/đặc khu", "The unit type");
    if (input.flags !== undefined) communeOnly("flags", "Đối tượng (ĐBKK, ATK, khu vực)", "Flags");
    if (input.communeGroup !== undefined)
      communeOnly("communeGroup", "Nhóm xã", "The commune group");
    if (input.region !== undefined) communeOnly("region", "Chọn vùng", "Choosing a region");
  }

  const kind = input.kind ?? current.kind;
  if (input.kind === "thi_tran" && date >= reformDate) {
    problems.push({
      field: "kind",
      vi: "Từ ngày 01/07/2025 không còn thị trấn (chính quyền địa phương hai cấp); chọn xã, phường hoặc đặc khu.",
      en: "There are no towns (thị trấn) from 1 July 2025; choose xã, phường or đặc khu.",
    });
  }
  if (input.kind === "dac_khu" && date < reformDate) {
    problems.push({
      field: "kind",
      vi: "Đặc khu chỉ có từ ngày 01/07/2025.",
      en: "Special zones (đặc khu) exist from 1 July 2025 only.",
    });
  }
  const properName = input.name ?? current.properName;
  const name = kind ? unitFullName(kind, properName) : properName;

  const flags = (input.flags ? [...new Set(input.flags)] : before.flags) as UnitFlag[];
  if (flags.filter((flag) => ethnicZones.includes(flag)).length > 1) {
    problems.push({
      field: "flags",
      vi: "Một xã chỉ thuộc một khu vực (I, II hoặc III) vùng đồng bào dân tộc thiểu số và miền núi.",
      en: "A commune belongs to one ethnic-minority zone only (I, II or III).",
    });
  }
  const communeGroup = input.communeGroup === undefined ? before.communeGroup : input.communeGroup;
  const zoneTwoOrThree = flags.some((flag) => groupThreeZones.includes(flag));
  if (communeGroup === "3" && !zoneTwoOrThree) {
    problems.push({
      field: "communeGroup",
      vi: "Xã nhóm 3 là xã khu vực II, III vùng đồng bào dân tộc thiểu số và miền núi (QĐ 51/2025/QĐ-TTg); đánh dấu khu vực II hoặc III, hoặc chọn nhóm khác.",
      en: "Group 3 communes are zone II and III communes of ethnic-minority and mountain areas (QĐ 51/2025/QĐ-TTg): mark zone II or III, or choose another group.",
    });
  }
  if (communeGroup !== null && communeGroup !== "3" && zoneTwoOrThree) {
    problems.push({
      field: "communeGroup",
      vi: `Xã khu vực II, III vùng đồng bào dân tộc thiểu số và miền núi thuộc nhóm 3 (QĐ 51/2025/QĐ-TTg), không phải nhóm ${communeGroup}.`,
      en: `Zone II and III communes of ethnic-minority and mountain areas are group 3 (QĐ 51/2025/QĐ-TTg), not group ${communeGroup}.`,
    });
  }

  const region = input.region ?? before.region;
  if (input.region !== undefined && input.region !== before.region) {
    const candidates = before.regionCandidates ?? [];
    if (candidates.length < 2) {
      problems.push({
        field: "region",
        vi: "Vùng của đơn vị theo tỉnh; chỉ chọn vùng cho xã hình thành từ các xã thuộc hai vùng.",
        en: "A unit's region follows its province; a region is chosen only for a commune formed from communes of two regions.",
      });
    } else if (!candidates.includes(input.region)) {
      problems.push({
        field: "region",
        vi: `Vùng phải là một trong các vùng của các xã cũ: ${candidates.join(", ")}.`,
        en: `The region must be one of its former communes' regions: ${candidates.join(", ")}.`,
      });
    }
  }
  const assessed = input.kind !== undefined ? input.kind === "xa" : before.assessed;

  const after: UnitVersion = {
    ...before,
    name,
    flags,
    communeGroup,
    region,
    assessed,
    validFrom: date,
  };
  const unchanged =
    after.name === before.name &&
    sameFlags(after.flags, before.flags) &&
    after.communeGroup === before.communeGroup &&
    after.region === before.region &&
    after.assessed === before.assessed;
  if (unchanged && problems.length === 0) {
    problems.push({
      field: "effectiveFrom",
      vi: `Không có thay đổi nào so với phiên bản đang có hiệu lực ngày ${display(date)}.`,
      en: `Nothing differs from the version in force on ${date}.`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, split: date !== before.validFrom, before, after };
}

/** The day a split version ends: the day before the change takes effect. */
export const dayBefore = (iso: string) => addDays(iso, -1);

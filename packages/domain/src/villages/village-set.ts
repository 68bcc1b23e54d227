/** What a provincial village set recognises. */
export const villageSetKinds = ["ntm-village", "model-residential-area", "smart-village"] as const;
export type VillageSetKind = (typeof villageSetKinds)[number];

export const villageSetKindNames: Record<VillageSetKind, string> = {
  "ntm-village": "Thôn đạt chuẩn nông thôn mới",
  "model-residential-area": "Khu dân cư nông thôn mới kiểu mẫu",
  "smart-village": "Thôn thông minh",
};

/** Commune-level unit types under which a set may refuse villages. */
export const communeKinds = ["xa", "phuong", "thi_tran", "dac_khu"] as const;
export type CommuneKind = (typeof communeKinds)[number];

export const communeKindNames: Record<CommuneKind, string> = {
  xa: "xã",
  phuong: "phường",
  thi_tran: "thị trấn",
  dac_khu: "đặc khu",
};

/** The village rules of a set whose unit level is `village`. */
export interface VillageSetRules {
  kind: VillageSetKind;
  /** Commune types whose villages the set does not assess (a ward's residential groups). */
  excludedCommuneKinds?: CommuneKind[];
  /** Shipped as an example: its structure is real, its thresholds are not the province's. */
  illustrative?: boolean;
}

/** The type of a commune-level unit, read from its official name ("Phường …", "Thị trấn …"). */
export function communeKindOf(name: string): CommuneKind {
  if (name.startsWith("Phường ")) return "phuong";
  if (name.startsWith("Thị trấn ")) return "thi_tran";
  if (name.startsWith("Đặc khu ")) return "dac_khu";
  return "xa";
}

/** The words villages are called by across the country, as they begin a village's name. */
export const villageKinds = [
  "Thôn",
  "Bản",
  "Ấp",
  "Tổ dân phố",
  "Xóm",
  "Làng",
  "Buôn",
  "Plei",
  "Khu phố",
  "Khóm",
] as const;
export type VillageKind = (typeof villageKinds)[number];

/** The kind a village name starts with, or null when it names none. */
export function villageKindOf(name: string): VillageKind | null {
  return villageKinds.find((kind) => name.startsWith(`${kind} `)) ?? null;
}

/**
 * Whether a set assesses a village of a commune: null when it does, otherwise the Vietnamese
 * reason (the set excludes the commune's type, e.g. villages of a ward).
 */
export function villagePlacementRefusal(
  rules: VillageSetRules,
  setName: string,
  commune: { name: string },
): string | null {
  const kind = communeKindOf(commune.name);
  if (!rules.excludedCommuneKinds?.includes(kind)) return null;
  return `${setName} không áp dụng cho thôn, tổ dân phố thuộc ${communeKindNames[kind]} (${commune.name}).`;
}

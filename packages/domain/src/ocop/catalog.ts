/**
 * The OCOP programme's fixed rules as data, each with its legal basis and how far it is verified:
 * the six product groups, the parts of the score, the star bands, who issues a certificate and
 * how long it is valid.
 */

export interface OcopBasis {
  document: string;
  date: string;
  /** "confirmed": read in a source quoting the rule; "unverified": carried over or inferred. */
  status: "confirmed" | "unverified";
  note?: string;
}

const qd148: Omit<OcopBasis, "status"> = {
  document: "148/QĐ-TTg",
  date: "2023-02-24",
};

export const ocopGroupCodes = [
  "food",
  "beverage",
  "herbal",
  "handicraft",
  "ornamental",
  "tourism",
] as const;
export type OcopGroupCode = (typeof ocopGroupCodes)[number];

export interface OcopGroup {
  code: OcopGroupCode;
  name: string;
  nameEn: string;
  basis: OcopBasis;
}

/** The six product groups of QĐ 148/QĐ-TTg (24/02/2023). */
export const ocopGroups: readonly OcopGroup[] = [
  ["food", "Thực phẩm", "Food"],
  ["beverage", "Đồ uống", "Beverages"],
  ["herbal", "Dược liệu và sản phẩm từ dược liệu", "Herbal products"],
  ["handicraft", "Hàng thủ công mỹ nghệ", "Handicrafts"],
  ["ornamental", "Sinh vật cảnh", "Ornamental plants and animals"],
  [
    "tourism",
    "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
    "Community and eco-tourism services",
  ],
].map(([code, name, nameEn]) => ({
  code: code as OcopGroupCode,
  name: name as string,
  nameEn: nameEn as string,
  basis: { ...qd148, status: "confirmed" },
}));

export const ocopParts = ["A", "B", "C"] as const;
export type OcopPart = (typeof ocopParts)[number];

/** The maximum of each part of the score (A 40 + B 25 + C 35 = 100). */
export const ocopPartMax: Record<OcopPart, number> = { A: 40, B: 25, C: 35 };
export const ocopPartNames: Record<OcopPart, string> = {
  A: "Phần A – Sản phẩm và sức mạnh cộng đồng",
  B: "Phần B – Khả năng tiếp thị",
  C: "Phần C – Chất lượng sản phẩm",
};
export const ocopScoreBasis: OcopBasis = { ...qd148, status: "confirmed" };

export interface StarBand {
  stars: number;
  /** Lowest total score of the band, inclusive. */
  min: number;
  /** Highest total score of the band, inclusive. */
  max: number;
}

/** A band rule in force from a date: which totals give which stars. */
export interface StarBandRule {
  validFrom: string;
  bands: readonly StarBand[];
  basis: OcopBasis;
}

const bands: readonly StarBand[] = [
  { stars: 1, min: 0, max: 29 },
  { stars: 2, min: 30, max: 49 },
  { stars: 3, min: 50, max: 69 },
  { stars: 4, min: 70, max: 89 },
  { stars: 5, min: 90, max: 100 },
];

/**
 * Star bands by the date of the evaluation. The 50–69 / 70–89 / 90–100 bands are quoted only for
 * the QĐ 1048 era; no copy of QĐ 148 read so far states its own bands, so they are kept for it
 * as unverified until the decision's appendix is read.
 */
export const starBandRules: readonly StarBandRule[] = [
  {
    validFrom: "2019-08-21",
    bands,
    basis: {
      document: "1048/QĐ-TTg",
      date: "2019-08-21",
      status: "confirmed",
      note: "Hạng 5 sao từ 90 đến 100 điểm, 4 sao từ 70 đến 89, 3 sao từ 50 đến 69 điểm.",
    },
  },
  {
    validFrom: "2023-02-24",
    bands,
    basis: {
      ...qd148,
      status: "unverified",
      note: "QĐ 148 thay QĐ 1048; khung điểm của QĐ 148 chưa đối chiếu được, tạm dùng khung của QĐ 1048.",
    },
  },
];

/** Only products of 3 to 5 stars are certified (the registry holds nothing below 3). */
export const certifiedStars = [3, 4, 5] as const;
export type OcopStars = (typeof certifiedStars)[number];

export type IssuerLevel = "province" | "national";
export const issuerLevelNames: Record<IssuerLevel, string> = {
  province: "UBND cấp tỉnh",
  national: "Trung ương (Bộ Nông nghiệp và Môi trường)",
};

/**
 * Who recognises each star class: 3 and 4 stars the province, 5 stars the national level (the
 * province only proposes a 5-star candidate). Before the 2025 reform districts certified 3-star
 * products; a certificate from a former district is entered with the province level.
 */
export const issuerRule: { levelOf: Record<OcopStars, IssuerLevel>; basis: OcopBasis } = {
  levelOf: { 3: "province", 4: "province", 5: "national" },
  basis: {
    ...qd148,
    status: "unverified",
    note: "Thời QĐ 1048: huyện công nhận 3 sao, tỉnh từ 70 điểm; 5 sao do Trung ương công nhận (suy luận, chưa đọc văn bản).",
  },
};

/** A certificate of 3 to 5 stars is valid 36 months; the issuer gives notice 30 days before. */
export const certificateRule = {
  validityMonths: 36,
  noticeDays: 30,
  basis: {
    ...qd148,
    status: "unverified",
    note: "Thời hạn 36 tháng và thông báo chậm nhất 30 ngày trước khi hết hạn (theo bài báo trích quy định).",
  } satisfies OcopBasis,
};

export function groupOf(code: string): OcopGroup | undefined {
  return ocopGroups.find((group) => group.code === code);
}

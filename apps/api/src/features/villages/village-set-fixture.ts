/** A small village set of a test province (P01 by default): two criteria, one level. */
export function villageSetFixture(
  options: { version?: number; threshold?: number; provinceCode?: string } = {},
) {
  const provinceCode = options.provinceCode ?? "P01";
  const basis = { document: "Quyết định thử nghiệm 01/QĐ-UBND", date: "2023-01-10" };
  return {
    code: `${provinceCode.toLowerCase()}-thon-ntm`,
    version: options.version ?? 1,
    name: "Bộ tiêu chí thôn đạt chuẩn nông thôn mới tỉnh Thử Nghiệm",
    unitLevel: "village",
    village: { kind: "ntm-village", excludedCommuneKinds: ["phuong", "thi_tran"] },
    fromYear: 2023,
    toYear: 2025,
    provinceCode,
    basis,
    classification: { kind: "region", values: [{ code: "TN", name: "Tây Nguyên" }] },
    levels: [{ code: "standard", name: "Thôn đạt chuẩn nông thôn mới" }],
    criteria: [
      {
        code: "1",
        name: "Giao thông",
        indicators: [
          {
            code: "1.1",
            name: "Tỷ lệ đường thôn, ngõ xóm được cứng hóa",
            kind: "percent",
            unit: "%",
            comparator: ">=",
            thresholds: [
              { level: "standard", value: options.threshold ?? 70, basis, status: "confirmed" },
            ],
          },
        ],
      },
      {
        code: "2",
        name: "Văn hóa",
        indicators: [
          {
            code: "2.1",
            name: "Thôn có nhà văn hóa hoặc nơi sinh hoạt văn hóa, thể thao",
            kind: "boolean",
            comparator: "is",
            thresholds: [{ level: "standard", value: true, basis, status: "confirmed" }],
          },
        ],
      },
    ],
  };
}

import type { CriteriaSet } from "@ntm/domain";

const basis = { document: "Tài liệu thử nghiệm", date: "2022-03-08" };

/** A small two-criterion set used by the API tests; thresholds differ by region. */
export function fixtureSet(overrides: Partial<CriteriaSet> = {}): CriteriaSet {
  return {
    code: "test-commune",
    version: 1,
    name: "Bộ tiêu chí thử nghiệm",
    unitLevel: "commune",
    fromYear: 2021,
    toYear: 2025,
    basis,
    classification: {
      kind: "region",
      values: [
        { code: "TDMNPB", name: "Trung du và miền núi phía Bắc" },
        { code: "TN", name: "Tây Nguyên" },
      ],
    },
    classificationOverrides: [
      {
        id: "R1",
        whenAnyFlag: ["especiallyDisadvantaged"],
        useClass: "TDMNPB",
        basis,
        status: "confirmed",
        description: "xã đặc biệt khó khăn áp dụng ngưỡng vùng TDMNPB",
      },
    ],
    levels: [
      { code: "standard", name: "Đạt chuẩn nông thôn mới" },
      { code: "advanced", name: "Nông thôn mới nâng cao", inherits: "standard" },
    ],
    criteria: [
      {
        code: "3",
        name: "Thủy lợi và phòng, chống thiên tai",
        indicators: [
          {
            code: "3.1",
            name: "Tỷ lệ diện tích được tưới tiêu chủ động",
            kind: "percent",
            unit: "%",
            comparator: ">=",
            thresholds: [
              { level: "standard", value: 80, basis, status: "confirmed" },
              { level: "advanced", value: 90, basis, status: "unverified", note: "ước tính" },
            ],
          },
          {
            code: "3.2",
            name: "Phòng chống thiên tai theo phương châm 4 tại chỗ",
            kind: "boolean",
            comparator: "is",
            thresholds: [{ level: "standard", value: true, basis, status: "confirmed" }],
          },
        ],
      },
      {
        code: "10",
        name: "Thu nhập",
        indicators: [
          {
            code: "10.1",
            name: "Thu nhập bình quân đầu người",
            kind: "number",
            unit: "triệu đồng/người/năm",
            comparator: ">=",
            thresholds: [
              {
                level: "standard",
                classes: ["TN"],
                value: 45,
                basis,
                status: "unverified",
                note: "ước tính",
              },
              {
                level: "standard",
                classes: ["TDMNPB"],
                value: 40,
                basis,
                status: "unverified",
                note: "ước tính",
              },
              {
                level: "advanced",
                classes: ["TN"],
                value: 55,
                basis,
                status: "unverified",
                note: "ước tính",
              },
              {
                level: "advanced",
                classes: ["TDMNPB"],
                value: 50,
                basis,
                status: "unverified",
                note: "ước tính",
              },
            ],
          },
          {
            code: "10.2",
            name: "Số hộ nghèo",
            kind: "number",
            unit: "hộ",
            integer: true,
            comparator: "<=",
            thresholds: [
              { level: "standard", value: 10, basis, status: "unverified", note: "ước tính" },
            ],
          },
        ],
      },
    ],
    ...overrides,
  };
}

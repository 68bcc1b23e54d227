import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  catalogAmendmentSchema,
  criteriaSetSchema,
  provincialOverrideSchema,
  type CatalogAmendment,
  type ProvincialOverride,
} from "@ntm/contracts";
import {
  applyAmendment,
  applyOverride as applyProvincialOverride,
  evaluateAssessment,
  selectSetInForce,
  selectThreshold,
  type CriteriaSet,
  type Indicator,
  type LevelCode,
  type Threshold,
  type UnitAttributes,
  type UnitFlag,
} from "@ntm/domain";

function readJson(relativePath: string): unknown {
  return JSON.parse(readFileSync(new URL(relativePath, import.meta.url), "utf8"));
}

const set2021: CriteriaSet = criteriaSetSchema.parse(readJson("./vn-commune-2021-2025.json"));
const set2026: CriteriaSet = criteriaSetSchema.parse(readJson("./vn-commune-2026-2030.json"));
const konTum: ProvincialOverride = provincialOverrideSchema.parse(
  readJson("./kon-tum-override-2021-2025.json"),
);
const qd211: CatalogAmendment = catalogAmendmentSchema.parse(
  readJson("./vn-commune-2021-2025.amendment-211-2024.json"),
);

interface ProvinceRegions {
  source: string;
  status: string;
  note: string;
  provinces: { code: string; name: string; region: string }[];
}
const provinceRegions = readJson("../regions/province-regions.json") as ProvinceRegions;

const REGIONS = ["TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"];
const YEARS_2021 = [2021, 2022, 2023, 2024, 2025];
const YEARS_2026 = [2026, 2027, 2028, 2029, 2030];
const GROUPS = ["1", "2", "3"];

function criteriaIndicators(set: CriteriaSet): Indicator[] {
  return set.criteria.flatMap((criterion) => criterion.indicators);
}

function allIndicators(set: CriteriaSet): Indicator[] {
  return [...criteriaIndicators(set), ...set.levels.flatMap((level) => level.conditions ?? [])];
}

function allRows(set: CriteriaSet): { indicator: Indicator; row: Threshold }[] {
  return allIndicators(set).flatMap((indicator) =>
    indicator.thresholds.map((row) => ({ indicator, row })),
  );
}

function appliesAt(indicator: Indicator, level: LevelCode): boolean {
  return !indicator.levels || indicator.levels.includes(level);
}

function find(set: CriteriaSet, code: string): Indicator {
  const indicator = allIndicators(set).find((candidate) => candidate.code === code);
  if (!indicator) throw new Error(`indicator ${code} not found in ${set.code}`);
  return indicator;
}

function lookup(
  set: CriteriaSet,
  code: string,
  level: LevelCode,
  classValue: string,
  year: number,
) {
  return selectThreshold({ set, indicator: find(set, code), level, classValue, year });
}

function thresholdValue(
  set: CriteriaSet,
  code: string,
  level: LevelCode,
  classValue: string,
  year: number,
): number | boolean {
  const result = lookup(set, code, level, classValue, year);
  if (result.kind !== "found") {
    throw new Error(`no threshold for ${code} at ${level}, ${classValue}, ${year}`);
  }
  return result.value;
}

/** A value that passes every threshold row of the indicator. */
function goodValue(indicator: Indicator): number | boolean {
  if (indicator.kind === "boolean") {
    const row = indicator.thresholds.find((candidate) => "value" in candidate);
    if (!row || !("value" in row)) throw new Error(`boolean ${indicator.code} without a value row`);
    return row.value;
  }
  if (indicator.comparator === "<=" || indicator.comparator === "<") return indicator.min ?? 0;
  if (indicator.kind === "percent") return 100;
  const numbers = indicator.thresholds.flatMap((row) =>
    "value" in row && typeof row.value === "number" ? [row.value] : [],
  );
  return Math.max(...numbers) * 2;
}

function goodValues(set: CriteriaSet): Record<string, number | boolean> {
  return Object.fromEntries(
    allIndicators(set).map((indicator) => [indicator.code, goodValue(indicator)]),
  );
}

function commune(attributes: Partial<UnitAttributes> & { flags?: UnitFlag[] }): UnitAttributes {
  return { code: "00001", name: "Xã Thử nghiệm", flags: [], ...attributes };
}

function applyOverride(base: CriteriaSet, override: ProvincialOverride): CriteriaSet {
  const result = applyProvincialOverride(base, override);
  if (!result.ok)
    throw new Error(`override of unknown indicators ${result.unknownIndicators.join(", ")}`);
  return result.set;
}

describe("every catalog file", () => {
  const sets = [set2021, set2026];

  it("parses with the contracts schemas", () => {
    expect(set2021.code).toBe("vn-commune-2021-2025");
    expect(set2026.code).toBe("vn-commune-2026-2030");
    expect(konTum.kind).toBe("provincial-override");
  });

  it("gives every unverified threshold row a note", () => {
    const rows = [
      ...sets.flatMap((set) => allRows(set).map(({ row }) => row)),
      ...konTum.overrides.flatMap((item) => item.thresholds),
    ];
    const withoutNote = rows.filter((row) => row.status === "unverified" && !row.note?.trim());
    expect(withoutNote).toEqual([]);
  });

  it("keeps every year-specific row inside the period of its set", () => {
    for (const set of sets) {
      for (const { indicator, row } of allRows(set)) {
        if (row.fromYear !== undefined)
          expect(row.fromYear, indicator.code).toBeGreaterThanOrEqual(set.fromYear);
        if (row.toYear !== undefined)
          expect(row.toYear, indicator.code).toBeLessThanOrEqual(set.toYear);
      }
    }
  });

  it("stores Vietnamese text in NFC", () => {
    for (const file of [
      "./vn-commune-2021-2025.json",
      "./vn-commune-2021-2025.amendment-211-2024.json",
      "./vn-commune-2026-2030.json",
      "./kon-tum-override-2021-2025.json",
      "../regions/province-regions.json",
    ]) {
      const text = readFileSync(new URL(file, import.meta.url), "utf8");
      expect(text === text.normalize("NFC"), file).toBe(true);
    }
  });
});

describe("vn-commune-2021-2025 (QĐ 318/QĐ-TTg, QĐ 319/QĐ-TTg)", () => {
  const set = set2021;

  it("describes the set, its regions, levels and the R1 rule", () => {
    expect(set).toMatchObject({
      version: 2,
      unitLevel: "commune",
      fromYear: 2021,
      toYear: 2025,
      basis: { document: "318/QĐ-TTg", date: "2022-03-08" },
    });
    expect(set.classification.kind).toBe("region");
    expect(set.classification.values.map((value) => value.code)).toEqual(REGIONS);
    expect(set.levels.map((level) => [level.code, level.inherits])).toEqual([
      ["standard", undefined],
      ["advanced", "standard"],
      ["model", "advanced"],
    ]);
    const model = set.levels[2];
    expect(model?.basis?.document).toBe("319/QĐ-TTg");
    expect(model?.conditions?.map((condition) => condition.code)).toEqual(["KM.1", "KM.2"]);
    expect(set.classificationOverrides).toEqual([
      expect.objectContaining({
        id: "R1",
        whenAnyFlag: ["especiallyDisadvantaged", "safeZone"],
        useClass: "TDMNPB",
        status: "confirmed",
        basis: expect.objectContaining({ document: "318/QĐ-TTg", article: "Điều 1" }),
      }),
    ]);
  });

  it("has the 19 confirmed criteria, in order, in 5 groups", () => {
    expect(set.criteria.map((criterion) => criterion.code)).toEqual(
      Array.from({ length: 19 }, (_, index) => String(index + 1)),
    );
    expect(set.criteria.map((criterion) => criterion.name)).toEqual([
      "Quy hoạch",
      "Giao thông",
      "Thủy lợi và phòng, chống thiên tai",
      "Điện",
      "Trường học",
      "Cơ sở vật chất văn hóa",
      "Cơ sở hạ tầng thương mại nông thôn",
      "Thông tin và Truyền thông",
      "Nhà ở dân cư",
      "Thu nhập",
      "Nghèo đa chiều",
      "Lao động",
      "Tổ chức sản xuất và phát triển kinh tế nông thôn",
      "Giáo dục và Đào tạo",
      "Y tế",
      "Văn hóa",
      "Môi trường và an toàn thực phẩm",
      "Hệ thống chính trị và tiếp cận pháp luật",
      "Quốc phòng và An ninh",
    ]);
    expect(new Set(set.criteria.map((criterion) => criterion.group)).size).toBe(5);
  });

  it("gives every criterion at least one indicator at each level", () => {
    for (const level of ["standard", "advanced", "model"] as const) {
      for (const criterion of set.criteria) {
        const count = criterion.indicators.filter((indicator) =>
          appliesAt(indicator, level),
        ).length;
        expect(count, `criterion ${criterion.code} at ${level}`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it("has 57 standard indicators, with standard-only and advanced-only ones marked", () => {
    const indicators = criteriaIndicators(set);
    expect(indicators.filter((indicator) => appliesAt(indicator, "standard"))).toHaveLength(57);
    expect(
      indicators.filter((indicator) => appliesAt(indicator, "advanced")).length,
    ).toBeGreaterThanOrEqual(70);
    expect(find(set, "15.3").levels).toEqual(["standard"]);
    expect(find(set, "15.5").levels).toEqual(["advanced", "model"]);
    // The advanced health criterion has exactly 4 indicators (research note Q4).
    const health = set.criteria.find((criterion) => criterion.code === "15");
    expect(health?.indicators.filter((indicator) => appliesAt(indicator, "advanced"))).toHaveLength(
      4,
    );
  });

  it("marks as confirmed exactly the facts confirmed by the sources", () => {
    const confirmed = allRows(set)
      .filter(({ row }) => row.status === "confirmed")
      .map(({ indicator, row }) => `${indicator.code}@${row.level}`)
      .sort();
    expect(confirmed).toEqual([
      "10.1@model",
      "3.1@standard",
      "3.2@standard",
      "6.3@standard",
      "KM.1@model",
      "KM.2@model",
    ]);

    const rowOf = (code: string) => {
      const rows = find(set, code).thresholds.filter((row) => row.status === "confirmed");
      expect(rows).toHaveLength(1);
      return rows[0];
    };
    expect(rowOf("3.1")).toMatchObject({
      level: "standard",
      value: 80,
      basis: { document: "318/QĐ-TTg" },
    });
    expect(rowOf("3.1")).not.toHaveProperty("classes");
    expect(rowOf("3.1")).not.toHaveProperty("fromYear");
    expect(find(set, "3.1").comparator).toBe(">=");
    expect(rowOf("3.2")).toMatchObject({ level: "standard", value: true });
    expect(rowOf("10.1")).toMatchObject({
      level: "model",
      relativeTo: { level: "advanced", factor: 1.1 },
      basis: { document: "319/QĐ-TTg", date: "2022-03-08" },
    });
    for (const code of ["KM.1", "KM.2"]) {
      expect(rowOf(code)).toMatchObject({
        level: "model",
        value: true,
        basis: { document: "319/QĐ-TTg" },
      });
    }
    expect(find(set, "KM.1").name).toBe("Có ít nhất một mô hình thôn thông minh");
  });

  it("resolves a threshold for every indicator, level, region and year", () => {
    const gaps: string[] = [];
    for (const indicator of criteriaIndicators(set)) {
      for (const level of ["standard", "advanced", "model"] as const) {
        if (!appliesAt(indicator, level)) continue;
        for (const region of REGIONS) {
          for (const year of YEARS_2021) {
            const result = selectThreshold({ set, indicator, level, classValue: region, year });
            if (result.kind !== "found") gaps.push(`${indicator.code}@${level}/${region}/${year}`);
          }
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  it("has income rows for every region and year at standard and advanced, all unverified", () => {
    for (const level of ["standard", "advanced"] as const) {
      for (const region of REGIONS) {
        let previous = 0;
        for (const year of YEARS_2021) {
          const result = lookup(set, "10.1", level, region, year);
          if (result.kind !== "found") throw new Error(`no income row ${level}/${region}/${year}`);
          expect(result.level).toBe(level);
          expect(result.row.classes).toContain(region);
          expect([result.row.fromYear, result.row.toYear]).toEqual([year, year]);
          expect(result.row.status).toBe("unverified");
          expect(result.row.note).toMatch(/Ước tính/);
          expect(typeof result.value).toBe("number");
          expect(result.value as number).toBeGreaterThanOrEqual(previous);
          previous = result.value as number;
        }
      }
    }
    for (const region of REGIONS) {
      for (const year of YEARS_2021) {
        const standard = thresholdValue(set, "10.1", "standard", region, year) as number;
        const advanced = thresholdValue(set, "10.1", "advanced", region, year) as number;
        expect(advanced).toBeGreaterThan(standard);
        const model = lookup(set, "10.1", "model", region, year);
        expect(model.kind === "found" && model.value).toBeCloseTo(advanced * 1.1, 3);
        expect(model.kind === "found" && model.derived).toEqual({
          fromLevel: "advanced",
          factor: 1.1,
          baseValue: advanced,
        });
      }
    }
  });

  it("keeps the income estimates consistent with the known facts", () => {
    // QĐ 1980 (2016–2020) values by 2020 are a floor; An Giang (ĐBSCL) 2025 ≥ 62.
    const floor2020: Record<string, number> = {
      TDMNPB: 36,
      DBSH: 50,
      BTB: 36,
      DHNTB: 41,
      TN: 41,
      DNB: 59,
      DBSCL: 50,
    };
    for (const region of REGIONS) {
      expect(thresholdValue(set, "10.1", "standard", region, 2021)).toBeGreaterThanOrEqual(
        floor2020[region] ?? 0,
      );
      // Programme target: rural income ×1.5 of 2020 by 2025; a threshold should not exceed it.
      expect(thresholdValue(set, "10.1", "standard", region, 2025)).toBeLessThanOrEqual(
        (floor2020[region] ?? 0) * 1.5,
      );
    }
    expect(thresholdValue(set, "10.1", "standard", "DBSCL", 2025)).toBe(62);
    // Đồng Tháp 2023: a model commune at 75.1 was ≥ 110 % of the advanced level, so advanced ≤ 68.3.
    expect(thresholdValue(set, "10.1", "advanced", "DBSCL", 2023)).toBeLessThanOrEqual(68.3);
  });

  it("has region-dependent thresholds for several percentage indicators", () => {
    const regional = criteriaIndicators(set).filter((indicator) => {
      if (indicator.kind !== "percent") return false;
      const standardRows = indicator.thresholds.filter(
        (row) => row.level === "standard" && row.classes,
      );
      const covered = new Set(standardRows.flatMap((row) => row.classes ?? []));
      return REGIONS.every((region) => covered.has(region));
    });
    expect(regional.length).toBeGreaterThanOrEqual(6);
  });

  it("ships the partial stunting values as unverified maxima for the standard level", () => {
    const stunting = find(set, "15.3");
    expect(stunting.comparator).toBe("<=");
    const expected: Record<string, number> = {
      TDMNPB: 24,
      DBSH: 16.5,
      BTB: 25,
      DHNTB: 22,
      TN: 26.5,
      DNB: 14.5,
      DBSCL: 19,
    };
    for (const region of REGIONS) {
      expect(thresholdValue(set, "15.3", "standard", region, 2023)).toBe(expected[region]);
      expect(lookup(set, "15.3", "advanced", region, 2023).kind).toBe("notApplicable");
    }
    expect(
      stunting.thresholds.every((row) => row.status === "unverified" && /Q2/.test(row.note ?? "")),
    ).toBe(true);
    expect(thresholdValue(set, "15.4", "standard", "TDMNPB", 2023)).toBe(50);
    expect(thresholdValue(set, "15.4", "standard", "DBSH", 2023)).toBe(70);
    expect(thresholdValue(set, "9.1", "standard", "DBSCL", 2023)).toBe(false);
    expect(thresholdValue(set, "9.2", "standard", "DBSCL", 2023)).toBe(85);
  });

  it("evaluates a commune with good values in every region to the model level", () => {
    for (const region of REGIONS) {
      for (const year of YEARS_2021) {
        const result = evaluateAssessment({
          set,
          unit: commune({ region }),
          year,
          values: goodValues(set),
        });
        expect(result.level, `${region} ${year}`).toBe("model");
        expect(result.criteriaMet).toBe(19);
        expect(result.nextLevel).toBeNull();
        expect(result.valuesEntered).toBe(result.valuesExpected);
      }
    }
  });

  it("stops at the advanced level when income is below 110 % of the advanced threshold", () => {
    const advanced = thresholdValue(set, "10.1", "advanced", "DBSH", 2024) as number;
    const values = { ...goodValues(set), "10.1": advanced * 1.05 };
    const result = evaluateAssessment({
      set,
      unit: commune({ region: "DBSH" }),
      year: 2024,
      values,
    });
    expect(result.level).toBe("advanced");
    expect(result.nextLevel).toBe("model");
    const model = result.levels.find((level) => level.level === "model");
    expect(model?.missing.map((item) => item.indicatorCode)).toEqual(["10.1"]);
  });

  it("applies the TDMNPB thresholds to an especially disadvantaged commune (rule R1)", () => {
    const values = { ...goodValues(set), "2.2": 75 };
    const plain = evaluateAssessment({ set, unit: commune({ region: "TN" }), year: 2023, values });
    const flagged = evaluateAssessment({
      set,
      unit: commune({ region: "TN", flags: ["especiallyDisadvantaged"] }),
      year: 2023,
      values,
    });
    expect(plain.level).toBeNull();
    expect(plain.criteria[1]?.indicators[1]?.byLevel.standard?.status).toBe("not_met");
    expect(flagged.classValue).toBe("TDMNPB");
    expect(flagged.overrideRule?.id).toBe("R1");
    const roads = flagged.criteria[1]?.indicators[1]?.byLevel.standard;
    expect(roads?.status).toBe("met");
    expect(roads?.threshold).toMatchObject({ value: 70, classValue: "TDMNPB", overrideRule: "R1" });
  });
});

describe("vn-commune-2026-2030 (QĐ 51/2025/QĐ-TTg)", () => {
  const set = set2026;

  it("describes the set, the commune groups and the modern level", () => {
    expect(set).toMatchObject({
      version: 1,
      unitLevel: "commune",
      fromYear: 2026,
      toYear: 2030,
      basis: { document: "51/2025/QĐ-TTg", date: "2025-12-29" },
    });
    expect(set.classification.kind).toBe("communeGroup");
    expect(set.classification.values.map((value) => value.code)).toEqual(GROUPS);
    expect(set.levels.map((level) => [level.code, level.inherits])).toEqual([
      ["standard", undefined],
      ["modern", "standard"],
    ]);
    expect(set.note).toMatch(/Phụ lục I/);
  });

  it("has the 10 criteria and 47 indicators, all unverified", () => {
    expect(set.criteria.map((criterion) => criterion.name)).toEqual([
      "Quy hoạch",
      "Hạ tầng kinh tế – xã hội",
      "Phát triển kinh tế nông thôn",
      "Đào tạo nguồn nhân lực nông thôn",
      "Văn hóa, giáo dục, y tế",
      "Giảm nghèo và an sinh xã hội",
      "Khoa học công nghệ và chuyển đổi số",
      "Môi trường và cảnh quan nông thôn",
      "Xây dựng hệ thống chính trị và hành chính công",
      "Tiếp cận pháp luật và an ninh, quốc phòng",
    ]);
    expect(criteriaIndicators(set)).toHaveLength(47);
    for (const criterion of set.criteria)
      expect(criterion.indicators.length).toBeGreaterThanOrEqual(1);
    const rows = allRows(set);
    expect(rows.every(({ row }) => row.status === "unverified")).toBe(true);
    expect(rows.every(({ row }) => /Phụ lục/.test(row.note ?? ""))).toBe(true);
  });

  it("resolves a threshold for every indicator, level, group and year", () => {
    const gaps: string[] = [];
    for (const indicator of criteriaIndicators(set)) {
      for (const level of ["standard", "modern"] as const) {
        for (const group of GROUPS) {
          for (const year of YEARS_2026) {
            const result = selectThreshold({ set, indicator, level, classValue: group, year });
            if (result.kind !== "found") gaps.push(`${indicator.code}@${level}/${group}/${year}`);
          }
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  it("evaluates a group 3 commune with good values to the modern level, using group 3 thresholds", () => {
    const result = evaluateAssessment({
      set,
      unit: commune({ communeGroup: "3" }),
      year: 2027,
      values: goodValues(set),
    });
    expect(result.classValue).toBe("3");
    expect(result.level).toBe("modern");
    expect(result.criteriaMet).toBe(10);
    const income = result.criteria[2]?.indicators[0]?.byLevel.standard?.threshold;
    expect(income).toMatchObject({ classValue: "3", status: "unverified" });
    expect(income?.value).toBe(thresholdValue(set, "3.1", "standard", "3", 2027));
  });

  it("judges the same value against the commune's own group", () => {
    const group3Income = thresholdValue(set, "3.1", "standard", "3", 2028) as number;
    const group1Income = thresholdValue(set, "3.1", "standard", "1", 2028) as number;
    expect(group1Income).toBeGreaterThan(group3Income);
    const values = { ...goodValues(set), "3.1": group3Income };
    const group3 = evaluateAssessment({
      set,
      unit: commune({ communeGroup: "3" }),
      year: 2028,
      values,
    });
    const group1 = evaluateAssessment({
      set,
      unit: commune({ communeGroup: "1" }),
      year: 2028,
      values,
    });
    expect(group3.level).not.toBeNull();
    expect(group1.level).toBeNull();
  });
});

describe("vn-commune-2021-2025 v2: the fourth research pass", () => {
  const set = set2021;
  const rows = (code: string, level: LevelCode = "standard") =>
    find(set, code).thresholds.filter((row) => row.level === level);

  it("confirms 6.3 (100 % in every region) on the ministry guidance that states it", () => {
    const [row, ...others] = rows("6.3");
    expect(others).toEqual([]);
    expect(row).toMatchObject({ value: 100, status: "confirmed" });
    expect(row).not.toHaveProperty("classes");
    expect(row?.note).toMatch(/HD 1064\/HD-BVHTTDL ngày 30\/03\/2022.*100% theo tất cả các vùng/);
  });

  it("reads 5.1 as the facility standard level 1 of QĐ 1491/QĐ-BGDĐT, still unverified", () => {
    for (const region of REGIONS) {
      const expected = region === "DBSH" || region === "DNB" ? 100 : 70;
      expect(thresholdValue(set, "5.1", "standard", region, 2024), region).toBe(expected);
    }
    for (const row of rows("5.1")) {
      expect(row.status).toBe("unverified");
      expect(row.note).toMatch(/\[P\] QĐ 1491\/QĐ-BGDĐT/);
    }
    expect(find(set, "5.1").note).toMatch(/≥ 50 % ở xã có từ 3 trường trở xuống/);
  });

  it("takes the piped-water share of 55 % at the advanced level, with its press source, unverified", () => {
    const [row] = rows("17.12", "advanced");
    expect(row).toMatchObject({ value: 55, status: "unverified" });
    expect(row?.note).toMatch(/\[P\] Báo Mới/);
    expect(find(set, "17.1").note).toMatch(/15 % đến 20 %/);
  });

  it("keeps 3.2 a confirmed Đạt, noting the scored checklist, and flags the criterion 17 numbering", () => {
    expect(rows("3.2")[0]?.note).toMatch(/QĐ 1680\/QĐ-BNN-VPĐP.*từ 50 điểm trở lên/);
    expect(find(set, "17.9").note).toMatch(/Sở Xây dựng/);
    expect(find(set, "17.10").note).toMatch(/Sở Xây dựng/);
  });

  it("marks the 2021 income rows as having no basis", () => {
    const rows2021 = find(set, "10.1").thresholds.filter((row) => row.fromYear === 2021);
    expect(rows2021.length).toBeGreaterThan(0);
    for (const row of rows2021) expect(row.note).toMatch(/Năm 2021 không có căn cứ/);
  });
});

describe("QĐ 211/QĐ-TTg (01/03/2024), amending the 2021–2025 set", () => {
  const amended = applyAmendment(set2021, qd211);
  if (!amended.ok) throw new Error("amendment refused");
  const headers = [set2021, amended.set, set2026].map((set) => ({
    ...set,
    provinceCode: set.provinceCode ?? null,
  }));
  const inForce = (year: number) => selectSetInForce(headers, { year, provinceCode: "51" })?.set;

  it("is a version to fill: its basis and start date, no changed threshold, a note saying why", () => {
    expect(qd211).toMatchObject({
      code: "vn-commune-2021-2025",
      version: 3,
      amends: { code: "vn-commune-2021-2025", version: 2 },
      basis: { document: "211/QĐ-TTg", date: "2024-03-01" },
      effectiveFrom: "2024-03-01",
      overrides: [],
    });
    expect(qd211.note).toMatch(/Nội dung sửa đổi chưa tìm được/);
    expect(amended.set.criteria).toEqual(set2021.criteria);
    expect(() => criteriaSetSchema.parse(amended.set)).not.toThrow();
  });

  it("is the set in force from 2024; version 2 keeps 2021–2023 and QĐ 51/2025 takes 2026", () => {
    expect(inForce(2023)?.version).toBe(2);
    expect(inForce(2024)).toMatchObject({ code: "vn-commune-2021-2025", version: 3 });
    expect(inForce(2025)?.version).toBe(3);
    expect(inForce(2026)?.code).toBe("vn-commune-2026-2030");
    expect(set2026.effectiveFrom).toBe("2026-02-15");
  });
});

describe("kon-tum-commune-2021-2025 (provincial override, example)", () => {
  const derived = applyOverride(set2021, konTum);

  it("is an example override on the national set, marked as such", () => {
    expect(konTum).toMatchObject({
      code: "kon-tum-commune-2021-2025",
      version: 1,
      provinceCode: "62",
      basedOn: { code: "vn-commune-2021-2025", version: 2 },
    });
    expect(konTum.basis.document).toMatch(/minh họa/);
    expect(konTum.overrides.length).toBeGreaterThanOrEqual(2);
    expect(konTum.overrides.length).toBeLessThanOrEqual(3);
    for (const item of konTum.overrides) {
      for (const row of item.thresholds) {
        expect(item.levels).toContain(row.level);
        expect(row.status).toBe("unverified");
        expect(row.note).toMatch(/minh họa/);
      }
    }
  });

  it("derives a valid set that is stricter than the national one", () => {
    expect(() => criteriaSetSchema.parse(derived)).not.toThrow();
    for (const item of konTum.overrides) {
      const indicator = find(set2021, item.indicatorCode);
      expect(indicator.comparator).toBe(">=");
      for (const level of item.levels) {
        // Kon Tum communes are in TN; R1 communes use TDMNPB.
        for (const region of ["TN", "TDMNPB"]) {
          for (const year of YEARS_2021) {
            const national = thresholdValue(
              set2021,
              item.indicatorCode,
              level,
              region,
              year,
            ) as number;
            const provincial = thresholdValue(
              derived,
              item.indicatorCode,
              level,
              region,
              year,
            ) as number;
            expect(provincial, `${item.indicatorCode} ${region} ${year}`).toBeGreaterThan(national);
          }
        }
      }
    }
  });

  it("fails a Kon Tum commune that meets only the national threshold", () => {
    const national = thresholdValue(set2021, "2.2", "standard", "TN", 2024) as number;
    const values = { ...goodValues(set2021), "2.2": national };
    const unit = commune({ region: "TN" });
    // On the national threshold the commune is standard (advanced asks for more roads).
    const atNational = evaluateAssessment({ set: set2021, unit, year: 2024, values });
    expect(atNational.level).toBe("standard");
    const atProvincial = evaluateAssessment({ set: derived, unit, year: 2024, values });
    expect(atProvincial.level).toBeNull();
    expect(atProvincial.levels[0]?.missing.map((item) => item.indicatorCode)).toEqual(["2.2"]);
    expect(
      evaluateAssessment({ set: derived, unit, year: 2024, values: goodValues(derived) }).level,
    ).toBe("model");
  });
});

describe("province-regions.json", () => {
  const { provinces } = provinceRegions;
  const byCode = new Map(provinces.map((province) => [province.code, province]));
  const byName = new Map(provinces.map((province) => [province.name, province]));

  it("lists the 63 pre-2025 provinces once each, with a valid region", () => {
    expect(provinces).toHaveLength(63);
    expect(byCode.size).toBe(63);
    const regionCodes = new Set(set2021.classification.values.map((value) => value.code));
    for (const province of provinces) {
      expect(province.code).toMatch(/^\d{2}$/);
      expect(regionCodes.has(province.region), province.name).toBe(true);
    }
    for (const region of REGIONS) {
      expect(
        provinces.some((province) => province.region === region),
        region,
      ).toBe(true);
    }
  });

  it("is marked unverified and explains how it was drawn", () => {
    expect(provinceRegions.status).toBe("unverified");
    expect(provinceRegions.source.length).toBeGreaterThan(0);
    expect(provinceRegions.note).toMatch(/chưa được nguồn nào xác nhận/);
  });

  it("places the provinces named in the seeds", () => {
    expect(byCode.get("62")).toMatchObject({ name: "Kon Tum", region: "TN" });
    expect(byName.get("Lai Châu")?.region).toBe("TDMNPB");
    expect(byName.get("Cao Bằng")?.region).toBe("TDMNPB");
    expect(byCode.get("12")?.name).toBe("Lai Châu");
    expect(byCode.get("04")?.name).toBe("Cao Bằng");
  });
});

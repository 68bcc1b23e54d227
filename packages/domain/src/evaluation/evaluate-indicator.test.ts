import { describe, expect, it } from "vitest";
import type {
  Comparator,
  CriteriaSet,
  Indicator,
  IndicatorKind,
  VerificationStatus,
} from "../catalog/criteria-set.ts";
import type { IndicatorStatus, ReasonCode } from "./assessment-result.ts";
import { evaluateAssessment } from "./evaluate-assessment.ts";
import { evaluateIndicatorAtLevel, type IndicatorValue } from "./evaluate-indicator.ts";
import { resolveClass } from "./resolve-class.ts";
import { qd318, singleIndicatorSet, testSet, unitIn } from "./test-sets.ts";

function evaluateOne(set: CriteriaSet, value: IndicatorValue) {
  const values = value === undefined ? {} : { "X.1": value };
  const result = evaluateAssessment({ set, unit: unitIn("DBSH"), year: 2024, values });
  const indicator = result.criteria[0]?.indicators[0];
  const atStandard = indicator?.byLevel.standard;
  if (!indicator || !atStandard)
    throw new Error("the test set has one indicator at the standard level");
  return { indicator, atStandard, criterion: result.criteria[0] };
}

type Position = "below" | "on" | "above";

interface ComparatorExpectation {
  comparator: Exclude<Comparator, "is">;
  below: IndicatorStatus;
  on: IndicatorStatus;
  above: IndicatorStatus;
}

const comparatorExpectations: ComparatorExpectation[] = [
  { comparator: ">=", below: "not_met", on: "met", above: "met" },
  { comparator: "<=", below: "met", on: "met", above: "not_met" },
  { comparator: ">", below: "not_met", on: "not_met", above: "met" },
  { comparator: "<", below: "met", on: "not_met", above: "not_met" },
];

interface NumericKind {
  kind: Exclude<IndicatorKind, "boolean">;
  unit: string;
  threshold: number;
  values: Record<Position, number>;
}

const numericKinds: NumericKind[] = [
  { kind: "percent", unit: "%", threshold: 80, values: { below: 79.9, on: 80, above: 80.1 } },
  {
    kind: "number",
    unit: "triệu đồng/người/năm",
    threshold: 45,
    values: { below: 44.99, on: 45, above: 45.01 },
  },
];

interface NumericRow {
  kind: NumericKind["kind"];
  unit: string;
  comparator: ComparatorExpectation["comparator"];
  threshold: number;
  position: Position;
  value: number;
  expected: IndicatorStatus;
}

const numericRows: NumericRow[] = numericKinds.flatMap((kind) =>
  comparatorExpectations.flatMap((expectation) =>
    (["below", "on", "above"] as const).map((position) => ({
      kind: kind.kind,
      unit: kind.unit,
      comparator: expectation.comparator,
      threshold: kind.threshold,
      position,
      value: kind.values[position],
      expected: expectation[position],
    })),
  ),
);

describe("evaluating one indicator against its threshold", () => {
  it("covers every numeric comparator and kind below, on and above the threshold", () => {
    expect(numericRows).toHaveLength(24);
  });

  it.each(numericRows)(
    "$kind $comparator $threshold with a value $position it ($value) is $expected",
    ({ kind, unit, comparator, threshold, value, expected }) => {
      const set = singleIndicatorSet({ kind, comparator, threshold, unit });
      const { atStandard } = evaluateOne(set, value);
      expect(atStandard.status).toBe(expected);
      expect(atStandard.reason.code).toBe(expected);
      expect(atStandard.threshold).toMatchObject({
        level: "standard",
        comparator,
        value: threshold,
      });
    },
  );

  interface BooleanRow {
    threshold: boolean;
    value: boolean;
    expected: IndicatorStatus;
  }

  it.each<BooleanRow>([
    { threshold: true, value: true, expected: "met" },
    { threshold: true, value: false, expected: "not_met" },
    { threshold: false, value: false, expected: "met" },
    { threshold: false, value: true, expected: "not_met" },
  ])(
    "boolean 'is $threshold' with the value $value is $expected",
    ({ threshold, value, expected }) => {
      const set = singleIndicatorSet({ kind: "boolean", comparator: "is", threshold });
      const { atStandard } = evaluateOne(set, value);
      expect(atStandard.status).toBe(expected);
      expect(atStandard.reason.code).toBe(expected);
    },
  );
});

describe("values that cannot be compared", () => {
  interface InvalidRow {
    label: string;
    kind: IndicatorKind;
    comparator: Comparator;
    threshold: number | boolean;
    value: number | boolean;
    extra?: Pick<Indicator, "min" | "max" | "integer">;
  }

  it.each<InvalidRow>([
    { label: "true for a percent", kind: "percent", comparator: ">=", threshold: 80, value: true },
    {
      label: "false for a percent",
      kind: "percent",
      comparator: "<=",
      threshold: 20,
      value: false,
    },
    { label: "true for a number", kind: "number", comparator: ">=", threshold: 45, value: true },
    { label: "1 for a boolean", kind: "boolean", comparator: "is", threshold: true, value: 1 },
    { label: "0 for a boolean", kind: "boolean", comparator: "is", threshold: false, value: 0 },
    { label: "NaN for a percent", kind: "percent", comparator: ">=", threshold: 80, value: NaN },
    {
      label: "Infinity for a number",
      kind: "number",
      comparator: ">=",
      threshold: 45,
      value: Infinity,
    },
    { label: "101 % for a percent", kind: "percent", comparator: ">=", threshold: 80, value: 101 },
    { label: "-1 % for a percent", kind: "percent", comparator: "<=", threshold: 20, value: -1 },
    {
      label: "a number below min",
      kind: "number",
      comparator: "<=",
      threshold: 10,
      value: -2,
      extra: { min: 0 },
    },
    {
      label: "a negative number without min",
      kind: "number",
      comparator: "<=",
      threshold: 10,
      value: -0.5,
    },
    {
      label: "a percent below its own min",
      kind: "percent",
      comparator: ">=",
      threshold: 80,
      value: 40,
      extra: { min: 50 },
    },
    {
      label: "a number above max",
      kind: "number",
      comparator: ">=",
      threshold: 10,
      value: 1000.5,
      extra: { max: 1000 },
    },
    {
      label: "a fraction for a count",
      kind: "number",
      comparator: ">=",
      threshold: 2,
      value: 2.5,
      extra: { integer: true },
    },
  ])(
    "$label is missing with invalid_value, never met",
    ({ kind, comparator, threshold, value, extra }) => {
      const set = singleIndicatorSet({ kind, comparator, threshold, ...(extra ? { extra } : {}) });
      const { atStandard, criterion } = evaluateOne(set, value);
      expect(atStandard.status).toBe("missing");
      expect(atStandard.reason.code).toBe("invalid_value");
      expect(atStandard.reason.text).toMatch(/^Giá trị không hợp lệ cho chỉ tiêu này \(/);
      expect(atStandard.threshold?.value).toBe(threshold);
      expect(criterion?.byLevel.standard?.status).toBe("missing");
    },
  );

  interface EdgeRow {
    label: string;
    kind: Exclude<IndicatorKind, "boolean">;
    comparator: Comparator;
    threshold: number;
    value: number;
    extra?: Pick<Indicator, "min" | "max" | "integer">;
    expected: IndicatorStatus;
  }

  it.each<EdgeRow>([
    {
      label: "0 %",
      kind: "percent",
      comparator: ">=",
      threshold: 80,
      value: 0,
      expected: "not_met",
    },
    {
      label: "100 %",
      kind: "percent",
      comparator: ">=",
      threshold: 80,
      value: 100,
      expected: "met",
    },
    {
      label: "a number equal to min",
      kind: "number",
      comparator: "<=",
      threshold: 10,
      value: 0,
      extra: { min: 0 },
      expected: "met",
    },
    {
      label: "a number equal to max",
      kind: "number",
      comparator: ">=",
      threshold: 10,
      value: 1000,
      extra: { max: 1000 },
      expected: "met",
    },
    {
      label: "a whole count",
      kind: "number",
      comparator: ">=",
      threshold: 2,
      value: 3,
      extra: { integer: true },
      expected: "met",
    },
    {
      label: "a large number without bounds",
      kind: "number",
      comparator: ">=",
      threshold: 45,
      value: 1e6,
      expected: "met",
    },
  ])(
    "$label is accepted and compared ($expected)",
    ({ kind, comparator, threshold, value, extra, expected }) => {
      const set = singleIndicatorSet({ kind, comparator, threshold, ...(extra ? { extra } : {}) });
      expect(evaluateOne(set, value).atStandard.status).toBe(expected);
    },
  );
});

describe("missing values", () => {
  interface MissingRow {
    label: string;
    value: IndicatorValue;
  }

  it.each<MissingRow>([
    { label: "null", value: null },
    { label: "undefined (no entry)", value: undefined },
  ])("$label is missing with missing_value and still shows the threshold", ({ value }) => {
    const set = singleIndicatorSet({ kind: "percent", comparator: ">=", threshold: 80, unit: "%" });
    const { indicator, atStandard } = evaluateOne(set, value);
    expect(indicator.value).toBeNull();
    expect(atStandard).toEqual({
      status: "missing",
      threshold: {
        level: "standard",
        comparator: ">=",
        value: 80,
        basis: qd318,
        status: "confirmed",
      },
      reason: { code: "missing_value", text: "Chưa có số liệu (ngưỡng ≥ 80 %, mức đạt chuẩn)." },
    });
  });
});

describe("reasons in Vietnamese", () => {
  interface ReasonRow {
    kind: IndicatorKind;
    comparator: Comparator;
    threshold: number | boolean;
    unit?: string;
    status?: VerificationStatus;
    value: number | boolean;
    code: ReasonCode;
    text: string;
  }

  it.each<ReasonRow>([
    {
      kind: "percent",
      comparator: ">=",
      threshold: 80,
      unit: "%",
      value: 85.5,
      code: "met",
      text: "Đạt: 85,5 % (ngưỡng ≥ 80 %, mức đạt chuẩn).",
    },
    {
      kind: "percent",
      comparator: ">=",
      threshold: 80,
      unit: "%",
      value: 79.95,
      code: "not_met",
      text: "Chưa đạt: 79,95 % (ngưỡng ≥ 80 %, mức đạt chuẩn).",
    },
    {
      kind: "percent",
      comparator: "<=",
      threshold: 16.5,
      unit: "%",
      status: "unverified",
      value: 17.25,
      code: "not_met",
      text: "Chưa đạt: 17,25 % (ngưỡng ≤ 16,5 %, mức đạt chuẩn, ngưỡng chưa đối chiếu văn bản).",
    },
    {
      kind: "number",
      comparator: ">",
      threshold: 1234.5,
      unit: "triệu đồng",
      value: 2500,
      code: "met",
      text: "Đạt: 2.500 triệu đồng (ngưỡng > 1.234,5 triệu đồng, mức đạt chuẩn).",
    },
    {
      kind: "number",
      comparator: "<",
      threshold: 5,
      value: 5,
      code: "not_met",
      text: "Chưa đạt: 5 (ngưỡng < 5, mức đạt chuẩn).",
    },
    {
      kind: "boolean",
      comparator: "is",
      threshold: true,
      value: false,
      code: "not_met",
      text: "Chưa đạt: Không (yêu cầu: Có, mức đạt chuẩn).",
    },
    {
      kind: "boolean",
      comparator: "is",
      threshold: false,
      status: "unverified",
      value: false,
      code: "met",
      text: "Đạt: Không (yêu cầu: Không, mức đạt chuẩn, ngưỡng chưa đối chiếu văn bản).",
    },
  ])("$kind $comparator $threshold, value $value: «$text»", (row) => {
    const set = singleIndicatorSet({
      kind: row.kind,
      comparator: row.comparator,
      threshold: row.threshold,
      ...(row.unit ? { unit: row.unit } : {}),
      ...(row.status ? { status: row.status } : {}),
    });
    const { atStandard } = evaluateOne(set, row.value);
    expect(atStandard.reason).toEqual({ code: row.code, text: row.text });
  });
});

describe("evaluateIndicatorAtLevel", () => {
  const irrigation = testSet.criteria[0]?.indicators[0];
  if (!irrigation) throw new Error("3.1 is the first indicator of the test set");
  const resolvedClass = resolveClass(testSet, unitIn("DBSH"));

  interface LevelRow {
    level: "standard" | "advanced" | "model" | "modern";
    expected: "result" | "undefined";
  }

  it.each<LevelRow>([
    { level: "standard", expected: "result" },
    { level: "advanced", expected: "result" },
    { level: "model", expected: "result" },
    { level: "modern", expected: "undefined" },
  ])("returns $expected for the $level level", ({ level, expected }) => {
    const result = evaluateIndicatorAtLevel({
      set: testSet,
      indicator: irrigation,
      level,
      resolvedClass,
      year: 2024,
      value: 81,
    });
    expect(result === undefined ? "undefined" : "result").toBe(expected);
    if (result) expect(result.status).toBe("met");
  });
});

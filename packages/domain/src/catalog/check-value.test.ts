import { describe, expect, it } from "vitest";
import { checkValue, type ValueProblem, type ValueRules } from "./check-value.ts";

interface Row {
  label: string;
  rules: ValueRules;
  value: number | boolean | null;
  problem: ValueProblem | null;
  limit?: number;
}

const count: ValueRules = { kind: "number", integer: true, min: 1, max: 50 };

describe("checkValue: the one entry rule", () => {
  it.each<Row>([
    { label: "empty value", rules: { kind: "percent" }, value: null, problem: null },
    { label: "yes/no", rules: { kind: "boolean" }, value: false, problem: null },
    { label: "number for yes/no", rules: { kind: "boolean" }, value: 1, problem: "not_boolean" },
    { label: "yes/no for a number", rules: { kind: "number" }, value: true, problem: "not_number" },
    { label: "infinite", rules: { kind: "number" }, value: Infinity, problem: "not_number" },
    { label: "percent 100", rules: { kind: "percent" }, value: 100, problem: null },
    { label: "percent 100,1", rules: { kind: "percent" }, value: 100.1, problem: "percent_range" },
    { label: "negative percent", rules: { kind: "percent" }, value: -1, problem: "percent_range" },
    { label: "decimal count", rules: count, value: 2.5, problem: "not_integer" },
    { label: "count below min", rules: count, value: 0, problem: "below_min", limit: 1 },
    { label: "count above max", rules: count, value: 51, problem: "above_max", limit: 50 },
    { label: "count at max", rules: count, value: 50, problem: null },
    { label: "negative number", rules: { kind: "number" }, value: -0.5, problem: "negative" },
    {
      label: "negative number a min allows",
      rules: { kind: "number", min: -10 },
      value: -5,
      problem: null,
    },
  ])("$label → $problem", ({ rules, value, problem, limit }) => {
    const check = checkValue(rules, value);
    if (problem === null) {
      expect(check).toEqual({ ok: true });
      return;
    }
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.code).toBe(problem);
    expect(check.limit).toBe(limit);
    expect(check.text.length).toBeGreaterThan(0);
  });

  it("says the bound the Vietnamese way", () => {
    const check = checkValue({ kind: "number", max: 1234.5 }, 2000);
    expect(check).toEqual({
      ok: false,
      code: "above_max",
      limit: 1234.5,
      text: "không được lớn hơn 1.234,5",
    });
  });
});

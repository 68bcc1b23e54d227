import { describe, expect, it } from "vitest";
import type { Comparator } from "../catalog/criteria-set.ts";
import { comparators } from "./compare.ts";

describe("comparators", () => {
  interface SymbolRow {
    comparator: Comparator;
    symbol: string;
    failSymbol: string;
  }

  it.each<SymbolRow>([
    { comparator: ">=", symbol: "≥", failSymbol: "<" },
    { comparator: "<=", symbol: "≤", failSymbol: ">" },
    { comparator: ">", symbol: ">", failSymbol: "≤" },
    { comparator: "<", symbol: "<", failSymbol: "≥" },
    { comparator: "is", symbol: "=", failSymbol: "≠" },
  ])("$comparator is shown as $symbol and its failure as $failSymbol", (row) => {
    expect(comparators[row.comparator].symbol).toBe(row.symbol);
    expect(comparators[row.comparator].failSymbol).toBe(row.failSymbol);
  });

  interface TestRow {
    comparator: Comparator;
    value: number | boolean;
    threshold: number | boolean;
    passes: boolean;
  }

  it.each<TestRow>([
    { comparator: ">=", value: 80, threshold: 80, passes: true },
    { comparator: ">=", value: 79.999, threshold: 80, passes: false },
    { comparator: "<=", value: 16.5, threshold: 16.5, passes: true },
    { comparator: "<=", value: 16.51, threshold: 16.5, passes: false },
    { comparator: ">", value: 0, threshold: 0, passes: false },
    { comparator: ">", value: 1, threshold: 0, passes: true },
    { comparator: "<", value: 5, threshold: 5, passes: false },
    { comparator: "<", value: 4.99, threshold: 5, passes: true },
    { comparator: "is", value: true, threshold: true, passes: true },
    { comparator: "is", value: false, threshold: false, passes: true },
    { comparator: "is", value: false, threshold: true, passes: false },
    // A value of the wrong type never passes.
    { comparator: ">=", value: true, threshold: 0, passes: false },
    { comparator: "<=", value: false, threshold: 100, passes: false },
    { comparator: ">", value: 1, threshold: true, passes: false },
    { comparator: "is", value: 1, threshold: true, passes: false },
    { comparator: "is", value: 0, threshold: false, passes: false },
  ])("$value $comparator $threshold → $passes", ({ comparator, value, threshold, passes }) => {
    expect(comparators[comparator].test(value, threshold)).toBe(passes);
  });
});

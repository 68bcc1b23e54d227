import type { Comparator } from "../catalog/criteria-set.ts";

interface ComparatorRule {
  /** Symbol shown to users. */
  symbol: string;
  /** The symbol of the negation, used to explain a failure ("70 % < 80 %"). */
  failSymbol: string;
  test: (value: number | boolean, threshold: number | boolean) => boolean;
}

function numeric(test: (value: number, threshold: number) => boolean) {
  return (value: number | boolean, threshold: number | boolean) =>
    typeof value === "number" && typeof threshold === "number" && test(value, threshold);
}

/** One rule per comparator; a value of the wrong type never passes. */
export const comparators: Record<Comparator, ComparatorRule> = {
  ">=": { symbol: "≥", failSymbol: "<", test: numeric((v, t) => v >= t) },
  "<=": { symbol: "≤", failSymbol: ">", test: numeric((v, t) => v <= t) },
  ">": { symbol: ">", failSymbol: "≤", test: numeric((v, t) => v > t) },
  "<": { symbol: "<", failSymbol: "≥", test: numeric((v, t) => v < t) },
  is: {
    symbol: "=",
    failSymbol: "≠",
    test: (value, threshold) => typeof value === "boolean" && value === threshold,
  },
};

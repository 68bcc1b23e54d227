import {
  checkValue,
  comparators,
  type IndicatorStatus,
  type ThresholdUsed,
  type ValueRules,
} from "@ntm/domain";

/**
 * The status a value not yet on the server would get against the threshold shown, so a cell
 * says at once whether it meets it; the server's evaluation replaces it once sent.
 */
export function localStatus(
  rules: ValueRules,
  value: number | boolean | null,
  threshold: Pick<ThresholdUsed, "comparator" | "value"> | undefined,
): IndicatorStatus {
  if (value === null || !threshold || !checkValue(rules, value).ok) return "missing";
  return comparators[threshold.comparator].test(value, threshold.value) ? "met" : "not_met";
}

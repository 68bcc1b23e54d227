import { checkValue, type IndicatorResult, type ValueProblem } from "@ntm/domain";
import { parseLocalNumber } from "../../lib/format.ts";
import type { MessageKey } from "../../lib/i18n/dictionary.ts";

type IndicatorValue = number | boolean | null;

export type DraftCheck =
  { ok: true; value: IndicatorValue } | { ok: false; error: MessageKey; limit?: number };

export type ValueRulesOf = Pick<IndicatorResult, "kind" | "unit" | "min" | "max" | "integer">;

const problemKeys: Record<ValueProblem, MessageKey> = {
  not_boolean: "validation.boolean",
  not_number: "validation.number",
  percent_range: "validation.percent",
  not_integer: "validation.integer",
  below_min: "validation.min",
  above_max: "validation.max",
  negative: "validation.nonNegative",
};

/** Reads a typed value and checks it with the domain's entry rule, as the server will. */
export function checkInput(
  indicator: ValueRulesOf,
  input: string | boolean | null | undefined,
): DraftCheck {
  let value: IndicatorValue;
  if (input === undefined || input === null) return { ok: true, value: null };
  if (typeof input === "boolean") {
    value = input;
  } else {
    const parsed = parseLocalNumber(input);
    if (!parsed.ok) return { ok: false, error: "validation.number" };
    value = parsed.value;
  }
  const kind = indicator.kind === "number" && indicator.unit === "%" ? "percent" : indicator.kind;
  const check = checkValue({ ...indicator, kind }, value);
  if (check.ok) return { ok: true, value };
  return check.limit === undefined
    ? { ok: false, error: problemKeys[check.code] }
    : { ok: false, error: problemKeys[check.code], limit: check.limit };
}

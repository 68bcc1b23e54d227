import { formatNumberVi } from "../evaluation/format-vi.ts";
import type { Indicator } from "./criteria-set.ts";

/** What an entry check needs to know about an indicator. */
export type ValueRules = Pick<Indicator, "kind" | "min" | "max" | "integer">;

/** What a cell shows and checks of an indicator: its kind, unit and entry bounds, absent ones left out. */
export function entryFieldsOf(indicator: Indicator): ValueRules & Pick<Indicator, "unit"> {
  return {
    kind: indicator.kind,
    ...(indicator.unit ? { unit: indicator.unit } : {}),
    ...(indicator.min !== undefined ? { min: indicator.min } : {}),
    ...(indicator.max !== undefined ? { max: indicator.max } : {}),
    ...(indicator.integer ? { integer: true } : {}),
  };
}

export type ValueProblem =
  | "not_boolean"
  | "not_number"
  | "percent_range"
  | "not_integer"
  | "below_min"
  | "above_max"
  | "negative";

export type ValueCheck =
  | { ok: true }
  | {
      ok: false;
      code: ValueProblem;
      /** The bound broken, for "below_min" and "above_max". */
      limit?: number;
      /** Vietnamese, to follow "giá trị …". */
      text: string;
    };

/**
 * The one entry rule for an indicator value, applied alike to the web's cells, the API's saves,
 * imports and the engine: right type, percent 0–100, whole counts, within min/max, and no
 * negative number unless min allows it. An empty value (null) is always accepted.
 */
export function checkValue(indicator: ValueRules, value: number | boolean | null): ValueCheck {
  if (value === null) return { ok: true };
  if (indicator.kind === "boolean") {
    return typeof value === "boolean"
      ? { ok: true }
      : { ok: false, code: "not_boolean", text: "phải là Có hoặc Không (true/false)" };
  }
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return { ok: false, code: "not_number", text: "phải là một số" };
  }
  if (indicator.kind === "percent" && (value < 0 || value > 100)) {
    return { ok: false, code: "percent_range", text: "tỷ lệ phải từ 0 đến 100 %" };
  }
  if (indicator.integer && !Number.isInteger(value)) {
    return { ok: false, code: "not_integer", text: "phải là số nguyên" };
  }
  if (indicator.min !== undefined && value < indicator.min) {
    const limit = indicator.min;
    return {
      ok: false,
      code: "below_min",
      limit,
      text: `không được nhỏ hơn ${formatNumberVi(limit)}`,
    };
  }
  if (indicator.max !== undefined && value > indicator.max) {
    const limit = indicator.max;
    return {
      ok: false,
      code: "above_max",
      limit,
      text: `không được lớn hơn ${formatNumberVi(limit)}`,
    };
  }
  if (indicator.min === undefined && value < 0) {
    return { ok: false, code: "negative", text: "không được là số âm" };
  }
  return { ok: true };
}

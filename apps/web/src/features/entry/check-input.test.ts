import { describe, expect, it } from "vitest";
import { checkInput } from "./check-input.ts";

describe("checkInput: typed text through the domain's entry rule", () => {
  it.each([
    [{ kind: "percent" as const }, "97,5", { ok: true, value: 97.5 }],
    [{ kind: "percent" as const }, "100,5", { ok: false, error: "validation.percent" }],
    [{ kind: "number" as const, unit: "%" }, "120", { ok: false, error: "validation.percent" }],
    [{ kind: "number" as const, integer: true }, "2,5", { ok: false, error: "validation.integer" }],
    [{ kind: "number" as const, min: 1 }, "0", { ok: false, error: "validation.min", limit: 1 }],
    [
      { kind: "number" as const, max: 9 },
      "1.234",
      { ok: false, error: "validation.max", limit: 9 },
    ],
    [{ kind: "number" as const }, "-1", { ok: false, error: "validation.nonNegative" }],
    [{ kind: "number" as const }, "12,5,1", { ok: false, error: "validation.number" }],
    [{ kind: "number" as const }, "", { ok: true, value: null }],
    [{ kind: "boolean" as const }, true, { ok: true, value: true }],
  ])("%j %j", (rules, input, expected) => {
    expect(checkInput(rules, input)).toEqual(expected);
  });
});

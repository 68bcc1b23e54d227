import { describe, expect, it } from "vitest";
import type { IndicatorKind } from "../catalog/criteria-set.ts";
import { parseCellValue, parseNumberVi, type RawCell } from "./parse-cell.ts";

describe("parseNumberVi", () => {
  it.each<[string, number | null]>([
    ["12,5", 12.5],
    ["12.5", 12.5],
    ["80", 80],
    [" 80 ", 80],
    ["85,5%", 85.5],
    ["1.234,5", 1234.5],
    ["1.234.567", 1234567],
    ["-3,25", -3.25],
    ["", null],
    ["   ", null],
  ])("reads %j as %j", (text, expected) => {
    expect(parseNumberVi(text)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string]>([
    ["1.234", "không rõ nghĩa"],
    ["abc", "không phải là số"],
    ["12,5,3", "không phải là số"],
    ["1 2 3a", "không phải là số"],
  ])("refuses %j with a reason", (text, reason) => {
    const reading = parseNumberVi(text);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.reason).toContain(reason);
  });
});

describe("parseCellValue", () => {
  interface Row {
    kind: IndicatorKind;
    raw: RawCell;
    value?: number | boolean | null;
    reason?: string;
  }
  it.each<Row>([
    { kind: "boolean", raw: "Đạt", value: true },
    { kind: "boolean", raw: "không đạt", value: false },
    { kind: "boolean", raw: "Có", value: true },
    { kind: "boolean", raw: "Không", value: false },
    { kind: "boolean", raw: 1, value: true },
    { kind: "boolean", raw: 0, value: false },
    { kind: "boolean", raw: true, value: true },
    { kind: "boolean", raw: null, value: null },
    { kind: "boolean", raw: "có lẽ", reason: "không phải Đạt/Không đạt" },
    { kind: "boolean", raw: 2, reason: "không phải Đạt/Không đạt" },
    { kind: "percent", raw: 85.5, value: 85.5 },
    { kind: "percent", raw: "85,5", value: 85.5 },
    { kind: "number", raw: "45", value: 45 },
    { kind: "number", raw: undefined, value: null },
    { kind: "number", raw: "bốn lăm", reason: "không phải là số" },
    { kind: "number", raw: true, reason: "cần một số" },
    { kind: "number", raw: Number.NaN, reason: "không phải là số" },
  ])("$kind $raw", (row) => {
    const reading = parseCellValue(row.kind, row.raw);
    if (row.reason) {
      expect(reading.ok).toBe(false);
      if (!reading.ok) expect(reading.reason).toContain(row.reason);
    } else {
      expect(reading).toEqual({ ok: true, value: row.value });
    }
  });
});

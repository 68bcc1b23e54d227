import { describe, expect, it } from "vitest";
import { formatNumberVi, formatValueVi } from "./format-vi.ts";

describe("Vietnamese number format", () => {
  it.each<{ value: number; text: string }>([
    { value: 0, text: "0" },
    { value: 85.5, text: "85,5" },
    { value: 16.25, text: "16,25" },
    { value: 17.333, text: "17,33" },
    { value: 1234.5, text: "1.234,5" },
    { value: 1250000, text: "1.250.000" },
    { value: -3.5, text: "-3,5" },
  ])("formatNumberVi($value) = $text", ({ value, text }) => {
    expect(formatNumberVi(value)).toBe(text);
  });

  it.each<{ value: number | boolean; unit?: string; text: string }>([
    { value: 85.5, unit: "%", text: "85,5 %" },
    { value: 80, unit: "%", text: "80 %" },
    { value: 45, unit: "triệu đồng/người/năm", text: "45 triệu đồng/người/năm" },
    { value: 4.5, text: "4,5" },
    { value: true, text: "Có" },
    { value: false, text: "Không" },
    { value: true, unit: "%", text: "Có" },
  ])("formatValueVi($value, $unit) = $text", ({ value, unit, text }) => {
    expect(formatValueVi(value, unit)).toBe(text);
  });
});

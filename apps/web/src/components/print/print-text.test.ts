import { describe, expect, it } from "vitest";
import { cssString, printDate, runningHeaderCss } from "./print-text.ts";

describe("cssString", () => {
  it("quotes a name so that it stays one CSS string", () => {
    expect(cssString('Xã "Đăk Pék"\\ </style>')).toBe('"Xã \\"Đăk Pék\\"\\\\ \\3c /style>"');
    expect(cssString("Xã\nĐăk   Pék")).toBe('"Xã Đăk Pék"');
  });
});

describe("printDate", () => {
  it("gives the day in Viet Nam, not in UTC", () => {
    // 18:30 UTC on 15/06 is already 01:30 on 16/06 in Viet Nam.
    expect(printDate(new Date("2024-06-15T18:30:00Z"))).toBe("16/06/2024");
    expect(printDate(new Date("2024-01-05T03:00:00Z"))).toBe("05/01/2024");
  });
});

describe("runningHeaderCss", () => {
  it("repeats the unit, year, date and demo mark on every page but the first, with page numbers", () => {
    const css = runningHeaderCss({
      left: "Xã Đăk Pék · Năm 2024",
      right: "In ngày 06/12/2026 · Dữ liệu minh họa",
      page: "Trang",
    });
    expect(css).toContain('@top-left { content: "Xã Đăk Pék · Năm 2024";');
    expect(css).toContain('@top-right { content: "In ngày 06/12/2026 · Dữ liệu minh họa";');
    expect(css).toContain('content: "Trang" " " counter(page) "/" counter(pages)');
    expect(css).toMatch(/@page :first \{\s+@top-left \{ content: none; \}/);
  });
});

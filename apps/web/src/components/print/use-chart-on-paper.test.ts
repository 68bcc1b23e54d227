import { describe, expect, it } from "vitest";
import { PRINT_WIDTH_PX, paperPixelRatio } from "./use-chart-on-paper.ts";

describe("a chart's picture for paper", () => {
  it("has two dots per pixel at the page's width, drawn on a phone or a desktop", () => {
    expect(350 * paperPixelRatio(350)).toBe(2 * PRINT_WIDTH_PX);
    expect(paperPixelRatio(1000)).toBe(2);
  });

  it("survives a chart not yet laid out", () => {
    expect(Number.isFinite(paperPixelRatio(0))).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import {
  isBlockPaste,
  planPaste,
  readPastedCell,
  readPastedNumber,
  splitClipboard,
} from "./paste-parse.ts";

describe("splitClipboard", () => {
  it("reads a column copied from Excel, keeping blank cells in place", () => {
    expect(splitClipboard("97,5\r\n\r\n100\r\n55\r\n")).toEqual([["97,5"], [""], ["100"], ["55"]]);
  });

  it("reads a block and quoted cells holding tabs, line breaks and quotes", () => {
    expect(splitClipboard('1\t"a\tb"\n"x\ny"\t"say ""hi"""\n')).toEqual([
      ["1", "a\tb"],
      ["x\ny", 'say "hi"'],
    ]);
  });

  it("keeps a last row without a line break and trailing blank cells", () => {
    expect(splitClipboard("1\t\n2\t")).toEqual([
      ["1", ""],
      ["2", ""],
    ]);
  });
});

describe("isBlockPaste", () => {
  it.each([
    ["12,5", false],
    ["12,5\r\n", false],
    ["12,5\n3", true],
    ["1\t2", true],
  ])("%j → %s", (text, block) => {
    expect(isBlockPaste(text)).toBe(block);
  });
});

describe("readPastedNumber", () => {
  it.each<[string, number | null]>([
    ["97,5", 97.5],
    ["1.234,5", 1234.5],
    ["1.234", 1234],
    ["1.234.567", 1234567],
    ["1,234.5", 1234.5],
    ["1,234,567", 1234567],
    ["12.5", 12.5],
    ["1,234", 1.234],
    ["85%", 85],
    ["85,5 %", 85.5],
    ["1\u00a0234,5", 1234.5],
    ["-3", -3],
    ["0", 0],
    ["abc", null],
    ["12,5,6", null],
    ["", null],
    ["%", null],
  ])("%j → %s", (text, value) => {
    expect(readPastedNumber(text)).toBe(value);
  });
});

describe("readPastedCell", () => {
  it.each([
    ["number", "  ", { kind: "blank" }],
    ["number", "97,5%", { kind: "value", text: "97,5" }],
    ["number", "1.234,5", { kind: "value", text: "1234,5" }],
    ["number", "n/a", { kind: "raw", text: "n/a" }],
    ["boolean", "Đạt", { kind: "value", text: "yes" }],
    ["boolean", "x", { kind: "value", text: "yes" }],
    ["boolean", "Không", { kind: "value", text: "no" }],
    ["boolean", "có lẽ", { kind: "raw", text: "có lẽ" }],
  ] as const)("%s %j", (kind, raw, cell) => {
    expect(readPastedCell(kind, raw)).toEqual(cell);
  });
});

describe("planPaste", () => {
  const numbers = () => "number" as const;

  it("fills the cells below the focused one and stops at the last row", () => {
    const block = splitClipboard("1\n2\n3\n4\n");
    const targets = planPaste(block, { row: 7, column: 0 }, { rows: 10, columns: 1 }, numbers);
    expect(targets.map((target) => [target.row, target.column])).toEqual([
      [7, 0],
      [8, 0],
      [9, 0],
    ]);
  });

  it("spreads a block over columns, cut at the right edge, blanks kept blank", () => {
    const block = splitClipboard("1\t\t3\n4\t5\t6\n");
    const targets = planPaste(block, { row: 0, column: 1 }, { rows: 5, columns: 3 }, numbers);
    expect(targets).toEqual([
      { row: 0, column: 1, cell: { kind: "value", text: "1" } },
      { row: 0, column: 2, cell: { kind: "blank" } },
      { row: 1, column: 1, cell: { kind: "value", text: "4" } },
      { row: 1, column: 2, cell: { kind: "value", text: "5" } },
    ]);
  });
});

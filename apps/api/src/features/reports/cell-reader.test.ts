import { describe, expect, it } from "vitest";
import { parseCellValue } from "@ntm/domain";
import { cellReader } from "./cell-reader.ts";

describe("cellReader", () => {
  it("reads a yes/no text the same way every time, and refuses a wrong one every time", () => {
    const read = cellReader();
    const texts = [" Đạt ", "ĐẠT", "Không đạt", "  ", "x", "có lẽ", "Đạt?"];
    const first = texts.map((text) => read("boolean", text));
    for (let round = 0; round < 3; round += 1) {
      expect(texts.map((text) => read("boolean", text))).toEqual(first);
    }
    expect(first).toEqual(texts.map((text) => parseCellValue("boolean", text)));
    expect(first.map((reading) => (reading.ok ? reading.value : "refused"))).toEqual([
      true,
      true,
      false,
      null,
      true,
      "refused",
      "refused",
    ]);
  });

  it("reads more distinct texts than it keeps", () => {
    const read = cellReader(10);
    for (let index = 0; index < 50; index += 1) {
      expect(read("boolean", `${" ".repeat(index)}không`)).toEqual({ ok: true, value: false });
    }
    expect(read("boolean", "Có")).toEqual({ ok: true, value: true });
  });

  it("reads numbers as the domain does, not from the yes/no table", () => {
    const read = cellReader();
    expect(read("boolean", "1")).toEqual({ ok: true, value: true });
    expect(read("number", "1")).toEqual({ ok: true, value: 1 });
    expect(read("number", "12,5")).toEqual({ ok: true, value: 12.5 });
  });
});

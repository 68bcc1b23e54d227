import { describe, expect, it } from "vitest";
import { figuresOf } from "./first-figures.tsx";

/** The parts of a summary answer the figures read, as the API sends them. */
const summary = {
  unit: { code: "610", name: "Huyện Đắk Glei", level: "district" },
  year: 2024,
  set: { id: 5, code: "KT", name: "Bộ tiêu chí xã nông thôn mới tỉnh Kon Tum", levels: [] },
  communes: 12,
  evaluated: 11,
  averageCriteriaMet: null,
  byLevel: [
    { level: "standard", count: 3 },
    { level: "gold", count: 1 },
    { level: "none", count: 8 },
  ],
  demo: false,
};
const detail = {
  code: "610",
  path: [
    { code: "62", name: "Tỉnh Kon Tum" },
    { code: "610", name: "Huyện Đắk Glei" },
  ],
};

describe("an overview's figures before the page's code", () => {
  it("are read from the summary answer, with the path of the unit's answer", () => {
    expect(figuresOf(summary, detail, "/units/610", 2024)).toEqual({
      pathname: "/units/610",
      year: 2024,
      unitName: "Huyện Đắk Glei",
      unitLevel: "district",
      ancestors: [{ code: "62", name: "Tỉnh Kon Tum" }],
      setName: "Bộ tiêu chí xã nông thôn mới tỉnh Kon Tum",
      demo: false,
      communes: 12,
      evaluated: 11,
      averageCriteriaMet: null,
      byLevel: [
        { level: "standard", count: 3 },
        { level: "none", count: 8 },
      ],
    });
  });

  it("take no path from another unit's answer or a failed one", () => {
    expect(figuresOf(summary, { ...detail, code: "62" }, "/units/610", 2024)?.ancestors).toEqual(
      [],
    );
    expect(figuresOf(summary, null, "/units/610", 2024)?.ancestors).toEqual([]);
  });

  it("are not drawn for another year, a year without a criteria set, or another answer", () => {
    expect(figuresOf(summary, detail, "/units/610", 2023)).toBeNull();
    expect(figuresOf({ ...summary, set: null }, detail, "/units/610", 2024)).toBeNull();
    expect(figuresOf({ error: { code: "FORBIDDEN" } }, null, "/units/610", 2024)).toBeNull();
    expect(figuresOf({ ...summary, averageCriteriaMet: "14" }, null, "/", 2024)).toBeNull();
    expect(
      figuresOf({ ...summary, unit: { ...summary.unit, level: "x" } }, null, "/", 2024),
    ).toBeNull();
  });
});

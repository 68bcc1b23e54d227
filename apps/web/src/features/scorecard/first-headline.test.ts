import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../../lib/i18n/i18n-context.tsx";
import { FirstHeadline, headlineOf } from "./first-headline.tsx";

/** The parts of a scorecard answer the headline reads, as the API sends them. */
const scorecardAnswer = {
  unit: {
    code: "23344",
    name: "Xã Đắk Blô",
    path: [
      { code: "62", name: "Tỉnh Kon Tum" },
      { code: "610", name: "Huyện Đắk Glei" },
      { code: "23344", name: "Xã Đắk Blô" },
    ],
    predecessors: [
      {
        code: "23341",
        validFrom: "2020-01-01",
        name: "Xã Đắk Nhoong",
        kind: "full",
        effectiveDate: "2025-07-01",
      },
    ],
    successors: [],
  },
  set: { name: "Bộ tiêu chí xã nông thôn mới tỉnh Kon Tum 2021–2025" },
  classLabel: "Xã khu vực III",
  valuesEntered: 1234,
  valuesExpected: 1300,
  criteriaMet: 12,
  criteriaTotal: 19,
  level: "standard",
  assessment: { demo: true },
  criteria: [],
};

describe("the scorecard's headline before the page's code", () => {
  it("is read from the scorecard answer without its schema", () => {
    expect(headlineOf(scorecardAnswer, "/units/23344", 2024)).toEqual({
      pathname: "/units/23344",
      year: 2024,
      unitName: "Xã Đắk Blô",
      ancestors: [
        { code: "62", name: "Tỉnh Kon Tum" },
        { code: "610", name: "Huyện Đắk Glei" },
      ],
      predecessors: [{ code: "23341", name: "Xã Đắk Nhoong", effectiveDate: "2025-07-01" }],
      successors: [],
      setName: "Bộ tiêu chí xã nông thôn mới tỉnh Kon Tum 2021–2025",
      classLabel: "Xã khu vực III",
      valuesEntered: 1234,
      valuesExpected: 1300,
      criteriaMet: 12,
      criteriaTotal: 19,
      level: "standard",
      demo: true,
      overrideRule: null,
    });
  });

  it("is not drawn for a year without values, an unknown level, or another answer", () => {
    expect(headlineOf({ ...scorecardAnswer, valuesEntered: 0 }, "/units/23344", 2025)).toBeNull();
    expect(headlineOf({ error: { code: "FORBIDDEN" } }, "/units/23344", 2024)).toBeNull();
    expect(headlineOf(null, "/units/23344", 2024)).toBeNull();
    expect(headlineOf({ ...scorecardAnswer, level: "gold" }, "/", 2024)?.level).toBeNull();
  });

  it("says what the full page's header says: unit, set, year, values entered, Đạt X/19, level", () => {
    const headline = headlineOf(scorecardAnswer, "/units/23344", 2024);
    if (!headline) throw new Error("no headline");
    const html = renderToStaticMarkup(
      createElement(I18nProvider, null, createElement(FirstHeadline, { headline })),
    );
    const text = html.replace(/<[^>]+>/g, "|");
    expect(text.replace(/\|+/g, "|")).toContain("|Tỉnh Kon Tum|/|Huyện Đắk Glei|/|Xã Đắk Blô|");
    expect(html).toContain('href="/units/62"');
    expect(text).toContain("Hình thành từ: |");
    expect(html).toContain('<a href="/units/23341">Xã Đắk Nhoong</a> (01/07/2025)');
    expect(text).toContain(
      "Bộ tiêu chí xã nông thôn mới tỉnh Kon Tum 2021–2025 · Năm đánh giá 2024 · " +
        "Vùng/nhóm áp dụng ngưỡng: Xã khu vực III · Đã nhập 1.234/1.300 chỉ tiêu",
    );
    expect(html).toContain('data-testid="criteria-met" data-met="12" data-total="19"');
    expect(text).toContain("|Đạt 12/19 tiêu chí|");
    expect(text).toContain("|Đạt chuẩn|");
    expect(text).toContain("|Dữ liệu minh họa|");
  });
});

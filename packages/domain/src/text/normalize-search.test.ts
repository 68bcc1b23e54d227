import { describe, expect, it } from "vitest";
import { foldVietnamese, matchesSearch } from "./normalize-search.ts";

describe("foldVietnamese", () => {
  it.each<{ text: string; folded: string }>([
    { text: "Lai Châu", folded: "lai chau" },
    { text: "Đăk Glei", folded: "dak glei" },
    { text: "ĐĂK GLEI", folded: "dak glei" },
    { text: "Tu Mơ Rông", folded: "tu mo rong" },
    { text: "Thủy lợi và phòng, chống thiên tai", folded: "thuy loi va phong, chong thien tai" },
    { text: "Ứng Hòa", folded: "ung hoa" },
    { text: "  Xã   Đăk\tPek  ", folded: "xa dak pek" },
    // The same word typed with combining marks (NFD) folds the same way.
    { text: "Tu Mơ Rông".normalize("NFD"), folded: "tu mo rong" },
  ])("«$text» → «$folded»", ({ text, folded }) => {
    expect(foldVietnamese(text)).toBe(folded);
  });
});

describe("matchesSearch", () => {
  it.each<{ text: string; query: string; matches: boolean }>([
    { text: "Tỉnh Lai Châu", query: "lai chau", matches: true },
    { text: "Huyện Đăk Glei", query: "dak glei", matches: true },
    { text: "Huyện Tu Mơ Rông", query: "tu mo rong", matches: true },
    { text: "Huyện Tu Mơ Rông", query: "TU MO RONG", matches: true },
    { text: "Huyện Tu Mơ Rông", query: "Tu Mơ Rông", matches: true },
    { text: "Huyện Tu Mơ Rông", query: "rong tu", matches: true },
    { text: "Huyện Đăk Glei", query: "đăk", matches: true },
    { text: "Huyện Đăk Glei", query: "DAK", matches: true },
    { text: "Tỉnh Lai Châu", query: "", matches: true },
    { text: "Tỉnh Lai Châu", query: "   ", matches: true },
    { text: "Tỉnh Lai Châu", query: "lai cau", matches: false },
    { text: "Huyện Đăk Glei", query: "dak to", matches: false },
    { text: "Huyện Tu Mơ Rông", query: "tu mo rong kon", matches: false },
  ])("«$query» in «$text» → $matches", ({ text, query, matches }) => {
    expect(matchesSearch(text, query)).toBe(matches);
  });
});

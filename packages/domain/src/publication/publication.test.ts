import { describe, expect, it } from "vitest";
import { isPublished, normalisePublication, publishedYears } from "./publication.ts";

describe("publication of a province's data", () => {
  const entries = [
    { year: 2024, kinds: ["communes", "criteria"] as const },
    { year: 2025, kinds: [] as const },
  ];

  it("publishes a kind only for the years that name it", () => {
    expect(isPublished(entries, 2024, "communes")).toBe(true);
    expect(isPublished(entries, 2024, "decisions")).toBe(false);
    expect(isPublished(entries, 2023, "communes")).toBe(false);
    expect(isPublished(entries, 2025, "communes")).toBe(false);
  });

  it("lists only the years with something published, latest first", () => {
    expect(publishedYears([...entries, { year: 2022, kinds: ["targets"] }])).toEqual([2024, 2022]);
  });

  it("stores one entry per year in order, kinds in the list's order, empty years dropped", () => {
    expect(
      normalisePublication(
        [
          { year: 2025, kinds: ["targets", "communes"] },
          { year: 2024, kinds: ["criteria"] },
          { year: 2025, kinds: ["communes", "decisions"] },
          { year: 2023, kinds: [] },
        ],
        2026,
      ),
    ).toEqual({
      entries: [
        { year: 2024, kinds: ["criteria"] },
        { year: 2025, kinds: ["communes", "decisions", "targets"] },
      ],
    });
  });

  it.each([2020, 2027])(
    "refuses the year %i, outside the programme's years up to today",
    (year) => {
      expect(normalisePublication([{ year, kinds: ["communes"] }], 2026)).toEqual({
        problem: `Năm ${year} nằm ngoài khoảng được công khai (2021–2026).`,
        year,
      });
    },
  );
});

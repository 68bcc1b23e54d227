import { describe, expect, it } from "vitest";
import {
  readUrlState,
  reconcileYear,
  urlField,
  writeUrlState,
  yearField,
  type UrlFields,
} from "./use-url-state.ts";

interface ListState {
  q: string;
  page: number;
  criteria: number | null;
  sort: "name" | "criteria";
  level: "standard" | "advanced" | null;
}

const fields: UrlFields<ListState> = {
  q: urlField.text(),
  page: urlField.integer(1, 1, 10_000),
  criteria: urlField.optionalInteger(0, 19),
  sort: urlField.oneOf(["name", "criteria"], "name"),
  level: urlField.oneOf(["standard", "advanced"], null),
};

describe("a page's state in the URL", () => {
  it("reads every field, with defaults for what is absent", () => {
    expect(readUrlState(new URLSearchParams(""), fields)).toEqual({
      q: "",
      page: 1,
      criteria: null,
      sort: "name",
      level: null,
    });
    expect(
      readUrlState(
        new URLSearchParams("q=%C4%91%C4%83k&page=3&criteria=15&sort=criteria&level=advanced"),
        fields,
      ),
    ).toEqual({ q: "đăk", page: 3, criteria: 15, sort: "criteria", level: "advanced" });
  });

  it.each([
    ["page=0", { page: 1 }],
    ["page=2.5", { page: 1 }],
    ["page=abc", { page: 1 }],
    ["criteria=20", { criteria: null }],
    ["criteria=", { criteria: null }],
    ["sort=drop table", { sort: "name" }],
    ["level=modern", { level: null }],
  ])("falls back to the default for a hand-edited %s", (query, expected) => {
    expect(readUrlState(new URLSearchParams(query), fields)).toMatchObject(expected);
  });

  it("writes a change, leaves defaults out and keeps parameters it does not own", () => {
    const before = new URLSearchParams("unit=P01&year=2024&page=4&q=dak");
    const after = writeUrlState(before, fields, { page: 1, criteria: 12, level: "standard" });
    expect(after.toString()).toBe("unit=P01&year=2024&q=dak&criteria=12&level=standard");
    expect(before.toString()).toBe("unit=P01&year=2024&page=4&q=dak");
    const cleared = writeUrlState(after, fields, { q: "", criteria: null, level: null });
    expect(cleared.toString()).toBe("unit=P01&year=2024");
  });

  it("reads back what it wrote", () => {
    const state: ListState = {
      q: "tu mo rong",
      page: 2,
      criteria: 0,
      sort: "criteria",
      level: null,
    };
    const written = writeUrlState(new URLSearchParams(), fields, state);
    expect(readUrlState(new URLSearchParams(written.toString()), fields)).toEqual(state);
  });
});

describe("the year in the URL and in the header", () => {
  it("accepts only the years the header offers", () => {
    expect(yearField.parse("2024")).toBe(2024);
    expect(yearField.parse("1999")).toBeNull();
    expect(yearField.parse("2024abc")).toBeNull();
  });

  it("writes the header's year in place when a page opens without one", () => {
    expect(reconcileYear({ url: undefined, header: 2024 }, { url: null, header: 2024 })).toEqual({
      to: "url",
      year: 2024,
      replace: true,
    });
  });

  it("lets a link's year set the header", () => {
    expect(reconcileYear({ url: undefined, header: 2024 }, { url: 2023, header: 2024 })).toEqual({
      to: "header",
      year: 2023,
    });
  });

  it("lets Back set the header to the year of the page gone back to", () => {
    expect(reconcileYear({ url: 2022, header: 2022 }, { url: 2023, header: 2022 })).toEqual({
      to: "header",
      year: 2023,
    });
  });

  it("records a year picked in the header as a new page in the history", () => {
    expect(reconcileYear({ url: 2023, header: 2023 }, { url: 2023, header: 2021 })).toEqual({
      to: "url",
      year: 2021,
      replace: false,
    });
  });

  it("does nothing when both agree", () => {
    expect(reconcileYear({ url: 2023, header: 2024 }, { url: 2024, header: 2024 })).toBeNull();
  });
});

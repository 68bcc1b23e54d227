import { describe, expect, it } from "vitest";
import {
  predecessorsOf,
  successorsOf,
  versionOfYear,
  type LinkKind,
  type SuccessorLink,
} from "./lineage.ts";

const before = "2008-08-01";
const reform = "2025-07-01";
const link = (
  predecessor: string,
  successor: string,
  kind: LinkKind = "full",
  predecessorValidFrom = before,
  successorValidFrom = reform,
): SuccessorLink => ({
  predecessorCode: predecessor,
  predecessorValidFrom,
  successorCode: successor,
  successorValidFrom,
  kind,
  effectiveDate: successorValidFrom,
});

// The reform as the data gives it: new 23344 "Xã Đăk Plô" is old 23344 "Xã Đắk Blô" with
// 23347 and 23350; new 23341 took part of old 23350.
const reformLinks = [
  link("23344", "23344"),
  link("23347", "23344"),
  link("23350", "23344", "partial"),
  link("23350", "23341", "partial"),
  link("23341", "23341"),
];

describe("predecessorsOf / successorsOf over unit versions", () => {
  it("a code kept through the reform is a predecessor version, not a loop", () => {
    expect(predecessorsOf({ code: "23344", validFrom: reform }, reformLinks)).toEqual([
      { code: "23344", validFrom: before, kind: "full", effectiveDate: reform, depth: 1 },
      { code: "23347", validFrom: before, kind: "full", effectiveDate: reform, depth: 1 },
      { code: "23350", validFrom: before, kind: "partial", effectiveDate: reform, depth: 1 },
    ]);
  });

  it("the old version of a reused code has no predecessor and two successors for a split", () => {
    expect(predecessorsOf({ code: "23344", validFrom: before }, reformLinks)).toEqual([]);
    expect(
      successorsOf({ code: "23350", validFrom: before }, reformLinks).map((s) => [s.code, s.kind]),
    ).toEqual([
      ["23344", "partial"],
      ["23341", "partial"],
    ]);
  });

  it("goes through several reorganisations, nearest first; a partial link makes the path partial", () => {
    const links = [
      ...reformLinks,
      link("A", "23347", "full", "2000-01-01", before),
      link("B", "23350", "full", "2000-01-01", before),
    ];
    const steps = predecessorsOf({ code: "23344", validFrom: reform }, links);
    expect(steps.map((s) => [s.code, s.validFrom, s.kind, s.depth, s.effectiveDate])).toEqual([
      ["23344", before, "full", 1, reform],
      ["23347", before, "full", 1, reform],
      ["23350", before, "partial", 1, reform],
      ["A", "2000-01-01", "full", 2, reform],
      ["B", "2000-01-01", "partial", 2, reform],
    ]);
  });

  it("stops on a cycle and lists a version reached twice once", () => {
    const links = [...reformLinks, link("23344", "23347", "full", reform, before)];
    const steps = predecessorsOf({ code: "23344", validFrom: reform }, links);
    expect(steps.map((s) => s.code)).toEqual(["23344", "23347", "23350"]);
  });
});

describe("versionOfYear: which unit version a year's assessment belongs to", () => {
  const versions = [
    { code: "23344", validFrom: before, validTo: "2025-06-30" },
    { code: "23344", validFrom: reform, validTo: null },
    { code: "23347", validFrom: before, validTo: "2025-06-30" },
  ];
  it.each([
    ["23344", 2024, before],
    ["23344", 2025, reform],
    ["23344", 2026, reform],
    ["23347", 2024, before],
    ["23347", 2025, before],
  ])("%s in %i → version from %s", (code, year, validFrom) => {
    expect(versionOfYear(code, year, versions)?.validFrom).toBe(validFrom);
  });

  it("a code that did not exist that year has no version", () => {
    expect(versionOfYear("23347", 2026, versions)).toBeNull();
    expect(versionOfYear("23344", 2007, versions)).toBeNull();
  });
});

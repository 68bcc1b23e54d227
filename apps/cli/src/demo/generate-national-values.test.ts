import type { UnitImportRow } from "@ntm/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildNationalUnits,
  generateNationalValues,
  NATIONAL_YEARS,
} from "../../../../bench/data/generate-national-values.ts";
import { regionSetFixture } from "./criteria-set-fixtures.ts";
import type { DemoValue } from "./generate-demo-values.ts";
import { isRuralCommune } from "./load-vietnam-units.ts";

const indicatorCount = 44;
let units: UnitImportRow[];

beforeAll(async () => {
  units = await buildNationalUnits((provinceCode) => (provinceCode === "62" ? "TN" : "DBSH"));
});

/** Streams every batch and keeps only a fingerprint, as a bench would. */
function fingerprint(batches: Iterable<DemoValue[]>) {
  let rows = 0;
  let missing = 0;
  let largest = 0;
  let hash = 0;
  for (const batch of batches) {
    largest = Math.max(largest, batch.length);
    for (const { unitCode, year, indicatorCode, value } of batch) {
      rows++;
      if (value === null) missing++;
      for (const char of `${unitCode}${year}${indicatorCode}${String(value)}`) {
        hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
      }
    }
  }
  return { rows, missing, largest, hash };
}

describe("buildNationalUnits", () => {
  it("is the whole country with regions and demo flags", () => {
    expect(units.filter((row) => row.level === "province")).toHaveLength(63);
    expect(units.filter((row) => row.level === "district")).toHaveLength(696);
    expect(units.filter((row) => row.level === "commune")).toHaveLength(10_051);
    expect(units.filter(isRuralCommune)).toHaveLength(7_717);
    expect(units.find((row) => row.code === "62")?.region).toBe("TN");
    expect(units.find((row) => row.code === "01")?.region).toBe("DBSH");
    const flagged = units.filter((row) => isRuralCommune(row) && row.flags.length > 0);
    expect(flagged.length).toBeGreaterThan(1_000);
  });
});

describe("generateNationalValues", () => {
  it("streams every rural commune × 5 years × every indicator in bounded batches, deterministically", () => {
    expect(NATIONAL_YEARS).toEqual([2020, 2021, 2022, 2023, 2024]);
    const first = fingerprint(
      generateNationalValues({ set: regionSetFixture, units, batchSize: 50_000 }),
    );
    expect(first.rows).toBe(7_717 * 5 * indicatorCount);
    expect(first.largest).toBe(50_000);
    expect(first.missing / first.rows).toBeGreaterThan(0.02);
    expect(first.missing / first.rows).toBeLessThan(0.05);
    const second = fingerprint(
      generateNationalValues({ set: regionSetFixture, units, batchSize: 50_000 }),
    );
    expect(second).toEqual(first);
  });

  it("yields commune after commune, and a batch size that is asked for", () => {
    const iterator = generateNationalValues({ set: regionSetFixture, units, batchSize: 1_000 });
    const batch = iterator.next().value ?? [];
    expect(batch).toHaveLength(1_000);
    const firstCommune = units.find(isRuralCommune)?.code;
    const perCommune = NATIONAL_YEARS.length * indicatorCount;
    expect(batch.slice(0, perCommune).every((value) => value.unitCode === firstCommune)).toBe(true);
    expect(batch[perCommune]?.unitCode).not.toBe(firstCommune);
  });
});

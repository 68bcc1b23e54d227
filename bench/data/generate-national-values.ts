import type { UnitImportRow } from "@ntm/contracts";
import type { CriteriaSet } from "@ntm/domain";
import { addDemoAttributes, type RegionOf } from "../../apps/cli/src/demo/build-demo-province.ts";
import { iterateDemoValues, type DemoValue } from "../../apps/cli/src/demo/generate-demo-values.ts";
import { loadVietnamUnits } from "../../apps/cli/src/demo/load-vietnam-units.ts";

export const NATIONAL_YEARS: readonly number[] = [2020, 2021, 2022, 2023, 2024];

/** The whole country (63 provinces, 696 districts, 10,051 communes) with demo regions and flags. */
export async function buildNationalUnits(regionOf: RegionOf, seed = 1): Promise<UnitImportRow[]> {
  return addDemoAttributes(await loadVietnamUnits(), regionOf, seed);
}

/**
 * Demo values for every rural commune of `units` (7,717 xã nationally; wards and towns take no
 * part in NTM) for each year and each indicator of the set, in batches of at most `batchSize`
 * rows, commune after commune. Only one batch is held at a time, so a bench can write millions of
 * rows without holding them. Deterministic for a seed.
 */
export function* generateNationalValues(options: {
  set: CriteriaSet;
  units: readonly UnitImportRow[];
  years?: readonly number[];
  seed?: number;
  batchSize?: number;
}): Generator<DemoValue[], void, undefined> {
  const { set, units, years = NATIONAL_YEARS, seed = 1, batchSize = 10_000 } = options;
  let batch: DemoValue[] = [];
  for (const value of iterateDemoValues({ set, units, years, seed })) {
    batch.push(value);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { UnitImportRow } from "@ntm/contracts";
import type { CriteriaSet } from "@ntm/domain";
import { isRuralCommune } from "../apps/cli/src/demo/load-vietnam-units.ts";
import { buildNationalUnits, generateNationalValues } from "./data/generate-national-values.ts";
import type { DemoValue } from "../apps/cli/src/demo/generate-demo-values.ts";

/** Province of the province admin the HTTP test signs in as (Kon Tum, the demo province). */
export const ADMIN_PROVINCE = "62";

const dataFolder = fileURLToPath(new URL("../data", import.meta.url));

export interface BenchDataset {
  /** Every province, district and commune (import rows with regions, flags and `assessed`). */
  units: UnitImportRow[];
  /** The units handed to the value generator: all provinces and districts, the chosen xã. */
  generatorUnits: UnitImportRow[];
  /** Codes of the rural communes that get values. */
  chosenCommunes: string[];
  ruralCommunes: number;
  years: number[];
  set: CriteriaSet;
  /** The document as read from the file, for importCatalog. */
  catalogDocument: unknown;
  /** The province with the most rural communes, for the large summary. */
  largeProvince: { code: string; name: string; ruralCommunes: number };
  adminProvince: { code: string; name: string; ruralCommunes: number };
  /** Rural communes of the admin province that have values (scorecard targets). */
  scorecardCommunes: string[];
  seed: number;
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, "utf8")) as unknown;
}

/**
 * The national hierarchy and the real 2021–2025 catalog, with `communes` rural communes chosen
 * for values: the admin province first, then the province with most xã, then the rest by code.
 */
export async function buildDataset(options: {
  communes: number | undefined;
  years: number[];
  seed: number;
}): Promise<BenchDataset> {
  const regions = (await readJson(`${dataFolder}/regions/province-regions.json`)) as {
    provinces: { code: string; region: string }[];
  };
  const regionByProvince = new Map(regions.provinces.map((p) => [p.code, p.region]));
  const catalogDocument = await readJson(`${dataFolder}/criteria/vn-commune-2021-2025.json`);
  const set = catalogDocument as CriteriaSet;
  const units = (await buildNationalUnits((code) => regionByProvince.get(code), options.seed)).map(
    (row) => (row.level === "commune" ? { ...row, assessed: isRuralCommune(row) } : row),
  );

  const provinceOfDistrict = new Map(
    units.filter((row) => row.level === "district").map((row) => [row.code, row.parentCode ?? ""]),
  );
  const provinceOf = (row: UnitImportRow) => provinceOfDistrict.get(row.parentCode ?? "") ?? "";
  const rural = units.filter(isRuralCommune);
  const ruralByProvince = new Map<string, number>();
  for (const row of rural) {
    ruralByProvince.set(provinceOf(row), (ruralByProvince.get(provinceOf(row)) ?? 0) + 1);
  }
  const provinceInfo = (code: string) => ({
    code,
    name: units.find((row) => row.level === "province" && row.code === code)?.name ?? code,
    ruralCommunes: ruralByProvince.get(code) ?? 0,
  });
  const largest = [...ruralByProvince].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ADMIN_PROVINCE;
  const rank = (row: UnitImportRow) =>
    provinceOf(row) === ADMIN_PROVINCE ? 0 : provinceOf(row) === largest ? 1 : 2;
  const ordered = [...rural].sort(
    (a, b) => rank(a) - rank(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  const chosen = ordered.slice(0, options.communes ?? ordered.length);
  const chosenCodes = new Set(chosen.map((row) => row.code));
  const generatorUnits = units.filter(
    (row) => row.level !== "commune" || chosenCodes.has(row.code),
  );
  return {
    units,
    generatorUnits,
    chosenCommunes: chosen.map((row) => row.code),
    ruralCommunes: rural.length,
    years: options.years,
    set,
    catalogDocument,
    largeProvince: provinceInfo(largest),
    adminProvince: provinceInfo(ADMIN_PROVINCE),
    scorecardCommunes: chosen
      .filter((row) => provinceOf(row) === ADMIN_PROVINCE)
      .map((row) => row.code),
    seed: options.seed,
  };
}

/** The dataset's values in batches of at most `batchSize`, commune by commune. */
export function valueBatches(dataset: BenchDataset, batchSize: number): Generator<DemoValue[]> {
  return generateNationalValues({
    set: dataset.set,
    units: dataset.generatorUnits,
    years: dataset.years,
    seed: dataset.seed,
    batchSize,
  });
}

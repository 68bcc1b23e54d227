// Writes data/boundaries/kon-tum-so-do-minh-hoa.geojson, the schematic commune map of the demo:
//   node --import tsx apps/cli/src/demo/write-schematic-boundaries.ts
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { isRuralCommune, loadVietnamUnits } from "./load-vietnam-units.ts";
import { DEMO_PROVINCE_CODE } from "./build-demo-province.ts";
import { konTumDistrictCentres, konTumOutline, schematicCommunes } from "./schematic-boundaries.ts";

const target = fileURLToPath(
  new URL("../../../../data/boundaries/kon-tum-so-do-minh-hoa.geojson", import.meta.url),
);
const units = await loadVietnamUnits();
const districts = units
  .filter((row) => row.level === "district" && row.parentCode === DEMO_PROVINCE_CODE)
  .map((district) => ({
    code: district.code,
    centre: konTumDistrictCentres[district.code] ?? ([107.9, 14.6] as [number, number]),
    communes: units
      .filter((row) => row.parentCode === district.code && isRuralCommune(row))
      .map((row) => ({ code: row.code, name: row.name })),
  }));
const features = schematicCommunes(konTumOutline, districts);
await writeFile(
  target,
  `${JSON.stringify({
    type: "FeatureCollection",
    name: "Sơ đồ minh họa các xã tỉnh Kon Tum — không phải ranh giới thật",
    features,
  })}\n`,
);
console.log(`Đã ghi ${features.length} vùng minh họa vào ${target}.`);

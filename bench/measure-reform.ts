import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importReform, importUnits, systemUser } from "@ntm/api";
import { buildNationalUnits } from "./data/generate-national-values.ts";
import { openFreshDatabase } from "./fresh-database.ts";
import { fmtInt, fmtSeconds, table, timed } from "./format.ts";
import { machineInfo } from "./machine-info.ts";

/**
 * `node --import tsx bench/measure-reform.ts`: the reform of 1/7/2025 imported on the national
 * pre-reform tree (10,810 units of vietnam-provinces-js) in a fresh PGlite database: a dry run,
 * the import, and a second run that finds nothing to do.
 */
const regions = JSON.parse(
  await readFile(new URL("../data/regions/province-regions.json", import.meta.url), "utf8"),
) as { provinces: { code: string; region: string }[] };
const regionOf = new Map(regions.provinces.map((p) => [p.code, p.region]));
const units = await buildNationalUnits((code) => regionOf.get(code));
const fresh = await openFreshDatabase("pglite", {
  dataRoot: tmpdir(),
  folder: join("ntm-bench-reform"),
  postgresUrl: undefined,
  keep: false,
});
const db = fresh.database.db;
try {
  const tree = await timed(() => importUnits(db, { user: systemUser, rows: units }));
  const run = (dryRun: boolean) => timed(() => importReform(db, { user: systemUser, dryRun }));
  const dry = await run(true);
  const real = await run(false);
  const again = await run(false);
  const r = real.result;
  console.log(JSON.stringify(machineInfo()));
  console.log(
    table(
      ["step", "time", "what"],
      [
        ["pre-reform tree (importUnits)", fmtSeconds(tree.ms), `${fmtInt(units.length)} units`],
        ["reform, dry run", fmtSeconds(dry.ms), "plan only"],
        [
          "reform, import",
          fmtSeconds(real.ms),
          `${fmtInt(r.create.provinces)} provinces, ${fmtInt(r.create.units)} units created; ` +
            `${fmtInt(r.close.provinces + r.close.districts + r.close.communes)} closed; ` +
            `${fmtInt(r.links.full)} full + ${fmtInt(r.links.partial)} partial links`,
        ],
        [
          "reform, second run",
          fmtSeconds(again.ms),
          again.result.unchanged ? "unchanged" : "CHANGED",
        ],
      ],
    ),
  );
  console.log(
    `missing in database: ${r.missingInDatabase.length} (${r.missingInDatabase.join(", ")}); ` +
      `closed without successor: ${r.closedWithoutSuccessor.length} (${r.closedWithoutSuccessor.join(", ")}); ` +
      `new units without predecessor in database: ${r.newUnitsWithoutPredecessorInDatabase.length}`,
  );
} finally {
  await fresh.dispose();
}

import { evaluateAssessment } from "@ntm/domain";
import { buildDemoUnits } from "./src/demo/build-demo-province.ts";
import { generateDemoValues } from "./src/demo/generate-demo-values.ts";
import { regionSetFixture } from "./src/demo/criteria-set-fixtures.ts";
import { assignProfiles } from "./src/demo/progress-profiles.ts";
import { isRuralCommune } from "./src/demo/load-vietnam-units.ts";
const seed = Number(process.argv[2] ?? 1);
const units = await buildDemoUnits({ regionOf: () => "TN", seed });
const years = [2022, 2023, 2024];
let t = performance.now();
const values = generateDemoValues({ set: regionSetFixture, units, years, seed });
console.log("values", values.length, "ms", Math.round(performance.now() - t), "nulls", (values.filter(v => v.value === null).length / values.length * 100).toFixed(2) + "%");
const profiles = assignProfiles({ units, years, seed });
const tiers: Record<string, number> = {};
for (const p of profiles.values()) tiers[p.tier] = (tiers[p.tier] ?? 0) + 1;
console.log(tiers);
const byKey = new Map<string, Record<string, number | boolean | null>>();
for (const v of values) { const k = v.unitCode + "|" + v.year; const m = byKey.get(k) ?? {}; m[v.indicatorCode] = v.value; byKey.set(k, m); }
const districts = new Map(units.filter(u => u.level === "district").map(u => [u.code, u.name]));
const rural = units.filter(isRuralCommune);
for (const year of years) {
  const levels: Record<string, number> = {}; let sum = 0; const below: string[] = []; let mismatch = 0;
  for (const u of rural) {
    const r = evaluateAssessment({ set: regionSetFixture, unit: { code: u.code, name: u.name, region: u.region ?? undefined, flags: u.flags }, year, values: byKey.get(u.code + "|" + year) ?? {} });
    levels[r.level ?? "none"] = (levels[r.level ?? "none"] ?? 0) + 1; sum += r.criteriaMet;
    if (r.criteriaMet < 10) below.push(districts.get(u.parentCode!)!);
  }
  const bd: Record<string, number> = {}; for (const d of below) bd[d] = (bd[d] ?? 0) + 1;
  console.log(year, levels, "avg", (sum / rural.length).toFixed(2), "below10", below.length, bd);
}
// flags summary
const fl: Record<string, number> = {}; for (const u of rural) for (const f of u.flags) fl[f] = (fl[f] ?? 0) + 1;
console.log("rural", rural.length, fl, "groups", rural.reduce((m: Record<string, number>, u) => (m[u.communeGroup!] = (m[u.communeGroup!] ?? 0) + 1, m), {}));
for (const year of [2022, 2024]) {
  const per: Record<string, string[]> = {};
  for (const u of rural) {
    const r = evaluateAssessment({ set: regionSetFixture, unit: { code: u.code, name: u.name, region: u.region ?? undefined, flags: u.flags }, year, values: byKey.get(u.code + "|" + year) ?? {} });
    (per[districts.get(u.parentCode!)!] ??= []).push(r.level ? r.level[0]!.toUpperCase() : String(r.criteriaMet));
  }
  console.log(year); for (const [d, l] of Object.entries(per)) console.log("  ", d.padEnd(22), l.join(" "));
}

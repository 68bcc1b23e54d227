import { addDemoAttributes } from "./src/demo/build-demo-province.ts";
import { loadVietnamUnits } from "./src/demo/load-vietnam-units.ts";
import { iterateDemoValues } from "./src/demo/generate-demo-values.ts";
import { regionSetFixture } from "./src/demo/criteria-set-fixtures.ts";
let t = performance.now();
const units = addDemoAttributes(await loadVietnamUnits(), () => "DBSH", 1);
console.log("units", units.length, Math.round(performance.now() - t));
t = performance.now();
let n = 0, nulls = 0;
for (const v of iterateDemoValues({ set: regionSetFixture, units, years: [2020, 2021, 2022, 2023, 2024], seed: 1 })) { n++; if (v.value === null) nulls++; }
console.log(n, nulls / n, Math.round(performance.now() - t), "ms", process.memoryUsage().heapUsed / 1e6);

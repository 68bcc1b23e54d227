// Builds the web app only when its sources changed since the last build: the web app's files,
// the packages it bundles (domain, contracts) and the lockfile, checked as `source-hash.mjs`
// says, with the stamp kept in the build folder. `ntm serve --build-web` (what `npm start` runs)
// starts it beside the database's preparation; `npm run build:web` always builds. This build
// compresses at a fast Brotli quality (`NTM_WEB_BROTLI_QUALITY`, 5 unless set): the highest costs
// about 4 s of CPU at every first start for copies 8 % smaller, which a deployment's
// `npm run build:web` still makes.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkSources } from "./source-hash.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "apps/web/dist");
const sources = [
  "apps/web/src",
  "apps/web/public",
  "apps/web/index.html",
  "apps/web/package.json",
  "apps/web/tsconfig.json",
  "apps/web/vite.config.ts",
  "apps/web/vite-precompress.ts",
  "packages/domain/src",
  "packages/domain/package.json",
  "packages/contracts/src",
  "packages/contracts/package.json",
  "package-lock.json",
];

const check = checkSources({ root, sources, stampFile: join(dist, ".source-hash") });
if (check.upToDate && existsSync(join(dist, "index.html"))) {
  console.log("Ứng dụng web không đổi từ lần dựng trước; bỏ qua bước dựng.");
} else {
  const started = performance.now();
  const result = spawnSync("npm", ["run", "build", "-w", "@ntm/web"], {
    cwd: root,
    stdio: "inherit",
    env: { NTM_WEB_BROTLI_QUALITY: "5", ...process.env },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  check.save();
  console.log(`Đã dựng ứng dụng web (${((performance.now() - started) / 1000).toFixed(1)} s).`);
}

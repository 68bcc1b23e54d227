// Builds the web app only when its sources changed since the last build: a SHA-256 of the web
// app's files, the packages it bundles (domain, contracts) and the lockfile, kept in the build
// folder. `npm start` calls it; `npm run build:web` always builds.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "apps/web/dist");
const hashFile = join(dist, ".source-hash");
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

function sourceHash() {
  const hash = createHash("sha256");
  const files = sources
    .flatMap((source) => {
      const path = join(root, source);
      try {
        return readdirSync(path, { withFileTypes: true, recursive: true })
          .filter((entry) => entry.isFile())
          .map((entry) => join(entry.parentPath, entry.name));
      } catch {
        return existsSync(path) ? [path] : [];
      }
    })
    .map((file) => relative(root, file))
    .sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

const wanted = sourceHash();
const built = existsSync(hashFile) ? readFileSync(hashFile, "utf8").trim() : "";
if (built === wanted && existsSync(join(dist, "index.html"))) {
  console.log("Ứng dụng web không đổi từ lần dựng trước; bỏ qua bước dựng.");
} else {
  const result = spawnSync("npm", ["run", "build", "-w", "@ntm/web"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(hashFile, `${wanted}\n`);
}

// Runs the `ntm` command from one JavaScript file bundled from the server's TypeScript (the API,
// the command line and the packages they use), bundled again only when those sources changed (a
// stamp kept next to the bundle, checked as `source-hash.mjs` says). `npm start` calls it, so a
// start with nothing changed loads one file instead of compiling hundreds at start; `bin/ntm.mjs`
// and the tests still run the TypeScript through tsx and never read the bundle.
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { checkSources } from "./source-hash.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = join(root, "apps/cli/dist");
const bundle = join(outDir, "ntm.mjs");
const sources = [
  "apps/cli/src",
  "apps/cli/package.json",
  "apps/api/src",
  "apps/api/package.json",
  "packages/domain/src",
  "packages/domain/package.json",
  "packages/contracts/src",
  "packages/contracts/package.json",
  "packages/db/src",
  "packages/db/package.json",
  "package-lock.json",
  "scripts/run-built-server.mjs",
  "scripts/source-hash.mjs",
];
// Tests are never part of the bundle, so changing one does not bundle again.
const isTest = (name) => /\.test\.tsx?$/.test(name);

/**
 * Keeps every `import.meta.url` meaning the source file it is written in, so the data files,
 * migrations and web build found relative to it are found from the bundle too.
 */
const sourceUrls = {
  name: "source-urls",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      const path = relative(outDir, args.path).split(sep).join("/");
      return {
        contents: text.replaceAll(
          "import.meta.url",
          `new URL(${JSON.stringify(path)}, import.meta.url).href`,
        ),
        loader: "ts",
        resolveDir: dirname(args.path),
      };
    });
  },
};

/** The installed packages stay in node_modules; only the workspace's TypeScript is bundled. */
const installedPackages = {
  name: "installed-packages",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@ntm/") ? undefined : { path: args.path, external: true },
    );
  },
};

async function bundleServer() {
  // The esbuild tsx runs the TypeScript with in development and tests, so both compile alike.
  const fromTsx = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"));
  const { build } = await import(pathToFileURL(fromTsx.resolve("esbuild")).href);
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(root, "apps/cli/src/main.ts")],
    outfile: bundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: "linked",
    logLevel: "warning",
    plugins: [installedPackages, sourceUrls],
  });
}

const check = checkSources({
  root,
  sources,
  skip: isTest,
  stampFile: join(outDir, ".source-hash"),
});
if (!check.upToDate || !existsSync(bundle)) {
  console.log("Đang đóng gói máy chủ (mã nguồn đã thay đổi từ lần trước)…");
  await bundleServer();
  check.save();
}
await import(pathToFileURL(bundle).href);

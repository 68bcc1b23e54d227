import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const src = resolve(here, "../..");

// Value imports and re-exports ("import type" and dynamic import() load nothing up front).
const importPattern = /^(?:import|export)\s+(?!type\b)(?:[^;"']*?\sfrom\s+)?["']([^"']+)["']/gm;

/** Every package and app file a module reaches through static imports. */
function reached(entry: string) {
  const packages = new Map<string, string>();
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(importPattern)) {
      const specifier = match[1] as string;
      if (specifier.endsWith(".css")) continue;
      if (specifier.startsWith(".")) visit(resolve(dirname(file), specifier));
      else if (!packages.has(specifier)) packages.set(specifier, file.slice(src.length + 1));
    }
  };
  visit(entry);
  return { packages, files: [...files].map((file) => file.slice(src.length + 1)) };
}

describe("the residents' public page", () => {
  const site = reached(resolve(here, "public-site.tsx"));

  it("adds neither the component library, the schemas, the device database nor charts", () => {
    // What the first script holds is its own test's concern (app/first-script.test.ts).
    const first = reached(resolve(src, "main.tsx")).packages;
    const heavy = /^(antd|@ant-design\/|@ntm\/contracts|zod|dexie|echarts|dayjs)/;
    const found = [...site.packages].filter(([name]) => heavy.test(name) && !first.has(name));
    expect(found.map(([name, by]) => `${name} (imported by ${by})`)).toEqual([]);
  });

  it("adds only its own files to what the first script already holds", () => {
    const first = new Set(reached(resolve(src, "main.tsx")).files);
    const added = site.files.filter((file) => !first.has(file));
    // The residents' feedback section is plain React too, made for this page.
    const own = /^features\/(public|public-feedback)\//;
    expect(added.filter((file) => !own.test(file))).toEqual([]);
  });

  it("is reached from the first script only through a dynamic import", () => {
    const first = reached(resolve(src, "main.tsx"));
    expect(first.files.filter((file) => file.startsWith("features/public/"))).toEqual([
      "features/public/public-path.ts",
    ]);
  });
});

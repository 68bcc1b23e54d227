import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = resolve(dirname(fileURLToPath(import.meta.url)), "..");

// Value imports and re-exports ("import type" and dynamic import() load nothing up front).
const importPattern = /^(?:import|export)\s+(?!type\b)(?:[^;"']*?\sfrom\s+)?["']([^"']+)["']/gm;

/** Every package a file reaches through static imports, following the app's own files. */
function packagesReached(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(importPattern)) {
      const specifier = match[1] as string;
      if (specifier.endsWith(".css")) continue;
      if (specifier.startsWith(".")) visit(resolve(dirname(file), specifier));
      else if (!packages.has(specifier)) packages.set(specifier, file.slice(src.length + 1));
    }
  };
  visit(entry);
  return packages;
}

describe("the first script (the login screen and the session check)", () => {
  it("loads neither the component library, the schemas, the device database nor charts", () => {
    const heavy = /^(antd|@ant-design\/|@ntm\/contracts|zod|dexie|echarts|dayjs)/;
    const reached = [...packagesReached(resolve(src, "main.tsx"))].filter(([name]) =>
      heavy.test(name),
    );
    expect(reached.map(([name, by]) => `${name} (imported by ${by})`)).toEqual([]);
  });
});

import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeEach, describe, expect, it } from "vitest";

interface Check {
  upToDate: boolean;
  reason: "unchanged files" | "unchanged contents" | "changed" | "never built";
  save: () => void;
}
interface SourceHash {
  checkSources: (options: {
    root: string;
    sources: string[];
    skip?: (name: string) => boolean;
    stampFile: string;
  }) => Check;
}

const scriptUrl = pathToFileURL(
  fileURLToPath(new URL("../../../scripts/source-hash.mjs", import.meta.url)),
).href;
const { checkSources } = (await import(scriptUrl)) as SourceHash;

const root = mkdtempSync(join(tmpdir(), "ntm-source-hash-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const file = (path: string) => join(root, path);
const options = {
  root,
  sources: ["src", "package.json"],
  skip: (name: string) => name.endsWith(".test.ts"),
  stampFile: file("out/.source-hash"),
};

beforeEach(() => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(file("src/a"), { recursive: true });
  mkdirSync(file("out"));
  writeFileSync(file("src/a/one.ts"), "export const one = 1;\n");
  writeFileSync(file("package.json"), "{}\n");
});

describe("the start's check of what it built", () => {
  it("builds once, then decides from the files' names, sizes and times alone", () => {
    const first = checkSources(options);
    expect(first).toMatchObject({ upToDate: false, reason: "never built" });
    first.save();
    expect(checkSources(options)).toMatchObject({ upToDate: true, reason: "unchanged files" });
  });

  it("reads the contents when a file was touched, and builds only when they changed", () => {
    checkSources(options).save();
    const later = new Date(Date.now() + 60_000);
    utimesSync(file("src/a/one.ts"), later, later);
    expect(checkSources(options)).toMatchObject({ upToDate: true, reason: "unchanged contents" });
    // The stamp took the new times: the next start is fast again.
    expect(checkSources(options)).toMatchObject({ upToDate: true, reason: "unchanged files" });
  });

  it("sees a change of the same size written with the old modification time", () => {
    // Whole seconds, so the time set back is exactly the one stamped.
    const stamped = new Date("2026-01-01T00:00:00Z");
    utimesSync(file("src/a/one.ts"), stamped, stamped);
    checkSources(options).save();
    writeFileSync(file("src/a/one.ts"), "export const one = 2;\n");
    utimesSync(file("src/a/one.ts"), stamped, stamped);
    expect(statSync(file("src/a/one.ts")).mtimeMs).toBe(stamped.getTime());
    expect(checkSources(options)).toMatchObject({ upToDate: false, reason: "changed" });
  });

  it("builds again for a new or removed source, never for a skipped file", () => {
    checkSources(options).save();
    writeFileSync(file("src/a/one.test.ts"), "test\n");
    expect(checkSources(options).upToDate).toBe(true);
    writeFileSync(file("src/two.ts"), "export const two = 2;\n");
    const added = checkSources(options);
    expect(added.upToDate).toBe(false);
    added.save();
    rmSync(file("src/two.ts"));
    expect(checkSources(options).upToDate).toBe(false);
  });
});

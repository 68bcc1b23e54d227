import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockDataFolder } from "./data-folder-lock.ts";

const folders: string[] = [];
function folder() {
  const path = mkdtempSync(join(tmpdir(), "ntm-lock-"));
  folders.push(path);
  return path;
}
afterEach(() =>
  folders.splice(0).forEach((path) => rmSync(path, { recursive: true, force: true })),
);

describe("lockDataFolder", () => {
  it("refuses a folder held by another running process, naming it", () => {
    const path = folder();
    writeFileSync(join(path, "ntm.lock"), String(process.ppid));
    expect(() => lockDataFolder(path)).toThrow(new RegExp(`tiến trình ${process.ppid}`));
  });

  it("takes over a lock left by a process that no longer runs, and releases it", () => {
    const path = folder();
    writeFileSync(join(path, "ntm.lock"), "999999999");
    const release = lockDataFolder(path);
    release();
    const again = lockDataFolder(path);
    again();
  });
});

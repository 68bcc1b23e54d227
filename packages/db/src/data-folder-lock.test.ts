import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { lockDataFolder } from "./data-folder-lock.ts";

const folders: string[] = [];
const children: ChildProcess[] = [];
function folder() {
  const path = mkdtempSync(join(tmpdir(), "ntm-lock-"));
  folders.push(path);
  return path;
}
afterEach(() => {
  children.splice(0).forEach((child) => child.kill("SIGKILL"));
  folders.splice(0).forEach((path) => rmSync(path, { recursive: true, force: true }));
});

/** A child process; resolves with it once it has printed its first line. */
function start(command: string, args: string[]): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("\n")) resolve({ child, line: output.split("\n")[0]! });
    });
    child.on("error", reject);
    child.on("exit", () => reject(new Error(`${command} exited before printing`)));
  });
}

const stateOf = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
  } catch {
    return undefined;
  }
};

describe("lockDataFolder", () => {
  it("takes over a lock left by a process that no longer runs, and releases it", () => {
    const path = folder();
    writeFileSync(join(path, "ntm.lock"), "999999999");
    const release = lockDataFolder(path);
    release();
    const again = lockDataFolder(path);
    again();
  });

  it("refuses a folder held by another running process, naming it", async () => {
    const path = folder();
    const lockModule = fileURLToPath(new URL("./data-folder-lock.ts", import.meta.url));
    const holder = await start(process.execPath, [
      "--import",
      "tsx",
      "-e",
      `import(${JSON.stringify(lockModule)}).then((m) => { m.lockDataFolder(${JSON.stringify(path)}); console.log("locked"); setInterval(() => {}, 1000); })`,
    ]);
    expect(holder.line).toBe("locked");
    expect(() => lockDataFolder(path)).toThrow(new RegExp(`tiến trình ${holder.child.pid}`));
  });

  it.runIf(process.platform === "linux")(
    "takes over a lock whose process is a zombie (exited, not reaped)",
    async () => {
      const path = folder();
      // The shell starts a short child, then becomes `sleep`, which never reaps it.
      const parent = await start("sh", ["-c", "sleep 0 & echo $!; exec sleep 30"]);
      const zombie = Number(parent.line);
      for (let tries = 0; tries < 100 && stateOf(zombie) !== "Z"; tries += 1) await sleep(20);
      expect(stateOf(zombie)).toBe("Z");
      writeFileSync(join(path, "ntm.lock"), String(zombie));
      const release = lockDataFolder(path);
      expect(readFileSync(join(path, "ntm.lock"), "utf8")).toContain(`"pid":${process.pid}`);
      release();
    },
  );

  it.runIf(process.platform === "linux")(
    "takes over a lock whose process id now belongs to a process started after it",
    async () => {
      const path = folder();
      const other = await start("sh", ["-c", "echo $$; exec sleep 30"]);
      const lock = join(path, "ntm.lock");
      // A lock from before the id was reused: the old format, written an hour ago.
      writeFileSync(lock, String(other.child.pid));
      const hourAgo = new Date(Date.now() - 3_600_000);
      utimesSync(lock, hourAgo, hourAgo);
      lockDataFolder(path)();
      // The current format records the start time: another start time is another process.
      writeFileSync(lock, JSON.stringify({ pid: other.child.pid, startTicks: "1" }));
      lockDataFolder(path)();
    },
  );
});

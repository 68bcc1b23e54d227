/**
 * `npm start` to healthy, on a fresh copy of a commit: the copy gets the repository's files at
 * that commit and a node_modules whose packages are those already installed here (the install
 * itself is not timed, nor its postinstall's empty database cluster, which the copy finds beside
 * those packages), then `npm start` runs twice: first on the fresh copy (web build, demo
 * data, server), then again with nothing changed. Each time is measured until `GET /api/health`
 * answers 200 and the web app's first page is served, with the CPU time of every process of the
 * start (npm, the build checks, the server) read from /proc at that moment.
 * `node --import tsx bench/measure-start.ts [--reuse-web-build] [commit …]` (HEAD by default);
 * `--reuse-web-build` copies this tree's built web app into the copy first, so the first start
 * skips the web build when the commit's web sources are the same (its hash decides); see
 * docs/benchmarks.md.
 */
import { spawn, execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import { join, resolve } from "node:path";
import { fmtSeconds, table } from "./format.ts";

const root = resolve(import.meta.dirname, "..");

/** The repository's files at `commit`, and node_modules links to the packages installed here. */
function freshCopy(commit: string): string {
  const dir = mkdtempSync(join(os.tmpdir(), "ntm-start-"));
  execFileSync("sh", ["-c", `git -C "${root}" archive "${commit}" | tar -x -C "${dir}"`]);
  const modules = join(root, "node_modules");
  mkdirSync(join(dir, "node_modules"));
  for (const entry of readdirSync(modules)) {
    const target = join(dir, "node_modules", entry);
    if (entry === ".bin" || entry === "@ntm") {
      // Relative links, so the copy's own workspaces and commands are the ones used.
      mkdirSync(target);
      for (const link of readdirSync(join(modules, entry))) {
        symlinkSync(readlinkSync(join(modules, entry, link)), join(target, link));
      }
    } else if (entry !== ".vite" && entry !== ".cache") {
      symlinkSync(join(modules, entry), target);
    }
  }
  return dir;
}

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const ticksPerSecond = 100;

/**
 * CPU seconds used so far by the processes of a process group (the start runs detached, in its
 * own group), with the children they have already reaped.
 */
function groupCpuSeconds(group: number): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== group) continue;
      ticks += [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return ticks / ticksPerSecond;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function answers(url: string, wanted: (status: number, body: string) => boolean) {
  try {
    const response = await fetch(url);
    return wanted(response.status, await response.text());
  } catch {
    return false;
  }
}

/** Runs `npm start` in `dir` until it is healthy and serves the web app; returns the time. */
async function timeStart(dir: string): Promise<{ ms: number; cpuSeconds: number; built: boolean }> {
  const port = await freePort();
  const started = performance.now();
  let output = "";
  const child = spawn("npm", ["start"], {
    cwd: dir,
    detached: true,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
  });
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start ended early:\n${output}`);
      if (performance.now() - started > 300_000)
        throw new Error(`not healthy in 5 min:\n${output}`);
      const healthy = await answers(`${base}/api/health`, (status) => status === 200);
      if (
        healthy &&
        (await answers(`${base}/`, (status, body) => status === 200 && body.includes("<html")))
      ) {
        return {
          ms: performance.now() - started,
          cpuSeconds: child.pid ? groupCpuSeconds(child.pid) : 0,
          built: !output.includes("bỏ qua bước dựng"),
        };
      }
      await new Promise((done) => setTimeout(done, 50));
    }
  } finally {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
    await new Promise((done) => child.once("close", done));
  }
}

async function main() {
  const reuseWeb = process.argv.includes("--reuse-web-build");
  const commits = process.argv.slice(2).filter((arg) => arg !== "--reuse-web-build");
  const rows: string[][] = [];
  for (const commit of commits.length > 0 ? commits : ["HEAD"]) {
    const dir = freshCopy(commit);
    const webDist = join(root, "apps/web/dist");
    if (reuseWeb && existsSync(webDist))
      cpSync(webDist, join(dir, "apps/web/dist"), { recursive: true });
    try {
      for (const run of ["fresh copy", "again, nothing changed"]) {
        const load = os.loadavg()[0] ?? 0;
        const { ms, cpuSeconds, built } = await timeStart(dir);
        const cpu = `${cpuSeconds.toFixed(1)} s`;
        rows.push([commit, run, built ? "yes" : "skipped", fmtSeconds(ms), cpu, load.toFixed(2)]);
        console.log(`${commit} ${run}: ${fmtSeconds(ms)}, CPU ${cpu} (load ${load.toFixed(2)})`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(
    `\n${table(["commit", "start", "web build", "to healthy", "CPU", "1-min load before"], rows)}`,
  );
}

await main();

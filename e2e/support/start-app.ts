import { spawn, execFile, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { joinScorecard, type CatalogSetDetail, type ScorecardResponse } from "@ntm/contracts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

export interface RunningApp {
  baseUrl: string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string) {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`server did not become healthy:\n${output()}`);
}

/**
 * Starts the product as an official would: a fresh embedded database seeded by the CLI, then the
 * server with the built web app, on a free port.
 */
export async function startApp(): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), "ntm-e2e-"));
  const env = { ...process.env, NTM_DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" };
  await run(process.execPath, [join(root, "apps/cli/bin/ntm.mjs"), "seed", "--demo"], {
    env,
    cwd: root,
  });
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "apps/api/src/main.ts")], {
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, () => log);
  return {
    baseUrl,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Logs in through the API and returns the session cookie, for checks made beside the browser. */
export async function apiLogin(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "demo1234" }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
  const cookie = response.headers.get("set-cookie") ?? "";
  return cookie.split(";")[0] ?? "";
}

const sessionCookies = new Map<string, string>();

/**
 * One API login per account and server for a whole test file: logins are throttled per account,
 * so checks made beside the browser reuse the session.
 */
export async function apiSession(baseUrl: string, username: string): Promise<string> {
  const key = `${baseUrl} ${username}`;
  const cookie = sessionCookies.get(key) ?? (await apiLogin(baseUrl, username));
  sessionCookies.set(key, cookie);
  return cookie;
}

export async function apiGet<T>(baseUrl: string, cookie: string, path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A scorecard as the pages show it: the commune's answer joined with its set version. */
export async function apiScorecard(baseUrl: string, cookie: string, path: string) {
  const answer = await apiGet<ScorecardResponse>(baseUrl, cookie, path);
  const set = await apiGet<CatalogSetDetail>(baseUrl, cookie, `/api/catalog/sets/${answer.set.id}`);
  return joinScorecard(answer, set.definition);
}

/** The demo province administrator's session and the province's code. */
export async function provinceAdmin(baseUrl: string) {
  const cookie = await apiSession(baseUrl, "admin");
  const me = await apiGet<{ unitCode: string }>(baseUrl, cookie, "/api/auth/me");
  return { cookie, province: me.unitCode };
}

import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

// The server as it is deployed: `node apps/api/src/main.ts` in its own process, stopped by a signal.
const mainFile = fileURLToPath(new URL("../main.ts", import.meta.url));

interface Server {
  child: ChildProcess;
  port: number;
  lines: { msg?: string; requestId?: string }[];
  exited: Promise<number | null>;
}

const started: { child: ChildProcess; dataDir: string }[] = [];

afterEach(() => {
  for (const { child, dataDir } of started.splice(0)) {
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function startServer(environment: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "ntm-shutdown-"));
  const child = spawn(process.execPath, ["--import", "tsx", mainFile], {
    env: {
      PATH: process.env.PATH ?? "",
      PORT: String(port),
      HOST: "127.0.0.1",
      NTM_DATA_DIR: dataDir,
      NTM_WEB_DIST: join(dataDir, "no-web"),
      NTM_DEMO: "0",
      LOG_LEVEL: "info",
      ...environment,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push({ child, dataDir });
  const server: Server = {
    child,
    port,
    lines: [],
    exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))),
  };
  let pending = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const parts = pending.split("\n");
    pending = parts.pop() ?? "";
    for (const part of parts) {
      if (part.startsWith("{")) server.lines.push(JSON.parse(part));
    }
  });
  await until(server, (line) => line.msg?.startsWith("Server listening") ?? false);
  return server;
}

/** Waits for a log line (the server's own account of what it is doing). */
async function until(server: Server, match: (line: Server["lines"][number]) => boolean) {
  for (let waited = 0; waited < 120_000; waited += 50) {
    if (server.lines.some(match)) return;
    if (server.child.exitCode !== null) throw new Error("the server exited");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("no such log line");
}

/** A login whose body is sent in two halves, so that it is in flight between them. */
function slowLogin(port: number, requestId: string) {
  const body = JSON.stringify({ username: "khong-ton-tai", password: "sai-mat-khau" });
  const request: ClientRequest = httpRequest({
    host: "127.0.0.1",
    port,
    method: "POST",
    path: "/api/auth/login",
    headers: {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      "x-request-id": requestId,
    },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.once("response", (response: IncomingMessage) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.once("error", reject);
  });
  request.write(body.slice(0, 10));
  return { answer, finish: () => request.end(body.slice(10)) };
}

function connects(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/api/health`).then(
    () => true,
    () => false,
  );
}

// Each test starts the server from its source: on a busy two-core machine that takes most of a minute.
const startAndStop = 180_000;

describe("stopping the server", () => {
  it(
    "on SIGTERM refuses new connections, finishes the request in flight, then exits with 0",
    async () => {
      const server = await startServer();
      const login = slowLogin(server.port, "dang-gui-do");
      await until(server, (line) => line.requestId === "dang-gui-do");
      server.child.kill("SIGTERM");
      await until(server, (line) => line.msg === "stopping: finishing the requests in flight");
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await connects(server.port)).toBe(false);
      expect(server.child.exitCode).toBeNull();
      login.finish();
      const answer = await login.answer;
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body).error.code).toBe("INVALID_CREDENTIALS");
      expect(await server.exited).toBe(0);
      const completed = server.lines.find(
        (line) => line.requestId === "dang-gui-do" && line.msg === "request completed",
      );
      expect(completed).toBeDefined();
    },
    startAndStop,
  );

  it(
    "exits with 1 once the timeout passes with a request still unfinished",
    async () => {
      const server = await startServer({ NTM_SHUTDOWN_TIMEOUT_SECONDS: "1" });
      const login = slowLogin(server.port, "treo");
      login.answer.catch(() => undefined);
      await until(server, (line) => line.requestId === "treo");
      server.child.kill("SIGINT");
      expect(await server.exited).toBe(1);
      expect(server.lines.map((line) => line.msg)).toContain(
        "requests still in flight after the shutdown timeout: exiting",
      );
    },
    startAndStop,
  );
});

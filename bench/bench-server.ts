import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { buildServer } from "@ntm/api";
import type { Database } from "@ntm/db";
import { BENCH_PASSWORD } from "./load-data.ts";

/** The real server on 127.0.0.1 and a free port, with a client signed in as `username`. */
export async function startBenchServer(database: Database, dataDir: string) {
  mkdirSync(dataDir, { recursive: true });
  const app = await buildServer({ database, dataDir, logger: false });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const signIn = async (username: string) => {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password: BENCH_PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`login ${username}: ${await response.text()}`);
    const cookie = response.headers
      .getSetCookie()
      .map((header) => header.split(";")[0] ?? "")
      .find((pair) => pair.startsWith("ntm_session="));
    if (!cookie) throw new Error(`login ${username}: no session cookie`);
    return cookie;
  };

  /** A JSON request; throws on any status but 200/201. Returns the body and the time to read it. */
  const request = async <T>(
    cookie: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ body: T; ms: number; bytes: number }> => {
    const start = performance.now();
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    const ms = performance.now() - start;
    if (response.status !== 200 && response.status !== 201) {
      throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
    }
    return { body: JSON.parse(text) as T, ms, bytes: Buffer.byteLength(text) };
  };

  return { baseUrl, signIn, request, close: () => app.close() };
}

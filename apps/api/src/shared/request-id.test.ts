import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { createTestDatabase, type Database } from "@ntm/db";
import { buildServer } from "../http/build-server.ts";
import { currentRequestId, runWithRequestId } from "./request-id.ts";

interface LogLine {
  msg?: string;
  requestId?: string;
  [field: string]: unknown;
}

let database: Database;
let app: FastifyInstance;
const lines: LogLine[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(text));
      done();
    },
  });
  app = await buildServer({ database, dataDir: "", logStream });
  // A route of this test: logs from inside the handler, as a feature's service would.
  app.get("/test/request-id", async (request) => {
    request.log.info("inside the handler");
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { current: currentRequestId() ?? null };
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const linesOf = (id: string) => lines.filter((line) => line.requestId === id);

describe("the request id", () => {
  it("keeps the X-Request-Id a proxy sends, echoes it and logs it on every line of the request", async () => {
    const response = await app.inject({
      method: "GET",
      url: "/test/request-id",
      headers: { "x-request-id": "caddy-7f3a9c" },
    });
    expect(response.headers["x-request-id"]).toBe("caddy-7f3a9c");
    expect(response.json()).toEqual({ current: "caddy-7f3a9c" });
    const messages = linesOf("caddy-7f3a9c").map((line) => line.msg);
    expect(messages).toEqual(["incoming request", "inside the handler", "request completed"]);
  });

  it("makes one when none is sent, different for each request", async () => {
    const first = await app.inject({ method: "GET", url: "/api/health" });
    const second = await app.inject({ method: "GET", url: "/api/health" });
    const ids = [first, second].map((response) => String(response.headers["x-request-id"]));
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(linesOf(id).map((line) => line.msg)).toEqual([
        "incoming request",
        "request completed",
      ]);
    }
    expect(ids[0]).not.toBe(ids[1]);
  });

  it("replaces an id that could forge log lines or is overlong", async () => {
    for (const given of ['x"}\n{"level":60', "a".repeat(129), "có dấu"]) {
      const response = await app.inject({
        method: "GET",
        url: "/api/health",
        headers: { "x-request-id": given },
      });
      expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("is on error answers too", async () => {
    const response = await app.inject({
      method: "GET",
      url: "/api/units",
      headers: { "x-request-id": "loi-401" },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers["x-request-id"]).toBe("loi-401");
  });

  it("follows into work run for the request (a job): its log lines and currentRequestId carry it", async () => {
    const jobLines: LogLine[] = [];
    const logger = pino(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          jobLines.push(JSON.parse(chunk.toString()));
          done();
        },
      }),
    );
    const seen = await runWithRequestId("caddy-7f3a9c", logger, async (log) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.info("job step");
      return currentRequestId();
    });
    expect(seen).toBe("caddy-7f3a9c");
    expect(jobLines).toMatchObject([{ msg: "job step", requestId: "caddy-7f3a9c" }]);
    const own = await runWithRequestId(undefined, logger, async () => currentRequestId());
    expect(own).toMatch(/^[0-9a-f-]{36}$/);
    expect(currentRequestId()).toBeUndefined();
  });
});

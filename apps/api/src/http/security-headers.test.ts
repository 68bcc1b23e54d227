import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/test-app.ts";
import { buildServer } from "./build-server.ts";
import { loadConfig } from "../shared/config.ts";

let t: TestApp;
let withPages: FastifyInstance;
let webDist: string;
const proxy = "10.20.0.2";

beforeAll(async () => {
  t = await createTestApp();
  webDist = mkdtempSync(join(tmpdir(), "ntm-web-"));
  writeFileSync(join(webDist, "index.html"), "<!doctype html><title>NTM Monitor</title>");
  withPages = await buildServer({
    database: t.database,
    dataDir: t.dataDir,
    webDist,
    config: loadConfig({ NTM_TRUST_PROXY: proxy }),
  });
});
afterAll(async () => {
  await withPages.close();
  await t.close();
  rmSync(webDist, { recursive: true, force: true });
});

function directives(header: string | string[] | number | undefined): Map<string, string> {
  return new Map(
    String(header)
      .split(";")
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map((part) => {
        const [name = "", ...values] = part.split(/\s+/);
        return [name, values.join(" ")];
      }),
  );
}

describe("security headers", () => {
  it.each([
    ["a page of the web app", "/"],
    ["a deep link of the web app", "/units/X01/2024"],
    ["an API answer", "/api/health"],
    ["an API error", "/api/khong-co"],
  ])("are on %s", async (_label, url) => {
    const response = await withPages.inject({ method: "GET", url });
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("same-origin");
    expect(response.headers["x-frame-options"]).toBe("DENY");
    const csp = directives(response.headers["content-security-policy"]);
    expect(csp.get("default-src")).toBe("'self'");
    expect(csp.get("script-src")).toBe("'self'");
    expect(csp.get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("worker-src")).toBe("'self' blob:");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("serve the page itself, not an error", async () => {
    const response = await withPages.inject({ method: "GET", url: "/" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("NTM Monitor");
  });

  it("give the API documentation its own policy, which may not be framed either", async () => {
    const response = await withPages.inject({ method: "GET", url: "/api/docs" });
    expect(response.statusCode).toBe(200);
    const csp = directives(response.headers["content-security-policy"]);
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });
});

describe("HSTS", () => {
  it("is sent when a trusted proxy says the request came over TLS", async () => {
    const response = await withPages.inject({
      method: "GET",
      url: "/api/health",
      remoteAddress: proxy,
      headers: { "x-forwarded-proto": "https" },
    });
    expect(response.headers["strict-transport-security"]).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });

  it("is not sent over plain HTTP, nor when an untrusted client claims TLS", async () => {
    const plain = await withPages.inject({ method: "GET", url: "/api/health" });
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
    const forged = await withPages.inject({
      method: "GET",
      url: "/api/health",
      remoteAddress: "198.51.100.9",
      headers: { "x-forwarded-proto": "https" },
    });
    expect(forged.headers["strict-transport-security"]).toBeUndefined();
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, loginAs, type TestApp } from "../test/test-app.ts";
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

/** Every security header an answer carries, exactly as the product has always sent them. */
const securityHeaders = {
  "content-security-policy":
    "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;font-src 'self' data:;connect-src 'self';worker-src 'self' blob:;manifest-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "origin-agent-cluster": "?1",
  "referrer-policy": "same-origin",
  "x-content-type-options": "nosniff",
  "x-dns-prefetch-control": "off",
  "x-download-options": "noopen",
  "x-frame-options": "DENY",
  "x-permitted-cross-domain-policies": "none",
  "x-xss-protection": "0",
};
const hsts = { "strict-transport-security": "max-age=31536000; includeSubDomains" };

function securityHeadersOf(headers: Record<string, unknown>) {
  const names = [...Object.keys(securityHeaders), "strict-transport-security", "x-powered-by"];
  return Object.fromEntries(names.filter((name) => name in headers).map((n) => [n, headers[n]]));
}

describe("the security headers of each kind of answer", () => {
  const scorecard = "/api/units/X01/scorecard?year=2024";
  let cookie: string;
  let etag: string;
  beforeAll(async () => {
    cookie = await loginAs(withPages, "admin");
    const first = await withPages.inject({ method: "GET", url: scorecard, headers: { cookie } });
    expect(first.statusCode).toBe(200);
    etag = String(first.headers.etag);
  });

  it.each([
    ["a page", "/", {}, 200],
    ["an API answer", scorecard, {}, 200],
    ["an API answer kept and asked again with its ETag", scorecard, { etag: true }, 304],
    ["an API error", "/api/units/KHONG/scorecard?year=2024", {}, 404],
    ["a request refused before its route", "/api/units/X01/scorecard?year=abc", {}, 400],
  ])("are the same set on %s", async (_label, url, options, status) => {
    const headers = { cookie, ...("etag" in options ? { "if-none-match": etag } : {}) };
    const plain = await withPages.inject({ method: "GET", url, headers });
    expect(plain.statusCode).toBe(status);
    expect(securityHeadersOf(plain.headers)).toEqual(securityHeaders);
    const overTls = await withPages.inject({
      method: "GET",
      url,
      remoteAddress: proxy,
      headers: { ...headers, "x-forwarded-proto": "https" },
    });
    expect(overTls.statusCode).toBe(status);
    expect(securityHeadersOf(overTls.headers)).toEqual({ ...securityHeaders, ...hsts });
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gunzipSync, gzipSync, brotliDecompressSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { createTestDatabase, type Database } from "@ntm/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "./build-server.ts";

const page = `<!doctype html><html><head><title>NTM Monitor</title><meta name="description" content="${"Nông thôn mới ".repeat(100)}" /></head></html>`;
const script = `export const app = "${"NTM ".repeat(300)}";`;

let database: Database;
let server: FastifyInstance;
let folder: string;

function writeWithCopies(path: string, content: string) {
  writeFileSync(path, content);
  writeFileSync(`${path}.br`, brotliCompressSync(content));
  writeFileSync(`${path}.gz`, gzipSync(content));
}

beforeAll(async () => {
  database = await createTestDatabase();
  folder = mkdtempSync(join(tmpdir(), "ntm-static-"));
  const webDist = join(folder, "dist");
  mkdirSync(join(webDist, "assets"), { recursive: true });
  writeWithCopies(join(webDist, "index.html"), page);
  writeWithCopies(join(webDist, "sw.js"), script);
  writeWithCopies(join(webDist, "assets", "app-C0ffee12.js"), script);
  writeFileSync(join(webDist, "assets", "icon-D4d5e6f7.png"), Buffer.from([137, 80, 78, 71]));
  server = await buildServer({ database, dataDir: folder, webDist });
});
afterAll(async () => {
  await server?.close();
  await database?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("the built web app", () => {
  it.each([
    ["a hashed script", "/assets/app-C0ffee12.js"],
    ["a hashed image", "/assets/icon-D4d5e6f7.png"],
  ])("is kept a year without revalidation: %s", async (_label, url) => {
    const response = await server.inject({ method: "GET", url });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it.each([
    ["the page", "/"],
    ["a deep link answered with the page", "/units/X01"],
    ["the service worker", "/sw.js"],
  ])("is revalidated on every visit: %s", async (_label, url) => {
    const response = await server.inject({ method: "GET", url });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-cache");
  });

  it("sends the Brotli copy written at build time to a browser that reads Brotli", async () => {
    const response = await server.inject({
      method: "GET",
      url: "/assets/app-C0ffee12.js",
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["content-type"]).toMatch(/javascript/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script);
  });

  it("sends the gzip copy to a browser that reads only gzip, and the page too", async () => {
    for (const url of ["/assets/app-C0ffee12.js", "/units/X01"]) {
      const response = await server.inject({
        method: "GET",
        url,
        headers: { "accept-encoding": "gzip" },
      });
      expect(response.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(response.rawPayload).toString()).toBe(
        url.startsWith("/assets") ? script : page,
      );
    }
  });

  it("sends the file itself to a client that asks for no compression", async () => {
    const response = await server.inject({
      method: "GET",
      url: "/assets/app-C0ffee12.js",
      headers: { "accept-encoding": "identity" },
    });
    expect(response.headers["content-encoding"]).toBeUndefined();
    expect(response.body).toBe(script);
  });
});

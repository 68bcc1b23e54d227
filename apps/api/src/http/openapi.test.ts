import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/test-app.ts";

const run = promisify(execFile);
const redocly = fileURLToPath(new URL("../../../../node_modules/.bin/redocly", import.meta.url));
const methods = ["get", "put", "post", "delete", "patch"] as const;

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}
interface OpenApiDocument {
  servers?: { url: string }[];
  security?: Record<string, string[]>[];
  components?: { securitySchemes?: Record<string, { type: string; in?: string; name?: string }> };
  paths: Record<string, Partial<Record<(typeof methods)[number], Operation>>>;
}

let t: TestApp;
let document: OpenApiDocument;
const operations: { key: string; operation: Operation }[] = [];
const scratch = mkdtempSync(join(tmpdir(), "ntm-openapi-"));

beforeAll(async () => {
  t = await createTestApp();
  const response = await t.app.inject({ method: "GET", url: "/api/docs/json" });
  document = response.json();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of methods) {
      const operation = item[method];
      if (operation) operations.push({ key: `${method.toUpperCase()} ${path}`, operation });
    }
  }
});
afterAll(async () => {
  await t?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe("the OpenAPI document", () => {
  it("passes Redocly's recommended rules with no error", async () => {
    const file = join(scratch, "openapi.json");
    writeFileSync(file, JSON.stringify(document));
    const result = await run(
      redocly,
      ["lint", file, "--extends", "recommended", "--format", "json", "--max-problems", "1000"],
      {
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        maxBuffer: 64 * 1024 * 1024,
      },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
    const report = JSON.parse(result.stdout) as {
      problems: {
        ruleId: string;
        severity: string;
        message: string;
        location: { pointer: string }[];
      }[];
    };
    const errors = report.problems
      .filter((problem) => problem.severity === "error")
      .map((problem) => `${problem.ruleId} ${problem.location[0]?.pointer}: ${problem.message}`);
    expect(errors).toEqual([]);
  });

  it("names every operation with a unique operationId", () => {
    const missing = operations.filter(({ operation }) => !operation.operationId).map((o) => o.key);
    expect(missing).toEqual([]);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("describes the success answer of every operation", () => {
    const undescribed = operations
      .filter(({ operation }) => {
        const success = Object.entries(operation.responses ?? {}).filter(([code]) =>
          code.startsWith("2"),
        );
        return !success.some(([, response]) =>
          Object.values(response.content ?? {}).some((media) => media.schema),
        );
      })
      .map((o) => o.key);
    expect(undescribed).toEqual([]);
  });

  it("requires the session cookie everywhere but on the public operations", () => {
    expect(document.components?.securitySchemes?.session).toEqual({
      type: "apiKey",
      in: "cookie",
      name: "ntm_session",
    });
    expect(document.security).toEqual([{ session: [] }]);
    const publicOperations = operations
      .filter(({ operation }) => operation.security?.length === 0)
      .map((o) => o.key)
      .sort();
    // The public page for residents lives under /api/public/ and nothing else there needs a session.
    expect(publicOperations.filter((key) => !key.includes(" /api/public/"))).toEqual([
      "GET /api/health",
      "GET /api/ready",
      "POST /api/auth/login",
    ]);
    const underPublic = operations.filter(({ key }) => key.includes(" /api/public/"));
    expect(underPublic.filter(({ operation }) => operation.security?.length !== 0)).toEqual([]);
    expect(underPublic.length).toBeGreaterThan(0);
    expect(document.servers?.length).toBeGreaterThan(0);
  });
});

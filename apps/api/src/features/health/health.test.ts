import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@ntm/db";
import { buildServer } from "../../http/build-server.ts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, "admin");
});
afterAll(() => t.close());

describe("health and framework behaviour", () => {
  it("answers /api/health with status ok and the database kind", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok", database: t.database.kind });
  });

  it("answers /api/ready without a session when the database is migrated to the last step", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/ready" });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ status: "ready", database: t.database.kind, storage: "local" });
    expect(body.migrations.pending).toBe(0);
    expect(body.migrations.applied).toBe(body.migrations.expected);
    expect(body.reason).toBeNull();
  });

  it("publishes an OpenAPI document listing the scorecard route", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/docs/json" });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe("NTM Monitor API");
    expect(Object.keys(document.paths)).toContain("/api/units/{code}/scorecard");
    const scorecard = document.paths["/api/units/{code}/scorecard"].get;
    const parameters = scorecard.parameters.map(
      (p: { name: string; in: string }) => `${p.in}:${p.name}`,
    );
    expect(parameters).toEqual(expect.arrayContaining(["path:code", "query:year"]));
  });

  it("answers an unknown /api/ path with a JSON 404", async () => {
    for (const method of ["GET", "POST"] as const) {
      const response = await t.app.inject({ method, url: "/api/khong-co" });
      expect(response.statusCode).toBe(404);
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
      expect(response.json()).toEqual({
        error: { code: "NOT_FOUND", message: "Không tìm thấy đường dẫn yêu cầu." },
      });
    }
  });

  it("answers a body with broken JSON with 400 VALIDATION_FAILED, not 500", async () => {
    const response = await t.app.inject({
      method: "PUT",
      url: "/api/units/X01/assessments/2024/values",
      headers: { cookie: admin, "content-type": "application/json" },
      payload: '{"version": 0, "values": [',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("VALIDATION_FAILED");
    expect(response.json().error.message).toBe("Nội dung JSON không hợp lệ.");
    expect(response.body).not.toMatch(/at .*\.js/);
  });

  it("answers an empty JSON body with 400 VALIDATION_FAILED", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/catalog/sets",
      headers: { cookie: admin, "content-type": "application/json" },
      payload: "",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("answers an unsupported content type with 415", async () => {
    const response = await t.app.inject({
      method: "PUT",
      url: "/api/units/X01/assessments/2024/values",
      headers: { cookie: admin, "content-type": "application/xml" },
      payload: "<values/>",
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });
});

describe("readiness", () => {
  it("is 503 with the reason while the database lacks the last migration", async () => {
    const db = t.database.db;
    const migrations = sql.raw("drizzle.__drizzle_migrations");
    const result = (await db.execute(
      sql`delete from ${migrations} where created_at = (select max(created_at) from ${migrations}) returning hash, created_at`,
    )) as unknown as { rows: { hash: string; created_at: string }[] };
    const [removed] = result.rows;
    try {
      const response = await t.app.inject({ method: "GET", url: "/api/ready" });
      expect(response.statusCode).toBe(503);
      const body = response.json();
      expect(body.status).toBe("not-ready");
      expect(body.migrations.pending).toBe(1);
      expect(body.migrations.applied).not.toBe(body.migrations.expected);
      expect(body.reason).toBe(
        `Cơ sở dữ liệu còn 1 bản cập nhật cấu trúc chưa áp dụng (đến ${body.migrations.expected}). Hãy khởi động lại một máy chủ để áp dụng.`,
      );
      const english = await t.app.inject({
        method: "GET",
        url: "/api/ready",
        headers: { "accept-language": "en" },
      });
      expect(english.json().reason).toMatch(/^The database lacks 1 schema migration \(up to /);
      // Live is not ready: the process itself still answers.
      expect((await t.app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    } finally {
      await db.execute(
        sql`insert into ${migrations} (hash, created_at) values (${removed?.hash}, ${removed?.created_at})`,
      );
    }
    expect((await t.app.inject({ method: "GET", url: "/api/ready" })).statusCode).toBe(200);
  });

  it("is 503 when the database does not answer, while /api/health stays 200", async () => {
    const database = await createTestDatabase();
    const app = await buildServer({ database, dataDir: t.dataDir });
    await database.close();
    const response = await app.inject({ method: "GET", url: "/api/ready" });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      status: "not-ready",
      reason: "Không kết nối được cơ sở dữ liệu.",
      migrations: { applied: null },
    });
    expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    await app.close();
  });
});

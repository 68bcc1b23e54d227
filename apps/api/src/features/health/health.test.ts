import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

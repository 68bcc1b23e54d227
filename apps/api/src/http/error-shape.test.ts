import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorBodySchema } from "@ntm/contracts";
import { createTestApp, loginAs, type TestApp } from "../test/test-app.ts";

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, "admin");
});
afterAll(() => t.close());

interface Answer {
  statusCode: number;
  body: string;
  json: () => unknown;
}

/** A 4xx answer in the product's shape, never Fastify's own `{statusCode, error, message}`. */
function expectProductError(response: Answer, status: number, code?: string) {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json() as Record<string, unknown>;
  expect(errorBodySchema.safeParse(body).success, response.body).toBe(true);
  expect(body).not.toHaveProperty("statusCode");
  if (code) expect((body.error as { code: string }).code).toBe(code);
  return (body.error as { message: string }).message;
}

const asEnglish = { "accept-language": "en" };

describe("bad input never answers 500", () => {
  it.each([
    ["a query parameter", "/api/units?q=a%00b"],
    ["a path parameter", "/api/units/X0%001"],
    ["a path parameter of a nested route", "/api/units/X01/scorecard?year=2024&x=%00"],
  ])("refuses a NUL byte in %s with 400", async (_where, url) => {
    const response = await t.app.inject({ method: "GET", url, headers: { cookie: admin } });
    expect(expectProductError(response, 400, "VALIDATION_FAILED")).toContain("ký tự NUL");
  });

  it("refuses a NUL byte in a JSON body, in a value or a key, with 400", async () => {
    for (const payload of [
      { version: 0, values: [{ indicatorCode: "3.1\u0000", value: 1 }] },
      { version: 0, values: [{ indicatorCode: "3.1", value: 1, note: "a\u0000b" }] },
      { version: 0, values: [{ indicatorCode: "3.1", value: 1 }], "x\u0000": 1 },
    ]) {
      const response = await t.app.inject({
        method: "PUT",
        url: "/api/units/X01/assessments/2024/values",
        headers: { cookie: admin },
        payload,
      });
      expectProductError(response, 400, "VALIDATION_FAILED");
    }
  });

  it("refuses a NUL byte in a header with 400", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/units",
      headers: { cookie: admin, "x-note": "a\u0000b" },
    });
    expectProductError(response, 400, "VALIDATION_FAILED");
  });

  it.each([
    "/api/catalog/sets/99999999999",
    "/api/catalog/sets/2147483648",
    "/api/dossiers/9007199254740993",
    "/api/reports/1e12",
    "/api/targets/99999999999/progress?year=2024",
    "/api/evidence/99999999999",
  ])("refuses an id beyond the database's integer range (%s) with 400 or 404", async (url) => {
    const response = await t.app.inject({ method: "GET", url, headers: { cookie: admin } });
    expect([400, 404]).toContain(response.statusCode);
    expectProductError(response, response.statusCode);
  });

  it("refuses a version beyond the integer range with 400", async () => {
    const response = await t.app.inject({
      method: "PUT",
      url: "/api/units/X01/assessments/2024/values",
      headers: { cookie: admin },
      payload: { version: 1e12, values: [{ indicatorCode: "3.1", value: 50 }] },
    });
    expectProductError(response, 400, "VALIDATION_FAILED");
  });

  it("refuses a multipart upload without a boundary with 400", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/import/values",
      headers: { cookie: admin, "content-type": "multipart/form-data" },
      payload: "--x\r\n\r\n",
    });
    expect(expectProductError(response, 400, "VALIDATION_FAILED")).toContain("boundary");
  });

  it("refuses a multipart upload cut short with 400", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/import/values",
      headers: { cookie: admin, "content-type": "multipart/form-data; boundary=abc" },
      payload:
        '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nma_xa,nam',
    });
    expectProductError(response, 400, "VALIDATION_FAILED");
  });
});

describe("every framework error in the product's shape and language", () => {
  it("answers a path part over 100 characters with 414, in Vietnamese or English", async () => {
    const url = `/api/units/${"X".repeat(150)}`;
    const vi = await t.app.inject({ method: "GET", url, headers: { cookie: admin } });
    expect(expectProductError(vi, 414, "VALIDATION_FAILED")).toContain("quá dài");
    const en = await t.app.inject({ method: "GET", url, headers: { cookie: admin, ...asEnglish } });
    expect(expectProductError(en, 414)).toContain("too long");
  });

  it("answers a malformed % escape with 400", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/units/%E0%A4%A",
      headers: { cookie: admin },
    });
    expect(expectProductError(response, 400, "VALIDATION_FAILED")).toContain("Đường dẫn");
  });

  it("answers an unknown path with 404 in English when asked", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/khong-co",
      headers: asEnglish,
    });
    expect(expectProductError(response, 404, "NOT_FOUND")).toBe("No such path.");
  });

  it("answers broken JSON, an oversized body and an unknown content type in English", async () => {
    const url = "/api/units/X01/assessments/2024/values";
    const headers = { cookie: admin, ...asEnglish, "content-type": "application/json" };
    const broken = await t.app.inject({ method: "PUT", url, headers, payload: '{"version":' });
    expect(expectProductError(broken, 400)).toBe("The JSON body is malformed.");
    const large = await t.app.inject({
      method: "PUT",
      url,
      headers,
      payload: JSON.stringify({ version: 0, values: [], pad: "x".repeat(1_100_000) }),
    });
    expect(expectProductError(large, 413, "PAYLOAD_TOO_LARGE")).toContain("at most 1 MB");
    const xml = await t.app.inject({
      method: "PUT",
      url,
      headers: { ...headers, "content-type": "application/xml" },
      payload: "<values/>",
    });
    expect(expectProductError(xml, 415, "UNSUPPORTED_MEDIA_TYPE")).toContain("Unsupported");
  });

  it("answers a request Node's HTTP parser refuses in the product's shape", async () => {
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => socket.write("NOT HTTP AT ALL\r\n\r\n"));
      let received = "";
      socket.on("data", (chunk) => (received += chunk.toString()));
      socket.on("end", () => resolve(received));
      socket.on("error", reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    const body = JSON.parse(raw.slice(raw.indexOf("\r\n\r\n") + 4)) as unknown;
    expect(errorBodySchema.parse(body).error.message).toContain("không đúng định dạng");
  });
});

describe("anonymous requests and validation messages", () => {
  it("answers an anonymous request with a bad body 401, not 400", async () => {
    for (const payload of ['{"version":', '{"version":"x"}']) {
      const response = await t.app.inject({
        method: "PUT",
        url: "/api/units/X01/assessments/2024/values",
        headers: { "content-type": "application/json" },
        payload,
      });
      expectProductError(response, 401, "UNAUTHENTICATED");
    }
  });

  it("still answers the public routes without a session", async () => {
    const health = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(health.statusCode).toBe(200);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "", password: "" },
    });
    expectProductError(login, 400, "VALIDATION_FAILED");
  });

  it("says a value must be a number with a decimal comma, naming the indicator, not a path", async () => {
    const request = (headers: Record<string, string>) =>
      t.app.inject({
        method: "PUT",
        url: "/api/units/X01/assessments/2024/values",
        headers: { cookie: admin, ...headers },
        payload: { version: 0, values: [{ indicatorCode: "3.1", value: "12,5" }] },
      });
    const vi = expectProductError(await request({}), 400, "VALIDATION_FAILED");
    expect(vi).toContain("chỉ tiêu 3.1: Giá trị phải là một số");
    expect(vi).toContain("dùng dấu phẩy cho phần thập phân, ví dụ 12,5");
    expect(vi).not.toContain("body/values");
    expect(vi).not.toContain("Đầu vào không hợp lệ");
    const en = expectProductError(await request(asEnglish), 400);
    expect(en).toContain("indicator 3.1: The value must be a number");
  });

  it("words zod's own messages in English when asked", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/units/X01/summary?year=abc",
      headers: { cookie: admin, ...asEnglish },
    });
    const message = expectProductError(response, 400, "VALIDATION_FAILED");
    expect(message).toMatch(/^Invalid input — parameter "year": /);
    expect(message).not.toMatch(/[ăâđêôơư]/);
  });
});

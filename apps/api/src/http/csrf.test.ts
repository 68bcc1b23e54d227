import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tables } from "@ntm/db";
import { createTestApp, loginAs, testPassword, type TestApp } from "../test/test-app.ts";
import { configuredServer } from "../test/configured-server.ts";
import { multipartBody, multipartContentType } from "../test/multipart.ts";

let t: TestApp;
let xa1: string;
let huyen: string;

beforeAll(async () => {
  t = await createTestApp();
  xa1 = await loginAs(t.app, "xa1");
  huyen = await loginAs(t.app, "huyen");
});
afterAll(() => t.close());

const evil = "https://evil.example";
// app.inject addresses every request to Host localhost:80.
const own = "http://localhost";
const refusal = {
  error: {
    code: "FORBIDDEN",
    message:
      "Yêu cầu bị từ chối vì không xuất phát từ trang của NTM Monitor. Hãy mở lại ứng dụng từ địa chỉ chính thức rồi thử lại.",
  },
};

function putValues(headers: Record<string, string>, value = 50) {
  return t.app.inject({
    method: "PUT",
    url: "/api/units/X01/assessments/2024/values",
    headers: { cookie: xa1, ...headers },
    payload: { version: 0, values: [{ indicatorCode: "3.1", value }] },
  });
}

function uploadEvidence(headers: Record<string, string>) {
  return t.app.inject({
    method: "POST",
    url: "/api/units/X01/assessments/2024/evidence",
    headers: {
      cookie: xa1,
      "content-type": multipartContentType,
      ...headers,
    },
    payload: multipartBody(
      { indicatorCode: "3.1" },
      { name: "bien-ban.pdf", content: Buffer.from("%PDF-1.4\n%%EOF\n") },
    ),
  });
}

function importValues(headers: Record<string, string>) {
  return t.app.inject({
    method: "POST",
    url: "/api/import/values?dryRun=true",
    headers: {
      cookie: huyen,
      "content-type": multipartContentType,
      ...headers,
    },
    payload: multipartBody({}, { name: "so-lieu.csv", content: Buffer.from("unit,year\n") }),
  });
}

async function storedValueCount() {
  const rows = await t.database.db.select().from(tables.assessmentValues);
  return rows.length;
}

async function evidenceCount() {
  return (await t.database.db.select().from(tables.evidenceFiles)).length;
}

describe("writes sent by another site's page", () => {
  it("refuses PUT values with Origin: https://evil.example and stores nothing", async () => {
    const before = await storedValueCount();
    const response = await putValues({ origin: evil });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual(refusal);
    expect(await storedValueCount()).toBe(before);
  });

  it("refuses an evidence upload from another site and keeps no file", async () => {
    const before = await evidenceCount();
    const response = await uploadEvidence({ origin: evil });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual(refusal);
    expect(await evidenceCount()).toBe(before);
  });

  it("refuses an import from another site", async () => {
    const response = await importValues({ origin: evil });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual(refusal);
  });

  it.each([
    ["Sec-Fetch-Site: cross-site without Origin", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site (a sibling subdomain)", { "sec-fetch-site": "same-site" }],
    ["Origin: null (a sandboxed or privacy-stripped page)", { origin: "null" }],
    ["the same host over another scheme", { origin: "https://localhost" }],
    ["the same host on another port", { origin: "http://localhost:8080" }],
  ])("refuses %s", async (_label, headers) => {
    const response = await putValues(headers);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual(refusal);
  });

  it("refuses a login and a logout from another site (login and logout forgery)", async () => {
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { origin: evil },
      payload: { username: "xa1", password: testPassword },
    });
    expect(login.statusCode).toBe(403);
    expect(login.cookies).toHaveLength(0);
    const logout = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { origin: evil, cookie: xa1 },
    });
    expect(logout.statusCode).toBe(403);
    const me = await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: xa1 } });
    expect(me.statusCode).toBe(200);
  });

  it("answers in English on request", async () => {
    const response = await putValues({ origin: evil, "accept-language": "en" });
    expect(response.json().error.message).toBe(
      "Request refused: it did not come from NTM Monitor's own pages. Open the app from its official address and try again.",
    );
  });
});

describe("writes from the app's own pages and from programs", () => {
  it("accepts PUT values from the same origin", async () => {
    const response = await putValues({ origin: own, "sec-fetch-site": "same-origin" });
    expect(response.statusCode).toBe(200);
    const rows = await t.database.db
      .select()
      .from(tables.assessmentValues)
      .where(eq(tables.assessmentValues.indicatorCode, "3.1"));
    expect(rows.length).toBeGreaterThan(0);
  });

  it("accepts an evidence upload and an import check from the same origin", async () => {
    expect((await uploadEvidence({ origin: own })).statusCode).toBe(201);
    expect((await importValues({ origin: own })).statusCode).not.toBe(403);
  });

  it("accepts Sec-Fetch-Site: same-origin when the browser sends no Origin", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { "sec-fetch-site": "same-origin" },
    });
    expect(response.statusCode).toBe(200);
  });

  it("accepts a request with neither header: a program (the command line, curl), not a browser", async () => {
    const response = await t.app.inject({ method: "POST", url: "/api/auth/logout" });
    expect(response.statusCode).toBe(200);
  });

  it("accepts the configured public address (NTM_PUBLIC_URL) when the proxy rewrites the host", async () => {
    const app = await configuredServer(t, { NTM_PUBLIC_URL: "https://ntm.example.vn" });
    const allowed = await app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { origin: "https://ntm.example.vn" },
    });
    expect(allowed.statusCode).toBe(200);
    const refused = await app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { origin: "https://ntm.example.vn.evil.example" },
    });
    expect(refused.statusCode).toBe(403);
    await app.close();
  });

  it("accepts the origin a trusted proxy names with X-Forwarded-Proto and X-Forwarded-Host", async () => {
    const app = await configuredServer(t, { NTM_TRUST_PROXY: "10.20.0.2" });
    const headers = {
      origin: "https://ntm.tinh.gov.vn",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "ntm.tinh.gov.vn",
    };
    const viaProxy = await app.inject({
      method: "POST",
      url: "/api/auth/logout",
      remoteAddress: "10.20.0.2",
      headers,
    });
    expect(viaProxy.statusCode).toBe(200);
    // The same headers from an untrusted client do not make its origin ours.
    const forged = await app.inject({
      method: "POST",
      url: "/api/auth/logout",
      remoteAddress: "198.51.100.9",
      headers,
    });
    expect(forged.statusCode).toBe(403);
    await app.close();
  });

  it("never checks reads", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { cookie: xa1, origin: evil, "sec-fetch-site": "cross-site" },
    });
    expect(response.statusCode).toBe(200);
  });
});

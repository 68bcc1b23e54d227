import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, loginAs, type TestApp } from "../test/test-app.ts";

const loaded = (name: string) =>
  Object.keys(createRequire(import.meta.url).cache).some((path) =>
    path.includes(`/node_modules/${name}/`),
  );

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("packages loaded on first use", () => {
  it("starts the server without the spreadsheet, PDF, S3 and e-mail packages, and loads ExcelJS for the first export", async () => {
    expect(loaded("exceljs")).toBe(false);
    expect(loaded("pdfkit")).toBe(false);
    expect(loaded("@aws-sdk/client-s3")).toBe(false);
    expect(loaded("nodemailer")).toBe(false);

    const response = await t.app.inject({
      method: "GET",
      url: "/api/units/P01/communes.xlsx?year=2024",
      headers: { cookie: await loginAs(t.app, "admin") },
    });

    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(loaded("exceljs")).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { tables } from "@ntm/db";
import type {
  MyTasksResponse,
  OcopListResponse,
  OcopProductDetail,
  TargetWithProgress,
} from "@ntm/contracts";
import { createTestApp, fixedNow, loginAs, type TestApp } from "../../test/test-app.ts";
import { multipart } from "../../test/multipart.ts";
import { sendOcopNotices } from "./ocop-notices.ts";
import { importSetWithOcop } from "../../test/ocop-set.ts";
import { ocopSheet, ocopSheetRow } from "../../test/ocop-sheet.ts";

// The test clock is 2024-06-15 (Asia/Ho_Chi_Minh).
let t: TestApp;
const cookies: Record<string, string> = {};

async function call(
  user: string,
  method: "GET" | "POST" | "PUT",
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method,
    url,
    headers: { ...headers, ...(cookies[user] ? { cookie: cookies[user] } : {}) },
    ...(payload ? { payload } : {}),
  });
}

async function ok<T>(user: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) {
  const response = await call(user, method, url, payload);
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.json() as T;
}

const certificate = (over: object = {}) => ({
  scores: { A: 30, B: 15, C: 15 },
  stars: 3,
  decisionNumber: "123/QĐ-UBND",
  decisionDate: "2021-07-01",
  issuer: "UBND tỉnh Thử Nghiệm",
  issuerLevel: "province",
  ...over,
});
const product = (over: object = {}, certificateOver: object = {}) => ({
  name: "Cà phê Đăk Pék",
  producerKind: "cooperative",
  producerName: "HTX Cà phê Đăk Pék",
  producerEmail: "htx@example.vn",
  groupCode: "beverage",
  communeCode: "X01",
  certificate: certificate(certificateOver),
  ...over,
});

async function counts() {
  const db = t.database.db;
  return {
    products: (await db.select().from(tables.ocopProducts)).length,
    certificates: (await db.select().from(tables.ocopCertificates)).length,
    events: (await db.select().from(tables.ocopEvents)).length,
    audit: (await db.select().from(tables.auditLog)).length,
  };
}

async function scorecardValue(code: string, indicator: string) {
  const card = await ok<{ values: Record<string, number | boolean> }>(
    "admin",
    "GET",
    `/api/units/${code}/scorecard?year=2024`,
  );
  const value = card.values[indicator];
  return value === undefined ? undefined : String(value);
}

let coffee: OcopProductDetail;
let targetId = 0;

beforeAll(async () => {
  t = await createTestApp();
  await importSetWithOcop(t.database.db);
  for (const user of ["admin", "vpdp", "so-nn", "huyen", "xa1", "xa3", "xem", "admin2", "so-nn2"]) {
    cookies[user] = await loginAs(t.app, user);
  }
  // An assessment of X01 for 2024, whose OCOP indicator the registry fills in.
  await ok("admin", "PUT", "/api/units/X01/assessments/2024/values", {
    version: 0,
    values: [{ indicatorCode: "3.1", value: 85 }],
  });
});
afterAll(() => t?.close());

describe("registering a certified product", () => {
  it("stores the product, rates it from its scores and audits it", async () => {
    const before = await counts();
    const response = await call("so-nn", "POST", "/api/ocop/products", product());
    expect(response.statusCode, response.body).toBe(201);
    coffee = response.json();
    expect(coffee).toMatchObject({
      name: "Cà phê Đăk Pék",
      group: { code: "beverage", name: "Đồ uống" },
      commune: { code: "X01", name: "Xã Đăk Pék" },
      certificate: { stars: 3, total: 60, expiresOn: "2024-07-01", origin: "certified" },
      status: { status: "expiring", daysLeft: 16 },
      canWrite: true,
    });
    expect(coffee.reasons.join(" ")).toContain("Từ 50 đến 69 điểm: hạng 3 sao theo 1048/QĐ-TTg");
    expect(coffee.basis).toMatchObject({ document: "1048/QĐ-TTg", status: "confirmed" });
    const after = await counts();
    expect(after.products - before.products).toBe(1);
    expect(after.events - before.events).toBe(1);
    const audit = await t.database.db
      .select()
      .from(tables.auditLog)
      .where(eq(tables.auditLog.action, "ocop.register"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      username: "so-nn",
      unitCode: "X01",
      entityType: "ocop_product",
    });
  });

  it("writes the registry's count on 31/12 into the indicator that reads it, with its source", async () => {
    // Valid today, but its 36 months end on 1/7/2024: on 31/12/2024 it no longer counts.
    expect(await scorecardValue("X01", "13.6")).toBe("0");
    const [value] = await t.database.db
      .select()
      .from(tables.assessmentValues)
      .where(eq(tables.assessmentValues.indicatorCode, "13.6"));
    expect(value).toMatchObject({ unitCode: "X01", year: 2024, numValue: 0 });
    expect(value?.note).toBe("Sổ sản phẩm OCOP: 0 sản phẩm từ 3 sao còn hiệu lực ngày 31/12/2024.");
  });

  it("puts the expiring certificate in 'Việc của tôi' of those who may re-evaluate it", async () => {
    const tasks = async (user: string) =>
      (await ok<MyTasksResponse>(user, "GET", "/api/me/tasks")).tasks.filter(
        (task) => task.kind === "ocop_expiry",
      );
    expect(await tasks("so-nn")).toEqual([
      expect.objectContaining({
        id: `ocop:${coffee.certificate.id}`,
        unit: { code: "X01", name: "Xã Đăk Pék" },
        due: "2024-06-30",
        productName: "Cà phê Đăk Pék",
        daysLeft: 16,
      }),
    ]);
    expect(await tasks("xa1")).toEqual([]);
    expect(await tasks("admin2")).toEqual([]);
  });

  it("mails one notice per certificate, however often the day's job runs", async () => {
    const mail = {
      smtpUrl: "smtp://127.0.0.1:25",
      from: "ntm@example.vn",
      intervalSeconds: 60,
      linkBase: "",
    };
    const first = await sendOcopNotices(t.database.db, { now: fixedNow, mail });
    expect(first.sent).toEqual([{ certificateId: coffee.certificate.id, to: ["htx@example.vn"] }]);
    const again = await sendOcopNotices(t.database.db, { now: fixedNow, mail });
    expect(again.sent).toEqual([]);
    const outbox = await t.database.db.select().from(tables.mailOutbox);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.subject).toBe("[OCOP] Sắp hết hạn giấy chứng nhận: Cà phê Đăk Pék");
    expect(outbox[0]?.body).toContain("hết hiệu lực từ ngày 01/07/2024 (còn 16 ngày");
  });

  it("refuses the same product of the same producer twice (409)", async () => {
    const response = await call("admin", "POST", "/api/ocop/products", product());
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain("đã có trong sổ OCOP");
  });
});

describe("bad input: 4xx with a Vietnamese message, nothing changed", () => {
  const cases: [string, object, string][] = [
    ["stars out of band", product({ name: "Sản phẩm A" }, { stars: 6 }), "cao nhất 5 sao"],
    ["stars below 3", product({ name: "Sản phẩm B" }, { stars: 2 }), "từ 3 sao"],
    [
      "stars not matching the total",
      product({ name: "Sản phẩm C" }, { stars: 5 }),
      "Số sao 5 không khớp tổng điểm 60",
    ],
    [
      "a part over its maximum",
      product({ name: "Sản phẩm D" }, { scores: { A: 45, B: 20, C: 20 } }),
      "tối đa 40 điểm",
    ],
    [
      "a total under 50",
      product({ name: "Sản phẩm E" }, { scores: { A: 20, B: 10, C: 10 } }),
      "không đạt 3 sao",
    ],
    [
      "an expired certificate",
      product({ name: "Sản phẩm F" }, { decisionDate: "2021-06-14" }),
      "đã hết hiệu lực từ ngày 14/06/2024",
    ],
    [
      "a decision dated after today",
      product({ name: "Sản phẩm G" }, { decisionDate: "2024-06-16" }),
      "sau hôm nay",
    ],
    [
      "an unknown group",
      product({ name: "Sản phẩm H", groupCode: "cars" }),
      "6 nhóm của QĐ 148/QĐ-TTg",
    ],
    [
      "a 5-star certificate from a province",
      product({ name: "Sản phẩm I" }, { scores: { A: 40, B: 25, C: 30 }, stars: 5 }),
      "5 sao do Trung ương",
    ],
    [
      "a ward that is not a commune",
      product({ name: "Sản phẩm J", communeCode: "D01" }),
      "không phải là xã",
    ],
  ];

  it.each(cases)("%s", async (_label, body, message) => {
    const before = await counts();
    const response = await call("admin", "POST", "/api/ocop/products", body);
    expect(response.statusCode, response.body).toBe(400);
    expect(JSON.stringify(response.json().error)).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it("answers in English when asked", async () => {
    const response = await call(
      "admin",
      "POST",
      "/api/ocop/products",
      product({ name: "Sản phẩm K" }, { stars: 5 }),
      { "accept-language": "en" },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe("The OCOP certificate is not valid.");
  });
});

describe("the lifecycle", () => {
  it("is expiring within 30 days and expired after 36 months", async () => {
    const list = await ok<OcopListResponse>("xa1", "GET", "/api/ocop/products?unitCode=X01");
    expect(list.products.map((p) => p.status.status)).toEqual(["expiring"]);
    expect(list.tally).toMatchObject({ total: 1, expiring: 1 });
    const later = await ok<OcopListResponse>(
      "xa1",
      "GET",
      "/api/ocop/products?unitCode=X01&asOf=2024-07-01",
    );
    expect(later.products[0]?.status).toMatchObject({ status: "expired", name: "Hết hạn" });
    expect(later.tally).toMatchObject({ total: 0, expired: 1 });
  });

  it("counts toward a target of 4-star products from the registry, naming those behind", async () => {
    const created = await ok<{ id: number }>("admin", "POST", "/api/targets", {
      unitCode: "P01",
      name: "Ít nhất 1 sản phẩm OCOP 4 sao năm 2024",
      kind: "ocopProducts",
      baselineYear: 2023,
      deadlineYear: 2024,
      value: 1,
      minStars: 4,
    });
    targetId = created.id;
    const { target, progress } = await ok<TargetWithProgress>(
      "admin",
      "GET",
      `/api/targets/${targetId}/progress?year=2024`,
    );
    expect(target).toMatchObject({ kind: "ocopProducts", minStars: 4 });
    expect(target.requirement).toBe("1 sản phẩm OCOP từ 4 sao còn hiệu lực đến năm 2024");
    expect(progress).toMatchObject({ status: "offTrack", actual: 0, unit: "sản phẩm" });
    expect(progress.behind).toEqual([
      expect.objectContaining({ code: "X01", name: "Cà phê Đăk Pék", parentName: "Xã Đăk Pék" }),
    ]);
    expect(progress.behind[0]?.missing[0]).toContain("Hết hạn");
  });

  it("re-evaluates to 4 stars with a new certificate; the history keeps both", async () => {
    const before = await counts();
    const response = await call("vpdp", "POST", `/api/ocop/products/${coffee.id}/reevaluations`, {
      version: coffee.version,
      certificate: certificate({
        scores: { A: 32, B: 20, C: 24 },
        stars: 4,
        decisionNumber: "456/QĐ-UBND",
        decisionDate: "2024-06-10",
      }),
    });
    expect(response.statusCode, response.body).toBe(200);
    const body: OcopProductDetail = response.json();
    expect(body.certificate).toMatchObject({ stars: 4, total: 76, expiresOn: "2027-06-10" });
    expect(body.status.status).toBe("valid");
    expect(body.certificates.map((c) => c.stars)).toEqual([4, 3]);
    expect(body.history.map((e) => e.action)).toEqual(["reevaluate", "notice", "register"]);
    expect(body.history[0]?.note).toContain("3 sao → 4 sao");
    const after = await counts();
    expect(after.certificates - before.certificates).toBe(1);
    expect(await scorecardValue("X01", "13.6")).toBe("1");
    const { progress } = await ok<TargetWithProgress>(
      "admin",
      "GET",
      `/api/targets/${targetId}/progress?year=2024`,
    );
    expect(progress).toMatchObject({ status: "met", actual: 1, behind: [] });
    coffee = body;
  });

  it("refuses a stale version (409) and a re-evaluation dated before the last one", async () => {
    const stale = await call("admin", "POST", `/api/ocop/products/${coffee.id}/reevaluations`, {
      version: coffee.version - 1,
      certificate: certificate({ decisionDate: "2024-06-12" }),
    });
    expect(stale.statusCode).toBe(409);
    const early = await call("admin", "POST", `/api/ocop/products/${coffee.id}/reevaluations`, {
      version: coffee.version,
      certificate: certificate({ decisionDate: "2024-06-01" }),
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain("phải sau ngày của giấy chứng nhận trước");
  });

  it("revokes with a reason; the registry stops counting the product", async () => {
    const bad = await call("admin", "POST", `/api/ocop/products/${coffee.id}/revocation`, {
      version: coffee.version,
      revokedOn: "2024-07-01",
      reason: "Vi phạm an toàn thực phẩm",
      decisionNumber: "789/QĐ-UBND",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("sau hôm nay");
    const response = await call("admin", "POST", `/api/ocop/products/${coffee.id}/revocation`, {
      version: coffee.version,
      revokedOn: "2024-06-14",
      reason: "Vi phạm an toàn thực phẩm",
      decisionNumber: "789/QĐ-UBND",
    });
    expect(response.statusCode, response.body).toBe(200);
    const body: OcopProductDetail = response.json();
    expect(body.status).toMatchObject({ status: "revoked" });
    expect(body.status.reason).toContain("Vi phạm an toàn thực phẩm");
    expect(await scorecardValue("X01", "13.6")).toBe("0");
    const again = await call("admin", "POST", `/api/ocop/products/${coffee.id}/revocation`, {
      version: body.version,
      revokedOn: "2024-06-15",
      reason: "Lần nữa",
      decisionNumber: "790/QĐ-UBND",
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain("đã bị thu hồi");
    coffee = body;
  });
});

describe("the list: filters and export", () => {
  beforeAll(async () => {
    await ok("admin", "POST", "/api/ocop/products", {
      ...product({ name: "Mật ong rừng", groupCode: "food", communeCode: "X03" }),
      certificate: certificate({
        scores: { A: 35, B: 20, C: 20 },
        stars: 4,
        decisionDate: "2023-09-01",
      }),
    });
    await ok("admin", "POST", "/api/ocop/products", {
      ...product({ name: "Chè dây", groupCode: "herbal", communeCode: "X02" }),
      certificate: certificate({ decisionDate: "2021-08-01" }),
    });
  });

  it("filters by group, stars, commune and expiry", async () => {
    const names = async (query: string) =>
      (
        await ok<OcopListResponse>("admin", "GET", `/api/ocop/products?unitCode=P01&${query}`)
      ).products.map((p) => p.name);
    expect(await names("group=food")).toEqual(["Mật ong rừng"]);
    expect(await names("stars=4")).toEqual(["Cà phê Đăk Pék", "Mật ong rừng"]);
    expect(await names("commune=X02")).toEqual(["Chè dây"]);
    expect(await names("expiringWithin=60")).toEqual(["Chè dây"]);
    expect(await names("status=revoked")).toEqual(["Cà phê Đăk Pék"]);
    expect(await names("q=mat ong")).toEqual(["Mật ong rừng"]);
  });

  it("exports the filtered list as a workbook", async () => {
    const response = await call("admin", "GET", "/api/ocop/products.xlsx?unitCode=P01&group=food");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    expect(response.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });
});

describe("access: every denial", () => {
  it("shows a commune officer its own commune's products only", async () => {
    const own = await ok<OcopListResponse>("xa1", "GET", "/api/ocop/products?unitCode=X01");
    expect(own.products.map((p) => p.name)).toEqual(["Cà phê Đăk Pék"]);
    expect(own.canWrite).toBe(false);
    const other = await call("xa1", "GET", "/api/ocop/products?unitCode=X03");
    expect(other.statusCode).toBe(403);
    const province = await call("xa1", "GET", "/api/ocop/products?unitCode=P01");
    expect(province.statusCode).toBe(403);
    const honey = (await ok<OcopListResponse>("admin", "GET", "/api/ocop/products?unitCode=X03"))
      .products[0];
    expect((await call("xa1", "GET", `/api/ocop/products/${honey?.id}`)).statusCode).toBe(404);
  });

  it.each(["xa1", "huyen", "xem"])("refuses %s any change (403)", async (user) => {
    const before = await counts();
    const created = await call(user, "POST", "/api/ocop/products", product({ name: `Z ${user}` }));
    expect(created.statusCode).toBe(403);
    const revoked = await call(user, "POST", `/api/ocop/products/${coffee.id}/reevaluations`, {
      version: coffee.version,
      certificate: certificate({ decisionDate: "2024-06-14" }),
    });
    expect(revoked.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("keeps another province out entirely", async () => {
    expect((await call("admin2", "GET", "/api/ocop/products?unitCode=P01")).statusCode).toBe(403);
    expect((await call("admin2", "GET", `/api/ocop/products/${coffee.id}`)).statusCode).toBe(404);
    const created = await call(
      "so-nn2",
      "POST",
      "/api/ocop/products",
      product({ name: "Sản phẩm Y" }),
    );
    expect(created.statusCode).toBe(403);
    const list = await ok<OcopListResponse>("admin2", "GET", "/api/ocop/products?unitCode=P02");
    expect(list.products).toEqual([]);
  });
});

describe("importing a province's existing list", () => {
  const row = ocopSheetRow;
  async function upload(rows: Record<string, string | number>[], user = "admin") {
    const body = multipart(
      {},
      {
        name: "ocop.xlsx",
        content: await ocopSheet(rows),
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
    );
    return t.app.inject({
      method: "POST",
      url: "/api/ocop/import?unitCode=P01",
      headers: { cookie: cookies[user] as string, "content-type": body.contentType },
      payload: body.payload,
    });
  }

  it("refuses the whole file, cell by cell in Vietnamese, when one cell is wrong", async () => {
    const before = await counts();
    const response = await upload([
      row("Miến dong"),
      row("Gạo lứt", { stars: 5, group: "Ô tô" }),
      row("Tương ớt", { decisionDate: "05/03/2020" }),
    ]);
    expect(response.statusCode, response.body).toBe(400);
    const error = response.json().error;
    expect(error.message).toContain("chưa lưu sản phẩm nào");
    expect(error.details).toEqual(
      expect.arrayContaining([
        { path: 'Dòng 3, cột "Nhóm sản phẩm"', message: expect.stringContaining("6 nhóm") },
        { path: "Dòng 4", message: expect.stringContaining("đã hết hiệu lực") },
      ]),
    );
    expect(await counts()).toEqual(before);
  });

  it("registers every row of a correct file at once, marked as imported", async () => {
    const response = await upload([row("Miến dong"), row("Gạo lứt", { stars: 4 })]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ imported: 2 });
    const list = await ok<OcopListResponse>(
      "admin",
      "GET",
      "/api/ocop/products?unitCode=X02&q=mien dong",
    );
    expect(list.products[0]?.certificate).toMatchObject({ origin: "imported", stars: 4 });
  });

  it("refuses the file of an account that may not change the registry (403)", async () => {
    expect((await upload([row("Bánh tráng")], "xa1")).statusCode).toBe(403);
  });
});

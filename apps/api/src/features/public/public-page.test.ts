import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows, tables } from "@ntm/db";
import { tinyPdf } from "../../test/multipart.ts";
import { createLocalStorage } from "../../shared/storage/index.ts";
import { systemUser } from "../auth/index.ts";
import { importRecognitions } from "../dossiers/index.ts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";

// The province's public page: what the province admin publishes, year by year, is all an
// anonymous caller reaches; everything else answers the same 404.
type Value = { indicatorCode: string; value: number | boolean };
/** 2/2 criteria of the test set. */
const allMet: Value[] = [
  { indicatorCode: "3.1", value: 95 },
  { indicatorCode: "3.2", value: true },
  { indicatorCode: "10.1", value: 60 },
  { indicatorCode: "10.2", value: 2 },
];
/** 1/2 criteria: irrigation met, the other not. */
const irrigationOnly: Value[] = [
  { indicatorCode: "3.1", value: 95 },
  { indicatorCode: "3.2", value: true },
  { indicatorCode: "10.1", value: 30 },
  { indicatorCode: "10.2", value: 4 },
];

const cookies: Record<string, string> = {};
const world = {
  t: undefined as unknown as TestApp,
  call: (user: string, method: "GET" | "POST" | "PUT", url: string, payload?: unknown) =>
    world.t.app.inject({
      method,
      url,
      headers: { cookie: cookies[user] as string },
      ...(payload === undefined ? {} : { payload: payload as object }),
    }),
  ok: async <T>(user: string, method: "GET" | "POST" | "PUT", url: string, payload?: unknown) => {
    const response = await world.call(user, method, url, payload);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json<T>();
  },
  save: (code: string, year: number, values: Value[]) =>
    world.ok("admin", "PUT", `/api/units/${code}/assessments/${year}/values`, {
      version: 0,
      values,
    }),
};
let decidedDossier = 0;
let otherProvinceDossier = 0;

const anonymous = (url: string, headers: Record<string, string> = {}) =>
  world.t.app.inject({ method: "GET", url, headers });
const publish = (user: string, entries: unknown, province = "P01") =>
  world.call(user, "PUT", `/api/provinces/${province}/publication`, { entries });

async function insertDecidedDossier(unitCode: string, decisionNumber: string) {
  const db = world.t.database.db;
  const [dossier] = await db
    .insert(tables.dossiers)
    .values({
      kind: "recognition",
      unitCode,
      unitLevel: "commune",
      year: 2023,
      requestedLevel: "standard",
      regimeCode: "qd-18-2022-xa",
      status: "recognised",
      currentStep: "decision",
      state: {},
      createdAt: new Date("2023-09-01"),
      createdBy: "xa1",
      updatedAt: new Date("2023-12-22"),
    })
    .returning({ id: tables.dossiers.id });
  const id = (dossier as { id: number }).id;
  const key = `dossiers/${id}/quyet-dinh.pdf`;
  await createLocalStorage(world.t.dataDir).put(key, tinyPdf, { contentType: "application/pdf" });
  await db.insert(tables.dossierDocuments).values({
    dossierId: id,
    stepCode: "decision",
    fileName: "quyet-dinh.pdf",
    mimeType: "application/pdf",
    size: tinyPdf.length,
    storageKey: key,
    uploadedBy: "admin",
    uploadedAt: new Date("2023-12-26"),
  });
  await db.insert(tables.recognisedLevels).values({
    unitCode,
    level: "standard",
    year: 2023,
    decisionNumber,
    decisionDate: "2023-12-22",
    dossierId: id,
  });
  return id;
}

beforeAll(async () => {
  world.t = await createTestApp();
  for (const user of ["admin", "admin2", "vpdp", "xem", "quocgia"]) {
    cookies[user] = await loginAs(world.t.app, user);
  }
  await world.save("X01", 2023, allMet);
  await world.save("X02", 2023, irrigationOnly);
  await world.save("X01", 2024, allMet);
  await world.save("X02", 2024, irrigationOnly);
  decidedDossier = await insertDecidedDossier("X01", "1520/QĐ-UBND");
  otherProvinceDossier = await insertDecidedDossier("Y01", "77/QĐ-UBND");
  // X03: recognised in 2022, revoked in 2023: nothing of it is a 2024 decision.
  await importRecognitions(world.t.database.db, {
    by: systemUser,
    demo: false,
    rows: [
      {
        unitCode: "X03",
        level: "standard",
        year: 2022,
        decisionNumber: "2105/QĐ-UBND",
        decisionDate: "2022-12-20",
      },
    ],
  });
  await world.t.database.db.execute(
    sql`update recognised_levels set ended_on = '2023-06-01', end_reason = 'revoked',
        revoked_by_decision = '900/QĐ-UBND' where unit_code = 'X03'`,
  );
  await world.ok("admin", "POST", "/api/targets", {
    unitCode: "P01",
    name: "Ít nhất 2 xã đạt chuẩn NTM đến năm 2025",
    kind: "communesAtLevel",
    level: "standard",
    baselineYear: 2022,
    deadlineYear: 2025,
    value: 2,
    source: "Chỉ thị 04/CT-UBND",
  });
  await world.ok("admin2", "PUT", "/api/provinces/P02/publication", {
    entries: [{ year: 2024, kinds: ["communes", "targets"] }],
  });
});
afterAll(() => world.t.close());

describe("the province chooses what is public", () => {
  it("starts with nothing public, and the province admin may change it", async () => {
    const answer = await world.ok<{ entries: unknown[]; can: { edit: boolean }; years: number[] }>(
      "admin",
      "GET",
      "/api/provinces/P01/publication",
    );
    expect(answer).toMatchObject({ entries: [], can: { edit: true } });
    expect(answer.years).toEqual([2024, 2023, 2022, 2021]);
    expect((await anonymous("/api/public/provinces/P01")).statusCode).toBe(404);
  });

  it.each([
    ["the coordination office", "vpdp", "P01"],
    ["a viewer", "xem", "P01"],
    ["the national administrator", "quocgia", "P01"],
    ["another province's admin", "admin2", "P01"],
    ["a province admin, for another province", "admin", "P02"],
  ])("refuses %s (403) and changes nothing", async (_who, user, province) => {
    const response = await publish(user, [{ year: 2024, kinds: ["communes"] }], province);
    expect(response.statusCode, response.body).toBe(403);
    expect(response.json().error.message).toMatch(/quản trị tỉnh/i);
    expect((await anonymous("/api/public/provinces/P01")).statusCode).toBe(404);
  });

  it("refuses a year after the current one with a Vietnamese reason, and stores nothing", async () => {
    const response = await publish("admin", [{ year: 2025, kinds: ["communes"] }]);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe(
      "Năm 2025 nằm ngoài khoảng được công khai (2021–2024).",
    );
    const unknownKind = await publish("admin", [{ year: 2024, kinds: ["salaries"] }]);
    expect(unknownKind.statusCode).toBe(400);
    expect((await anonymous("/api/public/provinces/P01")).statusCode).toBe(404);
  });

  it("stores the choice and audits the old and the new", async () => {
    const response = await publish("admin", [
      { year: 2024, kinds: ["targets", "communes", "decisions", "criteria"] },
      { year: 2023, kinds: ["criteria"] },
    ]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().entries).toEqual([
      { year: 2023, kinds: ["criteria"] },
      { year: 2024, kinds: ["communes", "decisions", "criteria", "targets"] },
    ]);
    const [audit] = await queryRows<{ old: unknown; new: unknown; unit: string; by: string }>(
      world.t.database.db,
      sql`select old_value as old, new_value as new, unit_code as unit, username as by
        from audit_log where action = 'publication.set' and unit_code = 'P01' order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ unit: "P01", by: "admin", old: { entries: [] } });
    expect(audit?.new).toEqual({ entries: response.json().entries });
  });
});

describe("the public page, without a session", () => {
  it("lists the provinces with something public", async () => {
    const response = await anonymous("/api/public/provinces");
    expect(response.statusCode).toBe(200);
    expect(response.json().provinces).toEqual([
      { code: "P02", name: "Tỉnh Bên Cạnh", years: [2024] },
      { code: "P01", name: "Tỉnh Thử Nghiệm", years: [2024, 2023] },
    ]);
  });

  it("shows the communes with the level recognised at the year's end and its year", async () => {
    const response = await anonymous("/api/public/provinces/P01/years/2024/communes");
    expect(response.statusCode, response.body).toBe(200);
    const communes = response.json().communes as { code: string; recognition: unknown }[];
    expect(communes.map((c) => c.code)).toEqual(["X02", "X01", "X03"]);
    expect(communes.find((c) => c.code === "X01")?.recognition).toMatchObject({
      level: "standard",
      year: 2023,
      decisionNumber: "1520/QĐ-UBND",
      decisionDate: "2023-12-22",
    });
    // Revoked in 2023: not recognised at the end of 2024. The ward is not assessed.
    expect(communes.find((c) => c.code === "X03")?.recognition).toBeNull();
  });

  it("shows criteria met per commune and one commune's criteria", async () => {
    const list = await anonymous("/api/public/provinces/P01/years/2023/criteria");
    expect(list.statusCode).toBe(200);
    expect(list.json().communes).toEqual([
      { code: "X02", name: "Xã Đăk Choong", criteriaMet: 1, criteriaTotal: 2 },
      { code: "X01", name: "Xã Đăk Pék", criteriaMet: 2, criteriaTotal: 2 },
    ]);
    const one = await anonymous("/api/public/provinces/P01/years/2024/criteria/X02");
    expect(one.statusCode).toBe(200);
    expect(one.json().criteria.map((c: { status: string }) => c.status)).toEqual([
      "met",
      "not_met",
    ]);
  });

  it("lists the year's decisions, with a PDF only where the dossier holds the decision", async () => {
    const response = await anonymous("/api/public/provinces/P01/years/2024/decisions");
    expect(response.statusCode).toBe(200);
    expect(response.json().decisions).toEqual([
      expect.objectContaining({
        kind: "recognition",
        unitCode: "X01",
        decisionNumber: "1520/QĐ-UBND",
        pdfUrl: `/api/public/provinces/P01/years/2024/decisions/${decidedDossier}/pdf`,
      }),
    ]);
    const pdf = await anonymous(
      `/api/public/provinces/P01/years/2024/decisions/${decidedDossier}/pdf`,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.equals(tinyPdf)).toBe(true);
    expect(pdf.headers["cache-control"]).toBe("public, max-age=300");
  });

  it("shows the province's targets with their status", async () => {
    const response = await anonymous("/api/public/provinces/P01/years/2024/targets");
    expect(response.statusCode).toBe(200);
    expect(response.json().targets).toEqual([
      expect.objectContaining({
        name: "Ít nhất 2 xã đạt chuẩn NTM đến năm 2025",
        status: expect.stringMatching(/^(met|onTrack|atRisk|offTrack|noData)$/),
        statusName: expect.any(String),
      }),
    ]);
  });

  it.each([
    ["a year not published", "/api/public/provinces/P01/years/2022/communes"],
    ["a kind not published for that year", "/api/public/provinces/P01/years/2023/communes"],
    ["decisions of a year not published", "/api/public/provinces/P01/years/2023/decisions"],
    ["targets of a year not published", "/api/public/provinces/P01/years/2023/targets"],
    ["a kind the other province did not publish", "/api/public/provinces/P02/years/2024/criteria"],
    ["a province that published nothing", "/api/public/provinces/P99"],
    ["a commune of another province", "/api/public/provinces/P01/years/2024/criteria/Y01"],
    [
      "the PDF of a decision under a year not published",
      `/api/public/provinces/P01/years/2023/decisions/${1}/pdf`,
    ],
    [
      "the PDF of a dossier that does not exist",
      "/api/public/provinces/P01/years/2024/decisions/999/pdf",
    ],
  ])("answers 404 for %s", async (_what, url) => {
    const response = await anonymous(url);
    expect(response.statusCode, response.body).toBe(404);
    expect(response.json().error.message).toBe(
      "Không có dữ liệu công khai này. Tỉnh chưa công bố hoặc địa chỉ không đúng.",
    );
  });

  it("never serves another province's decision under a published province", async () => {
    const response = await anonymous(
      `/api/public/provinces/P01/years/2024/decisions/${otherProvinceDossier}/pdf`,
    );
    expect(response.statusCode).toBe(404);
  });

  it("is cacheable by a shared cache, the same with or without a session, and answers 304", async () => {
    const url = "/api/public/provinces/P01/years/2024/communes";
    const first = await anonymous(url);
    expect(first.headers["cache-control"]).toBe("public, max-age=300");
    expect(first.headers.vary).toMatch(/accept-encoding/i);
    expect(first.headers.vary).not.toMatch(/cookie/i);
    expect(first.headers["set-cookie"]).toBeUndefined();
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"/);
    const signedIn = await world.call("admin", "GET", url);
    expect(signedIn.headers.etag).toBe(etag);
    expect(signedIn.body).toBe(first.body);
    const again = await anonymous(url, { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
  });

  it("stops answering at once when the province withdraws a kind", async () => {
    await publish("admin", [{ year: 2024, kinds: ["criteria"] }]);
    expect((await anonymous("/api/public/provinces/P01/years/2024/communes")).statusCode).toBe(404);
    expect((await anonymous("/api/public/provinces/P01/years/2024/criteria")).statusCode).toBe(200);
    await publish("admin", [
      { year: 2024, kinds: ["communes", "decisions", "criteria", "targets"] },
      { year: 2023, kinds: ["criteria"] },
    ]);
  });
});

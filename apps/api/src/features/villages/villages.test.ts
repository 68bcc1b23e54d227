import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";
import { villageSetFixture } from "./village-set-fixture.ts";

/**
 * Villages over HTTP on a real database: the commune's list with dated versions and mergers,
 * a province's village set imported through the catalog, values entered and evaluated by the
 * engine, the village regime (self-assessment, the commune's decision, revocation), the roll-up,
 * and bad input refused in Vietnamese with nothing changed.
 */
let t: TestApp;
const cookies: Record<string, string> = {};
const setCode = "p01-thon-ntm";

const call = (
  user: string,
  method: "GET" | "POST" | "PUT" | "PATCH",
  url: string,
  payload?: object,
) =>
  t.app.inject({
    method,
    url,
    headers: { cookie: cookies[user] as string },
    ...(payload ? { payload } : {}),
  });

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["admin", "xa1", "xem", "admin2", "huyen"]) {
    cookies[user] = await loginAs(t.app, user);
  }
  const imported = await call("admin", "POST", "/api/catalog/sets", villageSetFixture());
  expect(imported.statusCode, imported.body).toBe(201);
});
afterAll(() => t?.close());

async function createVillage(name: string, commune = "X01", validFrom = "2023-01-01") {
  const response = await call("xa1", "POST", `/api/communes/${commune}/villages`, {
    name,
    validFrom,
    basis: "Nghị quyết 05/NQ-HĐND ngày 01/12/2022",
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { code: string; name: string };
}

async function putValues(
  code: string,
  values: { indicatorCode: string; value: number | boolean }[],
) {
  const card = await call("xa1", "GET", `/api/villages/${code}/sets/${setCode}/assessments/2024`);
  return call("xa1", "PUT", `/api/villages/${code}/sets/${setCode}/assessments/2024/values`, {
    version: card.json().version,
    values,
  });
}

async function auditCount() {
  const rows = await t.database.db.execute("select count(*)::int as n from audit_log");
  return (rows as unknown as { rows: { n: number }[] }).rows[0]?.n;
}

describe("villages of a commune", () => {
  it("creates villages with codes under the commune and lists them with the province's sets", async () => {
    const first = await createVillage("Thôn Đăk Ung");
    const second = await createVillage("Thôn Đăk Nai");
    expect(first.code).toBe("X01-01");
    expect(second.code).toBe("X01-02");
    const list = await call("xa1", "GET", "/api/communes/X01/villages?year=2024");
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.villages.map((row: { name: string }) => row.name)).toEqual([
      "Thôn Đăk Nai",
      "Thôn Đăk Ung",
    ]);
    expect(body.sets).toEqual([
      expect.objectContaining({
        code: setCode,
        kindName: "Thôn đạt chuẩn nông thôn mới",
        refusal: null,
      }),
    ]);
    expect(body).toMatchObject({ canManage: true, canEnter: true, canRecognise: true });
  });

  it("refuses a name without a village kind, and a name the commune already has, changing nothing", async () => {
    const before = await auditCount();
    const bare = await call("xa1", "POST", "/api/communes/X01/villages", {
      name: "Đăk Ung",
      validFrom: "2023-01-01",
      basis: "Nghị quyết 05/NQ-HĐND",
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.message).toContain("Tên thôn phải bắt đầu bằng loại thôn");
    const taken = await call("xa1", "POST", "/api/communes/X01/villages", {
      name: "Thôn Đăk Ung",
      validFrom: "2023-06-01",
      basis: "Nghị quyết 05/NQ-HĐND",
    });
    expect(taken.statusCode).toBe(409);
    expect(await auditCount()).toBe(before);
  });

  it("renames a village from a date as a new version, the year before keeping the old name", async () => {
    const village = await createVillage("Thôn Kon Ri");
    const renamed = await call("xa1", "PATCH", `/api/villages/${village.code}`, {
      effectiveFrom: "2024-03-01",
      name: "Thôn Kon Riêng",
      basis: "Nghị quyết 02/NQ-HĐND ngày 20/02/2024",
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const names = async (year: number) =>
      (await call("xa1", "GET", `/api/communes/X01/villages?year=${year}`))
        .json()
        .villages.map((row: { name: string }) => row.name);
    expect(await names(2023)).toContain("Thôn Kon Ri");
    expect(await names(2024)).toContain("Thôn Kon Riêng");
    expect(await names(2024)).not.toContain("Thôn Kon Ri");
  });

  it("merges villages into a new one with lineage; the former ones end the day before", async () => {
    const a = await createVillage("Thôn Tu Rét");
    const b = await createVillage("Thôn Tu Ngú");
    const merged = await call("xa1", "POST", "/api/communes/X01/villages/merge", {
      from: [a.code, b.code],
      name: "Thôn Tu Rét",
      effectiveFrom: "2024-04-01",
      basis: "Nghị quyết 03/NQ-HĐND ngày 25/03/2024",
    });
    expect(merged.statusCode, merged.body).toBe(201);
    const list = (await call("xa1", "GET", "/api/communes/X01/villages?year=2024")).json();
    const row = list.villages.find((item: { code: string }) => item.code === merged.json().code);
    expect(row.formedFrom.map((item: { name: string }) => item.name).sort()).toEqual([
      "Thôn Tu Ngú",
      "Thôn Tu Rét",
    ]);
    expect(list.villages.some((item: { code: string }) => item.code === a.code)).toBe(false);
  });

  it("refuses villages to another commune's officer, a viewer and another province (403)", async () => {
    const payload = { name: "Thôn Mới", validFrom: "2024-01-01", basis: "Nghị quyết 1/NQ-HĐND" };
    for (const [user, commune] of [
      ["xem", "X01"],
      ["xa1", "X02"],
      ["admin2", "X01"],
      ["huyen", "X01"],
    ] as const) {
      const response = await call(user, "POST", `/api/communes/${commune}/villages`, payload);
      expect(response.statusCode, `${user} ${commune}`).toBe(403);
    }
  });
});

describe("village values, evaluation and recognition", () => {
  let code: string;

  beforeAll(async () => {
    code = (await createVillage("Thôn Đăk Rế")).code;
  });

  it("evaluates entered values with the engine and its reasons, storing the result", async () => {
    const response = await putValues(code, [
      { indicatorCode: "1.1", value: 65 },
      { indicatorCode: "2.1", value: true },
    ]);
    expect(response.statusCode, response.body).toBe(200);
    const card = response.json();
    expect(card.result).toMatchObject({ criteriaMet: 1, criteriaTotal: 2, level: null });
    const road = card.result.criteria[0].indicators[0];
    expect(road.byLevel.standard.reason.text).toContain("70");
    expect(card.version).toBe(1);
  });

  it("refuses a value out of range and a stale version in Vietnamese, storing nothing", async () => {
    const before = await auditCount();
    const wrong = await putValues(code, [{ indicatorCode: "1.1", value: 130 }]);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].message).toContain("Chỉ tiêu 1.1");
    const stale = await call(
      "xa1",
      "PUT",
      `/api/villages/${code}/sets/${setCode}/assessments/2024/values`,
      {
        version: 0,
        values: [{ indicatorCode: "1.1", value: 90 }],
      },
    );
    expect(stale.statusCode).toBe(409);
    const card = await call("xa1", "GET", `/api/villages/${code}/sets/${setCode}/assessments/2024`);
    expect(card.json().result.criteria[0].indicators[0].value).toBe(65);
    expect(await auditCount()).toBe(before);
  });

  it("refuses a self-assessment before the village meets the set (409, nothing stored)", async () => {
    const response = await call("xa1", "POST", `/api/villages/${code}/recognitions/${setCode}`, {
      type: "self_assess",
      year: 2024,
      reportNumber: "01/BC-BPT",
      reportDate: "2024-06-01",
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain("chưa đạt");
  });

  it("recognises a village that meets the set: self-assessment, then the commune's decision", async () => {
    const target = await call("admin", "POST", "/api/targets", {
      unitCode: "P01",
      name: "Đến năm 2025: 50 % số thôn của xã Đăk Pék đạt chuẩn nông thôn mới",
      kind: "villagesRecognised",
      measure: "share",
      baselineYear: 2023,
      deadlineYear: 2025,
      value: 50,
      communeCodes: ["X01"],
    });
    expect(target.statusCode, target.body).toBe(201);
    const progress = async () =>
      (await call("admin", "GET", `/api/targets/${target.json().id}/progress?year=2024`)).json()
        .progress;
    expect(await progress()).toMatchObject({ actual: 0, unit: "%" });
    const met = await putValues(code, [{ indicatorCode: "1.1", value: 80 }]);
    expect(met.json().result.level).toBe("standard");
    const assessed = await call("xa1", "POST", `/api/villages/${code}/recognitions/${setCode}`, {
      type: "self_assess",
      year: 2024,
      reportNumber: "01/BC-BPT",
      reportDate: "2024-06-01",
    });
    expect(assessed.statusCode, assessed.body).toBe(200);
    expect(assessed.json().recognition.status).toBe("self_assessed");
    const decided = await call("xa1", "POST", `/api/villages/${code}/recognitions/${setCode}`, {
      type: "recognise",
      decisionNumber: "45/QĐ-UBND",
      decisionDate: "2024-06-10",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().recognition).toMatchObject({
      status: "recognised",
      statusName: "Đã công nhận",
      decisionNumber: "45/QĐ-UBND",
    });
    const villages = (await call("xa1", "GET", "/api/communes/X01/villages?year=2024")).json()
      .villages.length as number;
    expect((await progress()).actual).toBe(Math.round((1 / villages) * 1000) / 10);
  });

  it("leaves the recognition to the commune: the province admin is refused (403)", async () => {
    const response = await call("admin", "POST", `/api/villages/${code}/recognitions/${setCode}`, {
      type: "revoke",
      decisionNumber: "50/QĐ-UBND",
      decisionDate: "2024-06-12",
      reason: "Thử",
    });
    expect(response.statusCode).toBe(403);
  });

  it("rolls the villages up per commune and for the province from the stored results", async () => {
    const summary = await call("admin", "GET", "/api/units/P01/villages-summary?year=2024");
    expect(summary.statusCode).toBe(200);
    const set = summary.json().sets[0];
    expect(set.code).toBe(setCode);
    expect(set.total).toMatchObject({ meeting: 1, recognised: 1 });
    expect(set.communes[0]).toMatchObject({ code: "X01", counts: { recognised: 1 } });
    expect(set.total.villages).toBeGreaterThan(1);
  });

  it("re-evaluates stored village results when a new version of the set is imported", async () => {
    const stricter = await call(
      "admin",
      "POST",
      "/api/catalog/sets",
      villageSetFixture({ version: 2, threshold: 85 }),
    );
    expect(stricter.statusCode, stricter.body).toBe(201);
    expect(stricter.json().reevaluated).toBeGreaterThan(0);
    const summary = await call("admin", "GET", "/api/units/P01/villages-summary?year=2024");
    expect(summary.json().sets[0].total.meeting).toBe(0);
  });

  it("revokes a recognition with its reason", async () => {
    const revoked = await call("xa1", "POST", `/api/villages/${code}/recognitions/${setCode}`, {
      type: "revoke",
      decisionNumber: "60/QĐ-UBND",
      decisionDate: "2024-06-14",
      reason: "Đường thôn xuống cấp, không còn đạt tỷ lệ cứng hóa",
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().recognition).toMatchObject({ status: "revoked" });
    const summary = await call("admin", "GET", "/api/units/P01/villages-summary?year=2024");
    expect(summary.json().sets[0].total.recognised).toBe(0);
  });
});

describe("a set that excludes villages of a town or ward", () => {
  it("refuses values for a village of a thị trấn with the set's reason (400), storing nothing", async () => {
    const response = await call("admin", "POST", "/api/communes/W01/villages", {
      name: "Tổ dân phố 1",
      validFrom: "2023-01-01",
      basis: "Nghị quyết 05/NQ-HĐND",
    });
    expect(response.statusCode, response.body).toBe(201);
    const village = response.json().code;
    const card = await call(
      "admin",
      "GET",
      `/api/villages/${village}/sets/${setCode}/assessments/2024`,
    );
    expect(card.json().set.refusal).toContain("thị trấn");
    const before = await auditCount();
    const values = await call(
      "admin",
      "PUT",
      `/api/villages/${village}/sets/${setCode}/assessments/2024/values`,
      {
        version: 0,
        values: [{ indicatorCode: "1.1", value: 90 }],
      },
    );
    expect(values.statusCode).toBe(400);
    expect(values.json().error.message).toBe(
      "Bộ tiêu chí thôn đạt chuẩn nông thôn mới tỉnh Thử Nghiệm không áp dụng cho thôn, tổ dân phố thuộc thị trấn (Thị trấn Đăk Glei).",
    );
    expect(await auditCount()).toBe(before);
  });
});

describe("a village of a commune that ended in a later reorganisation", () => {
  let later: TestApp;
  afterAll(() => later?.close());

  it("is still recognised for the year it belonged to that commune", async () => {
    later = await createTestApp({ now: new Date("2026-02-02T03:00:00Z") });
    const officer = await loginAs(later.app, "xa3");
    const admin = await loginAs(later.app, "admin");
    const send = (cookie: string, method: "POST" | "PUT", url: string, payload: object) =>
      later.app.inject({ method, url, headers: { cookie }, payload });
    expect((await send(admin, "POST", "/api/catalog/sets", villageSetFixture())).statusCode).toBe(
      201,
    );
    const created = await send(officer, "POST", "/api/communes/X03/villages", {
      name: "Thôn Kạch Lớn",
      validFrom: "2023-01-01",
      basis: "Nghị quyết 05/NQ-HĐND",
    });
    const code = created.json().code as string;
    const values = await send(
      officer,
      "PUT",
      `/api/villages/${code}/sets/${setCode}/assessments/2024/values`,
      {
        version: 0,
        values: [
          { indicatorCode: "1.1", value: 90 },
          { indicatorCode: "2.1", value: true },
        ],
      },
    );
    expect(values.json().result.level).toBe("standard");
    // The commune ends on 30/06/2025, as the communes merged by the 2025 reform did.
    await later.database.db.execute(
      "update admin_units set valid_to = '2025-06-30' where code = 'X03'",
    );
    const assessed = await send(officer, "POST", `/api/villages/${code}/recognitions/${setCode}`, {
      type: "self_assess",
      year: 2024,
      reportNumber: "02/BC-BPT",
      reportDate: "2024-11-20",
    });
    expect(assessed.statusCode, assessed.body).toBe(200);
    const decided = await send(officer, "POST", `/api/villages/${code}/recognitions/${setCode}`, {
      type: "recognise",
      decisionNumber: "12/QĐ-UBND",
      decisionDate: "2024-12-05",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().recognition.status).toBe("recognised");
  });
});

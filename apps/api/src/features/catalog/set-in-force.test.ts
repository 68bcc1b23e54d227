import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@ntm/db";
import type {
  CatalogSetSummary,
  CarryOverResponse,
  Scorecard,
  ScorecardResponse,
} from "@ntm/contracts";
import { joinedScorecard } from "../../test/joined-scorecard.ts";
import { createTestApp, fixedNow, loginAs, type TestApp } from "../../test/test-app.ts";
import { systemUser } from "../auth/index.ts";
import { importUnits } from "../units/index.ts";
import { importCatalog } from "./catalog.service.ts";

// The 2026–2030 set as shipped, and two communes of province P01 in commune groups 1 and 3.
const set2026 = JSON.parse(
  readFileSync(
    new URL("../../../../../data/criteria/vn-commune-2026-2030.json", import.meta.url),
    "utf8",
  ),
) as unknown;

let t: TestApp;
const cookies: Record<string, string> = {};
const decision = { document: "15/2026/QĐ-UBND", date: "2026-11-20" };

beforeAll(async () => {
  t = await createTestApp();
  await importUnits(t.database.db, {
    user: systemUser,
    rows: [
      {
        code: "X05",
        name: "Xã Nhóm Ba",
        level: "commune",
        parentCode: "D01",
        validFrom: "2008-01-01",
        region: "TN",
        communeGroup: "3",
        flags: [],
      },
      {
        code: "X06",
        name: "Xã Nhóm Một",
        level: "commune",
        parentCode: "D01",
        validFrom: "2008-01-01",
        region: "TN",
        communeGroup: "1",
        flags: [],
      },
    ],
  });
  await importCatalog(t.database.db, { document: set2026, by: systemUser, now: fixedNow });
  for (const user of ["admin", "admin2", "huyen", "xem", "vpdp"]) {
    cookies[user] = await loginAs(t.app, user);
  }
});
afterAll(() => t.close());

function call(
  user: string,
  method: "GET" | "POST" | "PUT",
  url: string,
  payload?: object,
  language?: string,
) {
  return t.app.inject({
    method,
    url,
    headers: {
      cookie: cookies[user] as string,
      ...(language ? { "accept-language": language } : {}),
    },
    ...(payload ? { payload } : {}),
  });
}

async function scorecard(code: string, year: number) {
  const response = await call("admin", "GET", `/api/units/${code}/scorecard?year=${year}`);
  expect(response.statusCode, response.body).toBe(200);
  return joinedScorecard(t.app, cookies.admin as string, response.json<ScorecardResponse>());
}

async function saveRoads(code: string, year: number, value: number) {
  const response = await call("admin", "PUT", `/api/units/${code}/assessments/${year}/values`, {
    version: 0,
    values: [{ indicatorCode: "2.2", value }],
  });
  expect(response.statusCode, response.body).toBe(200);
}

/** The standard threshold a scorecard applies to indicator 2.2 (village roads, graded by group). */
function roadThreshold(card: Scorecard) {
  const indicator = card.criteria
    .flatMap((criterion) => criterion.indicators)
    .find((item) => item.code === "2.2");
  return indicator?.byLevel.standard?.threshold?.value;
}

async function sets() {
  const response = await call("xem", "GET", "/api/catalog/sets");
  return response.json<{ sets: CatalogSetSummary[] }>().sets;
}

async function lastAudit(action: string) {
  const rows = await queryRows<{
    username: string;
    entity_key: string;
    new_value: Record<string, unknown>;
    old_value: unknown;
  }>(
    t.database.db,
    sql`select username, entity_key, new_value, old_value from audit_log where action = ${action} order by id desc limit 1`,
  );
  return rows[0];
}

const override = {
  provinceCode: "P01",
  effectiveFrom: "2027-01-01",
  basis: decision,
  entries: [
    { indicatorCode: "2.2", level: "standard", classes: ["1", "2"], value: 100 },
    { indicatorCode: "2.2", level: "standard", classes: ["3"], value: 90 },
  ],
};

describe("the set in force follows the year", () => {
  it("scores 2025 on the 2021–2025 set and 2026 on the 10 criteria of QĐ 51/2025, by commune group", async () => {
    expect((await scorecard("X05", 2025)).set.code).toBe("test-commune");
    await saveRoads("X05", 2026, 85);
    await saveRoads("X06", 2026, 85);
    const group3 = await scorecard("X05", 2026);
    expect(group3.set).toMatchObject({
      code: "vn-commune-2026-2030",
      version: 1,
      provinceCode: null,
    });
    expect(group3.criteriaTotal).toBe(10);
    expect(group3.criteria).toHaveLength(10);
    expect(roadThreshold(group3)).toBe(80);
    const group1 = await scorecard("X06", 2026);
    expect(roadThreshold(group1)).toBe(100);
    const status = (card: Scorecard) =>
      card.criteria.flatMap((c) => c.indicators).find((i) => i.code === "2.2")?.byLevel.standard
        ?.status;
    expect([status(group3), status(group1)]).toEqual(["met", "not_met"]);
  });
});

describe("2026 pages on the 2026–2030 set", () => {
  it("sums up the province and checks a filing on 10 criteria", async () => {
    const summary = await call("vpdp", "GET", "/api/units/P01/summary?year=2026");
    expect(summary.statusCode, summary.body).toBe(200);
    expect(summary.json().set.code).toBe("vn-commune-2026-2030");
    const rows = summary.json().units as { code: string; criteriaTotal: number }[];
    expect(rows.map((row) => [row.code, row.criteriaTotal]).sort()).toEqual([
      ["X05", 10],
      ["X06", 10],
    ]);
    const check = await call("vpdp", "GET", "/api/dossiers/filing-check?unit=X05&year=2026");
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ criteriaTotal: 10 });
    expect(check.json().unmet.length).toBe(10 - check.json().criteriaMet);
  });
});

describe("a province enters its own thresholds", () => {
  it("refuses a district, a viewer, the coordination office and another province's admin with 403", async () => {
    const before = (await sets()).length;
    for (const user of ["huyen", "xem", "vpdp", "admin2"]) {
      const response = await call(user, "POST", "/api/catalog/provincial-versions", override);
      expect(response.statusCode, user).toBe(403);
    }
    expect(
      (await call("admin2", "POST", "/api/catalog/provincial-versions", override)).json().error
        .message,
    ).toBe("Quản trị tỉnh chỉ được nhập bộ tiêu chí cấp tỉnh của tỉnh mình.");
    expect(
      (await call("huyen", "POST", "/api/catalog/provincial-versions", override)).json().error
        .message,
    ).toBe("Chỉ quản trị tỉnh được nhập bộ tiêu chí.");
    expect(await sets()).toHaveLength(before);
  });

  it("refuses an invalid threshold with a Vietnamese reason (English on request) and stores nothing", async () => {
    const before = (await sets()).length;
    const bad = {
      ...override,
      entries: [
        { indicatorCode: "2.2", level: "standard", classes: ["1", "2"], value: 130 },
        { indicatorCode: "2.2", level: "standard", classes: ["3"], value: 90 },
      ],
    };
    const response = await call("admin", "POST", "/api/catalog/provincial-versions", bad);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: "VALIDATION_FAILED",
      message: "Ngưỡng tỉnh nhập không hợp lệ.",
      details: [
        {
          path: "entries.0.value",
          message: "Dòng 1: ngưỡng của chỉ tiêu 2.2 tỷ lệ phải từ 0 đến 100 %.",
        },
      ],
    });
    const english = await call("admin", "POST", "/api/catalog/provincial-versions", bad, "en");
    expect(english.json().error.message).toBe("The thresholds entered are invalid.");
    const gap = await call("admin", "POST", "/api/catalog/provincial-versions", {
      ...override,
      entries: [{ indicatorCode: "2.2", level: "standard", classes: ["3"], value: 90 }],
    });
    expect(gap.statusCode).toBe(400);
    expect(gap.json().error.details[0].message).toMatch(/thiếu ngưỡng cho nhóm 1, 2/);
    expect(await sets()).toHaveLength(before);
  });

  it("stores an audited version with its decision, used from its year while 2026 keeps the national set", async () => {
    const response = await call("admin", "POST", "/api/catalog/provincial-versions", override);
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<{ set: CatalogSetSummary }>().set;
    expect(created).toMatchObject({
      code: "vn-commune-2026-2030-pp01",
      version: 1,
      provinceCode: "P01",
      effectiveFrom: "2027-01-01",
      basis: decision,
      basedOn: { code: "vn-commune-2026-2030", version: 1 },
      importedBy: "admin",
    });
    const audit = await lastAudit("catalog.import");
    expect(audit).toMatchObject({
      username: "admin",
      entity_key: "vn-commune-2026-2030-pp01@1",
      new_value: { basis: decision, effectiveFrom: "2027-01-01" },
    });

    expect((await scorecard("X05", 2026)).set.code).toBe("vn-commune-2026-2030");
    await saveRoads("X05", 2027, 85);
    const card2027 = await scorecard("X05", 2027);
    expect(card2027.set).toMatchObject({ id: created.id, code: "vn-commune-2026-2030-pp01" });
    expect(roadThreshold(card2027)).toBe(90);
    // Another province keeps the national set.
    expect(
      (await call("admin2", "GET", "/api/units/Y01/scorecard?year=2027")).json().set.code,
    ).toBe("vn-commune-2026-2030");
  });

  it("adds a later version on top of the first; the first stays for the year it covered", async () => {
    const response = await call("admin", "POST", "/api/catalog/provincial-versions", {
      ...override,
      effectiveFrom: "2028-01-01",
      basis: { document: "03/2028/QĐ-UBND", date: "2027-12-15" },
      entries: [{ indicatorCode: "2.3", level: "standard", value: 75 }],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().set).toMatchObject({
      code: "vn-commune-2026-2030-pp01",
      version: 2,
      basedOn: { code: "vn-commune-2026-2030-pp01", version: 1 },
    });
    await saveRoads("X05", 2028, 85);
    const card2028 = await scorecard("X05", 2028);
    expect(card2028.set.version).toBe(2);
    expect(roadThreshold(card2028)).toBe(90);
    expect((await scorecard("X05", 2027)).set.version).toBe(1);
  });

  it("refuses a start date before the base set is in force", async () => {
    const response = await call("admin", "POST", "/api/catalog/provincial-versions", {
      ...override,
      effectiveFrom: "2026-01-10",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe(
      "Ngày áp dụng phải từ ngày bộ tiêu chí gốc có hiệu lực (15/02/2026).",
    );
  });
});

describe("an amendment of the 2021–2025 set", () => {
  const amendment = {
    kind: "amendment",
    code: "test-commune",
    version: 2,
    amends: { code: "test-commune", version: 1 },
    basis: { document: "211/QĐ-TTg", date: "2024-03-01" },
    effectiveFrom: "2024-03-01",
    overrides: [],
    note: "Nội dung sửa đổi chưa được chép.",
  };

  it("is loaded by the system only", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/catalog/sets",
      headers: { cookie: cookies.admin as string },
      payload: amendment,
    });
    expect(response.statusCode).toBe(403);
  });

  it("applies from its start date; the amended version keeps the years before", async () => {
    const result = await importCatalog(t.database.db, {
      document: amendment,
      by: systemUser,
      now: fixedNow,
    });
    expect(result.set).toMatchObject({
      code: "test-commune",
      version: 2,
      effectiveFrom: "2024-03-01",
      amendment: {
        basis: { document: "211/QĐ-TTg" },
        changedIndicators: [],
        note: "Nội dung sửa đổi chưa được chép.",
      },
    });
    expect((await scorecard("X01", 2023)).set.version).toBe(1);
    expect((await scorecard("X01", 2024)).set.version).toBe(2);
    expect((await scorecard("X01", 2026)).set.code).toBe("vn-commune-2026-2030");
  });

  it("refuses an amendment with no changed rows and no note", async () => {
    await expect(
      importCatalog(t.database.db, {
        document: { ...amendment, version: 3, note: " " },
        by: systemUser,
        now: fixedNow,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});

describe("recognitions of 2021–2025 once the 2026–2030 set is in force", () => {
  it("are kept until re-assessed by default, with no legal basis found", async () => {
    const response = await call("xem", "GET", "/api/catalog/carry-over");
    expect(response.statusCode).toBe(200);
    expect(response.json<CarryOverResponse>()).toMatchObject({
      provinceCode: "P01",
      isDefault: true,
      newSetFrom: "2026-02-15",
      rule: { mode: "keep_until_reassessed", basis: null },
      can: { edit: false },
    });
    expect(response.json<CarryOverResponse>().text).toMatch(/Chưa tìm thấy căn cứ pháp lý\.$/);
  });

  it("refuses the change to a district, a viewer and another province's admin", async () => {
    const body = { mode: "reassess_by", deadline: "2026-12-31", basis: null };
    for (const user of ["huyen", "xem", "vpdp", "admin2"]) {
      expect((await call(user, "PUT", "/api/catalog/carry-over/P01", body)).statusCode, user).toBe(
        403,
      );
    }
    expect((await call("xem", "GET", "/api/catalog/carry-over")).json().isDefault).toBe(true);
  });

  it("refuses a deadline before the new set is in force", async () => {
    const response = await call("admin", "PUT", "/api/catalog/carry-over/P01", {
      mode: "reassess_by",
      deadline: "2025-12-31",
      basis: null,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe(
      "Hạn đánh giá lại phải từ ngày bộ tiêu chí mới có hiệu lực (15/02/2026) trở đi.",
    );
  });

  it("is changed by the province admin, audited, and read back in words", async () => {
    const response = await call("admin", "PUT", "/api/catalog/carry-over/P01", {
      mode: "reassess_by",
      deadline: "2026-12-31",
      basis: { document: "25/KH-UBND", date: "2026-03-10" },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<CarryOverResponse>();
    expect(body).toMatchObject({ isDefault: false, updatedBy: "admin", can: { edit: true } });
    expect(body.text).toMatch(/trước ngày 31\/12\/2026.*Căn cứ: 25\/KH-UBND ngày 10\/03\/2026\./);
    expect(await lastAudit("catalog.carryover.set")).toMatchObject({
      username: "admin",
      entity_key: "recognition-carry-over/P01",
      old_value: { mode: "keep_until_reassessed", isDefault: true },
      new_value: { mode: "reassess_by", deadline: "2026-12-31" },
    });
    const read = await call("xem", "GET", "/api/catalog/carry-over?province=P01");
    expect(read.json().rule.mode).toBe("reassess_by");
    expect(
      (await call("xem", "GET", "/api/catalog/carry-over?province=P02")).json().isDefault,
    ).toBe(true);
  });
});

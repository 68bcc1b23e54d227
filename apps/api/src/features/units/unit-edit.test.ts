import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@ntm/db";
import type {
  ScorecardResponse,
  UnitAdminList,
  UnitChangeResult,
  UnitHistory,
} from "@ntm/contracts";
import { joinedScorecard } from "../../test/joined-scorecard.ts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["admin", "vpdp", "so-nn", "huyen", "xa1", "xem", "admin2"]) {
    cookies[user] = await loginAs(t.app, user);
  }
  // Income 42 lies between the Tây Nguyên threshold (45) and the TDMNPB one (40).
  const saved = await put("xa1", "/api/units/X01/assessments/2024/values", {
    version: 0,
    values: [
      { indicatorCode: "3.1", value: 85 },
      { indicatorCode: "3.2", value: true },
      { indicatorCode: "10.1", value: 42 },
      { indicatorCode: "10.2", value: 3 },
    ],
  });
  expect(saved.statusCode, saved.body).toBe(200);
});
afterAll(() => t.close());

function put(user: string, url: string, payload: object) {
  return t.app.inject({
    method: "PUT",
    url,
    payload,
    headers: { cookie: cookies[user] as string },
  });
}

function change(user: string, code: string, payload: object, language?: string) {
  return t.app.inject({
    method: "POST",
    url: `/api/units/${code}/changes`,
    payload,
    headers: {
      cookie: cookies[user] as string,
      ...(language ? { "accept-language": language } : {}),
    },
  });
}

function get(user: string, url: string) {
  return t.app.inject({ method: "GET", url, headers: { cookie: cookies[user] as string } });
}

async function incomeThreshold(code: string) {
  const response = await get("admin", `/api/units/${code}/scorecard?year=2024`);
  expect(response.statusCode, response.body).toBe(200);
  const body = await joinedScorecard(
    t.app,
    cookies.admin as string,
    response.json<ScorecardResponse>(),
  );
  const income = body.criteria[1]?.indicators[0]?.byLevel.standard;
  return { value: income?.threshold?.value, status: income?.status, criteriaMet: body.criteriaMet };
}

async function storedResult(code: string, year = 2024) {
  const rows = await queryRows<{ criteriaMet: number; level: string | null }>(
    t.database.db,
    sql`select criteria_met as "criteriaMet", level from evaluation_results
        where unit_code = ${code} and year = ${year}`,
  );
  return rows[0];
}

/** Everything a refused or invalid change must leave as it was. */
async function snapshot() {
  const rows = await queryRows<{ units: string; audit: number; results: string }>(
    t.database.db,
    sql`select
      (select string_agg(concat_ws('|', code, valid_from, valid_to, name, flags::text,
         commune_group, region, assessed), ';' order by code, valid_from) from admin_units) as units,
      (select count(*)::int from audit_log) as audit,
      (select string_agg(concat_ws('|', unit_code, year, criteria_met, level), ';'
         order by unit_code, year) from evaluation_results) as results`,
  );
  return rows[0];
}

const markDisadvantaged = {
  effectiveFrom: "2024-01-01",
  basis: "QĐ 433/QĐ-UBDT ngày 18/6/2021",
  flags: ["especiallyDisadvantaged"],
};

describe("who may change a unit", () => {
  it.each([
    ["huyen", "a district"],
    ["xa1", "the commune itself"],
    ["so-nn", "a department"],
    ["vpdp", "the coordination office"],
    ["xem", "a viewer"],
    ["admin2", "another province's administrator"],
  ])("refuses %s (%s) with 403 and changes nothing", async (user) => {
    const before = await snapshot();
    const response = await change(user, "X01", markDisadvantaged);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("FORBIDDEN");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses the province's own unit: its name and type are decided by the State", async () => {
    const response = await change("admin", "P01", {
      effectiveFrom: "2024-01-01",
      basis: "Thử",
      name: "Tỉnh Khác",
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toMatch(/Trung ương/);
  });
});

describe("marking a commune especially disadvantaged (ĐBKK) from a date", () => {
  it("changes its thresholds and its stored result at once, and the audit says who and when", async () => {
    expect(await incomeThreshold("X01")).toEqual({ value: 45, status: "not_met", criteriaMet: 1 });
    expect(await storedResult("X01")).toEqual({ criteriaMet: 1, level: null });

    const response = await change("admin", "X01", markDisadvantaged);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<UnitChangeResult>();
    expect(body.reevaluatedYears).toEqual([2024]);
    expect(body.unit).toMatchObject({
      code: "X01",
      validFrom: "2024-01-01",
      flags: ["especiallyDisadvantaged"],
      kind: "xa",
      properName: "Đăk Pék",
    });

    // Rule R1: an especially disadvantaged commune uses the TDMNPB thresholds (40, not 45).
    expect(await incomeThreshold("X01")).toEqual({ value: 40, status: "met", criteriaMet: 2 });
    expect(await storedResult("X01")).toEqual({ criteriaMet: 2, level: "standard" });

    const history = await get("xem", "/api/units/X01/versions");
    expect(history.statusCode).toBe(200);
    const { versions, changes } = history.json<UnitHistory>();
    expect(versions.map((v) => [v.validFrom, v.validTo, v.flags])).toEqual([
      ["2008-01-01", "2023-12-31", []],
      ["2024-01-01", null, ["especiallyDisadvantaged"]],
    ]);
    expect(changes).toHaveLength(1);
    expect(Date.parse(changes[0]?.at ?? "")).not.toBeNaN();
    expect(changes[0]).toMatchObject({
      username: "admin",
      effectiveFrom: "2024-01-01",
      basis: "QĐ 433/QĐ-UBDT ngày 18/6/2021",
      before: { flags: [], validFrom: "2008-01-01", validTo: null },
      after: { flags: ["especiallyDisadvantaged"], validFrom: "2024-01-01" },
      reevaluatedYears: [2024],
    });

    const audit = await get("admin", "/api/audit?unit=X01");
    const entry = audit
      .json()
      .entries.find((row: { action: string }) => row.action === "unit.change");
    expect(entry).toMatchObject({ username: "admin", entityType: "admin_unit" });
  });

  it("keeps a year whose 31 December lies before the change as it was", async () => {
    // 2023's reference date (31/12/2023) is in the old version: not re-evaluated.
    const response = await change("admin", "X01", {
      effectiveFrom: "2024-01-01",
      basis: "QĐ 861/QĐ-TTg ngày 04/6/2021",
      flags: ["especiallyDisadvantaged", "ethnicZoneIII"],
    });
    expect(response.statusCode, response.body).toBe(200);
    // The same first day: the version is changed in place, no third version.
    const history = (await get("admin", "/api/units/X01/versions")).json<UnitHistory>();
    expect(history.versions).toHaveLength(2);
    expect(history.versions[1]?.flags).toEqual(["especiallyDisadvantaged", "ethnicZoneIII"]);
    expect(history.changes).toHaveLength(2);
  });

  it("takes the mark away from a later date: the year whose 31/12 follows is evaluated again", async () => {
    const response = await change("admin", "X01", {
      effectiveFrom: "2024-07-01",
      basis: "QĐ thử nghiệm rút tên khỏi danh sách",
      flags: ["ethnicZoneIII"],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<UnitChangeResult>().reevaluatedYears).toEqual([2024]);
    expect(await storedResult("X01")).toEqual({ criteriaMet: 1, level: null });
    const history = (await get("admin", "/api/units/X01/versions")).json<UnitHistory>();
    expect(history.versions.map((v) => [v.validFrom, v.validTo])).toEqual([
      ["2008-01-01", "2023-12-31"],
      ["2024-01-01", "2024-06-30"],
      ["2024-07-01", null],
    ]);
  });
});

describe("type, name and commune group", () => {
  it("turns a town into a xã from a date: its name and whether it is assessed follow", async () => {
    const response = await change("admin", "W01", {
      effectiveFrom: "2024-01-01",
      basis: "Nghị quyết thử nghiệm",
      kind: "xa",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<UnitChangeResult>().unit).toMatchObject({
      name: "Xã Đăk Glei",
      kind: "xa",
      assessed: true,
    });
  });

  it("renames a district (a whole name, without a type)", async () => {
    const response = await change("admin", "D02", {
      effectiveFrom: "2024-01-01",
      basis: "Nghị quyết thử nghiệm",
      name: "Huyện Tu Mơ Rông Mới",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<UnitChangeResult>()).toMatchObject({
      unit: { name: "Huyện Tu Mơ Rông Mới", kind: null },
      reevaluatedYears: [],
    });
  });

  it("sets the 2026–2030 group of a zone III commune to 3", async () => {
    const response = await change("admin", "X01", {
      effectiveFrom: "2026-02-15",
      basis: "QĐ phân nhóm xã của UBND tỉnh",
      communeGroup: "3",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<UnitChangeResult>().unit.communeGroup).toBe("3");
  });
});

describe("refused changes, in Vietnamese (English when asked), with nothing written", () => {
  it.each([
    [
      "a date before the unit existed",
      "X02",
      { effectiveFrom: "2001-01-01", flags: ["safeZone"] },
      /không có hiệu lực vào ngày 01\/01\/2001/,
    ],
    [
      "group 3 for a commune outside zones II and III",
      "X02",
      { effectiveFrom: "2026-02-15", communeGroup: "3" },
      /nhóm 3 là xã khu vực II, III/,
    ],
    [
      "group 1 for a zone III commune",
      "X03",
      { effectiveFrom: "2026-02-15", flags: ["ethnicZoneIII"], communeGroup: "1" },
      /thuộc nhóm 3/,
    ],
    [
      "two ethnic zones at once",
      "X02",
      { effectiveFrom: "2024-01-01", flags: ["ethnicZoneI", "ethnicZoneII"] },
      /chỉ thuộc một khu vực/,
    ],
    [
      "a town after 1 July 2025",
      "X02",
      { effectiveFrom: "2025-07-01", kind: "thi_tran" },
      /không còn thị trấn/,
    ],
    [
      "a đặc khu before 1 July 2025",
      "X02",
      { effectiveFrom: "2024-01-01", kind: "dac_khu" },
      /Đặc khu chỉ có từ/,
    ],
    [
      "a region for a commune with a single region",
      "X02",
      { effectiveFrom: "2024-01-01", region: "TDMNPB" },
      /chỉ chọn vùng cho xã hình thành từ các xã thuộc hai vùng/,
    ],
    [
      "flags on a district",
      "D01",
      { effectiveFrom: "2024-01-01", flags: ["safeZone"] },
      /chỉ áp dụng cho đơn vị cấp xã/,
    ],
    [
      "nothing that differs",
      "X02",
      { effectiveFrom: "2024-01-01", flags: [] },
      /Không có thay đổi/,
    ],
    ["no basis", "X02", { effectiveFrom: "2024-01-01", flags: ["safeZone"], basis: "" }, /căn cứ/],
    ["an unknown flag", "X02", { effectiveFrom: "2024-01-01", flags: ["veryPoor"] }, /flags/],
  ])("%s", async (_label, code, payload, message) => {
    const before = await snapshot();
    const response = await change("admin", code, { basis: "Thử nghiệm", ...payload });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it("answers in English", async () => {
    const response = await change(
      "admin",
      "X02",
      { effectiveFrom: "2026-02-15", basis: "Thử", communeGroup: "3" },
      "en",
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/Group 3 communes are zone II and III/);
  });

  it("answers 404 for an unknown unit", async () => {
    const response = await change("admin", "ZZ9", markDisadvantaged);
    expect(response.statusCode).toBe(404);
  });
});

describe("lineage links of a version split in two", () => {
  it("leave from the later part, which is the one that ends", async () => {
    await t.database.db.execute(
      sql`insert into unit_successors (predecessor_code, predecessor_valid_from, successor_code,
            successor_valid_from, kind, effective_date)
          values ('X03', '2008-01-01', 'X02', '2008-01-01', 'partial', '2030-01-01')`,
    );
    const response = await change("admin", "X03", {
      effectiveFrom: "2025-01-01",
      basis: "Nghị quyết thử nghiệm",
      name: "Tê Xăng Mới",
    });
    expect(response.statusCode, response.body).toBe(200);
    const links = await queryRows<{ from: string }>(
      t.database.db,
      sql`select predecessor_valid_from::text as "from" from unit_successors
          where predecessor_code = 'X03'`,
    );
    expect(links).toEqual([{ from: "2025-01-01" }]);
  });
});

describe("the region of a commune formed from communes of two regions", () => {
  it("is chosen among its candidates only", async () => {
    await t.database.db.execute(
      sql`update admin_units set region_candidates = array['TN','DHNTB'] where code = 'X02'`,
    );
    const wrong = await change("admin", "X02", {
      effectiveFrom: "2024-01-01",
      basis: "Văn bản của UBND tỉnh",
      region: "DBSCL",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/TN, DHNTB/);
    const chosen = await change("admin", "X02", {
      effectiveFrom: "2024-01-01",
      basis: "Văn bản của UBND tỉnh",
      region: "DHNTB",
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json<UnitChangeResult>().unit).toMatchObject({
      region: "DHNTB",
      regionCandidates: ["TN", "DHNTB"],
    });
  });
});

describe("the province's list of units", () => {
  it("lists the units below the province, communes first, with the edit control for its admin", async () => {
    const response = await get("admin", "/api/admin-units?asOf=2024-06-15");
    expect(response.statusCode).toBe(200);
    const { units } = response.json<UnitAdminList>();
    expect(
      units
        .map((unit) => unit.code)
        .slice(-2)
        .sort(),
    ).toEqual(["D01", "D02"]);
    expect(units.find((unit) => unit.code === "X01")).toMatchObject({
      parentName: "Huyện Đăk Glei",
      can: { edit: true },
    });
    expect(units.some((unit) => unit.code === "Y01" || unit.code === "P01")).toBe(false);
  });

  it("finds a commune typed without diacritics", async () => {
    const response = await get("admin", "/api/admin-units?q=dak%20pek");
    expect(response.json<UnitAdminList>().units.map((unit) => unit.code)).toEqual(["X01"]);
  });

  it.each(["xem", "huyen", "vpdp"])("shows %s the list without an edit control", async (user) => {
    const response = await get(user, "/api/admin-units");
    expect(response.statusCode).toBe(200);
    const { units } = response.json<UnitAdminList>();
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((unit) => !unit.can.edit)).toBe(true);
  });

  it("refuses another province's unit history", async () => {
    const response = await get("admin2", "/api/units/X01/versions");
    expect(response.statusCode).toBe(403);
  });
});

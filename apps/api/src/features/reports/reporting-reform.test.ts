import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  ObstacleDto,
  RatesResponse,
  ReportSubmissionDto,
  ReportTypeDto,
} from "@ntm/contracts";
import { systemUser } from "../auth/index.ts";
import { importUnits } from "../units/index.ts";
import { createUser } from "../users/index.ts";
import { createTestApp, loginAs, testPassword, type TestApp } from "../../test/test-app.ts";
import { openReportPeriod } from "./open-report-period.ts";
import { insertReportType } from "./reports.repository.ts";

/**
 * The test province P01 after a reform like that of 1/7/2025: a new version of P01 takes over the
 * old one and P02; the districts end on 30/6/2025 and the communes report to the province directly
 * from 1/7/2025 (X01 keeps its code and takes in X02; X03 and the
 * ward W01 move up; Y01 comes from P02, which ends and goes into P01).
 */
let t: TestApp;
const cookies: Record<string, string> = {};
const now = new Date("2026-02-20T03:00:00Z");
let communeType = 0;
let districtType = 0;
let closedType = 0;

async function call(user: string, method: "GET" | "POST", url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: cookies[user]! },
    ...(payload ? { payload } : {}),
  });
}

const unit = (
  code: string,
  name: string,
  level: "province" | "district" | "commune",
  parentCode: string | null,
  dates: { validFrom: string; validTo?: string; successorCode?: string },
  assessed = true,
) => ({
  code,
  name,
  level,
  ...(parentCode ? { parentCode } : {}),
  region: "TN",
  flags: [],
  assessed,
  ...dates,
});

beforeAll(async () => {
  t = await createTestApp({ now });
  const old = { validFrom: "2008-01-01", validTo: "2025-06-30" };
  const from = { validFrom: "2025-07-01" };
  await importUnits(t.database.db, {
    user: systemUser,
    rows: [
      unit("P01", "Tỉnh Thử Nghiệm", "province", null, { ...old, successorCode: "P01" }),
      unit("P01", "Tỉnh Thử Nghiệm", "province", null, from),
      unit("P02", "Tỉnh Bên Cạnh", "province", null, { ...old, successorCode: "P01" }),
      unit("D01", "Huyện Đăk Glei", "district", "P01", old),
      unit("D02", "Huyện Tu Mơ Rông", "district", "P01", old),
      unit("D11", "Huyện Ia Grai", "district", "P02", old),
      unit("X01", "Xã Đăk Pék", "commune", "D01", { ...old, successorCode: "X01" }),
      unit("X02", "Xã Đăk Choong", "commune", "D01", { ...old, successorCode: "X01" }),
      unit("X03", "Xã Tê Xăng", "commune", "D02", { ...old, successorCode: "X03" }),
      unit("W01", "Thị trấn Đăk Glei", "commune", "D01", { ...old, successorCode: "W01" }, false),
      unit("Y01", "Xã Ia Chim", "commune", "D11", { ...old, successorCode: "Y01" }),
      unit("X01", "Xã Đăk Pék", "commune", "P01", from),
      unit("X03", "Xã Tê Xăng", "commune", "P01", from),
      unit("W01", "Phường Đăk Glei", "commune", "P01", from, false),
      unit("Y01", "Xã Ia Chim", "commune", "P01", from),
    ],
  });
  for (const [username, role, unitCode] of [
    ["vpdp2", "coordination_office", "P02"],
    ["xa2", "commune_officer", "X02"],
  ] as const) {
    await createUser(t.database.db, {
      input: { username, password: testPassword, role, unitCode },
      by: systemUser,
    });
  }
  for (const user of ["vpdp", "admin", "huyen", "xa1", "xa2", "xa3", "vpdp2"])
    cookies[user] = await loginAs(t.app, user);
  const create = async (code: string, submitterLevel: string) =>
    (
      await call("vpdp", "POST", "/api/report-types", {
        code,
        name: `Báo cáo tháng (${code})`,
        cadence: "monthly",
        dueRule: { kind: "dayOfNextMonth", day: 10 },
        submitterLevel,
      })
    ).json().id as number;
  communeType = await create("xa-thang", "commune");
  districtType = await create("huyen-thang", "district");
  // A type of the province the reform closed, with one period of its last year.
  const closed = await insertReportType(t.database.db, {
    code: "p02-xa-thang",
    name: "Báo cáo tháng của xã (tỉnh Bên Cạnh)",
    cadence: "monthly",
    dueRule: { kind: "dayOfNextMonth", day: 10 },
    submitterLevel: "commune",
    receiverUnitCode: "P02",
    createdBy: "system",
  });
  closedType = closed!.id;
  await openReportPeriod(t.database.db, {
    user: systemUser,
    typeId: closedType,
    periodKey: "2024-M11",
    now,
  });
});
afterAll(async () => t.close());

const generate = (typeId: number, period: string) =>
  call("vpdp", "POST", "/api/reports/generate", { typeId, period });

describe("report periods follow the tree in force on the period's last day", () => {
  it("sends a 2026 commune period from the assessed xã of the province of today", async () => {
    const response = await generate(communeType, "2026-M01");
    expect(response.statusCode).toBe(200);
    const rows = response.json() as ReportSubmissionDto[];
    expect(rows.map((row) => row.unitCode).sort()).toEqual(["X01", "X03", "Y01"]);
  });

  it("sends a 2024 period of the same type from the communes under the districts of the day", async () => {
    const rows = (await generate(communeType, "2024-M05")).json() as ReportSubmissionDto[];
    expect(rows.map((row) => row.unitCode).sort()).toEqual(["X01", "X02", "X03"]);
  });

  it("sends a district report from the districts before the reform and refuses it after, saying why", async () => {
    const before = (await generate(districtType, "2025-M05")).json() as ReportSubmissionDto[];
    expect(before.map((row) => row.unitCode).sort()).toEqual(["D01", "D02"]);
    const after = await generate(districtType, "2025-M07");
    expect(after.statusCode).toBe(409);
    expect(after.json().error.message).toContain("không có đơn vị cấp huyện");
    const list = (await call("vpdp", "GET", `/api/reports?type=${districtType}`)).json();
    expect((list as ReportSubmissionDto[]).filter((row) => row.periodKey === "2025-M07")).toEqual(
      [],
    );
  });

  it("opens no 2026 period for the province the reform closed, naming the province it went into", async () => {
    const response = await call("vpdp2", "POST", "/api/reports/generate", {
      typeId: closedType,
      period: "2026-M01",
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain("Tỉnh Bên Cạnh kết thúc ngày 30/06/2025");
    expect(response.json().error.message).toContain("Tỉnh Thử Nghiệm");
    const opened = await call("vpdp2", "POST", "/api/report-periods/open");
    expect(opened.statusCode).toBe(200);
    expect(opened.json().submissions).toBe(0);
  });

  it("shows the closed province's office its last year on the rate board", async () => {
    const board = (
      await call("vpdp2", "GET", `/api/reports/rates?type=${closedType}`)
    ).json() as RatesResponse;
    expect(board.periods.map((period) => period.key)).toEqual(["2024-M11"]);
    expect(board.rows.map((row) => row.unitCode)).toEqual(["Y01"]);
  });

  it("lists the types the office of today receives before those of the closed province", async () => {
    const types = (await call("vpdp", "GET", "/api/report-types")).json() as ReportTypeDto[];
    expect(types.at(-1)?.id).toBe(closedType);
    const former = (await call("vpdp2", "GET", "/api/report-types")).json() as ReportTypeDto[];
    expect(former[0]?.id).toBe(closedType);
  });

  it("lets the commune officer of today see and submit its commune's 2026 report", async () => {
    const mine = (
      await call("xa1", "GET", `/api/reports?type=${communeType}`)
    ).json() as ReportSubmissionDto[];
    const report = mine.find((row) => row.periodKey === "2026-M01")!;
    expect(report).toMatchObject({ unitCode: "X01", canSubmit: true });
    const sent = await call("xa1", "POST", `/api/reports/${report.id}/submit`, {
      narrative: "Tháng 1 xã hoàn thành 0,8 km đường trục thôn.",
      version: report.version,
    });
    expect(sent.statusCode).toBe(200);
    const returned = await call("vpdp", "POST", `/api/reports/${report.id}/return`, {
      reason: "Bổ sung số liệu giải ngân.",
    });
    expect(returned.statusCode).toBe(200);
  });
});

describe("obstacles escalate on the tree of their day", () => {
  const raise = async (user: string, unitCode: string) =>
    (
      await call(user, "POST", "/api/obstacles", {
        unitCode,
        title: "Thiếu vốn đối ứng làm đường trục thôn",
        criterionCodes: ["2"],
        dueDate: "2026-03-20",
      })
    ).json() as ObstacleDto;

  it("passes a commune's obstacle of today straight to the province's office, which resolves it", async () => {
    const obstacle = await raise("xa1", "X01");
    expect(obstacle.holder).toBe("commune");
    const escalated = await call("xa1", "POST", `/api/obstacles/${obstacle.id}/escalate`, {
      note: "Vượt khả năng cân đối của xã.",
    });
    expect(escalated.statusCode).toBe(200);
    expect(escalated.json()).toMatchObject({
      holder: "coordination_office",
      holderName: "Văn phòng điều phối NTM tỉnh",
      status: "escalated",
    });
    const office = (
      await call("vpdp", "GET", "/api/obstacles?status=escalated")
    ).json() as ObstacleDto[];
    expect(office.find((row) => row.id === obstacle.id)).toMatchObject({ canResolve: true });
    const resolved = await call("vpdp", "POST", `/api/obstacles/${obstacle.id}/resolve`, {
      answer: "Bố trí từ nguồn vốn tỉnh năm sau.",
    });
    expect(resolved.json()).toMatchObject({ status: "resolved" });
  });

  it("refuses to pass a commune's obstacle of today to a district, and changes nothing", async () => {
    const obstacle = await raise("xa3", "X03");
    const response = await call("xa3", "POST", `/api/obstacles/${obstacle.id}/escalate`, {
      to: "district",
      note: "Đề nghị huyện hỗ trợ.",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain("không có UBND huyện");
    const list = (await call("xa3", "GET", "/api/obstacles")).json() as ObstacleDto[];
    expect(list.find((row) => row.id === obstacle.id)).toMatchObject({
      holder: "commune",
      status: "open",
    });
  });

  it("keeps the old path for a commune the reform closed: its district, then the office", async () => {
    const obstacle = await raise("xa2", "X02");
    const escalated = await call("xa2", "POST", `/api/obstacles/${obstacle.id}/escalate`, {
      note: "Đề nghị huyện hỗ trợ.",
    });
    expect(escalated.json()).toMatchObject({ holder: "district" });
    const onward = await call("huyen", "POST", `/api/obstacles/${obstacle.id}/escalate`, {
      note: "Vượt khả năng của huyện.",
    });
    expect(onward.json()).toMatchObject({ holder: "coordination_office" });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UnitImportRow } from "@ntm/contracts";
import { tables } from "@ntm/db";
import { systemUser } from "../auth/index.ts";
import { findAuditEntries } from "../audit/index.ts";
import { importUnits } from "../units/index.ts";
import { importRecognitions } from "./import-recognitions.ts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};

async function call(user: string, method: "GET" | "POST", url: string, payload?: object) {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie: cookies[user] as string },
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.json() };
}

const commune = (code: string, name: string, parentCode: string, extra: Partial<UnitImportRow>) =>
  ({
    code,
    name,
    level: "commune",
    parentCode,
    validFrom: "2008-01-01",
    region: "TN",
    flags: [],
    ...extra,
  }) as UnitImportRow;

const decision = {
  decisionNumber: "350/QĐ-UBND",
  decisionDate: "2024-05-20",
  signer: "Nguyễn Văn A, Chủ tịch UBND tỉnh",
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  // X01 (standard) and X02 (advanced) merge into X10; X03 (not recognised) and X04 into X11.
  await importUnits(db, {
    user: systemUser,
    rows: [
      commune("X01", "Xã Đăk Pék", "D01", { validTo: "2024-03-31", successorCode: "X10" }),
      commune("X02", "Xã Đăk Choong", "D01", { validTo: "2024-03-31", successorCode: "X10" }),
      commune("X10", "Xã Đăk Plô", "D01", { validFrom: "2024-04-01" }),
      commune("X03", "Xã Tê Xăng", "D02", { validTo: "2024-03-31", successorCode: "X11" }),
      commune("X04", "Xã Ngọk Lây", "D02", { validTo: "2024-03-31", successorCode: "X11" }),
      commune("X11", "Xã Tu Mơ Rông", "D02", { validFrom: "2024-04-01" }),
    ],
  });
  await importRecognitions(db, {
    by: systemUser,
    demo: false,
    rows: [
      {
        unitCode: "X01",
        level: "standard",
        year: 2022,
        decisionNumber: "1/QĐ",
        decisionDate: "2022-12-20",
      },
      {
        unitCode: "X02",
        level: "advanced",
        year: 2023,
        decisionNumber: "2/QĐ",
        decisionDate: "2023-12-20",
      },
      {
        unitCode: "X04",
        level: "standard",
        year: 2022,
        decisionNumber: "3/QĐ",
        decisionDate: "2022-12-20",
      },
      // Recognised only after the merger took effect: it does not count.
      {
        unitCode: "X03",
        level: "standard",
        year: 2024,
        decisionNumber: "4/QĐ",
        decisionDate: "2024-04-01",
      },
    ],
  });
  for (const user of ["admin", "vpdp", "huyen", "xem"]) cookies[user] = await loginAs(t.app, user);
});
afterAll(async () => {
  await t?.close();
});

async function historyOf(code: string) {
  return (await call("admin", "GET", `/api/units/${code}/recognition-history`)).body as {
    level: string;
  }[];
}

describe("recognising a merged commune by decision (CV 267)", () => {
  it("shows the lineage with each predecessor's level and offers the lowest level", async () => {
    const response = await call("vpdp", "GET", "/api/units/X10/merger");
    expect(response.status).toBe(200);
    expect(
      response.body.lineage.predecessors.map((p: { code: string; recognisedLevel: string }) => [
        p.code,
        p.recognisedLevel,
      ]),
    ).toEqual([
      ["X02", "advanced"],
      ["X01", "standard"],
    ]);
    expect(response.body.lineage.merger).toMatchObject({ path: "decision", level: "standard" });
    expect(response.body.canDecide).toBe(true);
    expect((await call("huyen", "GET", "/api/units/X10/merger")).body.canDecide).toBe(false);
  });

  it("lists the merged communes of the province with the rule's path", async () => {
    const response = await call("vpdp", "GET", "/api/mergers");
    expect(
      response.body.map((row: { code: string; path: string }) => [row.code, row.path]),
    ).toEqual([
      ["X10", "decision"],
      ["X11", "full_procedure"],
    ]);
  });

  it.each([
    ["a district account", "huyen"],
    ["a viewer", "xem"],
  ])("refuses %s and writes nothing", async (_name, user) => {
    const response = await call(user, "POST", "/api/units/X10/merger-recognition", decision);
    expect(response.status).toBe(403);
    expect(response.body.error.message).toContain("Chỉ UBND tỉnh");
    expect(await historyOf("X10")).toEqual([]);
  });

  it("refuses when one merging commune was not recognised, naming it", async () => {
    const response = await call("admin", "POST", "/api/units/X11/merger-recognition", decision);
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain(
      "Xã Tê Xăng chưa đạt chuẩn trước khi sáp nhập: xã mới phải rà soát và thực hiện đầy đủ trình tự",
    );
    expect(await historyOf("X11")).toEqual([]);
  });

  it("refuses a decision dated before the merger", async () => {
    const response = await call("admin", "POST", "/api/units/X10/merger-recognition", {
      ...decision,
      decisionDate: "2024-03-31",
    });
    expect(response.status).toBe(400);
    expect(await historyOf("X10")).toEqual([]);
  });

  it("records the decision in the level history with an audit row", async () => {
    const response = await call("vpdp", "POST", "/api/units/X10/merger-recognition", decision);
    expect(response.status).toBe(201);
    expect(response.body.currentLevel).toBe("standard");
    expect(response.body.canDecide).toBe(false);
    expect(response.body.history).toEqual([
      expect.objectContaining({
        unitCode: "X10",
        level: "standard",
        year: 2024,
        decisionNumber: "350/QĐ-UBND",
        decisionDate: "2024-05-20",
        signer: "Nguyễn Văn A, Chủ tịch UBND tỉnh",
        basis: "merger",
        dossierId: null,
        endedOn: null,
      }),
    ]);
    const audit = await findAuditEntries(t.database.db, {
      unitCode: "X10",
      entityType: "recognised_levels",
      limit: 10,
    });
    expect(audit.map((row) => [row.action, row.username])).toEqual([
      ["recognition.merger_decision", "vpdp"],
    ]);
  });

  it("refuses a repeated decision and keeps one history row", async () => {
    const response = await call("admin", "POST", "/api/units/X10/merger-recognition", {
      ...decision,
      decisionNumber: "351/QĐ-UBND",
    });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain("đã được công nhận mức đạt chuẩn");
    expect(await historyOf("X10")).toHaveLength(1);
  });

  it("marks a commune that gave only part of its area, and still asks its recognition", async () => {
    const db = t.database.db;
    await importUnits(db, {
      user: systemUser,
      rows: [commune("X05", "Xã Đăk Tờ Kan", "D02", { validTo: "2024-03-31" })],
    });
    await db.insert(tables.unitSuccessors).values({
      predecessorCode: "X05",
      predecessorValidFrom: "2008-01-01",
      successorCode: "X11",
      successorValidFrom: "2024-04-01",
      kind: "partial",
      effectiveDate: "2024-04-01",
    });
    const response = await call("vpdp", "GET", "/api/units/X11/merger");
    expect(
      response.body.lineage.predecessors.map((p: { code: string; kind: string }) => [
        p.code,
        p.kind,
      ]),
    ).toEqual([
      ["X05", "partial"],
      ["X04", "full"],
      ["X03", "full"],
    ]);
    expect(response.body.lineage.merger.path).toBe("full_procedure");
    expect(response.body.lineage.merger.reason).toContain("Xã Đăk Tờ Kan");
  });

  it("returns 404 for a commune not formed by a merger", async () => {
    const response = await call("admin", "POST", "/api/units/X02/merger-recognition", decision);
    expect(response.status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@ntm/db";
import { createTestApp, loginAs, testPassword, type TestApp } from "../../test/test-app.ts";
import { verifyAuditChain } from "./audit-verify.ts";
import { multipartBody, multipartContentType } from "../../test/multipart.ts";

/** A CSV file as the import form sends it. */
function csvForm(name: string, content: string) {
  return multipartBody({}, { name, content: Buffer.from(content), type: "text/csv" });
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function actionsFor(entityKey: string) {
  const rows = await queryRows<{ action: string }>(
    t.database.db,
    sql`select action from audit_log where entity_key = ${entityKey} order by seq`,
  );
  return rows.map((row) => row.action);
}

interface HistoryEntry {
  id: number;
  at: string;
  action: string;
  username: string;
  entityType: string;
  entityKey: string;
  oldValue: unknown;
  newValue: unknown;
}

async function historyOf(unit: string, indicator?: string): Promise<HistoryEntry[]> {
  const response = await t.app.inject({
    method: "GET",
    url: `/api/units/${unit}/assessments/2024/history${indicator ? `?indicator=${indicator}` : ""}`,
    headers: { cookie: await loginAs(t.app, "huyen") },
  });
  expect(response.statusCode).toBe(200);
  return (response.json() as { entries: HistoryEntry[] }).entries;
}

describe("audit trail", () => {
  it("shows a value changed by a file import in the indicator's history, with old and new", async () => {
    const xa1 = await loginAs(t.app, "xa1");
    const saved = await t.app.inject({
      method: "PUT",
      url: "/api/units/X01/assessments/2024/values",
      headers: { cookie: xa1 },
      payload: { version: 0, values: [{ indicatorCode: "3.1", value: 70 }] },
    });
    expect(saved.statusCode).toBe(200);
    const huyen = await loginAs(t.app, "huyen");
    const imported = await t.app.inject({
      method: "POST",
      url: "/api/import/values",
      headers: { cookie: huyen, "content-type": multipartContentType },
      payload: csvForm(
        "so-lieu.csv",
        "ma_don_vi;ma_chi_tieu;nam;gia_tri\nX01;3.1;2024;81,5\nX01;3.2;2024;Có\n",
      ),
    });
    expect(imported.statusCode).toBe(200);

    const entries = await historyOf("X01", "3.1");
    expect(entries.map((entry) => entry.action)).toEqual([
      "assessment.value.import",
      "assessment.value.update",
    ]);
    expect(entries[0]).toMatchObject({
      username: "huyen",
      entityType: "assessment_value",
      entityKey: "X01/2024/3.1",
      unitCode: "X01",
      oldValue: { value: 70, note: null },
      newValue: { value: 81.5, note: null, source: "so-lieu.csv" },
    });
    expect(await historyOf("X01", "3.2")).toMatchObject([
      {
        action: "assessment.value.import",
        entityKey: "X01/2024/3.2",
        oldValue: null,
        newValue: { value: true, note: null, source: "so-lieu.csv" },
      },
    ]);
  });

  it("records a file import as one audit row per commune-year, read back value by value", async () => {
    const huyen = await loginAs(t.app, "huyen");
    const before = await actionsFor("X02/2024");
    const imported = await t.app.inject({
      method: "POST",
      url: "/api/import/values",
      headers: { cookie: huyen, "content-type": multipartContentType },
      payload: csvForm(
        "hai-xa.csv",
        "ma_don_vi,ma_chi_tieu,nam,gia_tri,ghi_chu\nX02,3.1,2024,40,đo lại\nX02,10.1,2024,12,\nX01,3.1,2024,90,\n",
      ),
    });
    expect(imported.statusCode).toBe(200);
    expect(await actionsFor("X02/2024")).toEqual([...before, "assessment.import"]);
    expect(await actionsFor("X02/2024/3.1")).toEqual([]);
    const [x02] = await queryRows<{ id: string | number; old_value: unknown; new_value: unknown }>(
      t.database.db,
      sql`select id, old_value, new_value from audit_log
           where entity_key = 'X02/2024' and action = 'assessment.import'`,
    );
    expect(x02?.new_value).toEqual({
      source: "hai-xa.csv",
      values: { "3.1": { value: 40, note: "đo lại" }, "10.1": { value: 12, note: null } },
    });
    expect(x02?.old_value).toEqual({ "3.1": null, "10.1": null });

    const [first] = await historyOf("X02", "3.1");
    const [second] = await historyOf("X02", "10.1");
    expect(first).toMatchObject({
      id: Number(x02?.id),
      action: "assessment.value.import",
      entityKey: "X02/2024/3.1",
      username: "huyen",
      oldValue: null,
      newValue: { value: 40, note: "đo lại", source: "hai-xa.csv" },
    });
    expect(second).toMatchObject({ id: Number(x02?.id), entityKey: "X02/2024/10.1" });
    expect(second?.at).toBe(first?.at);
    // An indicator the import left alone has no entry of it, even one whose code starts the same.
    expect(await historyOf("X02", "3.2")).toEqual([]);
    expect(await historyOf("X02", "10.10")).toEqual([]);
    const all = await historyOf("X02");
    expect(all.map((entry) => entry.entityKey)).toEqual(["X02/2024/3.1", "X02/2024/10.1"]);

    const x01 = await historyOf("X01", "3.1");
    expect(x01[0]).toMatchObject({
      oldValue: { value: 81.5, note: null },
      newValue: { value: 90, note: null, source: "hai-xa.csv" },
    });
  });

  it("detects a bulk import row edited in the database", async () => {
    const [row] = await queryRows<{ id: string | number; seq: string | number }>(
      t.database.db,
      sql`select id, seq from audit_log where entity_key = 'X02/2024' and action = 'assessment.import'`,
    );
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
    await t.database.db.execute(
      sql`update audit_log set new_value = jsonb_set(new_value, '{values,3.1,value}', '45')
           where id = ${Number(row?.id)}`,
    );
    expect((await verifyAuditChain(t.database.db)).firstBreak).toEqual({
      kind: "edited",
      id: Number(row?.id),
      seq: Number(row?.seq),
    });
    await t.database.db.execute(
      sql`update audit_log set new_value = jsonb_set(new_value, '{values,3.1,value}', '40')
           where id = ${Number(row?.id)}`,
    );
  });

  it("audits a value re-imported unchanged not at all", async () => {
    const huyen = await loginAs(t.app, "huyen");
    const before = await actionsFor("X01/2024/3.1");
    await t.app.inject({
      method: "POST",
      url: "/api/import/values",
      headers: { cookie: huyen, "content-type": multipartContentType },
      payload: csvForm("lai.csv", "ma_don_vi;ma_chi_tieu;nam;gia_tri\nX01;3.1;2024;81,5\n"),
    });
    expect(await actionsFor("X01/2024/3.1")).toEqual(before);
  });

  it("records logins and failed logins", async () => {
    await loginAs(t.app, "xem");
    const failed = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "xem", password: `${testPassword}-sai` },
    });
    expect(failed.statusCode).toBe(401);
    const actions = await actionsFor("xem");
    expect(actions).toContain("auth.login");
    expect(actions.at(-1)).toBe("auth.login-failed");
  });

  it("keeps one unbroken chain through all of it", async () => {
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true, firstBreak: null });
  });
});

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

    const history = await t.app.inject({
      method: "GET",
      url: "/api/units/X01/assessments/2024/history?indicator=3.1",
      headers: { cookie: xa1 },
    });
    const entries = history.json().entries as {
      action: string;
      username: string;
      oldValue: unknown;
      newValue: unknown;
    }[];
    expect(entries.map((entry) => entry.action)).toEqual([
      "assessment.value.import",
      "assessment.value.update",
    ]);
    expect(entries[0]).toMatchObject({
      username: "huyen",
      oldValue: { value: 70, note: null },
      newValue: { value: 81.5, note: null, source: "so-lieu.csv" },
    });
    expect(await actionsFor("X01/2024/3.2")).toEqual(["assessment.value.import"]);
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
